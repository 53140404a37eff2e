"""Baselines: adopt the checker on a legacy codebase and fail only on new credentials.

A baseline records each finding as its code, file, name and a salted hash of its value;
never the value, never a line number. A finding matches an entry with the same four, so
edits above it and moved lines leave it known, and a changed value makes it new. Entries
count: a second copy of a known secret in the same file under the same name is new too.
"""
from __future__ import annotations

import collections
import hashlib
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..atomic import write_atomically
from ..engine import Finding
from .config import ConfigError
from .files import FileResult

FORMAT_VERSION = 1

#: A finding as the baseline knows it, within its file: code, name, salted hash of the value.
Key = tuple[str, str, str]


@dataclass(frozen=True)
class Baseline:
    path: str
    salt: str
    #: File (relative to the baseline's folder, with /) -> how many of each key it holds.
    files: dict[str, collections.Counter[Key]]

    @property
    def folder(self) -> str:
        """Paths in the baseline are relative to the folder it lives in."""
        return os.path.dirname(os.path.abspath(self.path))

    def relative(self, path: str) -> str:
        return os.path.relpath(os.path.abspath(path), self.folder).replace(os.sep, "/")

    def key(self, finding: Finding) -> Key:
        digest = hashlib.sha256(f"{self.salt}\0{finding.code}\0{finding.secret}".encode("utf-8", "surrogatepass"))
        return finding.code, finding.name or "", digest.hexdigest()

    def new_findings(self, path: str, findings: Sequence[Finding]) -> tuple[Finding, ...]:
        """The findings of one file that the baseline does not hold."""
        if not findings:
            return ()
        left = collections.Counter(self.files.get(self.relative(path), ()))
        new = []
        for finding in findings:
            key = self.key(finding)
            if left[key] > 0:
                left[key] -= 1
            else:
                new.append(finding)
        return tuple(new)

    def filter(self, results: Iterable[FileResult]) -> list[FileResult]:
        return [r._replace(findings=self.new_findings(r.path, r.findings)) for r in results]


def empty(path: str) -> Baseline:
    return Baseline(path, secrets.token_hex(16), {})


def load(path: str) -> Baseline:
    """The baseline in `path`; ConfigError (one line) when it cannot be used."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline; write one with `check --write-baseline {path}`") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {getattr(exc, 'strerror', None) or type(exc).__name__}") from None
    return parse(path, text)


def parse(path: str, text: str) -> Baseline:
    """A baseline from its text (`path` says where it lives: its paths are relative to it)."""
    try:
        document = json.loads(text)
    except ValueError:
        raise ConfigError(f"{path}: not a baseline: invalid JSON") from None
    try:
        if document["version"] != FORMAT_VERSION:
            raise ConfigError(f"{path}: baseline format {document['version']!r} is not supported "
                              f"(this version reads {FORMAT_VERSION})")
        salt = document["salt"]
        files: dict[str, collections.Counter[Key]] = {}
        for entry in document["findings"]:
            key = (entry["code"], entry["name"], entry["hash"])
            if not all(isinstance(part, str) for part in (salt, entry["path"], *key)):
                raise TypeError
            files.setdefault(entry["path"], collections.Counter())[key] += int(entry.get("count", 1))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ConfigError(f"{path}: not a baseline: it lacks version, salt or findings") from None
    return Baseline(path, salt, files)


def write(baseline: Baseline, results: Iterable[FileResult]) -> int:
    """Record every finding of `results` (keeping the baseline's salt, so an unchanged finding
    keeps its line in the file); returns how many. ConfigError when it cannot be written."""
    counts = collections.Counter((baseline.relative(r.path), *baseline.key(f)) for r in results for f in r.findings)
    entries = [
        {"code": code, "path": path, "name": name, "hash": digest, **({"count": n} if n > 1 else {})}
        for (path, code, name, digest), n in sorted(counts.items())
    ]
    document = {"tool": "freshchat-secrets", "version": FORMAT_VERSION, "salt": baseline.salt, "findings": entries}
    try:
        write_atomically(baseline.path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{baseline.path}: cannot write the baseline: {exc.strerror or type(exc).__name__}") from None
    return sum(counts.values())
