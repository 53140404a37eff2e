"""The env file the fix appends to: NAME=value lines that python-dotenv and POSIX shells both
read back exactly, in a file created with mode 0600."""
from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")
_SHELL_SPECIAL_IN_DOUBLE = set('$`\\"')


class EnvFileError(Exception):
    pass


def is_valid_name(name: str) -> bool:
    return _NAME.fullmatch(name) is not None


def quote(value: str) -> tuple[str, bool]:
    """(quoted value, exact in shells too). Single quotes are literal in both readers; a value
    holding a single quote goes in double quotes when nothing in it is special there."""
    if "'" not in value and "\\" not in value:
        return f"'{value}'", True
    if not (_SHELL_SPECIAL_IN_DOUBLE & set(value)) and "\n" not in value:
        return f'"{value}"', True
    # python-dotenv decodes \\ and \' inside single quotes; no shell quoting fits both.
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'", False


def read(path: str) -> dict[str, str]:
    """The names and values already in the file (python-dotenv's reading when installed)."""
    if not os.path.exists(path):
        return {}
    try:
        from dotenv import dotenv_values
    except ImportError:  # pragma: no cover - python-dotenv is in the test extra
        dotenv_values = None
    try:
        if dotenv_values is not None:
            return {k: v for k, v in dotenv_values(path, interpolate=False).items() if v is not None}
        values = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                match = _LINE.match(line)
                if match:
                    raw = match.group(2)
                    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
                        raw = raw[1:-1]
                    values[match.group(1)] = raw
        return values
    except (OSError, UnicodeDecodeError) as exc:
        raise EnvFileError(f"{path}: cannot read: {exc.__class__.__name__}") from None


def append(path: str, entries: Iterable[tuple[str, str]]) -> list[str]:
    """Append NAME=value lines; returns warnings. Creates the file with mode 0600."""
    warnings = []
    lines = []
    for name, value in entries:
        quoted, exact_in_shell = quote(value)
        if not exact_in_shell:
            warnings.append(f"{name}: the value holds quotes and backslashes; shells will not read "
                            f"this line back exactly (python-dotenv does)")
        lines.append(f"{name}={quoted}\n")
    if not lines:
        return warnings
    try:
        needs_newline = False
        if os.path.exists(path) and os.path.getsize(path):
            with open(path, "rb") as handle:
                handle.seek(-1, os.SEEK_END)
                needs_newline = handle.read(1) != b"\n"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(("\n" if needs_newline else "") + "".join(lines))
    except OSError as exc:
        raise EnvFileError(f"{path}: cannot write: {exc.strerror}") from None
    return warnings


def git_ignores(path: str) -> bool | None:
    """True or False inside a git work tree; None when git or the work tree is not there."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        proc = subprocess.run(["git", "check-ignore", "-q", os.path.abspath(path)], cwd=folder,
                              capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return {0: True, 1: False}.get(proc.returncode)
