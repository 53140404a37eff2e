"""Each code's page shows tested case files: the example and what to use instead."""
from __future__ import annotations

import re

import pytest

from flake8_freshchat.docs import explain_text
from flake8_freshchat.engine import RULES, analyze_source

from .conftest import CASES

DOCS_CASES = CASES / "docs"
MARKER = re.compile(r"  # expect: FCH\d{3}$", re.MULTILINE)


def _blocks(page: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page, re.DOTALL)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_page_examples_are_the_case_files(rule):
    page = explain_text(rule.code)
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix"):
        assert heading in page
    example, use_instead = _blocks(page)
    assert example == MARKER.sub("", (DOCS_CASES / f"{rule.code}.py").read_text())
    after = DOCS_CASES / (f"{rule.code}.fixed.py" if rule.fixable else f"{rule.code}.good.py")
    assert use_instead == MARKER.sub("", after.read_text())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_finds_its_own_code_only(rule):
    findings = analyze_source((DOCS_CASES / f"{rule.code}.py").read_text())
    assert findings and {f.code for f in findings} == {rule.code}


def test_use_instead_for_unfixable_code_is_clean():
    assert analyze_source((DOCS_CASES / "FCH206.good.py").read_text()) == []


def test_leak_response_is_documented():
    page = explain_text("FCH101")
    for step in ("Generate a new token", "Update every service", "Revoke the old token", "Watch usage"):
        assert step in page
