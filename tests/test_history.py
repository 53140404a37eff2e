"""`freshchat-secrets history` on real git repositories built here (SPEC "History")."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess

import pytest

from .surfaces import PY, run
from .synthetic import freshchat_token, hex_key

CLI = [PY, "-m", "flake8_freshchat"]
TOKEN, KEY, BRANCH_KEY, PASSWORD = freshchat_token(91), hex_key(92), hex_key(93), "Tr0ub4dor&9x"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}


def git(repo: pathlib.Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def commit(repo: pathlib.Path, files: dict[str, str | None], message: str) -> str:
    for name, text in files.items():
        path = repo / name
        if text is None:
            git(repo, "rm", "-q", name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        git(repo, "add", name)
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> tuple[pathlib.Path, dict[str, str]]:
    """A history holding each case once: replaced, deleted, on a branch, in many versions."""
    path = tmp_path_factory.mktemp("history")
    git(path, "init", "-q", "-b", "main")
    shas = {"token": commit(path, {"client.py": f'TOKEN = "{TOKEN}"\n'}, "add client")}
    commit(path, {"client.py": 'import os\n\nTOKEN = os.environ["FRESHCHAT_API_TOKEN"]\n'}, "use the environment")
    shas["password"] = commit(path, {"db.py": f'PASSWORD = "{PASSWORD}"\n'}, "add db")
    commit(path, {"db.py": None}, "drop db")
    shas["key"] = commit(path, {"settings.py": f'DEBUG = True\nAPI_KEY = "{KEY}"\n'}, "settings")
    for n in range(5):  # the same secret in many versions of one file
        notes = "# note\n" * (n + 1)
        commit(path, {"settings.py": f'DEBUG = True\n{notes}API_KEY = "{KEY}"\n'}, f"edit {n}")
    git(path, "checkout", "-q", "-b", "experiment")
    shas["branch"] = commit(path, {"tools/try.py": f'secret = "{BRANCH_KEY}"\n'}, "unmerged work")
    git(path, "checkout", "-q", "main")
    return path, shas


def test_each_credential_once_with_the_commit_that_introduced_it(repo):
    path, shas = repo
    proc = run([*CLI, "history", "--format", "json", str(path)])
    assert proc.returncode == 1, proc.stderr
    found = [(f["code"], f["path"], f["line"], f["commit"], f["in_head"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [
        ("FCH101", "client.py", 1, shas["token"], False),
        ("FCH201", "db.py", 1, shas["password"], False),
        ("FCH201", "settings.py", 2, shas["key"], True),
        ("FCH201", "tools/try.py", 1, shas["branch"], False),
    ]
    token = json.loads(proc.stdout)["findings"][0]["token"]
    assert token["generation"] == "current" and token["expired"] is False
    assert "4 credential(s) in the history, 1 still in HEAD" in proc.stderr
    assert proc.stderr.count("revoke it and generate a new one") == 1


def test_no_output_holds_a_whole_secret(repo):
    path, _ = repo
    outputs = [run([*CLI, "history", "--format", fmt, str(path)]) for fmt in ("text", "json", "sarif")]
    for proc in outputs:
        assert proc.returncode == 1
        for secret in (TOKEN, KEY, BRANCH_KEY, PASSWORD):
            assert secret not in proc.stdout + proc.stderr
    assert outputs[0].stdout.splitlines()[0].endswith(f"[commit {repo[1]['token'][:12]}, not in HEAD]")
    results = json.loads(outputs[2].stdout)["runs"][0]["results"]
    assert [(r["ruleId"], r["properties"]["in_head"]) for r in results] == [
        ("FCH101", False), ("FCH201", False), ("FCH201", True), ("FCH201", False)]


def test_since_scans_only_what_is_new(repo):
    path, shas = repo
    proc = run([*CLI, "history", "--format", "json", "--since", "main", str(path)])
    assert [(f["path"], f["commit"]) for f in json.loads(proc.stdout)["findings"]] == [("tools/try.py", shas["branch"])]


def test_suppressions_and_the_baseline_as_they_stood(tmp_path: pathlib.Path):
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"a.py": f'API_KEY = "{KEY}"  # pragma: allowlist secret\n'}, "suppressed from the start")
    run([*CLI, "check", "--write-baseline", "known.json"], cwd=str(tmp_path))  # records nothing yet
    commit(tmp_path, {"b.py": f'TOKEN_SECRET = "{BRANCH_KEY}"\n'}, "new secret")
    assert run([*CLI, "check", "--write-baseline", "known.json"], cwd=str(tmp_path)).returncode == 0
    commit(tmp_path, {"known.json": (tmp_path / "known.json").read_text()}, "baseline after the fact")
    proc = run([*CLI, "history", "--format", "json", "--baseline", "known.json", str(tmp_path)])
    # a.py was suppressed in its version; b.py's secret came before the baseline knew it
    assert [f["path"] for f in json.loads(proc.stdout)["findings"]] == ["b.py"]
    commit(tmp_path, {"c.py": f'password = "{PASSWORD}"\n', "known.json": (tmp_path / "known.json").read_text()},
           "a secret and its baseline in one commit")
    run([*CLI, "check", "--write-baseline", "known.json"], cwd=str(tmp_path))
    commit(tmp_path, {"known.json": (tmp_path / "known.json").read_text()}, "baseline")
    (tmp_path / "d.py").write_text(f'db_password = "{PASSWORD}x"\n')
    run([*CLI, "check", "--write-baseline", "known.json"], cwd=str(tmp_path))  # it knows d.py's secret
    commit(tmp_path, {"d.py": (tmp_path / "d.py").read_text(), "known.json": (tmp_path / "known.json").read_text()},
           "a secret with a baseline that knows it")
    later = run([*CLI, "history", "--format", "json", "--baseline", "known.json", str(tmp_path)])
    assert [f["path"] for f in json.loads(later.stdout)["findings"]] == ["b.py", "c.py"]
    unfiltered = run([*CLI, "history", "--format", "json", str(tmp_path)])
    assert [f["path"] for f in json.loads(unfiltered.stdout)["findings"]] == ["b.py", "c.py", "d.py"]


def test_notebook_versions_are_scanned(tmp_path: pathlib.Path):
    import nbformat

    git(tmp_path, "init", "-q", "-b", "main")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# x"),
                                               nbformat.v4.new_code_cell(f'%env X=1\napi_key = "{KEY}"')])
    commit(tmp_path, {"nb.ipynb": nbformat.writes(notebook)}, "notebook")
    proc = run([*CLI, "history", "--format", "json", str(tmp_path)])
    assert [(f["path"], f["cell"], f["line"]) for f in json.loads(proc.stdout)["findings"]] == [("nb.ipynb", 2, 2)]


def test_empty_shallow_and_foreign_repositories(tmp_path: pathlib.Path, repo):
    empty = tmp_path / "empty"
    empty.mkdir()
    git(empty, "init", "-q")
    proc = run([*CLI, "history", str(empty)])
    assert (proc.returncode, proc.stdout) == (0, "")
    assert "the repository has no commits yet" in proc.stderr
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo[0]}", str(shallow)], check=True,
                   capture_output=True)
    cut = run([*CLI, "history", "--format", "json", str(shallow)])
    assert "a shallow clone" in cut.stderr
    assert [(f["path"], f["in_head"]) for f in json.loads(cut.stdout)["findings"]] == [("settings.py", True)]
    plain = tmp_path / "plain"
    plain.mkdir()
    outside = run([*CLI, "history", str(plain)], env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert outside.returncode == 2 and "not a git repository" in outside.stderr and "Traceback" not in outside.stderr


def test_many_versions_are_read_by_every_worker_alike(tmp_path: pathlib.Path):
    """Past runner.PARALLEL_THRESHOLD versions the workers read them, each through its own
    `git cat-file`: the same findings, at the same commits, as one process reading them all."""
    git(tmp_path, "init", "-q", "-b", "main")
    # one fast-import: 90 commits, each a new version of one of three files; a key in two
    stream = []
    for number in range(90):
        name = f"mod{number % 3}.py"
        text = f"VALUE = {number}\n" + (f'API_KEY = "{KEY}"\n' if number in (40, 41) else "")
        stream.append(f"commit refs/heads/main\ncommitter t <t@example.org> {1_600_000_000 + number} +0000\n"
                      f"data 2\nc\nM 100644 inline {name}\ndata {len(text)}\n{text}\n")
    subprocess.run(["git", "-C", str(tmp_path), "fast-import", "--quiet"], input="".join(stream).encode(),
                   check=True, env={**os.environ, **GIT_ENV})
    outputs = [run([*CLI, "history", "--format", "json", "-j", jobs, str(tmp_path)]) for jobs in ("1", "2")]
    assert outputs[0].stdout == outputs[1].stdout
    assert [proc.returncode for proc in outputs] == [1, 1]
    findings = json.loads(outputs[1].stdout)["findings"]
    introduced = git(tmp_path, "rev-list", "--reverse", "main").split()[40]
    assert [(f["code"], f["path"], f["line"], f["commit"], f["in_head"]) for f in findings] == [
        ("FCH201", "mod1.py", 2, introduced, False)]


def test_cat_file_answers_are_read_whole_or_not_at_all():
    """One reader of `git cat-file --batch` output for the one-shot and the per-worker
    readers: contents, a missing or ambiguous name (which may hold blanks: `commit:a b`),
    and output that stops short."""
    import io

    from flake8_freshchat.cli.history import GitError, _answers

    out = b"1f blob 3\nxyz\nc0ffee:a b.json missing\nab ambiguous\n2e blob 0\n\n"
    assert list(_answers(io.BytesIO(out), 4)) == [b"xyz", None, None, b""]
    for short in (b"1f blob 5\nxy", b""):
        with pytest.raises(GitError, match="^git cat-file stopped before it answered$"):
            list(_answers(io.BytesIO(short), 1))
