"""A cheap scan of the source for lines that could hold a finding.

Every finding needs, on one of the lines of its statement, a credential word, a JWT
(`eyJ`), the word `freshchat` (context), a known sink's call (`login(`, `auth=(`), or a
mark of a value that gives itself away: a vendor token's marker (`ghp_`, `AKIA`), a PEM
`PRIVATE KEY`, or a URL's `://user:pass@`. So the tree walk visits only the statements that
hold such a line. Words are found by lower-casing the text once and running one
case-sensitive regex over it (an IGNORECASE alternation is some twenty times slower);
sink calls and value marks with one `str.find` pass each (a longer alternation in the
regex costs more than all of them together).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .names import Vocabulary
from .tables import sink_words, vendor_markers

_KEY = "key"
_PASS = "pass"
#: `password`, `passwd`, `passphrase`: credential nouns that begin with `pass`.
_PASS_NOUNS = ("word", "wd", "phrase")
_PEM_MARK = "PRIVATE KEY"
_URL_MARK = "://"
#: `scheme://user:password@`: the user part holds no colon, so the match is linear.
_URL_USERINFO = re.compile(r"://[^\s/@:'\"]{0,256}:[^\s/@'\"]{1,256}@")


def _without_longer(words: set[str]) -> set[str]:
    """A word that holds another (credentials > cred, apikey > key) adds nothing."""
    return {w for w in words if not any(o != w and o in w for o in words)}


class _Anchor(NamedTuple):
    """A text to look for with `str.find`, in the lower-cased text or the source as it is,
    and what must follow it for a hit to count."""

    text: str
    lowered: bool
    follows: re.Pattern[str] | None = None


_CALL = re.compile(r"\s*\(")
_PAIR = re.compile(r"\s*=\s*[(\[]")


@functools.lru_cache(maxsize=16)
def _patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str], tuple[_Anchor, ...]]:
    words = _without_longer({w.lower() for w in vocab.nouns} | {"cred", "freshchat", "eyj", _KEY})
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    modifiers = "|".join(re.escape(m) for m in sorted(vocab.key_modifiers, key=len, reverse=True))
    # Checked only where `key` was found: is it api_key, secretKey, X-Api-Key?
    key_modifier = re.compile(r"(?:%s)[^a-z0-9\n]{0,3}$" % modifiers)
    # A sink counts where it is called (`login(`), a pair keyword where it is given (`auth=(`):
    # the bare words are everywhere in code that only talks about logging in. A sink whose
    # name holds a credential word (`jwt.encode`) is found by that word already.
    callees, pair_keywords = sink_words()
    callees = {c for c in _without_longer(set(callees)) if not any(w in c for w in words)}
    anchors = [_Anchor(c, True, _CALL) for c in sorted(callees)]
    anchors += [_Anchor(k, True, _PAIR) for k in sorted(_without_longer(set(pair_keywords)))]
    anchors += [_Anchor(m, False) for m in (*vendor_markers(), _PEM_MARK)]
    return re.compile(alternation), key_modifier, tuple(anchors)


def _line_numbers(text: str, positions: list[int]) -> list[int]:
    lines, line, last = [], 1, 0
    for pos in sorted(positions):
        line += text.count("\n", last, pos)
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _anchor_positions(source: str, lowered: str, anchors: tuple[_Anchor, ...]) -> list[int]:
    """Where a sink is called or a self-revealing value is marked: one fast `str.find` pass
    per anchor, and a look at what follows each hit."""
    positions = []
    for anchor in anchors:
        text = lowered if anchor.lowered else source
        at = text.find(anchor.text)
        while at >= 0:
            if anchor.follows is None or anchor.follows.match(text, at + len(anchor.text)):
                positions.append(at)
            at = text.find(anchor.text, at + 1)
    if _URL_MARK in source and "@" in source:
        positions += [m.start() for m in _URL_USERINFO.finditer(source)]
    return positions


def _is_pass_word(source: str, lowered: str, pos: int) -> bool:
    """`pass` where it can be a word of a name (`PASS`, `db_pass`, `smtpPass`, `password`),
    not the statement (`pass`), nor part of a word (`passed`, `bypass`). `source` and
    `lowered` have the same length here, so positions agree."""
    end = pos + len(_PASS)
    if lowered.startswith(_PASS_NOUNS, end):
        return True
    if end < len(lowered) and lowered[end].isalpha():
        return False  # passed, passing
    if pos and lowered[pos - 1].isalpha():  # smtpPass, DBPass: a case change starts the word
        return source[pos] == "P" and (source[pos + 1] == "a" or source[pos - 1].islower())
    before = lowered[pos - 1] if pos else "\n"
    if before in " \t\n:;":
        rest = lowered[end:lowered.find("\n", end) if "\n" in lowered[end:end + 200] else end + 200].lstrip(" \t")
        if not rest or rest[0] in "#;":
            return False  # the statement
    return True


def candidate_lines(source: str, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that could hold a finding."""
    words, key_modifier, anchors = _patterns(vocab)
    lowered = source.lower()
    aligned = len(lowered) == len(source)  # a few non-ASCII letters lower-case to two characters
    positions = []
    for match in words.finditer(lowered):
        pos = match.start()
        word = match.group()
        if word == _KEY and not key_modifier.search(lowered, max(0, pos - 16), pos):
            continue
        if word == _PASS and aligned and not _is_pass_word(source, lowered, pos):
            continue
        positions.append(pos)
    positions += _anchor_positions(source, lowered, anchors)
    return _line_numbers(source, positions)
