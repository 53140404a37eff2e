"""The fix never loses a value: the env file is written first, whole, or nothing changes."""
from __future__ import annotations

import errno
import os
import pathlib

import pytest
from dotenv import dotenv_values

from flake8_freshchat.cli import main

from .surfaces import PY, run
from .synthetic import freshchat_token, hex_key

CLI = [PY, "-m", "flake8_freshchat"]


def _leaky_project(folder: pathlib.Path) -> dict[pathlib.Path, bytes]:
    files = {
        folder / "a.py": f'API_KEY = "{hex_key(1)}"\n'.encode(),
        folder / "b.py": f'import os\nDB_PASSWORD = os.getenv("DB_PASSWORD", "{hex_key(2)}")\n'.encode(),
    }
    for path, data in files.items():
        path.write_bytes(data)
    return files


def _unchanged(files: dict[pathlib.Path, bytes]) -> bool:
    return all(path.read_bytes() == data for path, data in files.items())


@pytest.mark.parametrize("env_file, reason", [
    ("envdir", "envdir: is a folder, not an env file"),
    ("nodir/.env", "nodir/.env: its folder does not exist"),
])
def test_an_env_file_that_cannot_be_written_changes_nothing(tmp_path: pathlib.Path, env_file, reason):
    files = _leaky_project(tmp_path)
    (tmp_path / "envdir").mkdir()
    proc = run([*CLI, "fix", "--env-file", env_file, "a.py", "b.py"], cwd=str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr == f"freshchat-secrets: error: {reason}; no file was changed\n"
    assert proc.stdout == ""
    assert _unchanged(files)


@pytest.mark.parametrize("fails", ["write", "fsync", "replace"])
def test_a_write_that_fails_midway_changes_nothing(tmp_path: pathlib.Path, monkeypatch, capsys, fails):
    files = _leaky_project(tmp_path)
    env = tmp_path / ".env"
    env.write_text("EXISTING='kept'\n")
    monkeypatch.chdir(tmp_path)

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if fails == "write":  # the temporary env file fills the disk
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, handle):
                self.handle = handle

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                full_disk()

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Full(real_fdopen(fd, *a, **k)))
    else:
        monkeypatch.setattr(os, fails, full_disk)
    status = main(["fix", "a.py", "b.py"])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err == (f"freshchat-secrets: error: {env}: cannot write: No space left on device; "
                            "no file was changed\n")
    assert "Traceback" not in captured.out + captured.err
    assert _unchanged(files)
    assert env.read_text() == "EXISTING='kept'\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".env", "a.py", "b.py"]  # no temporary left


