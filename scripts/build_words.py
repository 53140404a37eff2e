"""Rebuild flake8_freshchat/engine/data/words.txt.gz, the word list the engine uses to tell
text made of words (`correcthorsebattery`, `kubeconfig`) from random keys.

Source: SCOWL as Debian ships it (`apt-get install wamerican wbritish`), whose licence
permits redistribution with its notice (kept in data/WORDS-LICENSE.txt). Words of three
letters or more, lower-cased, letters only; short words and programming words are added
from data/values.json at load time, not here.

    python scripts/build_words.py
"""
from __future__ import annotations

import gzip
import pathlib
import re

SOURCES = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")
TARGET = pathlib.Path(__file__).resolve().parent.parent / "flake8_freshchat" / "engine" / "data" / "words.txt.gz"


def main() -> None:
    words: set[str] = set()
    for source in SOURCES:
        for line in pathlib.Path(source).read_text(encoding="utf-8").splitlines():
            if re.fullmatch(r"[A-Za-z]{3,}", line):
                words.add(line.lower())
    data = "\n".join(sorted(words)).encode() + b"\n"
    TARGET.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{TARGET}: {len(words)} words, {TARGET.stat().st_size} bytes")


if __name__ == "__main__":
    main()
