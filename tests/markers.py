"""`# expect: FCHnnn` markers, read the way ../shared/tools/score.py reads them."""
from __future__ import annotations

import pathlib
import re

MARKER = re.compile(r"# expect: (FCH\d{3})")


def expected(path: pathlib.Path) -> set[tuple[str, int, str]]:
    found = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for match in MARKER.finditer(line):
            found.add((str(path), number, match.group(1)))
    return found


def parse_report(text: str) -> set[tuple[str, int, str]]:
    """`path:line:col: CODE …` lines (flake8's default format and `check`'s text format)."""
    found = set()
    for line in text.splitlines():
        match = re.match(r"(.+?):(\d+):(\d+):? (FCH\d{3}) ", line)
        if match:
            found.add((match.group(1), int(match.group(2)), match.group(4)))
    return found
