"""Which files a run covers, and reading one file into findings (or a per-file error)."""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..engine import Finding, Options, SourceError, analyze_bytes
from ..project import nearest_folder_with

SKIPPED_DIRECTORIES = frozenset({
    ".git", ".hg", ".svn", ".bzr", ".venv", "venv", ".tox", ".nox", "__pycache__", "build", "dist",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "site-packages",
    "__pypackages__", ".direnv", ".freshchat_cache",
})
#: A larger file is reported and skipped: no hand-written module is this big.
MAX_FILE_BYTES = 32 * 1024 * 1024
_TOO_LARGE = f"skipped: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB"


class FileResult(NamedTuple):
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    """A name pattern (`vendored`, `*_pb2.py`) or a path (`src/legacy`, `./src/legacy/*`)."""
    if not patterns:
        return False
    spellings = {os.path.basename(path), os.path.normpath(path), os.path.relpath(path)}
    return any(fnmatch.fnmatch(spelling, os.path.normpath(pattern))
               for pattern in patterns for spelling in spellings)


PYTHON_SUFFIXES = (".py", ".pyw", ".pyi", ".ipynb")


def _kept_dir(root: str, name: str, exclude: tuple[str, ...]) -> bool:
    return name not in SKIPPED_DIRECTORIES and not name.endswith(".egg-info") \
        and not (exclude and _excluded(os.path.join(root, name), exclude))


