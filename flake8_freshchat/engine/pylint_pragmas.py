"""`# pylint: disable=…` as pylint itself applies it, so every surface agrees with pylint.

pylint reads a pragma at line L and gives it to the innermost node whose lines hold L:
- a node on one line (the statement, name or literal a trailing comment follows): line L
  only; a `def` line always holds its parameters, so `def f():  # pylint: disable=…` is
  that line alone, while `class C:  # pylint: disable=…` (nothing else on the line) is
  the whole class;
- the module: from L to its end, or all of it when L comes before its first statement;
- any other node over several lines (a function or class, an `if` with its `else`, a
  `try` with its handlers, a `with`, a call or a dict): from L to its end.
`disable-next` is line L+1 only; `enable` reopens the same way; `disable=all`, `skip-file`
and `disable-all` switch the whole file off. A name counts when it is the rule's symbol or
id, its category (`W`, `warning`), the checker's name (`freshchat`) or `all`.
"""
from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from typing import NamedTuple

from .registry import RULES_BY_CODE

CHECKER_NAME = "freshchat"
_CATEGORIES = {"W": "warning", "E": "error", "C": "convention", "R": "refactor", "I": "info", "F": "fatal"}
# pylint's own grammar: after `pylint:`, anything up to `;`, `#` or the end of the line.
_PRAGMA = re.compile(r"\bpylint:\s*([^;#\n]+)")
_ACTION = re.compile(r"\s*(disable-next|disable-msg|enable-msg|disable-all|skip-file|disable|enable)\s*(?:=\s*(.*))?$")
_FILE_OFF = frozenset({"skip-file", "disable-all"})


class _Pragma(NamedTuple):
    first: int
    last: int
    enabled: bool
    names: frozenset[str]


class PylintPragmas(NamedTuple):
    """The pragmas of one module, with the lines each one governs."""

    whole_file_off: bool
    pragmas: tuple[_Pragma, ...]

    def disables(self, code: str, line: int) -> bool:
        if self.whole_file_off:
            return True
        names = names_of(code)
        state = True
        for pragma in self.pragmas:  # in source order: a later pragma overrides an earlier one
            if pragma.first <= line <= pragma.last and pragma.names & names:
                state = pragma.enabled
        return not state


def names_of(code: str) -> frozenset[str]:
    rule = RULES_BY_CODE[code]
    category = rule.pylint_id[0]
    return frozenset({rule.symbol, rule.pylint_id.lower(), category.lower(), _CATEGORIES[category],
                      CHECKER_NAME, "all"})


def _comments(source: str) -> Iterator[tuple[int, str]]:
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and "pylint:" in token.string:
                yield token.start[0], token.string
    except (tokenize.TokenError, SyntaxError):  # the source parsed; a tokenizer quirk ends the scan
        return


def _has_lines(node: ast.AST) -> bool:
    return getattr(node, "lineno", None) is not None and getattr(node, "end_lineno", None) is not None


def _positioned_children(node: ast.AST) -> Iterator[ast.AST]:
    """Children with line numbers; those without (arguments, comprehensions) are seen through."""
    for child in ast.iter_child_nodes(node):
        if _has_lines(child):
            yield child
        else:
            yield from _positioned_children(child)


def _first_statement(body: list[ast.stmt]) -> int | None:
    statements = body[1:] if body and isinstance(body[0], ast.Expr) and isinstance(
        body[0].value, ast.Constant) and isinstance(body[0].value.value, str) else body
    return statements[0].lineno if statements else None


def _governed_lines(tree: ast.Module, line: int, last_line: int) -> tuple[int, int]:
    """The lines a pragma on `line` governs (see the module's docstring)."""
    node: ast.AST = tree
    while True:
        inner = next((c for c in _positioned_children(node) if c.lineno <= line <= c.end_lineno), None)
        if inner is None:
            break
        if inner.lineno == inner.end_lineno or (
                isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and line == inner.lineno):
            return line, line  # astroid's parameters node always stands on the `def` line
        node = inner
    if isinstance(node, ast.Module):
        first = _first_statement(node.body)
        return (1 if first is None or line <= first else line), last_line
    return line, node.end_lineno


def read_pragmas(tree: ast.Module, source: str) -> PylintPragmas:
    last_line = source.count("\n") + 1
    pragmas = []
    for line, comment in _comments(source):
        match = _PRAGMA.search(comment)
        action = _ACTION.match(match.group(1)) if match else None
        if action is None:
            continue
        verb, listed = action.group(1), action.group(2) or ""
        names = frozenset(n.strip().lower() for n in listed.split(",") if n.strip())
        if verb in _FILE_OFF or (verb in ("disable", "disable-msg") and "all" in names):
            return PylintPragmas(True, ())
        if verb == "disable-next":
            pragmas.append(_Pragma(line + 1, line + 1, False, names))
            continue
        first, last = _governed_lines(tree, line, last_line)
        pragmas.append(_Pragma(first, last, verb.startswith("enable"), names))
    return PylintPragmas(False, tuple(pragmas))
