"""Which files a run covers, and reading one file into findings (or a per-file error)."""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..engine import Finding, Options, SourceError, analyze_source, decode_source

SKIPPED_DIRECTORIES = frozenset({
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", "__pycache__", "build", "dist",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "site-packages",
    "__pypackages__", ".direnv",
})
#: A larger file is reported and skipped: no hand-written module is this big.
MAX_FILE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    """A name pattern (`vendored`, `*_pb2.py`) or a path (`src/legacy`, `./src/legacy/*`)."""
    spellings = {os.path.basename(path), os.path.normpath(path), os.path.relpath(path)}
    return any(fnmatch.fnmatch(spelling, os.path.normpath(pattern))
               for pattern in patterns for spelling in spellings)


def discover(paths: Iterable[str], exclude: tuple[str, ...] = (),
             unreadable: list[FileResult] | None = None) -> Iterator[str]:
    """Files named on the command line, and the .py files below named folders. A folder
    that cannot be listed is added to `unreadable` with its reason, and the walk goes on."""
    def report(error: OSError) -> None:
        if unreadable is not None:
            reason = "permission denied" if isinstance(error, PermissionError) else (
                f"cannot read folder: {error.strerror or type(error).__name__}")
            unreadable.append(FileResult(error.filename or "?", error=reason))

    seen: set[str] = set()
    for path in _once(paths, seen):
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=report):
                dirs[:] = sorted(
                    d for d in dirs
                    if d not in SKIPPED_DIRECTORIES and not d.endswith(".egg-info")
                    and not _excluded(os.path.join(root, d), exclude)
                )
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.endswith((".py", ".pyw", ".pyi")) and not _excluded(full, exclude) \
                            and _first(full, seen):
                        yield full
        else:
            yield path  # named explicitly: checked whatever its name, or reported missing


def _first(path: str, seen: set[str]) -> bool:
    """`check . ./app.py` checks app.py once: the first spelling wins."""
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _once(paths: Iterable[str], seen: set[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path) or _first(path, seen):
            yield path


def check_stdin(display_name: str, options: Options) -> FileResult:
    """`-`: the source on standard input, reported under `display_name`."""
    import sys

    try:
        source = decode_source(sys.stdin.buffer.read())
        return FileResult(display_name, tuple(analyze_source(source, options)))
    except SourceError as exc:
        return FileResult(display_name, error=str(exc))


def read_text(path: str) -> str:
    """The file's text as Python would decode it; SourceError with a clear reason otherwise."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise SourceError(f"skipped: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or type(exc).__name__}") from None
    return decode_source(data)


def check_file(path: str, options: Options) -> FileResult:
    try:
        source = read_text(path)
        findings = analyze_source(source, options)
    except SourceError as exc:
        return FileResult(path, error=str(exc))
    return FileResult(path, tuple(findings))
