"""Fuzzing: generated modules through every front end, generated strings through every regex.

Bounded for CI. A longer run (see README, Development):
    FRESHCHAT_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py
"""
from __future__ import annotations

import ast
import os
import re
from datetime import timedelta

import astroid
import hypothesmith
from hypothesis import example, HealthCheck, given, settings
from hypothesis import strategies as st
from pylint.testutils import UnittestLinter

from flake8_freshchat.codemod import fix_source
from flake8_freshchat.engine import SourceError, analyze_source, analyze_tree
from flake8_freshchat.engine import prefilter, suppress, tokens, values
from flake8_freshchat.engine.names import DEFAULT_VOCABULARY, credential_name
from flake8_freshchat.flake8_plugin import FreshchatChecker as Flake8Checker
from pylint_freshchat import FreshchatChecker as PylintChecker

from .synthetic import freshchat_token, hex_key

EXAMPLES = int(os.environ.get("FRESHCHAT_FUZZ_EXAMPLES", "25"))
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
PLANTS = st.sampled_from([
    "", f'\napi_key = "{hex_key(1)}"\n', f'\nTOKEN = "{freshchat_token(2)}"\n',
    '\ndef f(password="Tr0ub4dor&3"):\n    return password == "aB3dE5fG7hJ9kL1mN3pQ"\n',
])


def _pylint_messages(source: str) -> int:
    linter = UnittestLinter()
    checker = PylintChecker(linter)
    checker.open()
    checker.process_module(astroid.parse(source))
    return len(linter.release_messages())


@FAST
@given(hypothesmith.from_grammar(auto_target=False), PLANTS)
def test_generated_modules_through_every_front_end(code: str, plant: str):
    source = code + plant
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    try:
        findings = analyze_source(source)
    except SourceError:
        return
    lines = source.splitlines(True)
    plugin = list(Flake8Checker(tree, lines, None).run())
    assert [(line, col) for line, col, _, _ in plugin] == [(f.line, f.col) for f in analyze_tree(tree, lines)]
    assert len(findings) == len(plugin)
    try:
        assert _pylint_messages(source) == len(findings)
    except astroid.AstroidSyntaxError:
        pass
    try:
        fixed = fix_source(source, findings=findings)
    except Exception as exc:  # noqa: BLE001 - libcst's parser is stricter than CPython's on odd code
        assert type(exc).__name__ in ("ParserSyntaxError", "RecursionError"), repr(exc)
        return
    ast.parse(fixed.code)  # the fix keeps the module valid


# -- regexes and the JWT decoder on hostile strings ------------------------------------
PIECES = st.text(alphabet="eyJ.-_aA0 {}<>$%()/:#@\\'\"\n\t", min_size=1, max_size=12)
HANG_GUARD = settings(max_examples=max(5, EXAMPLES // 5), deadline=timedelta(seconds=20),
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _engine_patterns() -> list[re.Pattern[str]]:
    """Every compiled regex of the engine: module-level ones and the vendor formats (data)."""
    from flake8_freshchat.engine import formats, names, sparse, tables, words

    patterns = [value for module in (tokens, values, prefilter, suppress, formats, names, words, sparse)
                for value in vars(module).values() if isinstance(value, re.Pattern)]
    patterns += [vendor.pattern for vendor in tables.vendor_formats()]
    _, anchors = prefilter._patterns(DEFAULT_VOCABULARY)
    patterns += [a.follows for a in anchors if a.follows is not None]
    patterns += [group.finder for group in prefilter._groups(DEFAULT_VOCABULARY)[1]]
    patterns.append(sparse._header_pattern(40))
    return patterns


@HANG_GUARD
@given(PIECES, st.integers(min_value=1, max_value=1_000_000))
@example("\t\n", 1_000_000)  # `\s*(` searched over blanks was quadratic
@example("a", 1_000_000)  # `[\w.]*x` searched over letters
@example("_", 1_000_000)
@example(".", 1_000_000)
@example("a(", 1_000_000)
def test_regexes_stay_linear_on_megabyte_inputs(piece: str, size: int):
    # A hang guard, not a speed measurement: a linear pass over 1 MB takes milliseconds;
    # catastrophic backtracking on these repetitions would take hours.
    from flake8_freshchat.engine import formats

    from flake8_freshchat.engine import sparse

    text = (piece * (size // len(piece) + 1))[:size]
    data = text.encode()
    for pattern in _engine_patterns():
        subject = data if isinstance(pattern.pattern, bytes) else text
        pattern.search(subject)
        pattern.fullmatch(subject)
    tokens.find_jwts(text)
    values.secret_in(text, credential_name("password"))
    values.secret_in(text, credential_name("api_token"))
    values.judge(text[:values.MAX_SECRET_LENGTH], True)
    values.is_placeholder(text)
    formats.has_private_key(text)
    formats.url_password(text)
    formats.dsn_password(text)
    prefilter.candidate_lines(text, DEFAULT_VOCABULARY)
    sparse.sparse_module(text, text.split("\n"), [1, 2])


@FAST
@given(st.text(max_size=2000))
def test_arbitrary_strings_never_raise(text: str):
    tokens.find_jwts(text)
    tokens.is_jwt(text)
    for name in ("password", "api_key", "Authorization", None):
        values.secret_in(text, credential_name(name))
    credential_name(text)


@FAST
@given(st.binary(min_size=0, max_size=300))
def test_jwt_decoder_on_garbage(raw: bytes):
    import base64

    part = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    for text in (f"eyJ{part}.eyJ{part}.{part}", f"eyJhbGciOiJIUzI1NiJ9.eyJ{part}.x", part):
        for jwt in tokens.find_jwts(text):
            assert jwt.start < jwt.end
            jwt.is_freshchat


def test_every_engine_regex_is_exercised():
    """The hang guard above runs every module-level regex of the engine and every vendor format."""
    patterns = _engine_patterns()
    assert len(patterns) >= 30
    assert any(p is values._PLACEHOLDER_WHOLE for p in patterns)
