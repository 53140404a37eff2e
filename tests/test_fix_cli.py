"""`freshchat-secrets fix` end to end, on copies of the corpus and of odd files."""
from __future__ import annotations

import ast
import pathlib
import shutil
import stat
import subprocess

import pytest
from dotenv import dotenv_values

from flake8_freshchat.engine import Options, analyze_source

from .conftest import SHARED_CORPUS, SHARED_CORPUS_V2, case_files
from .surfaces import PY, flake8, run
from .synthetic import freshchat_token, hex_key

CLI = [PY, "-m", "flake8_freshchat"]


def _copy_cases(into: pathlib.Path) -> list[pathlib.Path]:
    copies = []
    for path in case_files():
        target = into / (("doc_" if path.parent.name == "docs" else "") + path.name)
        shutil.copy(path, target)
        copies.append(target)
    return copies


def test_fix_corpus_and_cases_with_env_file(tmp_path: pathlib.Path):
    work = tmp_path / "work"
    work.mkdir()
    files = _copy_cases(work)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    before = {p: p.read_bytes() for p in files}
    fixable = {p: [f for f in analyze_source(p.read_text()) if f.fixable] for p in files}
    clean = work / "clean.py" if (work / "clean.py").exists() else work / "negatives.py"
    clean_stat = clean.stat()

    proc = run([*CLI, "fix", "--env-file", ".env", "."], cwd=str(work))
    assert proc.returncode == 1  # comparisons, docstrings and comments remain
    assert "Traceback" not in proc.stderr
    assert ".env is not ignored by git" in proc.stderr
    assert "rotate them" in proc.stderr

    for path in files:
        ast.parse(path.read_bytes())  # every file parses
    # flake8 now reports exactly the unfixable findings, and those the fix refused to drop
    found, _ = flake8([str(p) for p in files])
    unfixable = {(str(p), f.line, f.code) for p in files for f in analyze_source(before[p].decode()) if not f.fixable}
    refused = {(str(work / line.split(":")[0].removeprefix("./")), int(line.split(":")[1]), line.split(" ")[1])
               for line in proc.stdout.splitlines() if "already stands for a different value" in line}
    # a fallback whose variable another fallback gives another value stays in the code
    assert {code for _, _, code in refused} <= {"FCH205"}
    assert {code for _, _, code in found} == {"FCH101", "FCH206"} | {code for _, _, code in refused}
    assert len(found) == len(unfixable) + len(refused)  # (lines moved by `import os`)
    # no fixed secret stays in the code; every removed value is in .env, read back exactly
    env = dotenv_values(work / ".env")
    for path, findings in fixable.items():
        text, old = path.read_text(), before[path].decode()
        taken = {(f.line, f.col) for f in findings}
        unsuppressed = analyze_source(old, Options.build(suppressions=frozenset()))
        kept = {f.secret for f in unsuppressed if (f.line, f.col) not in taken}  # unfixable or suppressed
        literals = [n.value if isinstance(n.value, str) else n.value.decode("latin-1")
                    for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Constant)
                    and isinstance(n.value, (str, bytes))]
        for finding in findings:  # no literal of the fixed code holds a moved secret
            if (str(path), finding.line, finding.code) in refused:
                assert finding.secret in text  # refused: still in the code, so never lost
                continue
            if finding.secret not in kept:
                assert not any(finding.secret in lit and not any(k in lit for k in kept) for lit in literals), (
                    path.name, finding.line)
            assert finding.secret in env.values(), finding.env_name
    assert stat.S_IMODE((work / ".env").stat().st_mode) == 0o600
    assert clean.read_bytes() == before[clean] and clean.stat().st_mtime_ns == clean_stat.st_mtime_ns

    # a second run changes nothing
    snapshot = {p: p.read_bytes() for p in files}
    env_before = (work / ".env").read_bytes()
    again = run([*CLI, "fix", "--env-file", ".env", "."], cwd=str(work))
    assert again.returncode == 1
    assert {p: p.read_bytes() for p in files} == snapshot and (work / ".env").read_bytes() == env_before


def test_public_corpus_fix(tmp_path: pathlib.Path):
    corpus = SHARED_CORPUS
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    clean_mtime = (work / "clean.py").stat().st_mtime_ns
    proc = run([*CLI, "fix", "--env-file", ".env", "."], cwd=str(work))
    assert proc.returncode == 1
    found, _ = flake8(["."], cwd=str(work))
    assert sorted(code for _, _, code in found) == ["FCH101", "FCH206"]  # the comment, the comparison
    assert (work / "clean.py").read_bytes() == (corpus / "clean.py").read_bytes()
    assert (work / "clean.py").stat().st_mtime_ns == clean_mtime
    assert len(dotenv_values(work / ".env")) == 18
    assert (work / "credentials.py").read_text().splitlines()[3:6] == [
        'DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]  # expect: FCH201',
        'SENDGRID_API_KEY: str = os.environ["SENDGRID_API_KEY"]  # expect: FCH201',
        'access_token = os.environ["ACCESS_TOKEN"]  # expect: FCH201',
    ]


