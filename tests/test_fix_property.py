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
from flake8_freshchat.engine import analyze_source
from flake8_freshchat.engine.envnames import EnvNameAllocator
from flake8_freshchat.verify import verify

NAMES = ["api_key", "password", "client_secret", "authToken", "DB_PASSWORD", "X_Api_Key", "token",
         "user", "colour", "secret_name", "cache_key", "githubToken"]
SECRETISH = st.text(string.ascii_letters + string.digits + "-_!#%&", min_size=16, max_size=40)
VALUES = st.one_of(
    SECRETISH.map(repr), SECRETISH.map(lambda s: "b" + repr(s)),
    st.sampled_from(['"Tr0ub4dor&3"', '"admin"', '"<your-key>"', '""', '"changeme"', '"prose with spaces"']),
    st.text(string.printable, max_size=30).map(repr),
)


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


def _check(source: str) -> None:
    findings = analyze_source(source)
    fixed = fix_source(source)
    ast.parse(fixed.code)  # the fixed module parses
    # its tree is the original's but for the moved literals (the product's own verifier)
    assert verify(source, fixed.code, [m.finding for m in fixed.report.moved]) is None
    assert len(fixed.report.moved) + len(fixed.report.refused) + len(fixed.report.unfixable) == len(findings)
    stored = EnvNameAllocator({m.env_name: m.value for m in fixed.report.moved})  # the env file after it
    assert fix_source(fixed.code, allocator=stored).changed is False  # idempotent


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(modules())
def test_fix_changes_only_the_planted_literals_and_is_idempotent(source: str):
    _check(source)


# hypothesmith's grammar-driven modules are slow to draw: fewer of them, beside the planted lines.
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(modules(hypothesmith.from_grammar(auto_target=False).filter(lambda s: len(s) < 300)))
def test_fix_within_arbitrary_python(source: str):
    _check(source)
