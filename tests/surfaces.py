"""Drive the real front ends and read their findings as (file, line, code) sets."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence

from .markers import parse_report

PY = sys.executable


def run(args: Sequence[str], stdin: str | None = None, cwd: str | None = None,
        env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), input=stdin, capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=600)


def flake8(paths: Sequence[str], *extra: str, cwd: str | None = None) -> tuple[set, subprocess.CompletedProcess]:
    proc = run([PY, "-m", "flake8", "--isolated", "--select", "FCH", *extra, *paths], cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return parse_report(proc.stdout), proc


def check(paths: Sequence[str], *extra: str, cwd: str | None = None) -> tuple[set, subprocess.CompletedProcess]:
    proc = run([PY, "-m", "flake8_freshchat", "check", "--format", "json", *extra, *paths], cwd=cwd)
    found = {(f["path"], f["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]}
    return found, proc