def test_public_corpus_v2_fix(tmp_path: pathlib.Path):
    if not SHARED_CORPUS_V2.is_dir():
        pytest.skip("../shared/corpus_v2 is not beside this checkout")
    work = tmp_path / "corpus_v2"
    shutil.copytree(SHARED_CORPUS_V2, work)
    for path in work.iterdir():
        path.chmod(0o644)
    proc = run([*CLI, "fix", "--env-file", ".env", "."], cwd=str(work))
    assert proc.returncode == 1
    found, _ = flake8(["."], cwd=str(work))
    assert [code for _, _, code in found] == ["FCH206"]  # the comparison stays for a person
    env = dotenv_values(work / ".env")
    assert len(env) == 11
    assert env["ANALYTICS_DB"] == "postgres://analyst:An4lyst-Pw-31@warehouse:5432/events"
    assert env["DATABASE_DSN"] == "dbname=shop user=shop password=Sh0p-Db-Pw9 host=db"
    assert env["CLIENT_TOKEN"] == "c7f3a9e1b5d2480f96ab3e7c1d5f2a8b"
    text = (work / "second_engine.py").read_text()
    assert 'web = api = CLIENT_TOKEN = os.environ["CLIENT_TOKEN"]' in text
    assert 'CONN = psycopg2.connect(os.environ["DATABASE_DSN"])' in text
    assert '"stripe_public": "pk_live_51NzQ2yKZ9vR3mN8pL4tW7cB"' in text  # publishable: not a secret


def test_diff_writes_nothing_and_never_shows_a_secret(tmp_path: pathlib.Path):
    key, token = hex_key(1), freshchat_token(2)
    app = tmp_path / "app.py"
    app.write_text(f'API = "https://a.freshchat.com"\napi_key = "{key}"\nTOKEN = "{token}"\n')
    before = app.read_bytes()
    proc = run([*CLI, "fix", "--diff", "--env-file", ".env", "app.py"], cwd=str(tmp_path))
    assert proc.returncode == 1
    assert app.read_bytes() == before and not (tmp_path / ".env").exists()
    assert f'-api_key = "{key[:4]}…"' in proc.stdout
    assert '+api_key = os.environ["API_KEY"]' in proc.stdout
    assert key not in proc.stdout + proc.stderr and token not in proc.stdout + proc.stderr


def test_without_env_file_values_go_to_the_project_roots_env(tmp_path: pathlib.Path):
    key = hex_key(3)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(f'api_key = "{key}"\ndef f(password="Tr0ub4dor&3"): pass\n')
    proc = run([*CLI, "fix", "app.py"], cwd=str(tmp_path / "src"))
    assert proc.returncode == 0, proc.stderr
    assert f"stored 2 variable(s) in {tmp_path / '.env'}" in proc.stderr
    assert key not in proc.stderr + proc.stdout and "Tr0ub4dor&3" not in proc.stderr + proc.stdout
    assert dotenv_values(tmp_path / ".env") == {"API_KEY": key, "F_PASSWORD": "Tr0ub4dor&3"}
    assert (tmp_path / "src" / "app.py").read_text().startswith('import os\n\napi_key = os.environ["API_KEY"]\n')


