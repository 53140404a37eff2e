"""The results cache of `check`, as ruff keeps one: a second run reads only what changed.

One JSON file per tool version, Python version and set of options (so a change of either
starts afresh), in `.freshchat_cache/` at the project root (git-ignored by a `.gitignore`
inside it), or in `$FRESHCHAT_SECRETS_CACHE_DIR`. An entry is a file's absolute path, its
size, mtime and inode, a BLAKE2 digest of its bytes and its result: findings as `check`
prints them (positions, code, the masked message) and never a secret, which is why the
fixer and baselines analyse a file with findings again. A file whose stat changed is read
and its digest compared: an unchanged content is still a hit. A file modified within the
clock's resolution of the cache's writing is always read (git's "racy" case). The file
is replaced atomically; runs at once may each lose the other's new entries, never an
entry's integrity; an unreadable or corrupt cache is a miss.
"""
from __future__ import annotations

import json
import os
import sys
import time
from typing import TYPE_CHECKING

from .. import __version__
from ..engine import Finding, Kind, Options
from ..project import project_root
from .files import FileResult

CACHE_DIR_NAME = ".freshchat_cache"
ENV_CACHE_DIR = "FRESHCHAT_SECRETS_CACHE_DIR"
FORMAT_VERSION = 1
#: A file modified this close to the cache's writing may change again within the same
#: mtime tick: its stat is not trusted next time.
RACY_NS = 2_000_000_000
_SECRET_FREE_FIELDS = tuple(name for name in Finding._fields if name != "secret")

Stat = tuple[int, int, int]
if TYPE_CHECKING:
    from ..engine.tokens import TokenFacts


def cache_folder(start: str = ".") -> str:
    return os.environ.get(ENV_CACHE_DIR) or os.path.join(project_root(start), CACHE_DIR_NAME)


def clear(folder: str) -> bool:
    """Remove the cache folder; True when there was one."""
    import shutil

    if not os.path.isdir(folder):
        return False
    shutil.rmtree(folder)
    return True


def stat_key(path: str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


def digest(data: bytes) -> str:
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _encode(result: FileResult) -> dict:
    findings = [{name: getattr(f, name) for name in _SECRET_FREE_FIELDS} for f in result.findings]
    for finding in findings:
        finding["kind"] = finding["kind"].value
        if finding["token"] is not None:
            finding["token"] = finding["token"]._asdict()
    return {"findings": findings, "error": result.error}


def _token(data: dict | None) -> "TokenFacts | None":
    if not data:
        return None
    from ..engine.tokens import TokenFacts  # only a run that found a Freshchat token loads it

    return TokenFacts(**{**data, "scopes": tuple(data["scopes"])})


def _decode(path: str, entry: dict) -> FileResult:
    findings = tuple(
        Finding(**{**f, "kind": Kind(f["kind"]), "span": tuple(f["span"]),
                   "env_alternatives": tuple(f["env_alternatives"]),
                   "token": _token(f["token"])})
        for f in entry["findings"])
    return FileResult(path, findings, entry["error"])


class ResultCache:
    """Results by file, loaded once at the start of a run and saved once at its end."""

    def __init__(self, folder: str, options: Options) -> None:
        self.folder = folder
        import binascii  # built in: a warm run never loads hashlib

        key = repr((FORMAT_VERSION, __version__, sys.version_info[:2], options.fingerprint())).encode()
        self.path = os.path.join(folder, f"results-{__version__}-{binascii.crc32(key):08x}.json")
        self._entries: dict[str, list] = {}
        self._folders: dict[str, list] = {}
        self._changed = False
        try:
            with open(self.path, encoding="utf-8") as handle:
                document = json.load(handle)
            if isinstance(document, dict) and isinstance(document.get("files"), dict):
                self._entries = document["files"]
                folders = document.get("folders")
                self._folders = folders if isinstance(folders, dict) else {}
        except (OSError, ValueError):
            pass  # no cache yet, or a corrupt one: every file is a miss

    def _entry(self, path: str) -> list | None:
        """The file's entry, [stat or None, digest, result], if it has a well-formed one."""
        entry = self._entries.get(os.path.abspath(path))
        return entry if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[1], str) else None

    def by_stat(self, path: str, stat: Stat | None) -> FileResult | None:
        """The cached result when the file's size, mtime and inode are the recorded ones."""
        entry = self._entry(path)
        if stat is None or entry is None or entry[0] != list(stat):
            return None
        return self._result(path, entry)

    def by_digest(self, path: str, content: str) -> FileResult | None:
        """The cached result when the file's bytes are the recorded ones (its stat changed)."""
        entry = self._entry(path)
        return None if entry is None or entry[1] != content else self._result(path, entry)

    def digest_of(self, path: str) -> str | None:
        entry = self._entry(path)
        return None if entry is None else entry[1]

    def _result(self, path: str, entry: list) -> FileResult | None:
        try:
            return _decode(path, entry[2])
        except (KeyError, TypeError, ValueError):
            return None  # a malformed entry is a miss

    def listing(self, folder: str, mtime: int) -> list[tuple[str, bool]] | None:
        entry = self._folders.get(folder)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != mtime or not isinstance(entry[1], list):
            return None
        try:
            return [(str(name), bool(is_dir)) for name, is_dir in entry[1]]
        except (TypeError, ValueError):
            return None

    def store_listing(self, folder: str, mtime: int, listed: list[tuple[str, bool]]) -> None:
        self._folders[folder] = [mtime, listed]
        self._changed = True

    def store(self, path: str, stat: Stat | None, content: str, result: FileResult) -> None:
        self._entries[os.path.abspath(path)] = [list(stat) if stat else None, content, _encode(result)]
        self._changed = True

    def save(self) -> None:
        """Write the cache if anything changed; a cache that cannot be written is skipped."""
        if not self._changed:
            return
        now = time.time_ns()
        for entry in self._entries.values():
            if isinstance(entry, list) and entry and entry[0] and now - entry[0][1] < RACY_NS:
                entry[0] = None  # modified just now: read it next time, whatever its stat says
        for folder in [f for f, entry in self._folders.items()
                       if not (isinstance(entry, list) and entry and isinstance(entry[0], int)) or now - entry[0] < RACY_NS]:
            del self._folders[folder]  # changed just now: list it again next time
        from ..atomic import write_atomically

        try:
            os.makedirs(self.folder, exist_ok=True)
            ignore = os.path.join(self.folder, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write("# Created by freshchat-secrets; `freshchat-secrets clean` removes this folder.\n*\n")
            data = json.dumps({"version": FORMAT_VERSION, "files": self._entries, "folders": self._folders},
                              separators=(",", ":"))
            write_atomically(self.path, data.encode("utf-8"))
        except OSError:
            pass
