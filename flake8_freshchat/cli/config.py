"""`[tool.freshchat-secrets]` in pyproject.toml, read once into Options."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from ..engine import Options
from ..project import nearest_folder_with

KNOWN_KEYS = frozenset({"extra-words", "remove-words", "ignore-names", "exclude", "allow-values"})


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Settings:
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


def load_settings(path: str | None, start: str = ".") -> Settings:
    """Settings from `path`, or from the nearest pyproject.toml above `start`."""
    path = path or find_pyproject(start)
    if path is None:
        return Settings(Options())
    if sys.version_info >= (3, 11):  # loaded only when there is a pyproject.toml to read
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("freshchat-secrets", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
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
