"""The tables the rules read, kept as data in `data/`: credential words, value words, public
values, known sinks, vendor formats and the word list. Each is read once, on first use."""
from __future__ import annotations

import functools
import json
import os
import re
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator

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


class Sink(NamedTuple):
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


class VendorFormat(NamedTuple):
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


class WordList:
    """The English word list (data/words.txt) and a few more words, for `word in words`.

    The file is searched as it is: its words are sorted by length, then alphabetically, so
    the words of one length are fixed-width lines and a binary search finds one. Loading is
    one read, where a set of 75,000 strings costs 30 ms in every process (a run's workers
    each load it, and most runs look up a handful of words). A process that looks up many
    words builds the set after all, once."""

    #: Lookups by binary search (a few microseconds each) before building the set.
    SET_AFTER = 5_000

    def __init__(self, data: bytes, extra: frozenset[str]) -> None:
        header, _, body = data.partition(b"\n")
        self._data = body
        self._extra = extra
        self._blocks: dict[int, tuple[int, int]] = {}  # length -> (offset, how many)
        offset = 0
        for field in header.split()[2:]:  # b"# lengths 3:1036 4:3174 …"
            length, count = map(int, field.split(b":"))
            self._blocks[length] = (offset, count)
            offset += count * (length + 1)
        self._lookups = 0
        self._set: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._set is not None:
            return word in self._set
        if word in self._extra:
            return True
        block = self._blocks.get(len(word))
        if block is None or not word.isascii():
            return False
        self._lookups += 1
        if self._lookups > self.SET_AFTER:
            self._set = frozenset(self)
        key, width, (start, count), data = word.encode("ascii"), len(word) + 1, block, self._data
        low, high = 0, count
        while low < high:
            middle = (low + high) // 2
            at = start + middle * width
            probe = data[at:at + width - 1]
            if probe == key:
                return True
            if probe < key:
                low = middle + 1
            else:
                high = middle
        return False

    def __iter__(self) -> Iterator[str]:
        yield from self._extra
        yield from (word for word in self._data.decode("ascii").split() if word not in self._extra)


@functools.cache
def dictionary() -> WordList:
    """English words (data/words.txt, from SCOWL) plus programming and short words."""
    return WordList(_read("words.txt"), value_words("technical_words") | value_words("short_words"))
