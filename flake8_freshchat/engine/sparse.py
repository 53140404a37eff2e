"""The statements that hold candidate lines, cut out of a module without parsing all of it.

Most of a large file that holds a candidate line is code around it; parsing it all costs
twenty times what finding the statements does. A cheap lexical pass blanks out strings and
comments (keeping every line break), which leaves brackets, line continuations,
indentation and block keywords to read the module's layout from. The sparse module keeps,
at their own lines and columns:

- every logical line that holds a candidate line and a string literal (every finding is
  one; a docstring counts only with `eyJ`, a Freshchat token), and every import (the
  module's Freshchat fact), verbatim; a `def` or `class` among them with its decorators;
- the blocks around them: a `def` or `class` as a stub with its name (`def name():`, all
  the extractor reads of it), `match` and `case` verbatim, any other block (`if`, `for`,
  `try`, `else`, ...) as an `if 1:` stub on its first line, since nothing on a line
  without a candidate can make a finding;
- every other line blank.

The extractor then visits exactly the statements it would visit in the whole tree, with
the same enclosing names, so the findings are the same. When the layout cannot be read
safely (tabs or form feeds in indentation, a quote the pass cannot pair, an f-string
whose replacement field holds its own quote), None sends the caller to the whole parse;
and a sparse module that does not parse is parsed whole too, which reports the error
where it is. Syntax errors outside the statements that hold candidates are not reported:
like a file without a candidate line, nothing there can be a finding.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re

#: Strings (triple-quoted first) and comments, left to right as the tokenizer reads them.
#: Each string body is an unrolled loop (`[^"\\]*(?:\\.[^"\\]*)*`): linear, no backtracking.
_LEXEME = re.compile(
    r'#[^\n]*'
    r'|"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\[\s\S]|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n]*(?:\\[\s\S][^"\\\n]*)*"'
    r"|'[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*'"
)


@functools.lru_cache(maxsize=64)
def _header_pattern(deepest: int) -> re.Pattern[str]:
    """A line indented less than `deepest` (spaces: tabs bail out) that opens a block, or may."""
    return re.compile(r"\n(?=( {0,%d}))\1%s" % (deepest - 1, _KEYWORD))


_KEYWORD = (r"(@|(?:async +)?(?:def\b|for\b|with\b)|class\b|if\b|elif\b|else\b|while\b|try\b|except\b"
            r"|finally\b|match\b|case\b)")
_LINE_KEYWORD = re.compile(r"(?=( *))\1" + _KEYWORD)
_IMPORT = re.compile(r" *(?:import|from)\b")
#: What a statement of string literals alone leaves in the skeleton.
_BARE_STRING = " \n_\\rRbBuUfF"  # blanks, the `_` of each string, prefixes, continuations
_DEF_NAME = re.compile(r"(async\s+)?(?:def|class)\s+(\w+)")
#: `(?=( *))\1` takes the blanks once (an atomic group, as 3.10's re can write one): a plain
#: ` *` before a keyword that is not there would be retried with one blank fewer, and fewer.
_TAB_OR_FEED_INDENT = re.compile(r"\n(?=( *))\1[\t\f]")
_TAB_OR_FEED_FIRST = re.compile(r"(?=( *))\1[\t\f]")
_BRACKETS = str.maketrans("[{]}", "(())")
_VERBATIM_BLOCKS = frozenset({"def", "class", "match", "case"})
_CLAUSES = frozenset({"elif", "else", "except", "finally"})


class _Unsafe(Exception):
    """The layout cannot be read safely here: parse the whole module."""


class _Layout:
    """The module's skeleton (strings blanked to `_`, comments to spaces, brackets all `(`
    or `)`) and where its lines start."""

    def __init__(self, source: str, lines: list[str]) -> None:
        #: (first line, last line) of each string over several lines.
        self.multiline: list[tuple[int, int]] = []
        self.source = source
        self.lines = lines
        self.starts = [0]
        self.starts += map(operator.add, itertools.accumulate(map(len, lines)), range(1, len(lines) + 1))
        self.skeleton = _LEXEME.sub(self._blank, source).translate(_BRACKETS)
        if '"' in self.skeleton or "'" in self.skeleton:
            raise _Unsafe  # an unterminated string, or a nested quote in an f-string (3.12)
        self._string_firsts = [first for first, _ in self.multiline]
        self._string_ends = dict(self.multiline)
        self._ends: dict[int, int] = {}

    def _blank(self, match: re.Match[str]) -> str:
        text = match.group()
        if "\n" in text:
            return self._blank_lines(match)
        if text[0] == "#":
            return " " * len(text)
        if "{" in text:
            self._check_fstring(match)
        return "_" * len(text)

    def _blank_lines(self, match: re.Match[str]) -> str:
        """A string over several lines: blanked, its line breaks kept and its lines noted."""
        text = match.group()
        if "{" in text:
            self._check_fstring(match)
        first = self.line_of(match.start())
        self.multiline.append((first, first + text.count("\n")))
        return "\n".join(map("_".__mul__, map(len, text.split("\n"))))

    def _check_fstring(self, match: re.Match[str]) -> None:
        at, text = match.start(), match.group()
        if "f" in self.source[max(0, at - 2):at].lower() and text.count("{") != text.count("}"):
            raise _Unsafe  # a replacement field holds this string's own quote

    def line_of(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position)

    def skeleton_line(self, number: int) -> str:
        return self.skeleton[self.starts[number - 1]:self.starts[number] - 1]

    def string_around(self, number: int) -> tuple[int, int] | None:
        """The multi-line string whose later lines include `number`."""
        i = bisect.bisect_left(self._string_firsts, number) - 1
        if i >= 0 and self.multiline[i][0] < number <= self.multiline[i][1]:
            return self.multiline[i]
        return None

    def balance(self, number: int) -> int:
        line = self.skeleton_line(number)
        return line.count("(") - line.count(")")

    def logical_start(self, number: int, depth: int) -> int:
        """The first line of the logical line that holds line `number`, at whose start
        `depth` brackets are open: up past open brackets, backslashes and strings."""
        while number > 1:
            string = self.string_around(number)
            if string is not None:  # inside a string: its inner lines hold no bracket
                number = string[0]
            elif depth > 0 or self.skeleton_line(number - 1).endswith("\\"):
                number -= 1
            else:
                return number
            depth -= self.balance(number)
        return number

    def logical_end(self, first: int) -> int:
        """The last line of the logical line that starts at `first`."""
        end = self._ends.get(first)
        if end is None:
            end = self._ends[first] = self._logical_end(first)
        return end

    def _logical_end(self, first: int) -> int:
        number, depth = first, 0
        while True:
            depth += self.balance(number)
            string_end = self._string_ends.get(number)
            if string_end is not None:  # its inner lines hold no bracket: on to its last line
                number = string_end
                continue
            if (depth <= 0 and not self.skeleton_line(number).endswith("\\")) or number >= len(self.lines):
                return number
            number += 1

    def ends_block(self, first: int, last: int) -> bool:
        """The logical line opens an indented block: it ends with a colon."""
        return self.skeleton_line(last).rstrip().endswith(":")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def sparse_module(source: str, lines: list[str], candidates: list[int]) -> str | None:
    """`source` (line breaks `\\n`, split into `lines`) reduced to the statements on the
    `candidates` lines and the blocks around them, at their own lines and columns; None when
    its layout cannot be read safely."""
    if "\0" in source or _TAB_OR_FEED_FIRST.match(source) or _TAB_OR_FEED_INDENT.search(source):
        return None
    try:
        return _Sparse(source, lines).build(candidates)
    except (_Unsafe, IndexError, RecursionError):
        return None


class _Sparse:
    def __init__(self, source: str, lines: list[str]) -> None:
        self.layout = _Layout(source, lines)
        self.lines = lines
        #: The sparse module's lines: "" where nothing is kept (a kept line holds code).
        self.out = [""] * len(lines)

    def _headers(self, before: int, deepest: int) -> list[int]:
        """The lines above line `before`, indented less than `deepest` (no other block can
        hold a statement indented `deepest` or less), that start with a block keyword.

        Brackets are not counted here: a keyword line inside them (a comprehension's `for`,
        a conditional's `else`) that is taken for a block only wraps a later statement in
        an `if 1:` stub, which changes nothing the extractor reads, or unbalances the
        indentation, and the module is parsed whole."""
        if deepest == 0:
            return []
        layout, skeleton = self.layout, self.layout.skeleton
        pattern = _header_pattern(deepest)
        # A match begins at the line break before its line.
        positions = [m.end(1) for m in pattern.finditer(skeleton, 0, layout.starts[before - 1])]
        lines = list(map(functools.partial(bisect.bisect_right, layout.starts), positions))
        if skeleton[:1] != "\n" and pattern.match("\n" + skeleton[:200]) is not None:
            lines.insert(0, 1)
        return lines

    def _statements(self, candidates: list[int]) -> list[int]:
        """The first line of each logical line that holds a candidate line and can hold a
        finding, in order: every finding is a string literal (a comment is read from the
        text, not the tree), one standing alone (a docstring) only a Freshchat token (FCH101,
        `eyJ`), and an import says the module is Freshchat's."""
        layout, skeleton = self.layout, self.layout.skeleton
        firsts, depth, last, end = [], 0, 0, 0
        for number in sorted(set(candidates)):
            if number <= end:
                continue  # in the statement found last: walked once, whatever its length
            start = layout.starts[number - 1]
            depth += skeleton.count("(", last, start) - skeleton.count(")", last, start)
            last = start
            first = layout.logical_start(number, depth)
            end = layout.logical_end(first)
            lo, hi = layout.starts[first - 1], layout.starts[end]
            text = layout.source[lo:hi]
            if _IMPORT.match(skeleton, lo):
                firsts.append(first)
            elif '"' in text or "'" in text:
                # A string alone (a docstring) can hold a Freshchat token and nothing else.
                if skeleton[lo:hi].strip(_BARE_STRING) or "eyj" in text.lower():
                    firsts.append(first)
        return firsts

    def _keep(self, first: int) -> int:
        last = self.layout.logical_end(first)
        for number in range(first, last + 1):
            self.out[number - 1] = self.lines[number - 1]
        return last

    def build(self, candidates: list[int]) -> str:
        layout = self.layout
        statements = self._statements(candidates)
        if not statements:
            return "\n" * (len(self.lines) - 1)
        indents = {s: _indent(self.lines[s - 1]) for s in statements}
        headers = self._headers(statements[-1] + 1, max(indents.values()))
        # One sweep in line order: a stack of the blocks open at each statement.
        ancestors: dict[int, tuple[int, ...]] = {}
        stack: list[tuple[int, int]] = []  # (indent, header line)

        def close_blocks(indent: int) -> None:
            while stack and stack[-1][0] >= indent:
                stack.pop()

        position, count = 0, len(headers)
        for statement in statements:
            while position < count and headers[position] < statement:
                header = headers[position]
                position += 1
                indent = _indent(self.lines[header - 1])
                close_blocks(indent)
                stack.append((indent, header))
            close_blocks(indents[statement])
            ancestors[statement] = tuple(line for _, line in stack)
            if position < count and headers[position] == statement:  # a block it opens
                position += 1
                stack.append((indents[statement], statement))
        opened: set[int] = set()
        for statement in statements:
            opened.update(ancestors[statement])
        keep_headers: set[int] = set()
        for statement in statements:
            kind = self._kind(statement)
            last = self._keep(statement)
            if kind in _CLAUSES:
                self._clause(statement, kind)
            if kind == "@":
                keep_headers.add(self._decorated(statement))
            elif kind in ("def", "class"):
                keep_headers.add(statement)
            elif kind and statement not in opened and layout.ends_block(statement, last):
                if kind == "match":
                    raise _Unsafe  # a match needs a case
                self._empty_body(last)
        for header in sorted(opened | keep_headers):
            indent, kind = _indent(self.lines[header - 1]), self._kind(header)
            if kind in ("def", "class") and header not in keep_headers \
                    and (stub := self._named_stub(header, indent, kind)):
                self.out[header - 1] = stub
            elif kind in _VERBATIM_BLOCKS:
                last = self._keep(header)
                if kind in ("def", "class"):
                    self._keep_decorators(header)
                if header not in opened and layout.ends_block(header, last):
                    self._empty_body(last)
            elif not self.out[header - 1]:
                self.out[header - 1] = " " * indent + "if 1:"
        return "\n".join(self.out)

    def _named_stub(self, header: int, indent: int, kind: str) -> str | None:
        """`def name():` or `class Name:` for a block around kept statements whose own lines
        hold no candidate: the extractor reads its name, and nothing in its signature,
        bases or decorators can make a finding (that would need a candidate line there)."""
        match = _DEF_NAME.match(self.layout.skeleton_line(header), indent)
        if match is None:
            return None
        prefix, name = match.group(1) or "", match.group(2)
        return " " * indent + (f"{prefix}def {name}():" if kind == "def" else f"class {name}:")

    def _clause(self, first: int, kind: str) -> None:
        """A clause cannot stand without what it continues: an `elif` becomes an `if` of the
        same width. An `else`, `except` or `finally` line kept for its own sake holds a
        quote (a literal in an inline body, or a comment): parse the whole module."""
        if kind != "elif":
            raise _Unsafe
        line = self.lines[first - 1]
        indent = _indent(line)
        self.out[first - 1] = line[:indent] + "if  " + line[indent + 4:]

    def _kind(self, number: int) -> str:
        """The block keyword line `number` (a logical line's first) starts with, or ""."""
        match = _LINE_KEYWORD.match(self.layout.skeleton, self.layout.starts[number - 1])
        return match.group(2).split()[-1] if match else ""

    def _code_line(self, number: int) -> bool:
        return self.layout.skeleton_line(number).strip() != ""

    def _decorated(self, decorator: int) -> int:
        """The `def` or `class` a decorator line stands over."""
        number = self.layout.logical_end(decorator) + 1
        while number <= len(self.lines):
            if self._code_line(number):
                kind = self._kind(number)
                if kind in ("def", "class"):
                    return number
                if kind != "@":
                    raise _Unsafe
                number = self.layout.logical_end(number)
            number += 1
        raise _Unsafe

    def _keep_decorators(self, header: int) -> None:
        """Keep the decorators above a `def` or `class`: walk up logical line by logical line."""
        layout = self.layout
        last = header - 1
        while last >= 1:
            if not self._code_line(last):
                last -= 1
                continue
            first = layout.logical_start(last, -layout.balance(last))  # it ends with no bracket open
            if self._kind(first) != "@":
                return
            for number in range(first, last + 1):
                self.out[number - 1] = self.lines[number - 1]
            last = first - 1

    def _empty_body(self, last: int) -> None:
        """A kept block header none of whose statements is kept: `...` after its colon."""
        line = self.out[last - 1] or self.lines[last - 1]
        colon = len(self.layout.skeleton_line(last).rstrip()) - 1
        self.out[last - 1] = line[:colon + 1] + " ..."