def _git_listing(folder: str) -> list[str] | None:
    """What git would take under `folder` (tracked and untracked, not ignored), relative to
    it; None outside a work tree or without git. One `git ls-files` for the whole folder."""
    if not _in_a_work_tree(folder):
        return None  # no git to start: a work tree has a .git above its files
    import subprocess

    try:
        proc = subprocess.run(["git", "-C", folder, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                              capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return sorted(set(proc.stdout.decode("utf-8", "surrogateescape").split("\0")) - {""})


def _in_a_work_tree(folder: str) -> bool:
    if "GIT_DIR" in os.environ or "GIT_WORK_TREE" in os.environ:
        return True
    return nearest_folder_with(folder, (".git",)) is not None


def _is_ignored(folder: str) -> bool:
    import subprocess

    try:
        return subprocess.run(["git", "-C", folder, "check-ignore", "-q", "."], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _walk_git(folder: str, listing: list[str], exclude: tuple[str, ...], seen: set[str],
              unreadable: list[FileResult] | None) -> Iterator[str]:
    for relative in listing:
        parts = relative.rstrip("/").split("/")
        root = folder
        kept = True
        for part in parts[:-1]:
            if not _kept_dir(root, part, exclude):
                kept = False
                break
            root = os.path.join(root, part)
        if not kept:
            continue
        full = os.path.join(root, parts[-1])
        if relative.endswith("/") or (not parts[-1].endswith(PYTHON_SUFFIXES) and "." not in parts[-1]
                                      and os.path.isdir(full)):
            # a nested repository or submodule: its own git decides what it holds
            if _kept_dir(root, parts[-1], exclude):
                yield from _walk_folder(full, exclude, seen, unreadable)
        elif parts[-1].endswith(PYTHON_SUFFIXES) and not _excluded(full, exclude) \
                and os.path.isfile(full) and _first(full, seen):
            yield full  # a tracked file deleted from the work tree is not checked


if TYPE_CHECKING:
    from typing import Protocol

    class FolderListings(Protocol):
        """Folder listings kept from a previous run (the results cache), by the folder's mtime."""

        def listing(self, folder: str, mtime: int) -> list[tuple[str, bool]] | None: ...

        def store_listing(self, folder: str, mtime: int, listed: list[tuple[str, bool]]) -> None: ...


def _listing(root: str, absolute: str, listings: FolderListings | None) -> list[tuple[str, bool]]:
    """(name, is a folder) of the folders and Python files in `root`, sorted; from
    `listings` when the folder's mtime is the recorded one (adding, removing or renaming an
    entry changes it). OSError when it cannot be listed."""
    mtime = os.stat(root).st_mtime_ns if listings is not None else 0
    listed = listings.listing(absolute, mtime) if listings is not None else None
    if listed is None:
        listed = []
        with os.scandir(root) as entries:
            for entry in entries:  # a loop, not a generator: one frame for thousands of entries
                if entry.is_dir(follow_symlinks=False):
                    listed.append((entry.name, True))
                elif entry.name.endswith(PYTHON_SUFFIXES):
                    listed.append((entry.name, False))
        listed.sort()
        if listings is not None:
            listings.store_listing(absolute, mtime, listed)
    return listed


def _walk_all(folder: str, exclude: tuple[str, ...], seen: set[str],
              unreadable: list[FileResult] | None, listings: FolderListings | None = None) -> Iterator[str]:
    """Every Python file below `folder`, in sorted order, links to folders not followed.
    `os.scandir` tells folders from files without a system call per entry (os.walk makes
    one per folder, and a package's locale folders number in the thousands)."""
    stack = [(folder, os.path.abspath(folder))]
    while stack:
        root, absolute = stack.pop()
        try:
            listed = _listing(root, absolute, listings)
        except OSError as error:
            if unreadable is not None:
                reason = "permission denied" if isinstance(error, PermissionError) else (
                    f"cannot read folder: {error.strerror or type(error).__name__}")
                unreadable.append(FileResult(error.filename or root, error=reason))
            continue
        folders = []
        prefix, absolute_prefix = os.path.join(root, ""), os.path.join(absolute, "")
        for name, is_dir in listed:
            if is_dir:
                if _kept_dir(root, name, exclude):
                    folders.append((prefix + name, absolute_prefix + name))
            else:  # a Python file, by the listing
                full = prefix + name
                if not (exclude and _excluded(full, exclude)) and _first(full, seen, absolute_prefix + name):
                    yield full
        stack.extend(reversed(folders))


def _walk_folder(folder: str, exclude: tuple[str, ...], seen: set[str],
                 unreadable: list[FileResult] | None, listings: FolderListings | None = None) -> Iterator[str]:
    listing = _git_listing(folder)
    if listing is None or (not listing and _is_ignored(folder)):
        # outside a work tree, or a folder git ignores but the user named: every file in it
        yield from _walk_all(folder, exclude, seen, unreadable, listings)
    else:
        yield from _walk_git(folder, listing, exclude, seen, unreadable)


def discover(paths: Iterable[str], exclude: tuple[str, ...] = (),
             unreadable: list[FileResult] | None = None, listings: FolderListings | None = None) -> Iterator[str]:
    """Files named on the command line, and the Python files and notebooks below named
    folders: what git would take (tracked and untracked, not ignored) inside a work tree,
    every file elsewhere; tool folders and `exclude` skipped. A folder that cannot be
    listed is added to `unreadable` with its reason, and the walk goes on."""
    seen: set[str] = set()
    for path in _once(paths, seen):
        if os.path.isdir(path):
            yield from _walk_folder(path, exclude, seen, unreadable, listings)
        else:
            yield path  # named explicitly: checked whatever its name, or reported missing


def _first(path: str, seen: set[str], absolute: str | None = None) -> bool:
    """`check . ./app.py` checks app.py once: the first spelling wins. (By absolute path,
    not resolving links: `realpath` costs a system call per folder of every path.)"""
    key = absolute or os.path.abspath(path)
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

    return check_data(display_name, sys.stdin.buffer.read(), options)


def read_bytes(path: str) -> bytes:
    """The file's bytes; SourceError with a clear reason otherwise."""
    try:
        # os.open and os.read: no buffered file object for a read in one piece (half the time)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            size = os.fstat(fd).st_size
            if size > MAX_FILE_BYTES:
                raise SourceError(_TOO_LARGE)
            data = os.read(fd, size + 1)
            if len(data) == size:  # all of it: a read stops short of what was asked only at the end
                return data
            parts, total = [data], len(data)  # it grew or shrank since, or a short read: on to the end
            while chunk := os.read(fd, 1 << 20):
                parts.append(chunk)
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    raise SourceError(_TOO_LARGE)
            return b"".join(parts)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or type(exc).__name__}") from None


def is_notebook(path: str) -> bool:
    return path.endswith(".ipynb")


def check_data(path: str, data: bytes, options: Options) -> FileResult:
    try:
        if is_notebook(path):
            from ..notebook import analyze_notebook, read_notebook

            findings, errors = analyze_notebook(read_notebook(data), options)
            return FileResult(path, tuple(findings), "; ".join(errors) or None)
        return FileResult(path, tuple(analyze_bytes(data, options)))
    except SourceError as exc:
        return FileResult(path, error=str(exc))


def check_file(path: str, options: Options) -> FileResult:
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return FileResult(path, error=str(exc))
    return check_data(path, data, options)
