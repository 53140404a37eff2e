import pytest

from flake8_freshchat.engine import Options, analyze_source
from flake8_freshchat.engine.options import NOQA, PRAGMA, PYLINT_DISABLE

from .synthetic import hex_key

KEY = hex_key(1)


@pytest.mark.parametrize("comment, suppressed", [
    ("# noqa", True), ("# noqa: FCH201", True), ("# NOQA:FCH201,E501", True), ("# noqa: FCH2", True),
    ("# noqa: FCH202", False), ("# noqa: E501", False),
    ("# pragma: allowlist secret", True), ("# some words; pragma: allowlist secret", True),
    ("# pylint: disable=hardcoded-credential-assignment", True), ("# pylint: disable=W7121", True),
    ("# pylint: disable=hardcoded-credential-argument", False), ("# pylint: disable=all", True),
    ("# a comment", False),
])
def test_line_comments(comment, suppressed):
    findings = analyze_source(f'API_KEY = "{KEY}"  {comment}\n')
    assert (findings == []) is suppressed


def test_nextline_pragma():
    assert analyze_source(f'# pragma: allowlist nextline secret\nAPI_KEY = "{KEY}"\n') == []
    assert len(analyze_source(f'# pragma: allowlist nextline secret\n\nAPI_KEY = "{KEY}"\n')) == 1


def test_pragma_at_the_end_of_a_multi_line_literal():
    source = f'API_KEY = (\n    "{KEY}"\n    "{KEY}"  # pragma: allowlist secret\n)\n'
    assert analyze_source(source) == []


def test_front_ends_choose_what_the_engine_honours():
    source = f'API_KEY = "{KEY}"  # noqa: FCH201\n'
    flake8_like = Options.build(suppressions=frozenset({PRAGMA, PYLINT_DISABLE}))
    assert len(analyze_source(source, flake8_like)) == 1  # flake8 applies noqa itself
    assert analyze_source(source, Options.build(suppressions=frozenset({NOQA}))) == []
