"""The detection engine: plain functions, no flake8, pylint or libcst import.

Front ends give it source text (or flake8's tree and lines) and get findings back:

    >>> from flake8_freshchat.engine import analyze_source
    >>> [f.code for f in analyze_source('password = "Tr0ub4dor&3"\\n')]
    ['FCH201']
"""
from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from .model import Candidate, Finding, Kind, ModuleFacts
from .options import DEFAULT_OPTIONS, PYLINT_DISABLE, Options
from .registry import RULES, RULES_BY_CODE, RULES_BY_SYMBOL, Rule

if TYPE_CHECKING:
    import ast

# The parser, the extractor and the rules are imported where a file first needs them: a
# run whose files are all cached, or hold no candidate line, never loads them.

__all__ = [
    "Candidate", "Finding", "Kind", "ModuleFacts", "Options", "DEFAULT_OPTIONS", "Rule", "RULES",
    "RULES_BY_CODE", "RULES_BY_SYMBOL", "SourceError", "analyze_bytes", "analyze_candidates", "analyze_source",
    "analyze_tree",
    "decide", "decode_source", "normalize_newlines", "parse_source", "prefilter_bytes", "prefilter_source", "prepare",
]


def normalize_newlines(text: str) -> str:
    """Line breaks as ast counts them: `\\r\\n`, and a lone `\\r` too, are each one `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


class SourceError(Exception):
    """A file that cannot be decoded or parsed; the message never quotes source text."""


def decide(candidates: Sequence[Candidate], facts: ModuleFacts, options: Options) -> list[Finding]:
    """Run the rules, most specific first, over each candidate: one finding per literal."""
    from .rules import RULES_IN_ORDER, RuleContext

    ctx = RuleContext(facts, options.vocabulary, options.allowed_values)
    findings = []
    for candidate in candidates:
        for rule in RULES_IN_ORDER:
            finding = rule(candidate, ctx)
            if finding is not None:
                findings.append(finding)
                break
    findings.sort(key=lambda f: (f.line, f.col, f.code))
    return findings


def _analyze(tree: ast.Module, source: str, line_text: Callable[[int], str], options: Options,
             lines: list[int] | None = None, whole: Callable[[], ast.Module] | None = None) -> list[Finding]:
    """`whole` gives the whole module's tree when `tree` is a sparse one (pylint's pragmas
    are scoped by the whole tree)."""
    from .extract import extract
    from .prefilter import candidate_lines

    if lines is None:
        lines = candidate_lines(source, options.vocabulary)
    if not lines:
        return []
    extraction = extract(tree, lines, line_text)
    findings = decide(extraction.candidates, extraction.facts, options)
    if findings and options.suppressions:
        from .pylint_pragmas import read_pragmas
        from .suppress import is_suppressed

        pragmas = None
        if PYLINT_DISABLE in options.suppressions and "pylint:" in source:
            pragmas = read_pragmas(whole() if whole is not None else tree, source)
        findings = [f for f in findings if not is_suppressed(f, line_text, options.suppressions, pragmas)]
    return findings


def analyze_tree(tree: ast.Module, lines: Sequence[str], options: Options = DEFAULT_OPTIONS) -> list[Finding]:
    """Findings for an already parsed module (flake8 hands us its tree and lines)."""
    source = "".join(lines)
    if "\r" in source:  # ast counts a lone CR as a line break too
        source = normalize_newlines(source)
        lines = source.split("\n")

    def line_text(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    return _analyze(tree, source, line_text, options)


def decode_source(data: bytes) -> str:
    """Bytes to text as Python reads them: BOM, coding cookie, then UTF-8."""
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except SyntaxError:
        raise SourceError("cannot decode: not UTF-8, and no valid coding declaration") from None
    except LookupError:
        raise SourceError("cannot decode: unknown encoding in the coding declaration") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"cannot decode as {exc.encoding} (byte offset {exc.start})") from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_source(source: str) -> tuple[ast.Module, str]:
    """The tree and the newline-normalised text it was parsed from."""
    import ast

    source = normalize_newlines(source)
    if "\0" in source:  # 3.10 raises a bare ValueError, 3.11 on a SyntaxError: one message for all
        raise SourceError("cannot parse: source code string cannot contain null bytes")
    try:
        return ast.parse(source), source
    except SyntaxError as exc:
        where = f" at line {exc.lineno}" if exc.lineno else ""
        raise SourceError(f"cannot parse: {exc.msg}{where}") from None
    except (RecursionError, MemoryError):
        raise SourceError("cannot parse: too deeply nested") from None
    except ValueError as exc:
        raise SourceError(f"cannot parse: {type(exc).__name__}") from None


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Parsing allocates millions of objects and no cycles (reference counting frees a tree),
    but left on, the collector runs full passes over the whole heap as they pile up: time
    grows faster than the file, and inside pylint each pass walks astroid's heap too."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def prepare(options: Options = DEFAULT_OPTIONS) -> None:
    """Load now what analysing files needs (the extractor, the rules, the prefilter's
    anchors, the word list): a process that waits for something else anyway (history,
    for `git log`) loads it then, once, and every worker it forks shares it."""
    from . import extract, pylint_pragmas, sparse, suppress  # noqa: F401
    from .prefilter import candidate_lines
    from .rules import RULES_IN_ORDER  # noqa: F401
    from .tables import dictionary

    dictionary()
    candidate_lines("", options.vocabulary)


def prefilter_source(source: str, options: Options = DEFAULT_OPTIONS) -> tuple[str, list[int]]:
    """The source with its line breaks as ast counts them, and its candidate lines: a source
    without one cannot hold a finding, and need not be parsed."""
    from .prefilter import candidate_lines

    source = normalize_newlines(source)
    return source, candidate_lines(source, options.vocabulary)


def prefilter_bytes(data: bytes, options: Options = DEFAULT_OPTIONS) -> list[int]:
    """The candidate lines of a file's bytes, before any decoding: a file without one need
    not even be decoded (every anchor is ASCII, and so is every line break)."""
    from .prefilter import candidate_lines_of_bytes

    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return candidate_lines_of_bytes(data, options.vocabulary)


#: Below this many lines a module is parsed whole: cutting it out would save little.
SPARSE_MIN_LINES = 20


def _sparse_tree(source: str, split: list[str], lines: list[int]) -> ast.Module | None:
    """The tree of the statements on `lines` and the blocks around them (see sparse), or None
    when the module must be parsed whole."""
    import ast

    from .sparse import sparse_module

    sparse = sparse_module(source, split, lines)
    if sparse is None:
        return None
    try:
        return ast.parse(sparse)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # the whole parse says where and why


def analyze_candidates(source: str, lines: list[int], options: Options = DEFAULT_OPTIONS, *,
                       parse_errors: bool = True, sparse: bool | None = None) -> list[Finding]:
    """Findings of a prefiltered source (`prefilter_source`). A large module has only the
    statements on its candidate lines parsed (see sparse; `sparse` forces the choice), a
    small one is parsed whole. SourceError when what is parsed cannot be, or no findings
    with `parse_errors=False` (pylint reports syntax errors itself)."""
    if not lines:
        return []
    with _cycle_collector_paused():
        source = normalize_newlines(source)
        split = source.split("\n")
        tree = _sparse_tree(source, split, lines) if sparse or (
            sparse is None and len(split) >= SPARSE_MIN_LINES) else None
        whole = None  # the whole tree, for pylint's pragmas, when `tree` is a sparse one
        if tree is not None:
            whole = functools.partial(_whole_tree, source)
        else:
            try:
                tree = _whole_tree(source)
            except SourceError:
                if parse_errors:
                    raise
                return []

        def line_text(number: int) -> str:
            return split[number - 1] if 0 < number <= len(split) else ""

        try:
            return _analyze(tree, source, line_text, options, lines, whole)
        except RecursionError:
            raise SourceError("too deeply nested to analyse") from None


def _whole_tree(source: str) -> ast.Module:
    return parse_source(source)[0]


def analyze_bytes(data: bytes, options: Options = DEFAULT_OPTIONS, *, parse_errors: bool = True) -> list[Finding]:
    """Findings for a file's bytes, as `analyze_source` gives them for its text; a file
    without a candidate line is not even decoded. SourceError when it cannot be decoded,
    or parsed (unless `parse_errors=False`), and holds a candidate line."""
    lines = prefilter_bytes(data, options)
    return analyze_candidates(decode_source(data), lines, options, parse_errors=parse_errors) if lines else []


def analyze_source(source: str, options: Options = DEFAULT_OPTIONS, *, parse_errors: bool = True) -> list[Finding]:
    """Findings for source text.

    A source the line prefilter passes over cannot hold a finding and is not parsed at all
    (its syntax is not this tool's business). One with a candidate line that Python cannot
    parse raises SourceError, or with `parse_errors=False` (pylint reports syntax errors
    itself) has no findings.
    """
    source, lines = prefilter_source(source, options)
    return analyze_candidates(source, lines, options, parse_errors=parse_errors)
