"""`freshchat-secrets check` and `explain`: exit statuses, formats, settings, per-file errors."""
from __future__ import annotations

import json
import pathlib

import pytest

from .conftest import CASES
from .surfaces import PY, run
from .synthetic import hex_key

CLI = [PY, "-m", "flake8_freshchat"]


def test_exit_zero_on_clean_code(tmp_path: pathlib.Path):
    (tmp_path / "ok.py").write_text("password = os.environ['PASSWORD']\n")
    proc = run([*CLI, "check", str(tmp_path)])
    assert (proc.returncode, proc.stdout) == (0, "")


def test_exit_one_on_findings_with_text_format(tmp_path: pathlib.Path):
    (tmp_path / "app.py").write_text(f'API_KEY = "{hex_key(1)}"\n')
    proc = run([*CLI, "check", "app.py"], cwd=str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout == ("app.py:1:11: FCH201 hardcoded secret '"
                           f"{hex_key(1)[:4]}…' (32 chars) assigned to 'API_KEY'; "
                           'read it from os.environ["API_KEY"]\n')
    assert "1 finding(s) in 1 file(s); 1 fixable" in proc.stderr


def test_usage_error_exits_two(tmp_path: pathlib.Path):
    assert run([*CLI, "check", "--no-such-option"], cwd=str(tmp_path)).returncode == 2
    assert run([*CLI, "frobnicate", "x"], cwd=str(tmp_path)).returncode == 2


def test_unreadable_files_are_reported_and_the_rest_checked(tmp_path: pathlib.Path):
    # a file is parsed only when it holds a candidate line: these do
    (tmp_path / "a_syntax.py").write_text("api_key = (\n")
    (tmp_path / "b_encoding.py").write_bytes(b"token = '\xff\xfe'\n")
    (tmp_path / "c_null.py").write_bytes(b"password = 1\x00\n")
    (tmp_path / "d_leak.py").write_text(f'token = "{hex_key(2)}"\n')
    proc = run([*CLI, "check", str(tmp_path), str(tmp_path / "missing.py")])
    assert proc.returncode == 2
    assert "d_leak.py:1:9: FCH201" in proc.stdout
    errors = sorted(line for line in proc.stderr.splitlines() if ": error: " in line)
    assert [e.split(": error: ")[1] for e in errors] == [
        "cannot parse: '(' was never closed at line 1",
        "cannot decode: not UTF-8, and no valid coding declaration",
        "cannot parse: source code string cannot contain null bytes",
        "no such file",
    ]
    assert "Traceback" not in proc.stderr


def test_a_file_without_a_candidate_line_is_not_parsed(tmp_path: pathlib.Path):
    """Its syntax and encoding are not this tool's business: nothing in it could be a finding
    (every anchor is ASCII, so the bytes are searched before any decoding)."""
    (tmp_path / "broken.py").write_text("def f(:\n    return )\n")
    (tmp_path / "nul.py").write_bytes(b"x = 1\x00\n")
    (tmp_path / "latin1.py").write_bytes(b"x = 'caf\xe9'\n")
    proc = run([*CLI, "check", str(tmp_path)])
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_skips_virtualenvs_and_build_folders(tmp_path: pathlib.Path):
    for folder in (".venv", "build", ".git", "node_modules", "pkg.egg-info"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "leak.py").write_text(f'token = "{hex_key(3)}"\n')
    proc = run([*CLI, "check", str(tmp_path)])
    assert (proc.returncode, proc.stdout) == (0, "")


def test_pyproject_settings(tmp_path: pathlib.Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.freshchat-secrets]\nextra-words = ["pin"]\nignore-names = ["fake_*"]\nexclude = ["vendored"]\n'
        f'allow-values = ["{hex_key(7)}"]\n')
    (tmp_path / "app.py").write_text(f'card_pin = "{hex_key(4)}"\nfake_token = "{hex_key(5)}"\n'
                                     f'sandbox_token = "{hex_key(7)}"\n')
    (tmp_path / "vendored").mkdir()
    (tmp_path / "vendored" / "lib.py").write_text(f'token = "{hex_key(6)}"\n')
    proc = run([*CLI, "check", "--format", "json", "."], cwd=str(tmp_path))
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["path"], f["line"], f["code"]) for f in findings] == [("./app.py", 1, "FCH201")]


def test_bad_pyproject_is_a_usage_error(tmp_path: pathlib.Path):
    (tmp_path / "pyproject.toml").write_text('[tool.freshchat-secrets]\nextra_wordz = ["pin"]\n')
    (tmp_path / "app.py").write_text("x = 1\n")
    proc = run([*CLI, "check", "."], cwd=str(tmp_path))
    assert proc.returncode == 2 and "unknown key(s)" in proc.stderr and "extra_wordz" in proc.stderr


