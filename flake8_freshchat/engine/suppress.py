"""Suppression comments: `# pragma: allowlist secret`, `# noqa[: FCH201]`, `# pylint: disable=…`."""
from __future__ import annotations

import re
from collections.abc import Callable

from .model import Finding
from .options import NOQA, PRAGMA, PYLINT_DISABLE
from .pylint_pragmas import PylintPragmas, names_of

# Searched only after the line's first "#": a lazy `#.*?` would rescan from every "#".
_PRAGMA = re.compile(r"pragma:\s*allowlist[ -]secret", re.IGNORECASE)
_PRAGMA_NEXTLINE = re.compile(r"pragma:\s*allowlist[ -]nextline[ -]secret", re.IGNORECASE)
# flake8's own grammar: `# noqa`, `# noqa: A1,B2`, `# NOQA:A1 B2`.
_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]*(?:[,\s]+[A-Z]+[0-9]*)*))?", re.IGNORECASE)
_PYLINT = re.compile(r"#\s*pylint:\s*disable\s*=\s*(?P<names>[\w\-]+(?:\s*,\s*[\w\-]+)*)", re.IGNORECASE)


def _after_hash(pattern: re.Pattern[str], text: str) -> bool:
    hash_at = text.find("#")
    return hash_at >= 0 and pattern.search(text, hash_at) is not None


def _noqa(text: str, code: str) -> bool:
    for match in _NOQA.finditer(text):
        codes = match.group("codes")
        if not codes:
            return True
        listed = [c.upper() for c in re.split(r"[,\s]+", codes) if c]
        if code in listed or code.startswith(tuple(listed)):
            return True
    return False


def _pylint(text: str, code: str) -> bool:
    names = names_of(code)
    return any({n.strip().lower() for n in match.group("names").split(",")} & names
               for match in _PYLINT.finditer(text))


def is_suppressed(finding: Finding, line_text: Callable[[int], str], honour: frozenset[str],
                  pragmas: PylintPragmas | None = None) -> bool:
    """On any line of the literal: the pragma, or (if honoured) noqa / pylint disable.
    `# pragma: allowlist nextline secret` on the line before counts too, and so do pylint's
    block, module and next-line disables (`pragmas`, read once per module)."""
    if PRAGMA in honour and _after_hash(_PRAGMA_NEXTLINE, line_text(finding.line - 1)):
        return True
    if pragmas is not None and PYLINT_DISABLE in honour and pragmas.disables(finding.code, finding.line):
        return True
    for line in range(finding.line, finding.end_line + 1):
        text = line_text(line)
        if "#" not in text:
            continue
        if PRAGMA in honour and _after_hash(_PRAGMA, text):
            return True
        if NOQA in honour and _noqa(text, finding.code):
            return True
        if PYLINT_DISABLE in honour and _pylint(text, finding.code):
            return True
    return False
