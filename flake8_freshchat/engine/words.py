"""Is a string made of words? `correcthorsebattery`, `KubeConfigLoader`, `secret-data` are;
`qfzlmxrktvwbphnc` and `QfZlMxRkTvWbPhNc` are not, whatever their length.

Words are recognised with a word list (see tables.dictionary), not by runs of letters:
a run of letters is split at case changes, then segmented into dictionary words by
dynamic programming that leaves as few letters uncovered as it can.
"""
from __future__ import annotations

import functools
import re

from .tables import dictionary

#: Acronym runs ("API" in "APIKey"), capitalised or lower words, bare acronyms.
_LETTER_RUN = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")
#: Longer runs are never typed as words; segmenting them is wasted work.
_MAX_RUN = 256
_LONGEST_WORD = 24


@functools.lru_cache(maxsize=4096)
def _cover(run: str) -> tuple[int, int]:
    """(letters no word covers, words used) for the best segmentation of a lower-case run."""
    words = dictionary()
    n = len(run)
    best: list[tuple[int, int]] = [(0, 0)] + [(n + 1, 0)] * n
    for end in range(1, n + 1):
        uncovered, used = best[end - 1]
        choice = (uncovered + 1, used)
        for start in range(max(0, end - _LONGEST_WORD), end):
            if run[start:end] in words:
                option = (best[start][0], best[start][1] + 1)
                if option < choice:
                    choice = option
        best[end] = choice
    return best[n]


def made_of_words(text: str) -> bool:
    """The letters of `text` are words: at most a tenth of them (two, for short text) left
    uncovered by dictionary words, and the words 3 letters long on average in longer text,
    as language's are. Digits and symbols between the words are not judged here."""
    runs = _LETTER_RUN.findall(text)
    letters = sum(map(len, runs))
    if not letters or any(len(run) > _MAX_RUN for run in runs):
        return False
    uncovered = used = 0
    for run in runs:
        run_uncovered, run_used = _cover(run.lower())
        uncovered += run_uncovered
        used += run_used
    average = 3.0 if letters >= 12 else 2.0  # short identifiers are short words: my_app, ok
    return used > 0 and uncovered <= max(2, letters // 10) and (letters - uncovered) / used >= average
