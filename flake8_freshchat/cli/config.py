"""`[tool.freshchat-secrets]` in pyproject.toml, read once into Options."""
from __future__ import annotations

import os
import re
import sys
from typing import NamedTuple

from ..engine import Options
from ..project import nearest_folder_with

KNOWN_KEYS = frozenset({"extra-words", "remove-words", "ignore-names", "exclude", "allow-values"})


class ConfigError(Exception):
    pass


class Settings(NamedTuple):
    options: Options
    exclude: tuple[str, ...] = ()
    source: str | None = None


def find_pyproject(start: str) -> str | None:
    folder = nearest_folder_with(start, ("pyproject.toml",), os.path.isfile)
    return None if folder is None else os.path.join(folder, "pyproject.toml")


def _list(table: dict, key: str) -> tuple[str, ...]:
    value = table.get(key, ())
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.freshchat-secrets] {key} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


_HEADER = re.compile(rb"^[ \t]*\[\[?[ \t]*([^\]\n]*)", re.MULTILINE)
_TOOL = re.compile(rb"[ \t]*tool[ \t]*(?:\.|$)")


def _may_hold_our_table(data: bytes) -> bool:
    """Whether pyproject.toml can hold [tool.freshchat-secrets] (parsing TOML costs more
    than a cached run): however the table is written (a header, dotted keys, an inline
    table in [tool]), the name stands in a `tool...` header, in a key line that starts with
    `tool`, or in a key line under [tool]. The script entry (`freshchat-secrets = "…"`
    under [project.scripts]) is not ours. In doubt (a multi-line string), parse."""
    if b"freshchat-secrets" not in data:
        return False
    if b'"""' in data or b"'''" in data:
        return True
    at = data.find(b"freshchat-secrets")
    while at >= 0:
        line = data[data.rfind(b"\n", 0, at) + 1:at]
        headers = list(_HEADER.finditer(data, 0, at))
        if line.lstrip().startswith(b"["):
            if _TOOL.match(headers[-1].group(1)):
                return True
        elif _TOOL.match(line) or (headers and _TOOL.fullmatch(headers[-1].group(1).rstrip(b" \t]"))):
            return True
        at = data.find(b"freshchat-secrets", at + 1)
    return False


def load_settings(path: str | None, start: str = ".") -> Settings:
    """Settings from `path`, or from the nearest pyproject.toml above `start`."""
    path = path or find_pyproject(start)
    if path is None:
        return Settings(Options())
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if not _may_hold_our_table(data):
        return Settings(Options(), (), path)
    if sys.version_info >= (3, 11):  # loaded only when there is a table of ours to read
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        table = tomllib.loads(data.decode("utf-8")).get("tool", {}).get("freshchat-secrets", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.freshchat-secrets]: {', '.join(unknown)}")
    options = Options.build(_list(table, "extra-words"), _list(table, "remove-words"), _list(table, "ignore-names"),
                            allow_values=_list(table, "allow-values"))
    return Settings(options, _list(table, "exclude"), path)


def excludes(settings: Settings, extra: str) -> tuple[str, ...]:
    """The configured patterns plus those of `--exclude a,b`."""
    return settings.exclude + tuple(p.strip() for p in extra.split(",") if p.strip())
