"""The env file the fix stores moved values in: NAME=value lines that python-dotenv and POSIX
shells both read back exactly, in a file created with mode 0600.

A value leaves the source only after it is stored here, so storing is done first, whole or
not at all: under an advisory lock (concurrent runs, such as pre-commit's parallel batches,
wait for each other and re-read the file), into a temporary file that is flushed to disk
and renamed over the env file. Any failure raises EnvFileError with a one-line reason and
leaves the env file as it was.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator

from .project import project_root

# python-dotenv (and logging with it), tempfile and subprocess are imported where they are
# used: `fix` over code with nothing to fix, the common case in CI, never needs them.

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, runs must not overlap
    fcntl = None

DEFAULT_NAME = ".env"
_SHELL_SPECIAL_IN_DOUBLE = set('$`\\"')


class EnvFileError(Exception):
    """The env file cannot be read or written; the message is one line and holds no value."""


def quote(value: str) -> tuple[str, bool]:
    """(quoted value, exact in shells too). Single quotes are literal in both readers; a value
    holding a single quote goes in double quotes when nothing in it is special there."""
    if "'" not in value and "\\" not in value:
        return f"'{value}'", True
    if not (_SHELL_SPECIAL_IN_DOUBLE & set(value)) and "\n" not in value:
        return f'"{value}"', True
    # python-dotenv decodes \\ and \' inside single quotes; no shell quoting fits both.
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'", False


def project_env_file(start: str = ".") -> str:
    """`.env` at the project root: the nearest folder above `start` holding pyproject.toml or
    .git, else `start` itself."""
    return os.path.join(project_root(start), DEFAULT_NAME)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _check_path(path: str) -> str:
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise EnvFileError(f"{path}: is a folder, not an env file")
    if not os.path.isdir(folder):
        raise EnvFileError(f"{path}: its folder does not exist")
    return folder


def read(path: str) -> dict[str, str]:
    """The names and values already in the file, as python-dotenv reads them."""
    if not os.path.exists(path):
        return {}
    if os.path.isdir(path):
        raise EnvFileError(f"{path}: is a folder, not an env file")
    try:
        with open(path, encoding="utf-8") as handle:
            from dotenv import dotenv_values

            return {k: v for k, v in dotenv_values(stream=handle, interpolate=False).items() if v is not None}
    except (OSError, UnicodeDecodeError) as exc:
        reason = _reason(exc) if isinstance(exc, OSError) else "not UTF-8"
        raise EnvFileError(f"{path}: cannot read: {reason}") from None


@contextlib.contextmanager
def _locked(folder: str) -> Iterator[None]:
    """An exclusive advisory lock on the env file's folder: the env file itself is replaced by
    rename, so its inode cannot carry the lock."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise EnvFileError(f"{folder}: cannot lock: {_reason(exc)}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


class EnvStore:
    """The env file of one fix run, locked from the first read to the last write.

        with EnvStore(path) as store:
            names = allocate(store.existing)   # under the lock: no other run names alike
            store.append(new_entries)          # stored, or EnvFileError and nothing changed
            ...write the sources...
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.existing: dict[str, str] = {}
        self._lock: contextlib.AbstractContextManager | None = None

    def __enter__(self) -> "EnvStore":
        folder = _check_path(self.path)
        self._lock = _locked(folder)
        self._lock.__enter__()
        try:
            self.existing = read(self.path)
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._lock is not None:
            self._lock.__exit__(*exc_info)

    def append(self, entries: Iterable[tuple[str, str]]) -> list[str]:
        """Add NAME=value lines, durably: the whole file is written anew beside the old one,
        flushed, and renamed over it. Returns warnings; raises EnvFileError on failure."""
        warnings, lines = [], []
        for name, value in entries:
            quoted, exact_in_shell = quote(value)
            if not exact_in_shell:
                warnings.append(f"{name}: the value holds quotes and backslashes; shells will not read "
                                f"this line back exactly (python-dotenv does)")
            lines.append(f"{name}={quoted}\n")
        if lines:
            self._replace(lines)
        return warnings

    def _replace(self, lines: list[str]) -> None:
        folder = _check_path(self.path)
        tmp = None
        try:
            old = b""
            mode = 0o600
            if os.path.exists(self.path):
                with open(self.path, "rb") as handle:
                    old = handle.read()
                mode = os.stat(self.path).st_mode & 0o7777
            if old and not old.endswith(b"\n"):
                old += b"\n"
            import tempfile

            fd, tmp = tempfile.mkstemp(prefix=".env-", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(old + "".join(lines).encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, self.path)
            tmp = None
            _fsync_folder(folder)
        except OSError as exc:
            raise EnvFileError(f"{self.path}: cannot write: {_reason(exc)}") from None
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder we just wrote in
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on folders
        pass
    finally:
        os.close(fd)


def git_ignores(path: str) -> bool | None:
    """True or False inside a git work tree; None when git or the work tree is not there."""
    import subprocess

    folder = os.path.dirname(os.path.abspath(path))
    try:
        proc = subprocess.run(["git", "check-ignore", "-q", os.path.abspath(path)], cwd=folder,
                              capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return {0: True, 1: False}.get(proc.returncode)
