"""The tables the rules read, kept as data in `data/`: credential words, value words, public
values, known sinks, vendor formats and the word list. Each is read once, on first use."""
from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: start-up is a feature
if TYPE_CHECKING:
    from typing import Any

# A plain path, not importlib.resources: its first use costs more than reading every table.
_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read(name: str) -> bytes:
    with open(os.path.join(_DATA, name), "rb") as handle:
        return handle.read()


@functools.cache
def _table(name: str) -> dict[str, Any]:
    """A JSON table of data/: JSON, not TOML, because a C parser loads them all in well under a
    millisecond, and pylint and flake8 workers load them in every process."""
    return json.loads(_read(name))


def _words(table: str, key: str) -> frozenset[str]:
    return frozenset(_table(table)[key]["words"])


@functools.cache
def vocabulary(key: str) -> frozenset[str]:
    """A word list of data/vocabulary.json: credential_nouns, password_nouns, key_modifiers, …"""
    return _words("vocabulary.json", key)


@functools.cache
def value_words(key: str) -> frozenset[str]:
    """A word list of data/values.json: placeholder_words, not_passwords, technical_words, …"""
    return _words("values.json", key)


@functools.cache
def public_values() -> frozenset[str]:
    return frozenset(entry["value"] for entry in _table("public_values.json")["values"])


@dataclass(frozen=True)
class Sink:
    callee: tuple[str, ...]
    #: 0-based position -> parameter name.
    args: dict[int, str]


@functools.cache
def sinks() -> tuple[Sink, ...]:
    """Longest callee first, so the most specific entry decides a call."""
    table = _table("sinks.json")["sinks"]
    found = [Sink(tuple(e["callee"].split(".")), {int(k): v for k, v in e["args"].items()}) for e in table]
    return tuple(sorted(found, key=lambda s: len(s.callee), reverse=True))


@functools.cache
def sink_pairs() -> tuple[frozenset[str], str]:
    """Keywords whose (user, password) pair holds a password, and the name it is reported under."""
    pairs = _table("sinks.json")["pairs"]
    return frozenset(pairs["keywords"]), pairs["name"]


@dataclass(frozen=True)
class VendorFormat:
    name: str
    pattern: re.Pattern[str]
    variable: str
    checksum: str | None = None


@functools.cache
def vendor_formats() -> tuple[VendorFormat, ...]:
    return tuple(
        VendorFormat(e["name"], re.compile(e["pattern"]), e["variable"], e.get("checksum"))
        for e in _table("vendors.json")["vendors"]
    )


@functools.cache
def vendor_markers() -> tuple[str, ...]:
    """Texts that every token of some vendor format holds, case-sensitive."""
    return tuple(sorted({m for e in _table("vendors.json")["vendors"] for m in e["markers"]}))


@functools.cache
def sink_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Lower-case names whose calls are known sinks (`login`, `hmac.new`), and the keywords
    that take a (user, password) pair (`auth`)."""
    callees = {".".join(s.callee).lower() for s in sinks()}
    return tuple(sorted(callees)), tuple(sorted(sink_pairs()[0]))


@functools.cache
def vendor_prefixes() -> frozenset[str]:
    return frozenset(p.lower() for p in _table("vendors.json")["prefixes"]["alone"])


@functools.cache
def dictionary() -> frozenset[str]:
    """English words (data/words.txt.gz, from SCOWL) plus programming and short words."""
    import gzip

    words = set(gzip.decompress(_read("words.txt.gz")).decode("ascii").split())
    return frozenset(words | value_words("technical_words") | value_words("short_words"))
