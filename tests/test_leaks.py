"""No output ever holds a whole secret: plant secrets, drive every output path, grep."""
from __future__ import annotations

import pathlib

from .surfaces import PY, run
from .synthetic import (app_uuid, base62_key, freshchat_legacy_token, freshchat_token, hex_key, other_jwt,
                        private_key_pem, vendor_tokens)

PEM = private_key_pem(7)
URL_PASSWORD = "Vq7pLw2rT9xZ"

SECRETS = {
    "TOKEN": freshchat_token(1), "LEGACY": freshchat_legacy_token(2), "OTHER": other_jwt(3),
    "HEX": hex_key(4), "B62": base62_key(5), "UUID": app_uuid(6), "PW": "Tr0ub4dor&3",
    "SHORT": "adm1", "WORD": "letmein",
    # v2: a private key's body, a vendor token, a URL's password
    "PEM_BODY": PEM.splitlines()[1], "VENDOR": vendor_tokens(8)["GitHub"], "URL_PW": URL_PASSWORD,
}
FINDINGS = 13


def planted(folder: pathlib.Path) -> pathlib.Path:
    path = folder / "leaky.py"
    path.write_text(
        'API = "https://acme.freshchat.com"\n'
        f'FRESHCHAT_TOKEN = "{SECRETS["TOKEN"]}"\n'
        f'# old token {SECRETS["LEGACY"]}\n'
        f'access_token = "{SECRETS["OTHER"]}"\n'
        f'headers = {{"X-Api-Key": "{SECRETS["HEX"]}"}}\n'
        f'connect(client_secret="{SECRETS["B62"]}")\n'
        f'app_key = "{SECRETS["UUID"]}"\n'
        f'def f(password="{SECRETS["PW"]}"): pass\n'
        f'db_password = "{SECRETS["SHORT"]}"\n'
        f'if password == "{SECRETS["B62"]}x": pass\n'
        f'admin_password = "{SECRETS["WORD"]}"\n'
        f'SIGNER = {PEM!r}\n'
        f'CLIENT = Github("{SECRETS["VENDOR"]}")\n'
        f'DATABASE_URL = "postgres://app:{URL_PASSWORD}@db/app"\n'
    )
    return path


def assert_no_secret(text: str) -> None:
    for label, secret in SECRETS.items():
        assert secret not in text, f"{label} leaked"


def test_planted_file_has_findings_for_every_secret(tmp_path):
    path = planted(tmp_path)
    proc = run([PY, "-m", "flake8_freshchat", "check", str(path)])
    assert len(proc.stdout.splitlines()) == FINDINGS


def test_no_output_format_leaks(tmp_path):
    path = planted(tmp_path)
    outputs = [run([PY, "-m", "flake8", "--isolated", "--select", "FCH", str(path)])]
    for fmt in ("text", "json", "sarif"):
        outputs.append(run([PY, "-m", "flake8_freshchat", "check", "--format", fmt, str(path)]))
    for proc in outputs:
        assert proc.stdout.count("FCH") >= FINDINGS or proc.stdout.count('"FCH') >= FINDINGS
        assert_no_secret(proc.stdout + proc.stderr)


def test_pylint_outputs_do_not_leak(tmp_path):
    from flake8_freshchat.engine import RULES

    path = planted(tmp_path)
    symbols = ",".join(rule.symbol for rule in RULES)
    for fmt in ("text", "json", "parseable"):
        proc = run([PY, "-m", "pylint", "--load-plugins=pylint_freshchat", "--disable=all", f"--enable={symbols}",
                    f"--output-format={fmt}", "--score=n", str(path)])
        assert proc.stdout.count("hardcoded-") >= FINDINGS or (
            proc.stdout.count("7101") + proc.stdout.count("712") + proc.stdout.count("713") >= FINDINGS)
        assert_no_secret(proc.stdout + proc.stderr)


def test_fix_outputs_do_not_leak(tmp_path):
    path = planted(tmp_path)
    original = path.read_text()
    diff = run([PY, "-m", "flake8_freshchat", "fix", "--diff", str(path)], cwd=str(tmp_path))
    assert diff.stdout.startswith("---") and diff.returncode == 1
    assert_no_secret(diff.stdout + diff.stderr)
    plain = run([PY, "-m", "flake8_freshchat", "fix", str(path)], cwd=str(tmp_path))
    assert f"variable(s) in {tmp_path / '.env'}" in plain.stderr
    assert_no_secret(plain.stdout + plain.stderr)
    path.write_text(original)
    with_env = run([PY, "-m", "flake8_freshchat", "fix", "--env-file", str(tmp_path / "other.env"), str(path)])
    assert "stored 11 variable(s)" in with_env.stderr  # 13 findings: a comment and a comparison stay
    assert_no_secret(with_env.stdout + with_env.stderr)


def test_error_messages_do_not_quote_source(tmp_path):
    secret = SECRETS["B62"]
    (tmp_path / "syntax.py").write_text(f'api_key = "{secret}" +\n')
    (tmp_path / "indent.py").write_text(f'x = 1\n    api_key = "{secret}"\n')
    (tmp_path / "encoding.py").write_bytes(f'api_key = "{secret}\xff"\n'.encode("latin-1"))
    (tmp_path / "nul.py").write_bytes(f'api_key = "{secret}"\x00\n'.encode())
    for fmt in ("text", "json", "sarif"):
        proc = run([PY, "-m", "flake8_freshchat", "check", "--format", fmt, str(tmp_path)])
        assert proc.returncode == 2
        assert_no_secret(proc.stdout + proc.stderr)
    flake8_proc = run([PY, "-m", "flake8", "--isolated", "--select", "FCH,E9", str(tmp_path)])
    assert_no_secret(flake8_proc.stdout + flake8_proc.stderr)


def test_notebook_and_baseline_outputs_do_not_leak(tmp_path):
    """The same secrets in a notebook's cells, through every format, `fix --diff` and a
    baseline: masked or hashed, never whole."""
    import json

    import nbformat

    lines = planted(tmp_path).read_text().splitlines(keepends=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("%load_ext autoreload\n" + "".join(lines[:7])),
                                               nbformat.v4.new_code_cell("".join(lines[7:]))])
    nbformat.write(notebook, str(tmp_path / "leaky.ipynb"))
    outputs = [run([PY, "-m", "flake8_freshchat", "check", "--format", fmt, "leaky.ipynb"], cwd=str(tmp_path))
               for fmt in ("text", "json", "sarif")]
    assert len(json.loads(outputs[1].stdout)["findings"]) == FINDINGS
    outputs.append(run([PY, "-m", "flake8_freshchat", "fix", "--diff", "leaky.ipynb"], cwd=str(tmp_path)))
    outputs.append(run([PY, "-m", "flake8_freshchat", "check", "--write-baseline", "b.json", "."], cwd=str(tmp_path)))
    for proc in outputs:
        assert_no_secret(proc.stdout + proc.stderr)
    assert outputs[3].stdout.startswith("--- leaky.ipynb:cell 1\n+++ leaky.ipynb:cell 1\n")
    assert_no_secret((tmp_path / "b.json").read_text())


def test_a_findings_repr_and_text_hold_no_secret(tmp_path):
    """A finding carries its secret for the fixer alone: its repr (a traceback, a debugger,
    a log line) and its text show every other field."""
    from flake8_freshchat.engine import analyze_source

    findings = analyze_source(planted(tmp_path).read_text())
    assert len(findings) == FINDINGS and all(f.secret for f in findings)
    for finding in findings:
        for text in (repr(finding), str(finding), f"{finding}", repr([finding])):
            assert "message=" in text and finding.secret not in text
