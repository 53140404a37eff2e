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
