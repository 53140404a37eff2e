"""The flake8 adapter, driven through the real flake8."""
from __future__ import annotations

import pathlib

import pytest

from .conftest import CASES, case_files
from .markers import expected, parse_report
from .surfaces import PY, flake8, run
from .synthetic import hex_key


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_stdin_matches_file(path):
    """The way pylsp and editor extensions call flake8: the buffer on stdin."""
    from_file, file_proc = flake8([str(path)])
    proc = run([PY, "-m", "flake8", "--isolated", "--select", "FCH", "--stdin-display-name", str(path), "-"],
               stdin=path.read_text(encoding="utf-8"))
    assert parse_report(proc.stdout) == from_file == expected(path)
    assert proc.stdout == file_proc.stdout


def test_columns_count_characters_not_bytes():
    path = CASES / "non_ascii.py"
    _, proc = flake8([str(path)])
    lines = path.read_text(encoding="utf-8").splitlines()
    for row in proc.stdout.splitlines():
        _, line, col, _ = row.split(":", 3)
        text = lines[int(line) - 1]
        assert text[int(col) - 1] == '"', (row, text)
    for line, needle, code in ((2, '"Tr0', "FCH204"), (3, '"757', "FCH201")):
        text = lines[line - 1]
        chars = text.index(needle) + 1
        assert len(text[: chars - 1].encode()) + 1 != chars  # the byte column would differ
        assert f":{line}:{chars}: {code}" in proc.stdout


def test_noqa_and_disable_noqa(tmp_path: pathlib.Path):
    source = tmp_path / "app.py"
    source.write_text(f'API_KEY = "{hex_key(1)}"  # noqa: FCH201\n')
    assert flake8([str(source)])[0] == set()
    assert flake8([str(source)], "--disable-noqa")[0] == {(str(source), 1, "FCH201")}


def test_options_from_config_file(tmp_path: pathlib.Path):
    source = tmp_path / "app.py"
    source.write_text(f'card_pin = "{hex_key(2)}"\ntest_token = "{hex_key(3)}"\nreal_token = "{hex_key(4)}"\n'
                      f'sandbox_token = "{hex_key(5)}"\n')
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nselect = FCH\nfreshchat-extra-words = pin\nfreshchat-ignore-names = test_*\n"
        f"freshchat-allow-values = {hex_key(5)}\n")
    proc = run([PY, "-m", "flake8", "app.py"], cwd=str(tmp_path))
    assert parse_report(proc.stdout) == {("app.py", 1, "FCH201"), ("app.py", 3, "FCH201")}
    proc = run([PY, "-m", "flake8", "--freshchat-remove-words=token", "app.py"], cwd=str(tmp_path))
    assert parse_report(proc.stdout) == {("app.py", 1, "FCH201")}


def test_parallel_jobs_give_identical_findings():
    from .conftest import case_files

    files = [str(p) for p in case_files()]
    assert flake8(files, "-j", "2")[0] == flake8(files, "-j", "1")[0]


def test_message_format():
    path = CASES / "docs" / "FCH205.py"
    _, proc = flake8([str(path)])
    assert proc.stdout.strip() == (
        f"{path}:3:43: FCH205 hardcoded secret 'u8#J…' (24 chars) is the fallback of environment "
        "variable 'SECRET_KEY'; remove the fallback and set SECRET_KEY in the environment")
