"""The pre-commit hooks, run by the real pre-commit from this repository (try-repo)."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from .conftest import ROOT
from .synthetic import hex_key


def _git(cwd: pathlib.Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


def _try_repo(project: pathlib.Path, hook: str) -> subprocess.CompletedProcess:
    if not (ROOT / ".git").exists():
        pytest.fail("try-repo needs this checkout to be a git repository")
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
                          cwd=project, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("project")
    _git(path, "init", "-q")
    return path


def test_check_hook_fails_on_a_leaky_staged_file_and_passes_on_clean(project: pathlib.Path):
    (project / "app.py").write_text(f'API_KEY = "{hex_key(1)}"\n')
    _git(project, "add", "app.py")
    failing = _try_repo(project, "freshchat-secrets")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "app.py:1:11: FCH201" in failing.stdout
    (project / "app.py").write_text('import os\n\nAPI_KEY = os.environ["API_KEY"]\n')
    _git(project, "add", "app.py")
    passing = _try_repo(project, "freshchat-secrets")
    assert passing.returncode == 0, passing.stdout + passing.stderr


def test_fix_hook_fails_when_it_changed_files(project: pathlib.Path):
    (project / "app.py").write_text(f'API_KEY = "{hex_key(2)}"\n')
    _git(project, "add", "app.py")
    proc = _try_repo(project, "freshchat-secrets-fix")
    assert proc.returncode == 1
    assert "files were modified by this hook" in proc.stdout
    assert (project / "app.py").read_text() == 'import os\n\nAPI_KEY = os.environ["API_KEY"]\n'


def test_check_hook_with_a_baseline_fails_only_on_new_secrets(tmp_path: pathlib.Path):
    """As a project adopts it: `args: [--baseline, FILE]` in its .pre-commit-config.yaml."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.fail("the hook is installed from this checkout's HEAD: it must be a git repository")
    _git(tmp_path, "init", "-q")
    (tmp_path / "legacy.py").write_text(f'API_KEY = "{hex_key(61)}"\n')
    subprocess.run([sys.executable, "-m", "flake8_freshchat", "check", "--write-baseline",
                    ".freshchat-baseline.json"], cwd=tmp_path, check=True, capture_output=True)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: freshchat-secrets\n"
        f"    args: [--baseline, .freshchat-baseline.json]\n")
    _git(tmp_path, "add", ".")

    def run_hook() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "freshchat-secrets"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=900)

    known = run_hook()
    assert known.returncode == 0, known.stdout + known.stderr
    (tmp_path / "new.py").write_text(f'token = "{hex_key(62)}"\n')
    _git(tmp_path, "add", "new.py")
    new = run_hook()
    assert new.returncode == 1
    assert "new.py:1:9: FCH201" in new.stdout and "legacy.py" not in new.stdout
