"""One suppression rule on every surface: flake8, pylint, `check`, the fixer and the language
server agree line for line over a case file holding every placement of every comment."""
from __future__ import annotations

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_freshchat.codemod import fix_source

from .conftest import CASES
from .markers import expected
from .surfaces import check, flake8
from .test_lsp import _open, client  # noqa: F401 - the language server fixture
from .test_pylint_plugin import _pylint

PLACEMENTS = CASES / "suppression_placements.py"
SKIP_FILE = CASES / "suppression_skip_file.py"


def _lines(found: set) -> list[tuple[int, str]]:
    return sorted((line, code) for _, line, code in found)


@pytest.mark.asyncio
async def test_every_surface_agrees_line_for_line(client: LanguageClient):  # noqa: F811
    want = _lines(expected(PLACEMENTS))
    assert len(want) == 16 and not expected(SKIP_FILE)
    surfaces = {
        "flake8": flake8([str(PLACEMENTS), str(SKIP_FILE)])[0],
        "pylint": _pylint([PLACEMENTS, SKIP_FILE])[0],
        "check": check([str(PLACEMENTS), str(SKIP_FILE)])[0],
    }
    report = fix_source(PLACEMENTS.read_bytes()).report
    surfaces["fix"] = {(str(PLACEMENTS), m.finding.line, m.finding.code) for m in report.moved} | {
        (str(PLACEMENTS), f.line, f.code) for f in report.unfixable}
    assert not fix_source(SKIP_FILE.read_bytes()).changed
    uri = await _open(client, PLACEMENTS)
    surfaces["lsp"] = {(str(PLACEMENTS), d.range.start.line + 1, d.code) for d in client.diagnostics[uri]}
    skip_uri = await _open(client, SKIP_FILE)
    assert list(client.diagnostics[skip_uri]) == []
    assert {name: _lines(found) for name, found in surfaces.items()} == {name: want for name in surfaces}


def test_flake8_disable_noqa_still_turns_noqa_off():
    found, _ = flake8([str(PLACEMENTS)], "--disable-noqa")
    # lines 6-8 and the literal of lines 10-11 are suppressed by noqa alone
    assert {line for _, line, _ in found} - {line for line, _ in _lines(expected(PLACEMENTS))} == {6, 7, 8, 10}
