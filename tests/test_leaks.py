"""No output ever holds a whole secret: plant secrets, drive every output path, grep."""
from __future__ import annotations

import pathlib

from .surfaces import PY, run
from .synthetic import app_uuid, base62_key, freshchat_legacy_token, freshchat_token, hex_key, other_jwt

SECRETS = {
    "TOKEN": freshchat_token(1), "LEGACY": freshchat_legacy_token(2), "OTHER": other_jwt(3),
    "HEX": hex_key(4), "B62": base62_key(5), "UUID": app_uuid(6), "PW": "Tr0ub4dor&3",
    "SHORT": "adm1", "WORD": "letmein",
}


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
    )
    return path


def assert_no_secret(text: str) -> None:
    for label, secret in SECRETS.items():
        assert secret not in text, f"{label} leaked"


def test_planted_file_has_findings_for_every_secret(tmp_path):
    path = planted(tmp_path)
    proc = run([PY, "-m", "flake8_freshchat", "check", str(path)])
    assert len(proc.stdout.splitlines()) == 10


def test_no_output_format_leaks(tmp_path):
    path = planted(tmp_path)
    outputs = [run([PY, "-m", "flake8", "--isolated", "--select", "FCH", str(path)])]
    for fmt in ("text", "json", "sarif"):
        outputs.append(run([PY, "-m", "flake8_freshchat", "check", "--format", fmt, str(path)]))
    for proc in outputs:
        assert proc.stdout.count("FCH") >= 10 or proc.stdout.count('"FCH') >= 10
        assert_no_secret(proc.stdout + proc.stderr)
