"""Verify a fix before it is written: the rewritten module parses (on 3.10 too) and its tree
equals the original's but for the moved literals, the removed fallbacks and statements,
and the added `import os`. A fix that fails is not written.

Both trees are normalised the same way: every environment lookup (`os.environ["X"]`,
`os.environ.get("X")`, with `.encode()`, or inside an f-string) becomes one marker, and
in the original each moved literal becomes that marker too, each dropped fallback goes,
and each statement that only planted a value goes.
"""
from __future__ import annotations

import ast
from collections.abc import Iterable

from .engine import Finding, Kind, normalize_newlines

MOVED = "__moved__"
_FALLBACK = "__fallback__"


def _is_environ(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and \
        isinstance(node.value, ast.Name) and node.value.id == "os"


def _is_moved(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == MOVED


class _Normalise(ast.NodeTransformer):
    """Replaces what the fix legitimately changes by one marker, in either tree."""

    def __init__(self, moved: dict[tuple[int, int], Finding] | None = None) -> None:
        self.moved = moved or {}

    def _marker(self) -> ast.Name:
        return ast.Name(MOVED, ast.Load())

    def visit_Import(self, node: ast.Import) -> ast.AST | None:
        return None if [a.name for a in node.names] == ["os"] and not node.names[0].asname else node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "encode" and _is_moved(func.value):
            return func.value  # os.environ["X"].encode() for bytes, .encode("latin-1") beyond ASCII
        if isinstance(func, ast.Attribute) and func.attr == "get" and _is_environ(func.value):
            return self._marker()
        node.args = [a for a in node.args if not (isinstance(a, ast.Name) and a.id == _FALLBACK)]
        node.keywords = [k for k in node.keywords
                         if not (isinstance(k.value, ast.Name) and k.value.id == _FALLBACK)]
        return node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        return self._marker() if _is_environ(node.value) else node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        if self._take(node) is not None:
            return self._marker()
        self.generic_visit(node)
        if any(isinstance(v, ast.FormattedValue) and _is_moved(v.value) for v in node.values):
            return self._marker()  # f"Bearer {os.environ['X']}"
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        finding = self._take(node)
        if finding is None:
            return node
        return ast.Name(_FALLBACK if finding.kind is Kind.FALLBACK and not finding.plants_env else MOVED, ast.Load())

    def _take(self, node: ast.AST) -> Finding | None:
        return self.moved.get((getattr(node, "lineno", 0), getattr(node, "col_offset", -1)))

    def generic_visit(self, node: ast.AST) -> ast.AST:
        emptied = []
        for field in ("body", "orelse", "finalbody"):  # before the literals inside are replaced
            block = getattr(node, field, None)
            if isinstance(block, list) and block and all(isinstance(s, ast.stmt) for s in block):
                kept = [s for s in block if not self._plants(s)]
                if len(kept) != len(block):
                    setattr(node, field, kept)
                    emptied += [field] if not kept else []
        super().generic_visit(node)
        for field in emptied:  # the fix leaves `pass` where a block would be empty
            setattr(node, field, [ast.Pass()] if field == "body" else [])
        return node

    def _plants(self, statement: ast.stmt) -> bool:
        """`os.environ["K"] = "…"` or `os.environ.setdefault("K", "…")` whose value moved."""
        for node in ast.walk(statement):
            finding = self._take(node)
            if finding is not None and finding.plants_env:
                return True
        return False


def _byte_columns(source: str, findings: Iterable[Finding]) -> dict[tuple[int, int], Finding]:
    """Findings keyed by (line, UTF-8 byte column), as ast places the literals."""
    lines = source.split("\n")
    return {(f.line, len(lines[f.line - 1][: f.col].encode("utf-8"))): f for f in findings}


def _is_lookup(node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _is_environ(node.func.value) or _is_lookup(node.func.value)
    return isinstance(node, ast.Subscript) and _is_environ(node.value)


def _nested_same_quotes(fixed: str, tree: ast.Module) -> bool:
    """An f-string around a lookup whose replacement field holds the f-string's own quote:
    valid only from Python 3.12."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        segment = ast.get_source_segment(fixed, node) or ""
        prefix = len(segment) - len(segment.lstrip("rRbBuUfF"))
        quote = segment[prefix:prefix + 3] if segment[prefix:prefix + 3] in ('"""', "'''") else segment[prefix:prefix + 1]
        for value in node.values:
            if isinstance(value, ast.FormattedValue) and _is_lookup(value.value):
                inner = ast.get_source_segment(fixed, value.value) or ""
                if quote and quote[0] in inner:
                    return True
    return False


def verify(original: str, fixed: str, moved: Iterable[Finding]) -> str | None:
    """Why the fixed text must not be written, or None when it is the original but for the moves."""
    original, fixed = normalize_newlines(original), normalize_newlines(fixed)
    try:
        fixed_tree = ast.parse(fixed)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return "the rewritten module does not parse"
    if _nested_same_quotes(fixed, fixed_tree):
        return "the rewritten module nests a quote inside an f-string (invalid before Python 3.12)"
    try:
        original_tree = ast.parse(original)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return "the original module does not parse"
    before = ast.dump(_Normalise(_byte_columns(original, moved)).visit(original_tree))
    after = ast.dump(_Normalise().visit(fixed_tree))
    if before != after:
        return "the rewritten module differs from the original in more than the moved values"
    return None