def test_a_replacement_inside_an_fstring_is_valid_on_310(tmp_path: pathlib.Path):
    token = freshchat_token(3)
    path = tmp_path / "app.py"
    path.write_text(f'message = f"token={{\'{token}\'}} for agent"\n')
    proc = run([*CLI, "fix", "--env-file", ".env", "app.py"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert path.read_text() == 'import os\n\nmessage = f"token={os.environ[\'FRESHCHAT_API_TOKEN\']} for agent"\n'
    assert dotenv_values(tmp_path / ".env") == {"FRESHCHAT_API_TOKEN": token}


def test_lookup_get_on_bytes_never_calls_encode_on_none(tmp_path: pathlib.Path):
    path = tmp_path / "app.py"
    path.write_text(f'signing_key = b"{hex_key(4)}"\n')
    proc = run([*CLI, "fix", "--lookup", "get", "--env-file", ".env", "app.py"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert path.read_text() == 'import os\n\nsigning_key = os.environ.get("SIGNING_KEY", "").encode()\n'


def test_one_file_named_twice_is_fixed_once(tmp_path: pathlib.Path):
    (tmp_path / "a.py").write_text(f'API_KEY = "{hex_key(5)}"\n')
    proc = run([*CLI, "fix", "--env-file", ".env", "a.py", "./a.py", str(tmp_path / "a.py")], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "a.py").read_text() == 'import os\n\nAPI_KEY = os.environ["API_KEY"]\n'
    assert dotenv_values(tmp_path / ".env") == {"API_KEY": hex_key(5)}


def test_libcst_tool_lists_the_codemod(tmp_path: pathlib.Path):
    (tmp_path / ".libcst.codemod.yaml").write_text(
        "generated_code_marker: '@generated'\nformatter: ['black', '-']\nblacklist_patterns: []\n"
        "modules:\n- 'flake8_freshchat'\nrepo_root: '.'\n")
    proc = run([PY, "-m", "libcst.tool", "list"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert "codemod.MoveCredentialsToEnviron - Move hardcoded credentials into environment variables" in proc.stdout


def test_libcst_tool_codemod_stores_values_in_the_env_file_first(tmp_path: pathlib.Path):
    (tmp_path / ".libcst.codemod.yaml").write_text(
        "generated_code_marker: '@generated'\nformatter: ['black', '-']\nblacklist_patterns: []\n"
        "modules:\n- 'flake8_freshchat'\nrepo_root: '.'\n")
    (tmp_path / "app.py").write_text(f'API_KEY = "{hex_key(6)}"\n')
    proc = run([PY, "-m", "libcst.tool", "codemod", "--no-format", "codemod.MoveCredentialsToEnviron",
                "--env-file", ".env", "app.py"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "app.py").read_text() == 'import os\n\nAPI_KEY = os.environ["API_KEY"]\n'
    assert dotenv_values(tmp_path / ".env") == {"API_KEY": hex_key(6)}
    (tmp_path / "b.py").write_text(f'TOKEN = "{hex_key(7)}"\n')
    proc = run([PY, "-m", "libcst.tool", "codemod", "--no-format", "codemod.MoveCredentialsToEnviron",
                "--env-file", "nodir/.env", "b.py"], cwd=str(tmp_path))
    assert "not rewritten: nodir/.env: its folder does not exist" in proc.stderr
    assert (tmp_path / "b.py").read_text() == f'TOKEN = "{hex_key(7)}"\n'


def _modules(folder: pathlib.Path, count: int = 24) -> dict[pathlib.Path, list[str]]:
    """Modules whose names collide across files: every run must tell their values apart."""
    planted = {}
    for i in range(count):
        values = [hex_key(100 + i), f"Pw-{i:02d}-{hex_key(200 + i, 8)}"]
        path = folder / f"module_{i:02d}.py"
        path.write_text(f'API_KEY = "{values[0]}"\nconnect(password="{values[1]}")\n')
        planted[path] = values
    return planted


def _lookups(text: str) -> list[str]:
    import ast

    names = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            names.append((node.lineno, node.slice.value))
    return [name for _, name in sorted(names)]


def _assert_every_name_resolves_to_its_own_value(planted: dict[pathlib.Path, list[str]], env_file: pathlib.Path):
    env = dotenv_values(env_file, interpolate=False)
    for path, values in planted.items():
        names = _lookups(path.read_text())
        assert len(names) == len(values), path.name
        assert [env[name] for name in names] == values, path.name


def test_two_fix_runs_at_once_never_give_one_name_two_values(tmp_path: pathlib.Path):
    import subprocess

    planted = _modules(tmp_path)
    files = sorted(p.name for p in planted)
    halves = [files[:12], files[12:]]
    procs = [subprocess.Popen([*CLI, "fix", "--env-file", ".env", *half], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for half in halves]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, out + err
    _assert_every_name_resolves_to_its_own_value(planted, tmp_path / ".env")
    assert len(dotenv_values(tmp_path / ".env")) == 48


def test_the_fix_hook_through_pre_commit_keeps_every_value(tmp_path: pathlib.Path):
    import subprocess
    import sys

    from .conftest import ROOT
    from .test_pre_commit import _git

    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    planted = _modules(project)
    (project / ".gitignore").write_text(".env\n")
    _git(project, "add", ".")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "freshchat-secrets-fix",
                           "--all-files"], cwd=project, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # files were modified by this hook
    assert "files were modified by this hook" in proc.stdout
    _assert_every_name_resolves_to_its_own_value(planted, project / ".env")
