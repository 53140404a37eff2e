"""Property tests of the fix over generated modules with planted secrets.

The fixed module parses; its AST equals the original's but for the replaced literals,
the removed fallbacks and the added import; and fixing it again changes nothing.
"""
from __future__ import annotations

import ast
import string

import hypothesmith
import libcst
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flake8_freshchat.codemod import fix_source
from flake8_freshchat.engine import Kind, analyze_source

NAMES = ["api_key", "password", "client_secret", "authToken", "DB_PASSWORD", "X_Api_Key", "token",
         "user", "colour", "secret_name", "cache_key", "githubToken"]
SECRETISH = st.text(string.ascii_letters + string.digits + "-_!#%&", min_size=16, max_size=40)
VALUES = st.one_of(
    SECRETISH.map(repr), SECRETISH.map(lambda s: "b" + repr(s)),
    st.sampled_from(['"Tr0ub4dor&3"', '"admin"', '"<your-key>"', '""', '"changeme"', '"prose with spaces"']),
    st.text(string.printable, max_size=30).map(repr),
)
MOVED = "__MOVED__"


@st.composite
def planted_statement(draw, index: int) -> str:
    name = draw(st.sampled_from(NAMES))
    value = draw(VALUES)
    template = draw(st.sampled_from([
        "{name} = {value}",
        "{name}: str = {value}",
        "call_{i}({name}={value})",
        "mapping_{i} = {{{key!r}: {value}, 'other': 1}}",
        "def fn_{i}(x, {name}={value}):\n    return x",
        "fallback_{i} = os.getenv({key!r}, {value})",
        "if condition_{i}:\n    {name} = {value}\nelse:\n    pass",
        "class Holder{i}:\n    {name} = {value}",
        "obj_{i}.{name} = {value}",
    ]))
    return template.format(name=name, value=value, key=name.upper(), i=index)


@st.composite
def modules(draw, prefixes=st.just("")) -> str:
    prefix = draw(prefixes)
    statements = [draw(planted_statement(i)) for i in range(draw(st.integers(1, 6)))]
    source = (prefix.rstrip("\n") + "\n" if prefix.strip() else "") + "\n".join(statements) + "\n"
    try:
        compile(source, "<generated>", "exec")
        libcst.parse_module(source)
    except (SyntaxError, ValueError, libcst.ParserSyntaxError, RecursionError, MemoryError):
        assume(False)
    return source


class _Normalise(ast.NodeTransformer):
    """Replaces what the fix legitimately changes by one marker, in either tree."""

    def __init__(self, moved: dict[tuple[int, int], Kind] | None = None) -> None:
        self.moved = moved or {}

    def visit_Import(self, node: ast.Import):
        return None if [a.name for a in node.names] == ["os"] else node

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        if isinstance(node.func, ast.Attribute) and node.func.attr == "encode" and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == MOVED:
            return node.func.value  # os.environ["X"].encode() for bytes
        if _is_environ(getattr(node.func, "value", None)) and getattr(node.func, "attr", "") == "get":
            return ast.Name(MOVED, ast.Load())
        node.args = [a for a in node.args if not (isinstance(a, ast.Name) and a.id == "__FALLBACK__")]
        return node

    def visit_Subscript(self, node: ast.Subscript):
        self.generic_visit(node)
        if _is_environ(node.value):
            return ast.Name(MOVED, ast.Load())
        return node

    def visit_Constant(self, node: ast.Constant):
        kind = self.moved.get((node.lineno, node.col_offset))
        if kind is Kind.FALLBACK:
            return ast.Name("__FALLBACK__", ast.Load())
        if kind is not None:
            return ast.Name(MOVED, ast.Load())
        return node


def _is_environ(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and \
        isinstance(node.value, ast.Name) and node.value.id == "os"


def _check(source: str) -> None:
    findings = analyze_source(source)
    fixed = fix_source(source)
    tree = ast.parse(fixed.code)  # the fixed module parses
    # byte columns of the moved literals, as ast gives them, mapped from character columns
    lines = source.split("\n")
    moved = {}
    for secret in fixed.report.moved:
        f = secret.finding
        moved[(f.line, len(lines[f.line - 1][: f.col].encode()))] = f.kind
    before = ast.dump(_Normalise(moved).visit(ast.parse(source)))
    after = ast.dump(_Normalise().visit(tree))
    assert after == before
    assert len(fixed.report.moved) + len(fixed.report.refused) + len(fixed.report.unfixable) == len(findings)
    assert fix_source(fixed.code).changed is False  # idempotent


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_fix_changes_only_the_planted_literals_and_is_idempotent(source: str):
    _check(source)


# hypothesmith's grammar-driven modules are slow to draw: fewer of them, beside the planted lines.
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(modules(hypothesmith.from_grammar(auto_target=False).filter(lambda s: len(s) < 300)))
def test_fix_within_arbitrary_python(source: str):
    _check(source)
