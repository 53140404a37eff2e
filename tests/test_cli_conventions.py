"""The command-line conventions ruff and flake8 users bring (SPEC "Files a run covers",
"Exit statuses and formats"), with exact exit statuses."""
from __future__ import annotations

import json
import pathlib

from .surfaces import PY, run
from .synthetic import hex_key

CLI = [PY, "-m", "flake8_freshchat"]


def _leaky(folder: pathlib.Path, name: str = "app.py") -> pathlib.Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'API_KEY = "{hex_key(1)}"\n')
    return path


def test_no_path_means_the_current_folder(tmp_path: pathlib.Path):
    _leaky(tmp_path)
    proc = run([*CLI, "check"], cwd=str(tmp_path))
    assert (proc.returncode, proc.stdout.split(" ")[0]) == (1, "./app.py:1:11:")


def test_exit_zero_and_output_file(tmp_path: pathlib.Path):
    _leaky(tmp_path)
    proc = run([*CLI, "check", "--exit-zero", "--format", "json", "--output-file", "report.json", "."],
               cwd=str(tmp_path))
    assert (proc.returncode, proc.stdout) == (0, "")
    report = json.loads((tmp_path / "report.json").read_text())
    assert [(f["path"], f["line"], f["code"]) for f in report["findings"]] == [("./app.py", 1, "FCH201")]
    bad = run([*CLI, "check", "--output-file", "nodir/report.txt", "."], cwd=str(tmp_path))
    assert bad.returncode == 2 and "nodir/report.txt: cannot write" in bad.stderr


def test_standard_input_with_a_name(tmp_path: pathlib.Path):
    proc = run([*CLI, "check", "--stdin-filename", "src/app.py", "-"], stdin=f'token = "{hex_key(2)}"\n',
               cwd=str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout.startswith("src/app.py:1:9: FCH201 ")


def test_a_run_over_no_python_file_says_so(tmp_path: pathlib.Path):
    (tmp_path / "README.md").write_text("no code here\n")
    proc = run([*CLI, "check", "."], cwd=str(tmp_path))
    assert (proc.returncode, proc.stdout) == (0, "")
    assert proc.stderr == "freshchat-secrets: no Python file found under the given paths\n"


def test_a_path_given_twice_is_checked_once(tmp_path: pathlib.Path):
    _leaky(tmp_path)
    proc = run([*CLI, "check", ".", "./app.py", str(tmp_path / "app.py")], cwd=str(tmp_path))
    assert proc.returncode == 1 and len(proc.stdout.splitlines()) == 1


def test_exclude_takes_names_and_paths_and_stubs_are_checked(tmp_path: pathlib.Path):
    _leaky(tmp_path / "src" / "legacy", "old.py")
    _leaky(tmp_path / "src", "new.pyi")
    _leaky(tmp_path / "src", "gen_pb2.py")
    proc = run([*CLI, "check", "--exclude", "src/legacy,*_pb2.py", "."], cwd=str(tmp_path))
    assert proc.returncode == 1
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == ["./src/new.pyi"]


def test_sarif_uris_are_percent_encoded(tmp_path: pathlib.Path):
    _leaky(tmp_path / "sp ace", "my file.py")
    proc = run([*CLI, "check", "--format", "sarif", "."], cwd=str(tmp_path))
    (result,) = json.loads(proc.stdout)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sp%20ace/my%20file.py"


def test_jobs_must_be_a_positive_number(tmp_path: pathlib.Path):
    for value in ("0", "-2", "many"):
        proc = run([*CLI, "check", "-j", value, "."], cwd=str(tmp_path))
        assert proc.returncode == 2
        assert "argument -j/--jobs: must be a whole number of 1 or more" in proc.stderr
        assert "Traceback" not in proc.stderr


def test_lsp_without_its_extra_says_how_to_install_it(tmp_path: pathlib.Path):
    script = ("import sys; sys.modules['pygls'] = None\n"  # as if the [lsp] extra were not installed
              "from flake8_freshchat.cli import main\nsys.exit(main(['lsp']))\n")
    proc = run([PY, "-c", script], cwd=str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr == ("freshchat-secrets: error: the language server needs the lsp extra: "
                           "pip install 'flake8-freshchat[lsp]'\n")


def _git(folder: pathlib.Path, *args: str) -> None:
    proc = run(["git", "-C", str(folder), *args])
    assert proc.returncode == 0, proc.stderr


def test_a_walk_in_a_work_tree_takes_what_git_would(tmp_path: pathlib.Path):
    _git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("generated/\nlocal_*.py\n")
    _leaky(tmp_path, "tracked.py")
    _leaky(tmp_path, "untracked.py")
    _leaky(tmp_path / "generated", "gen.py")
    _leaky(tmp_path, "local_settings.py")
    _leaky(tmp_path / "pkg", "ignored_but_tracked.py")
    (tmp_path / "pkg" / ".gitignore").write_text("*.py\n")
    _git(tmp_path, "add", "-f", "tracked.py", "pkg/ignored_but_tracked.py")
    (tmp_path / "gone.py").write_text("x = 1\n")
    _git(tmp_path, "add", "gone.py")
    (tmp_path / "gone.py").unlink()  # tracked, deleted from the work tree: nothing to check
    proc = run([*CLI, "check", "."], cwd=str(tmp_path))
    assert proc.returncode == 1, proc.stderr
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == [
        "./pkg/ignored_but_tracked.py", "./tracked.py", "./untracked.py"]
    named = run([*CLI, "check", "local_settings.py", "generated"], cwd=str(tmp_path))
    assert [line.split(":")[0] for line in named.stdout.splitlines()] == ["local_settings.py", "generated/gen.py"]


def test_a_walk_outside_a_work_tree_takes_every_python_file(tmp_path: pathlib.Path):
    (tmp_path / ".gitignore").write_text("*.py\n")  # not a work tree: no git to apply it
    _leaky(tmp_path, "app.py")
    proc = run([*CLI, "check", "."], cwd=str(tmp_path), env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == ["./app.py"]
