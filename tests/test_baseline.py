"""Baselines (SPEC "Suppression, configuration, baselines"): adopt on a legacy codebase, fail
only on new credentials; no value in the file, no line numbers to go stale."""
from __future__ import annotations

import json
import pathlib

from .surfaces import PY, run
from .synthetic import hex_key

CLI = [PY, "-m", "flake8_freshchat"]
OLD, OTHER, NEW = hex_key(51), hex_key(52), hex_key(53)


def _legacy(folder: pathlib.Path) -> None:
    (folder / "pkg").mkdir()
    (folder / "pkg" / "settings.py").write_text(f'API_KEY = "{OLD}"\nDATABASE_PASSWORD = "Tr0ub4dor&3"\n')
    (folder / "app.py").write_text(f'token = "{OTHER}"\nbackup_token = "{OTHER}"\n')


def test_the_adoption_flow(tmp_path: pathlib.Path):
    _legacy(tmp_path)
    written = run([*CLI, "check", "--write-baseline", ".freshchat-baseline.json"], cwd=str(tmp_path))
    assert (written.returncode, written.stdout) == (0, "")
    assert written.stderr == "freshchat-secrets: recorded 4 finding(s) in .freshchat-baseline.json\n"
    document = json.loads((tmp_path / ".freshchat-baseline.json").read_text())
    assert [(e["code"], e["path"], e["name"]) for e in document["findings"]] == [
        ("FCH201", "app.py", "backup_token"), ("FCH201", "app.py", "token"),
        ("FCH201", "pkg/settings.py", "API_KEY"), ("FCH201", "pkg/settings.py", "DATABASE_PASSWORD")]
    assert set(document["findings"][0]) == {"code", "path", "name", "hash"}  # no line, no value

    clean = run([*CLI, "check", "--baseline", ".freshchat-baseline.json"], cwd=str(tmp_path))
    assert (clean.returncode, clean.stdout) == (0, "")

    # edits above, lines moved, another file's findings untouched: still clean
    settings = tmp_path / "pkg" / "settings.py"
    settings.write_text('"""Settings."""\nimport os\n\nDEBUG = False\n' + "".join(reversed(
        settings.read_text().splitlines(keepends=True))))
    moved = run([*CLI, "check", "--baseline", ".freshchat-baseline.json", "."], cwd=str(tmp_path))
    assert (moved.returncode, moved.stdout) == (0, "")

    # a new secret, a changed value and a second copy of a known one are new
    settings.write_text(settings.read_text().replace("Tr0ub4dor&3", "Tr0ub4dor&4")
                        + f'SECRET_KEY = "{NEW}"\nAPI_KEY = "{OLD}"\n')
    failing = run([*CLI, "check", "--baseline", ".freshchat-baseline.json", "."], cwd=str(tmp_path))
    assert failing.returncode == 1
    assert [line.split(" ")[0] for line in failing.stdout.splitlines()] == [
        "./pkg/settings.py:5:21:", "./pkg/settings.py:7:14:", "./pkg/settings.py:8:11:"]


def test_the_baseline_holds_no_value_and_keeps_its_salt(tmp_path: pathlib.Path):
    _legacy(tmp_path)
    run([*CLI, "check", "--write-baseline", "b.json"], cwd=str(tmp_path))
    text = (tmp_path / "b.json").read_text()
    for secret in (OLD, OTHER, "Tr0ub4dor&3"):
        assert secret[:5] not in text
    rewritten = run([*CLI, "check", "--write-baseline", "b.json"], cwd=str(tmp_path))
    assert rewritten.returncode == 0 and (tmp_path / "b.json").read_text() == text  # a stable file to commit
    other = tmp_path / "elsewhere"
    other.mkdir()
    _legacy(other)
    run([*CLI, "check", "--write-baseline", "b.json"], cwd=str(other))
    assert json.loads((other / "b.json").read_text())["salt"] != json.loads(text)["salt"]


def test_paths_are_relative_to_the_baseline_wherever_the_run_starts(tmp_path: pathlib.Path):
    _legacy(tmp_path)
    run([*CLI, "check", "--write-baseline", "b.json"], cwd=str(tmp_path))
    inside = run([*CLI, "check", "--baseline", "../b.json", "settings.py"], cwd=str(tmp_path / "pkg"))
    assert (inside.returncode, inside.stdout) == (0, "")


def test_an_unusable_baseline_is_one_line_and_exit_2(tmp_path: pathlib.Path):
    _legacy(tmp_path)
    (tmp_path / "bad.json").write_text('{"version": 1}')
    (tmp_path / "junk.json").write_text("[")
    for name, message in (("missing.json", "missing.json: no such baseline; write one with "
                                           "`check --write-baseline missing.json`"),
                          ("bad.json", "bad.json: not a baseline: it lacks version, salt or findings"),
                          ("junk.json", "junk.json: not a baseline: invalid JSON")):
        proc = run([*CLI, "check", "--baseline", name], cwd=str(tmp_path))
        assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"freshchat-secrets: error: {message}\n")
