"""A cheap scan of the source for lines that could hold a finding.

Every finding needs a credential word, a JWT (`eyJ`) or, for context, the word
`freshchat` on one of the lines of its statement, so the tree walk visits only the
statements that hold such a line. The scan is one regex pass in C over the text.
"""
from __future__ import annotations

import functools
import re

from .names import Vocabulary


@functools.lru_cache(maxsize=16)
def _line_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    nouns = sorted(vocab.nouns, key=len, reverse=True)
    modifiers = sorted(vocab.key_modifiers, key=len, reverse=True)
    # `cred` covers credential(s)/creds; the nouns cover plural and compound spellings.
    words = [re.escape(w) for w in nouns] + ["cred", "freshchat", "eyj"]
    key = "(?:%s)[^A-Za-z0-9\\n]{0,3}key" % "|".join(map(re.escape, modifiers))
    return re.compile("(?i)" + "|".join(words + [key]))


def candidate_lines(source: str, vocab: Vocabulary) -> list[int]:
    """Sorted 1-based numbers of the lines that hold a credential word, `eyJ` or `freshchat`."""
    lines: list[int] = []
    line, last = 1, 0
    for match in _line_pattern(vocab).finditer(source):
        pos = match.start()
        line += source.count("\n", last, pos)
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines
