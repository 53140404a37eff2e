"""A cheap scan of the source for lines that could hold a finding.

Every finding needs a credential word, a JWT (`eyJ`) or, for context, the word
`freshchat` on one of the lines of its statement, so the tree walk visits only the
statements that hold such a line. The scan lower-cases the text once and runs one
case-sensitive regex over it (an IGNORECASE alternation is some twenty times slower).
"""
from __future__ import annotations

import functools
import re

from .names import Vocabulary

_KEY = "key"


@functools.lru_cache(maxsize=16)
def _patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = {w.lower() for w in vocab.nouns} | {"cred", "freshchat", "eyj", _KEY}
    # A word that holds another (credentials > cred, apikey > key) adds nothing.
    words = {w for w in words if not any(o != w and o in w for o in words)}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    modifiers = "|".join(re.escape(m) for m in sorted(vocab.key_modifiers, key=len, reverse=True))
    # Checked only where `key` was found: is it api_key, secretKey, X-Api-Key?
    key_modifier = re.compile(r"(?:%s)[^a-z0-9\n]{0,3}$" % modifiers)
    return re.compile(alternation), key_modifier


def candidate_lines(source: str, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that hold a credential word, `eyJ` or `freshchat`."""
    words, key_modifier = _patterns(vocab)
    lowered = source.lower()
    lines: list[int] = []
    line, last = 1, 0
    for match in words.finditer(lowered):
        pos = match.start()
        if match.group() == _KEY and not key_modifier.search(lowered, max(0, pos - 16), pos):
            continue
        line += lowered.count("\n", last, pos)
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines
