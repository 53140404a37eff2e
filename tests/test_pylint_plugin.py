"""The pylint adapter, driven through pylint's own test utilities and the real pylint."""
from __future__ import annotations

import csv
import os
import pathlib

import astroid
import pytest
from pylint.testutils import CheckerTestCase, MessageTest
from pylint.testutils.functional import FunctionalTestFile
from pylint.testutils.lint_module_test import LintModuleTest

from flake8_freshchat.engine import RULES, RULES_BY_CODE, analyze_source
from pylint_freshchat import FreshchatChecker

from .conftest import case_files
from .markers import MARKER
from .surfaces import PY, run
from .synthetic import hex_key

SYMBOLS = ",".join(rule.symbol for rule in RULES)


class TestCheckerUnit(CheckerTestCase):
    CHECKER_CLASS = FreshchatChecker

    def test_assignment(self):
        key = hex_key(1)
        module = astroid.parse(f'API_KEY = "{key}"\n')
        with self.assertAddsMessages(MessageTest(
                msg_id="hardcoded-credential-assignment", line=1, col_offset=10, end_line=1,
                end_col_offset=44,
                args=(f"hardcoded secret '{key[:4]}…' (32 chars) assigned to 'API_KEY'; "
                      'read it from os.environ["API_KEY"]',)), ignore_position=False):
            self.checker.process_module(module)

    def test_clean_module_adds_nothing(self):
        with self.assertNoMessages():
            self.checker.process_module(astroid.parse('token_type = "Bearer"\npassword = os.environ["P"]\n'))

    def test_pragma_and_noqa(self):
        key = hex_key(2)
        module = astroid.parse(f'a_token = "{key}"  # pragma: allowlist secret\nb_token = "{key}"  # noqa\n')
        with self.assertNoMessages():
            self.checker.process_module(module)

    def test_message_ids_share_one_plugin_block(self):
        ids = {msgid[1:3] for msgid in FreshchatChecker.msgs}
        assert ids == {"71"} and 51 <= int(ids.pop()) <= 99
        assert {symbol for _, symbol, _ in FreshchatChecker.msgs.values()} == {r.symbol for r in RULES}


def _functional_case(source: pathlib.Path, folder: pathlib.Path) -> FunctionalTestFile:
    """A case file in pylint's functional format: `# [symbol]` markers, .rc and expected .txt."""
    name = source.stem.replace(".", "_")
    lines = source.read_text(encoding="utf-8").splitlines()
    marked = []
    for line in lines:
        codes = MARKER.findall(line)
        marked.append(line + ("  # [" + ",".join(RULES_BY_CODE[c].symbol for c in codes) + "]" if codes else ""))
    text = "\n".join(marked) + "\n"
    (folder / f"{name}.py").write_text(text, encoding="utf-8")
    (folder / f"{name}.rc").write_text(
        f"[MAIN]\nload-plugins=pylint_freshchat\n\n[MESSAGES CONTROL]\ndisable=all\nenable={SYMBOLS}\n")
    with open(folder / f"{name}.txt", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=":", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        for f in analyze_source(text):
            writer.writerow([f.symbol, f.line, f.col, f.end_line, f.end_col, "", f.message, "UNDEFINED"])
    return FunctionalTestFile(str(folder), f"{name}.py")


@pytest.mark.parametrize("source", case_files(), ids=lambda p: p.name)
def test_functional(source: pathlib.Path, tmp_path: pathlib.Path):
    test = LintModuleTest(_functional_case(source, tmp_path))
    test.setUp()
    test._runTest()


def _pylint(paths, *extra, cwd=None):
    proc = run([PY, "-m", "pylint", "--load-plugins=pylint_freshchat", "--disable=all", f"--enable={SYMBOLS}",
                "--output-format=parseable", "--score=n", "--persistent=n", *extra, *map(str, paths)], cwd=cwd)
    found = set()
    for line in proc.stdout.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3 and "(" in parts[2]:
            symbol = parts[2].split("(", 1)[1].split(")", 1)[0]
            from flake8_freshchat.engine import RULES_BY_SYMBOL

            if symbol in RULES_BY_SYMBOL:
                path = os.path.abspath(os.path.join(cwd or ".", parts[0]))
                found.add((path, int(parts[1]), RULES_BY_SYMBOL[symbol].code))
    return found, proc


def test_parity_with_flake8_on_every_case_file():
    from .surfaces import flake8

    files = case_files()
    flake8_found, _ = flake8([str(p) for p in files])
    pylint_found, _ = _pylint(files)
    assert pylint_found == flake8_found and flake8_found


def test_parallel_jobs_give_identical_findings():
    files = case_files()
    assert _pylint(files, "-j", "2")[0] == _pylint(files, "-j", "1")[0]


def test_options_in_pyproject(tmp_path: pathlib.Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pylint.main]\nload-plugins = ["pylint_freshchat"]\n'
        '[tool.pylint.freshchat]\nfreshchat-extra-words = ["pin"]\nfreshchat-ignore-names = ["test_*"]\n'
        f'freshchat-allow-values = ["{hex_key(5)}"]\n')
    (tmp_path / "app.py").write_text(f'card_pin = "{hex_key(3)}"\ntest_token = "{hex_key(4)}"\n'
                                     f'sandbox_token = "{hex_key(5)}"\n')
    proc = run([PY, "-m", "pylint", "--disable=all", f"--enable={SYMBOLS}", "--score=n", "app.py"],
               cwd=str(tmp_path))
    assert "app.py:1:11: W7121: hardcoded secret" in proc.stdout
    assert "app.py:2" not in proc.stdout and "app.py:3" not in proc.stdout


def test_options_in_pylintrc(tmp_path: pathlib.Path):
    (tmp_path / ".pylintrc").write_text(
        "[MAIN]\nload-plugins=pylint_freshchat\n[FRESHCHAT]\nfreshchat-remove-words=token\n")
    (tmp_path / "app.py").write_text(f'api_token = "{hex_key(5)}"\napi_secret = "{hex_key(6)}"\n')
    proc = run([PY, "-m", "pylint", "--disable=all", f"--enable={SYMBOLS}", "--score=n", "app.py"],
               cwd=str(tmp_path))
    assert "app.py:1:" not in proc.stdout
    assert "app.py:2:13: W7121" in proc.stdout


def test_block_disable_is_pylints_own(tmp_path: pathlib.Path):
    (tmp_path / "app.py").write_text(
        f'def f():\n    # pylint: disable=hardcoded-credential-assignment\n    api_token = "{hex_key(7)}"\n'
        f'    return api_token\n\n\napi_secret = "{hex_key(8)}"\n')
    found, _ = _pylint([tmp_path / "app.py"])
    assert found == {(str(tmp_path / "app.py"), 7, "FCH201")}
