"""The results cache of `check`: right after edits, invalidated by options and tool version,
a corrupt entry a miss, and no secret in it."""
from __future__ import annotations

import json
import pathlib

from .surfaces import PY, run
from .synthetic import hex_key

KEY, OTHER = hex_key(81), hex_key(82)


def _check(project: pathlib.Path, *extra: str, version: str | None = None):
    if version is None:
        return run([PY, "-m", "flake8_freshchat", "check", *extra, "."], cwd=str(project))
    script = ("import sys, flake8_freshchat; flake8_freshchat.__version__ = sys.argv[1]\n"
              "from flake8_freshchat.cli import main\nsys.exit(main(['check', *sys.argv[2:], '.']))\n")
    return run([PY, "-c", script, version, *extra], cwd=str(project))


def _project(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    (tmp_path / "app.py").write_text(f'API_KEY = "{KEY}"\n')
    (tmp_path / "clean.py").write_text("x = 1\n")
    return tmp_path


def _cache_file(project: pathlib.Path) -> pathlib.Path:
    (path,) = (project / ".freshchat_cache").glob("results-*.json")
    return path


def _tamper(project: pathlib.Path) -> None:
    """Record `app.py` as clean: a run that trusts the cache then reports nothing for it."""
    path = _cache_file(project)
    document = json.loads(path.read_text())
    (entry,) = [e for name, e in document["files"].items() if name.endswith("app.py")]
    entry[2]["findings"] = []
    path.write_text(json.dumps(document))


def test_a_second_run_sees_edits(tmp_path: pathlib.Path):
    project = _project(tmp_path)
    first = _check(project)
    assert (first.returncode, first.stdout.split(" ")[0]) == (1, "./app.py:1:11:")
    assert (project / ".freshchat_cache" / ".gitignore").read_text().endswith("*\n")
    (project / "clean.py").write_text(f'x = 1\ntoken = "{OTHER}"\n')  # a secret added to a cached file
    (project / "app.py").write_text('import os\n\nAPI_KEY = os.environ["API_KEY"]\n')  # one removed
    second = _check(project)
    assert (second.returncode, [line.split(" ")[0] for line in second.stdout.splitlines()]) == (
        1, ["./clean.py:2:9:"])


def test_the_cache_is_used_and_options_or_version_invalidate_it(tmp_path: pathlib.Path):
    project = _project(tmp_path)
    _check(project)
    _tamper(project)
    assert (_check(project).returncode, _check(project).stdout) == (0, "")  # the cached result is used
    (project / "pyproject.toml").write_text("[project]\nname = 'demo'\n[tool.freshchat-secrets]\nextra-words = ['pin']\n")
    assert _check(project).stdout.startswith("./app.py:1:11: FCH201")  # other options: another cache
    (project / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    assert _check(project).stdout == ""  # back to the first options and their (tampered) cache
    assert _check(project, version="99.0").stdout.startswith("./app.py:1:11: FCH201")
    assert _check(project, "--no-cache").stdout.startswith("./app.py:1:11: FCH201")


def test_a_corrupt_cache_is_a_miss(tmp_path: pathlib.Path):
    project = _project(tmp_path)
    _check(project)
    path = _cache_file(project)
    document = json.loads(path.read_text())
    for entry in document["files"].values():
        entry[2] = {"findings": [{"code": "FCH201"}], "error": None}  # malformed: not a finding
    path.write_text(json.dumps(document))
    entry_broken = _check(project)
    assert (entry_broken.returncode, entry_broken.stdout.split(" ")[0], entry_broken.stderr.count("Traceback")) == (
        1, "./app.py:1:11:", 0)
    path.write_text("{not json")
    file_broken = _check(project)
    assert (file_broken.returncode, file_broken.stdout.split(" ")[0], file_broken.stderr.count("Traceback")) == (
        1, "./app.py:1:11:", 0)


def test_no_cache_file_holds_a_secret(tmp_path: pathlib.Path):
    project = _project(tmp_path)
    (project / "more.py").write_text(f'password = "Tr0ub4dor&3"\nDB = "postgres://u:{OTHER}@db/app"\n')
    _check(project)
    text = "".join(p.read_text() for p in (project / ".freshchat_cache").iterdir())
    for secret in (KEY, OTHER, "Tr0ub4dor&3"):
        assert secret[:5] not in text


def test_baselines_and_clean_do_not_depend_on_it(tmp_path: pathlib.Path):
    project = _project(tmp_path)
    assert _check(project, "--no-cache", "--write-baseline", "b.json").returncode == 0
    uncached = (project / "b.json").read_text()
    _check(project)  # the cache now holds app.py's finding, without its value
    assert _check(project, "--write-baseline", "b.json").returncode == 0  # so app.py is read again
    assert (project / "b.json").read_text() == uncached  # same salt, same hash: the value was hashed
    assert _check(project, "--baseline", "b.json").stdout == ""
    cleaned = run([PY, "-m", "flake8_freshchat", "clean"], cwd=str(project))
    assert cleaned.returncode == 0 and not (project / ".freshchat_cache").exists()
    assert cleaned.stderr == f"freshchat-secrets: removed {project / '.freshchat_cache'}\n"


def test_a_file_added_to_a_listed_folder_is_found(tmp_path: pathlib.Path):
    """Folder listings are cached by the folder's mtime; adding a file changes it."""
    import os

    project = _project(tmp_path)
    (project / "pkg").mkdir()
    (project / "pkg" / "a.py").write_text("x = 1\n")
    for folder in (project, project / "pkg"):
        os.utime(folder, ns=(1_000_000_000, 1_000_000_000))  # long ago: the listing is trusted
    assert _check(project).stdout.split(" ")[0] == "./app.py:1:11:"
    assert "folders" in json.loads(_cache_file(project).read_text())
    (project / "pkg" / "b.py").write_text(f'secret = "{OTHER}"\n')
    assert [line.split(" ")[0] for line in _check(project).stdout.splitlines()] == [
        "./app.py:1:11:", "./pkg/b.py:1:10:"]
