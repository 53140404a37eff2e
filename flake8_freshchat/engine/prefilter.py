"""A cheap scan of the source for lines that could hold a finding.

Every finding needs, on one of the lines of its statement, a credential word, a JWT
(`eyJ`), the word `freshchat` (context), a known sink's name (`login`, `auth=`), or a
mark of a value that gives itself away: a vendor token's marker (`ghp_`, `AKIA`), a PEM
`PRIVATE KEY`, or a URL's `://user:pass@`. So the tree walk visits only the statements that
hold such a line. Words are found by lower-casing the text once and running one
case-sensitive regex over it (an IGNORECASE alternation is some twenty times slower);
the case-sensitive marks are looked for with `str.find`, and only the marks present are
located.
"""
from __future__ import annotations

import functools
import re

from .names import Vocabulary
from .tables import sink_words, vendor_markers

_KEY = "key"
_PEM_MARK = "PRIVATE KEY"
_URL_MARK = "://"
#: `scheme://user:password@`: the user part holds no colon, so the match is linear.
_URL_USERINFO = re.compile(r"://[^\s/@:'\"]{0,256}:[^\s/@'\"]{1,256}@")


@functools.lru_cache(maxsize=16)
def _patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = {w.lower() for w in vocab.nouns} | {"cred", "freshchat", "eyj", _KEY} | set(sink_words())
    # A word that holds another (credentials > cred, apikey > key) adds nothing.
    words = {w for w in words if not any(o != w and o in w for o in words)}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    modifiers = "|".join(re.escape(m) for m in sorted(vocab.key_modifiers, key=len, reverse=True))
    # Checked only where `key` was found: is it api_key, secretKey, X-Api-Key?
    key_modifier = re.compile(r"(?:%s)[^a-z0-9\n]{0,3}$" % modifiers)
    return re.compile(alternation), key_modifier


def _line_numbers(text: str, positions: list[int]) -> list[int]:
    lines, line, last = [], 1, 0
    for pos in sorted(positions):
        line += text.count("\n", last, pos)
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _mark_positions(source: str) -> list[int]:
    """Where a case-sensitive mark of a self-revealing value stands."""
    positions = []
    for mark in (*vendor_markers(), _PEM_MARK):
        at = source.find(mark)
        while at >= 0:
            positions.append(at)
            at = source.find(mark, at + 1)
    if _URL_MARK in source and "@" in source:
        positions += [m.start() for m in _URL_USERINFO.finditer(source)]
    return positions


def candidate_lines(source: str, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that could hold a finding."""
    words, key_modifier = _patterns(vocab)
    lowered = source.lower()
    positions = []
    for match in words.finditer(lowered):
        pos = match.start()
        if match.group() == _KEY and not key_modifier.search(lowered, max(0, pos - 16), pos):
            continue
        positions.append(pos)
    positions += _mark_positions(source)
    return _line_numbers(source, positions)