def test_json_format():
    path = CASES / "docs" / "FCH204.py"
    proc = run([*CLI, "check", "--format", "json", str(path)])
    document = json.loads(proc.stdout)
    assert document["errors"] == []
    assert document["findings"] == [{
        "path": str(path), "cell": None, "line": 3, "column": 18, "end_line": 3, "end_column": 52,
        "code": "FCH204", "symbol": "hardcoded-credential-mapping",
        "message": "hardcoded secret 'a1B2…' (32 chars) under key 'X-Api-Key'; read it from "
                   'os.environ["X_API_KEY"]',
        "fixable": True, "env_name": "X_API_KEY",
    }]


def test_sarif_format(tmp_path: pathlib.Path):
    path = CASES / "docs" / "FCH206.py"
    (tmp_path / "broken.py").write_text("def (password\n")
    proc = run([*CLI, "check", "--format", "sarif", str(path), str(tmp_path / "broken.py")])
    assert proc.returncode == 2
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert [r["id"] for r in run_["tool"]["driver"]["rules"]] == [
        "FCH101", "FCH102", "FCH201", "FCH202", "FCH203", "FCH204", "FCH205", "FCH206",
        "FCH301", "FCH302", "FCH303"]
    (result,) = run_["results"]
    assert result["ruleId"] == "FCH206" and result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": 21, "endLine": 2, "endColumn": 55}
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert "cannot parse" in run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_parallel_and_serial_agree():
    from .conftest import case_files

    paths = [str(p) for p in case_files()] * 3  # enough files to start workers
    serial = run([*CLI, "check", "-j", "1", *paths])
    parallel = run([*CLI, "check", "-j", "2", *paths])
    assert serial.stdout == parallel.stdout and serial.stdout


def test_explain_prints_the_page():
    proc = run([*CLI, "explain", "FCH101"])
    assert proc.returncode == 0
    assert proc.stdout.startswith("# FCH101: hardcoded-freshchat-token")
    assert "## If the token has leaked" in proc.stdout
    assert run([*CLI, "explain", "hardcoded-credential-default"]).stdout.startswith("# FCH203")
    unknown = run([*CLI, "explain", "FCH999"])
    assert unknown.returncode == 2 and "unknown code" in unknown.stderr


def test_console_script_is_installed():
    import os
    import shutil
    import sys

    # beside the interpreter that installed it (a pyenv shim may not be rehashed yet)
    search = os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")])
    script = shutil.which("freshchat-secrets", path=search)
    assert script, "pip install -e . installs the freshchat-secrets command"
    proc = run([script, "--version"])
    assert (proc.returncode, proc.stdout.strip()) == (0, "freshchat-secrets 0.1.0")


@pytest.mark.parametrize(("text", "ours"), [
    ('[project.scripts]\nfreshchat-secrets = "flake8_freshchat.cli:main"\n[tool.pytest.ini_options]\n', False),
    ('[tool.black]\nx = "freshchat-secrets"\n', False),
    ('[project]\nname = "demo"\n', False),
    ('[tool.freshchat-secrets]\nexclude = ["a"]\n', True),
    ('[tool."freshchat-secrets"]\nexclude = ["a"]\n', True),
    ('[ tool . freshchat-secrets ]\nexclude = ["a"]\n', True),
    ('[tool]\nfreshchat-secrets = { exclude = ["a"] }\n', True),
    ('[tool]\nfreshchat-secrets.exclude = ["a"]\n', True),
    ('tool.freshchat-secrets.exclude = ["a"]\n', True),
    ('[project]\ndescription = """\n[tool.freshchat-secrets]\n"""\n', True),  # in doubt: parsed
])
def test_pyproject_is_parsed_only_when_it_may_hold_our_table(text, ours):
    """TOML is parsed (tomllib's import and parse cost more than a cached run) only when
    [tool.freshchat-secrets] can be in it, however it is written."""
    from flake8_freshchat.cli.config import _may_hold_our_table

    assert _may_hold_our_table(text.encode()) is ours


def test_read_bytes_reads_whole_files_and_names_what_it_cannot(tmp_path: pathlib.Path, monkeypatch):
    from flake8_freshchat.cli import files
    from flake8_freshchat.engine import SourceError

    for size in (0, 1, 4095, 4096, 70_000):
        path = tmp_path / f"f{size}.py"
        path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        assert files.read_bytes(str(path)) == path.read_bytes()
    for path, reason in ((tmp_path / "missing.py", "no such file"), (tmp_path, "is a directory")):
        with pytest.raises(SourceError, match=f"^{reason}$"):
            files.read_bytes(str(path))
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    with pytest.raises(SourceError, match="^skipped: larger than 32 MiB$"):
        files.read_bytes(str(tmp_path / "f4096.py"))
