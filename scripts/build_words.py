"""Rebuild flake8_freshchat/engine/data/words.txt, the word list the engine uses to tell
text made of words (`correcthorsebattery`, `kubeconfig`) from random keys.

Source: SCOWL as Debian ships it (`apt-get install wamerican wbritish`), whose licence
permits redistribution with its notice (kept in data/WORDS-LICENSE.txt). Words of three
letters or more, lower-cased, letters only; short words and programming words are added
from data/values.json at load time, not here.

The words are sorted by length, then alphabetically, one per line, after a header line
that counts them by length: every line of a length has the same width, so the engine
binary-searches the file as it is instead of building a set of 75,000 strings in every
process (see tables.WordList).

    python scripts/build_words.py
"""
from __future__ import annotations

import collections
import pathlib
import re

SOURCES = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")
TARGET = pathlib.Path(__file__).resolve().parent.parent / "flake8_freshchat" / "engine" / "data" / "words.txt"


def render(words: set[str]) -> bytes:
    """The file's bytes: `# lengths 3:1102 4:3215 …`, then the words by length and alphabet."""
    counts = collections.Counter(map(len, words))
    header = "# lengths " + " ".join(f"{length}:{counts[length]}" for length in sorted(counts))
    return "\n".join([header, *sorted(words, key=lambda w: (len(w), w))]).encode("ascii") + b"\n"


def main() -> None:
    words: set[str] = set()
    for source in SOURCES:
        for line in pathlib.Path(source).read_text(encoding="utf-8").splitlines():
            if re.fullmatch(r"[A-Za-z]{3,}", line):
                words.add(line.lower())
    TARGET.write_bytes(render(words))
    print(f"{TARGET}: {len(words)} words, {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
