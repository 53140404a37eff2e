"""A cheap scan of the source for lines that could hold a finding.

Every finding needs, on one of the lines of its statement, a credential word, a JWT
(`eyJ`), the word `freshchat` (context), a known sink's call (`login(`, `auth=(`), or a
mark of a value that gives itself away: a vendor token's marker (`ghp_`, `AKIA`), a PEM
`PRIVATE KEY`, or a URL's `://user:pass@`. So the tree walk visits only the statements that
hold such a line. The text is lower-cased once; each word, sink call and value mark is
then found with one `str.find` pass (C speed; a regex alternation of them all, even
case-sensitive, is several times slower).
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


# Bounded runs of blanks: `\s*` before a literal that is not there rescans every blank (quadratic).
_CALL = re.compile(r"\s{0,40}\(")
_PAIR = re.compile(r"\s{0,40}=\s{0,40}[(\[]")


@functools.lru_cache(maxsize=16)
def _patterns(vocab: Vocabulary) -> tuple[tuple[str, ...], tuple[_Anchor, ...]]:
    """The `key` modifiers (checked where `key` is found: api_key, secretKey, X-Api-Key?),
    and every anchor: credential words, sink calls, value marks."""
    words = _without_longer({w.lower() for w in vocab.nouns} | {"cred", "freshchat", "eyj", _KEY})
    key_modifier = tuple(sorted(m.lower() for m in vocab.key_modifiers))
    # A sink counts where it is called (`login(`), a pair keyword where it is given (`auth=(`):
    # the bare words are everywhere in code that only talks about logging in. A sink whose
    # name holds a credential word (`jwt.encode`) is found by that word already.
    callees, pair_keywords = sink_words()
    callees = {c for c in _without_longer(set(callees)) if not any(w in c for w in words)}
    anchors = [_Anchor(w, True) for w in sorted(words)]
    anchors += [_Anchor(c, True, _CALL) for c in sorted(callees)]
    anchors += [_Anchor(k, True, _PAIR) for k in sorted(_without_longer(set(pair_keywords)))]
    anchors += [_Anchor(m, False) for m in (*vendor_markers(), _PEM_MARK)]
    return key_modifier, tuple(anchors)


def _line_numbers(text: str, positions: list[int]) -> list[int]:
    lines, line, last = [], 1, 0
    for pos in sorted(positions):
        line += text.count("\n", last, pos)
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _follows_a_word(text: str, end: int) -> bool:
    """The hit runs on into a longer word (`connection`, `login_url`): no call, no keyword."""
    return end < len(text) and (text[end].isalnum() or text[end] == "_")


def _has_key_modifier(lowered: str, at: int, modifiers: tuple[str, ...]) -> bool:
    """`api_key`, `secretKey`, `X-Api-Key`: a modifier, then at most 3 separators, then `key`."""
    start = at
    while start > at - 3 and start > 0 and not lowered[start - 1].isalnum() and lowered[start - 1] != "\n":
        start -= 1
    if start > 0 and not lowered[start - 1].isalnum():
        return False  # more than 3 separators, or a line break, before `key`
    return lowered.endswith(modifiers, max(0, start - 16), start)


def _anchor_positions(source: str, lowered: str, anchors: tuple[_Anchor, ...],
                      modifiers: tuple[str, ...]) -> list[int]:
    """Where an anchor stands: one fast `str.find` pass per anchor (a regex alternation of
    them all is several times slower), a cheap look around each hit that needs one, and
    after a hit the rest of its line skipped (one hit makes the line a candidate)."""
    aligned = len(lowered) == len(source)  # a few non-ASCII letters lower-case to two characters
    positions = []
    for anchor in anchors:
        text = lowered if anchor.lowered else source
        size = len(anchor.text)
        at = text.find(anchor.text)
        while at >= 0:
            if anchor.text == _KEY:
                keep = _has_key_modifier(lowered, at, modifiers)
            elif anchor.text == _PASS:
                keep = not aligned or _is_pass_word(source, lowered, at)
            elif anchor.follows is not None:
                keep = not _follows_a_word(text, at + size) and anchor.follows.match(text, at + size) is not None
            else:
                keep = True
            if keep:
                positions.append(at)
                newline = text.find("\n", at)
                if newline < 0:
                    break
                at = text.find(anchor.text, newline)
            else:
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
        newline = lowered.find("\n", end, end + 200)
        rest = lowered[end:newline if newline >= 0 else end + 200].lstrip(" \t")
        if not rest or rest[0] in "#;":
            return False  # the statement
    return True


def candidate_lines(source: str, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that could hold a finding."""
    key_modifier, anchors = _patterns(vocab)
    return _line_numbers(source, _anchor_positions(source, source.lower(), anchors, key_modifier))