def test_a_name_the_code_reads_is_claimed_first_across_the_run(tmp_path: pathlib.Path):
    (tmp_path / "a.py").write_text(f'SECRET_KEY = "{hex_key(8)}"\n')
    (tmp_path / "b.py").write_text(f'import os\nkey = os.getenv("SECRET_KEY", "{hex_key(9)}")\n')
    proc = run([*CLI, "fix", "--env-file", ".env", "."], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert dotenv_values(tmp_path / ".env") == {"SECRET_KEY": hex_key(9), "SECRET_KEY_2": hex_key(8)}
    assert (tmp_path / "a.py").read_text() == 'import os\n\nSECRET_KEY = os.environ["SECRET_KEY_2"]\n'
    assert (tmp_path / "b.py").read_text() == 'import os\nkey = os.getenv("SECRET_KEY")\n'


def test_two_fallbacks_of_one_name_never_lose_a_value(tmp_path: pathlib.Path):
    (tmp_path / "a.py").write_text(f'import os\nkey = os.getenv("SECRET_KEY", "{hex_key(8)}")\n')
    (tmp_path / "b.py").write_text(f'import os\nkey = os.getenv("SECRET_KEY", "{hex_key(9)}")\n')
    proc = run([*CLI, "fix", "--env-file", ".env", "."], cwd=str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout.startswith("./b.py:2:31: FCH205 ") and proc.stdout.count("\n") == 1
    assert "(not fixed: SECRET_KEY already stands for a different value in the env file)" in proc.stdout
    assert dotenv_values(tmp_path / ".env") == {"SECRET_KEY": hex_key(8)}
    assert hex_key(9) in (tmp_path / "b.py").read_text()  # kept in the code, not dropped


def test_env_file_names_already_taken_get_suffixes(tmp_path: pathlib.Path):
    (tmp_path / ".env").write_text("API_KEY='something-else'\n")
    (tmp_path / "app.py").write_text(f'api_key = "{hex_key(4)}"\n')
    run([*CLI, "fix", "--env-file", ".env", "app.py"], cwd=str(tmp_path))
    assert 'os.environ["API_KEY_2"]' in (tmp_path / "app.py").read_text()
    assert dotenv_values(tmp_path / ".env") == {"API_KEY": "something-else", "API_KEY_2": hex_key(4)}


@pytest.mark.parametrize("value", ["pl'ain", 'd"q$`\\x', "multi\nline'", "sp ace#hash", "a\\b"])
def test_env_file_values_read_back_exactly(tmp_path: pathlib.Path, value: str):
    from flake8_freshchat import envfile

    path = tmp_path / ".env"
    with envfile.EnvStore(str(path)) as store:
        store.append([("SECRET", value)])
    assert dotenv_values(path, interpolate=False)["SECRET"] == value
    quoted, shell_exact = envfile.quote(value)
    if shell_exact:
        shell = subprocess.run(["sh", "-c", f"set -a; . {path}; printf %s \"$SECRET\""],
                               capture_output=True, text=True)
        assert shell.stdout == value


@pytest.mark.parametrize("name, data, fixed", [
    ("crlf.py", b'x = 1\r\napi_key = "KEY"\r\nif x:\r\n\tpass\r\n',
     b'import os\r\n\r\nx = 1\r\napi_key = os.environ["API_KEY"]\r\nif x:\r\n\tpass\r\n'),
    ("bom.py", b'\xef\xbb\xbfapi_key = "KEY"  # \xc3\xa9\n',
     b'\xef\xbb\xbfimport os\n\napi_key = os.environ["API_KEY"]  # \xc3\xa9\n'),
    ("latin1.py", b'# -*- coding: latin-1 -*-\nname = "caf\xe9"; api_key = "KEY"\n',
     b'# -*- coding: latin-1 -*-\nimport os\n\nname = "caf\xe9"; api_key = os.environ["API_KEY"]\n'),
    ("tabs.py", b'class A:\n\tdef f(self):\n\t\tself.api_key = "KEY"\n',
     b'import os\n\nclass A:\n\tdef f(self):\n\t\tself.api_key = os.environ["API_KEY"]\n'),
])
def test_round_trip_keeps_encoding_bom_newlines_and_tabs(tmp_path: pathlib.Path, name, data, fixed):
    key = hex_key(5).encode()
    path = tmp_path / name
    path.write_bytes(data.replace(b"KEY", key))
    path.chmod(0o640)
    proc = run([*CLI, "fix", str(path)], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert path.read_bytes() == fixed
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_libcst_tool_runs_the_codemod(tmp_path: pathlib.Path):
    key = hex_key(6)
    (tmp_path / ".libcst.codemod.yaml").write_text(
        "generated_code_marker: '@generated'\nformatter: []\nblacklist_patterns: []\n"
        "modules: ['flake8_freshchat']\nrepo_root: '.'\n")
    (tmp_path / "app.py").write_text(f'client_secret = "{key}"\n')
    proc = run([PY, "-m", "libcst.tool", "codemod", "--no-format", "--hide-progress",
                "codemod.MoveCredentialsToEnviron", "app.py"], cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "app.py").read_text() == 'import os\n\nclient_secret = os.environ["CLIENT_SECRET"]\n'


def test_unreadable_file_exit_two(tmp_path: pathlib.Path):
    (tmp_path / "bad.py").write_text("def (password:\n")
    (tmp_path / "ok.py").write_text(f'api_key = "{hex_key(7)}"\n')
    proc = run([*CLI, "fix", str(tmp_path)], cwd=str(tmp_path))
    assert proc.returncode == 2
    assert "bad.py: error: cannot parse" in proc.stderr
    assert 'os.environ["API_KEY"]' in (tmp_path / "ok.py").read_text()
