"""`freshchat-secrets history`: every credential ever committed, read from git's object store.

One `git log` lists, for every commit reachable from any ref (oldest first), the Python
files and notebooks it added or changed; each distinct file version is read once and
analysed, in parallel like `check`'s files: every worker asks its own `git cat-file
--batch` for the versions it is given, so reading the object store is parallel too and
only the file being analysed is in memory. A finding is the
same finding wherever it stands when its code, name and value are the same: it is
reported once, at the earliest commit that holds it, with its path and line there, and
`in_head` says whether the checked-out HEAD still holds it. Nothing is checked out.
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, NamedTuple

from ..engine import Finding, Options
from .config import ConfigError, load_settings
from .files import PYTHON_SUFFIXES, FileResult, check_data

_ZERO = "0" * 40
_CLEAN = FileResult("")


class Version(NamedTuple):
    """A file version: the blob, and the first commit (in history order) that holds it."""

    blob: str
    path: str
    commit: str
    order: int


class HistoricalFinding(NamedTuple):
    finding: Finding
    path: str
    commit: str
    in_head: bool


class GitError(Exception):
    pass


def _git(repo: str, *args: str, data: bytes | None = None, meanwhile: Callable[[], object] | None = None) -> bytes:
    """git's output; `meanwhile` runs while git works (on another core)."""
    try:
        proc = subprocess.Popen(["git", "-C", repo, *args], stdin=subprocess.PIPE if data is not None else None,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or type(exc).__name__}") from None
    with proc:
        if meanwhile is not None:
            meanwhile()
        out, err = proc.communicate(data)
    if proc.returncode != 0:
        reason = err.decode("utf-8", "replace").strip().splitlines()
        raise GitError(reason[-1] if reason else f"git {args[0]} failed")
    return out


def versions(repo: str, since: str | None = None, meanwhile: Callable[[], object] | None = None) -> list[Version]:
    """Every version of every Python file and notebook reachable from any ref (and not from
    `since`), each with the first commit that added it, oldest commit first. `meanwhile`
    runs while git walks the history."""
    revisions = ["--all"] + ([f"^{since}"] if since else [])
    out = _git(repo, "log", *revisions, "--reverse", "--topo-order", "-m", "--raw", "--no-renames",
               "--no-abbrev", "-z", "--format=%x01%H", meanwhile=meanwhile)
    seen: dict[str, Version] = {}
    order = 0
    for chunk in out.split(b"\x01")[1:]:
        commit, _, raw = chunk.partition(b"\x00") if b"\x00" in chunk[:41] else chunk.partition(b"\n")
        commit_id = commit.strip().decode("ascii")
        order += 1
        fields = raw.lstrip(b"\n").split(b"\x00")
        for i in range(0, len(fields) - 1, 2):
            meta, path = fields[i].lstrip(b"\n"), fields[i + 1]
            if not meta.startswith(b":"):
                continue
            parts = meta.split()
            blob, status = parts[3].decode("ascii"), parts[4][:1]
            name = path.decode("utf-8", "surrogateescape")
            if status == b"D" or blob == _ZERO or not name.endswith(PYTHON_SUFFIXES) or blob in seen:
                continue
            seen[blob] = Version(blob, name, commit_id, order)
    return list(seen.values())


def _answers(stream: BinaryIO, count: int) -> Iterator[bytes | None]:
    """The next `count` answers of `git cat-file --batch` in `stream`: each object's content,
    None for one git does not have; GitError when the output stops short."""
    for _ in range(count):
        line = stream.readline()
        if line.endswith((b" missing\n", b" ambiguous\n")):  # the name may hold blanks
            yield None
            continue
        header = line.split()  # `<sha> <type> <size>`
        size = int(header[2]) if len(header) == 3 and header[2].isdigit() else -1
        content = stream.read(size + 1) if size >= 0 else b""  # and the line break after it
        if size < 0 or len(content) != size + 1:
            raise GitError("git cat-file stopped before it answered")
        yield content[:-1]


def cat_file(repo: str, names: Sequence[str]) -> Iterator[bytes | None]:
    """The content of each object named (`<sha>` or `<commit>:<path>`), in the order asked,
    None for one git does not have, through one `git cat-file --batch`."""
    if not names:
        return
    out = _git(repo, "cat-file", "--batch", data="".join(f"{n}\n" for n in names).encode("utf-8", "surrogateescape"))
    yield from _answers(io.BytesIO(out), len(names))


def read_blobs(repo: str, blobs: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """(sha, content) of each blob git has."""
    for blob, content in zip(blobs, cat_file(repo, blobs)):
        if content is not None:
            yield blob, content


#: This process's `git cat-file --batch` (by process id: a forked worker starts its own).
_READERS: dict[int, subprocess.Popen] = {}
#: File versions asked of `git cat-file` at once: one round trip for them all.
_ASK_AT_ONCE = 16


def read_blob_contents(repo: str, blobs: Sequence[str]) -> list[bytes | None]:
    """The blobs' contents, from this process's `git cat-file --batch`, which answers each
    question as it is asked; None for one git does not have."""
    reader = _READERS.get(os.getpid())
    if reader is None:
        try:
            reader = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror or type(exc).__name__}") from None
        _READERS[os.getpid()] = reader
    assert reader.stdin is not None and reader.stdout is not None
    try:
        reader.stdin.write("".join(f"{blob}\n" for blob in blobs).encode("ascii"))
        reader.stdin.flush()
        return list(_answers(reader.stdout, len(blobs)))
    except OSError:
        raise GitError("git cat-file stopped before it answered") from None


def _close_reader() -> None:
    reader = _READERS.pop(os.getpid(), None)
    if reader is not None:
        reader.communicate()


def _analyse(versions: list[Version], repo: str, options: Options) -> list[FileResult]:
    contents = read_blob_contents(repo, [version.blob for version in versions])
    return [_CLEAN if content is None else check_data(version.path, content, options)
            for version, content in zip(versions, contents)]


def _key(finding: Finding) -> tuple[str, str, str]:
    return finding.code, finding.name or "", finding.secret


def scan(repo: str, options: Options, since: str | None = None, jobs: int | None = None) -> list[HistoricalFinding]:
    import functools

    from ..engine import prepare
    from .runner import PARALLEL_THRESHOLD, parallel_map

    # The workers share what this process loads while git walks the history.
    found = versions(repo, since, meanwhile=functools.partial(prepare, options))
    earliest: dict[tuple[str, str, str], tuple[int, Version, Finding]] = {}
    analysed: dict[str, FileResult] = {}
    # As many questions as there are versions to share out, up to _ASK_AT_ONCE a time: as
    # many versions as before make the run parallel (runner.PARALLEL_THRESHOLD).
    size = max(1, min(_ASK_AT_ONCE, len(found) // PARALLEL_THRESHOLD))
    asked = [found[at:at + size] for at in range(0, len(found), size)]
    try:
        results = [result for results in parallel_map(functools.partial(_analyse, repo=repo, options=options),
                                                      asked, jobs) for result in results]
    finally:
        _close_reader()  # this process's, when it analysed them itself
    for version, result in zip(found, results):
        analysed[version.blob] = FileResult(result.path, result.findings) if result.findings else _CLEAN
        for finding in result.findings:
            key = _key(finding)
            if key not in earliest or version.order < earliest[key][0]:
                earliest[key] = (version.order, version, finding)
    head = _head_keys(repo, options, analysed)
    return [HistoricalFinding(finding, version.path, version.commit, key in head)
            for key, (_, version, finding) in sorted(earliest.items(), key=lambda item: item[1][0])]


def _head_keys(repo: str, options: Options, analysed: dict[str, FileResult]) -> set[tuple[str, str, str]]:
    """The findings the checked-out HEAD holds."""
    try:
        listing = _git(repo, "ls-tree", "-r", "-z", "--full-tree", "HEAD")
    except GitError:
        return set()
    keys = set()
    missing = []
    for entry in listing.split(b"\x00"):
        meta, _, path = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) != 3 or parts[1] != b"blob":
            continue
        name = path.decode("utf-8", "surrogateescape")
        if not name.endswith(PYTHON_SUFFIXES):
            continue
        blob = parts[2].decode("ascii")
        if blob in analysed:
            keys.update(_key(f) for f in analysed[blob].findings)
        else:
            missing.append((blob, name))  # reachable only before `--since`: read it now
    if missing:
        contents = dict(read_blobs(repo, [b for b, _ in missing]))
        for blob, name in missing:
            keys.update(_key(f) for f in check_data(name, contents[blob], options).findings)
    return keys


def without_baselined(repo: str, found: list[HistoricalFinding], baseline_file: str) -> list[HistoricalFinding]:
    """The findings the baseline, as it stood in the commit that introduced each, does not hold."""
    from .baseline import parse

    commits = sorted({h.commit for h in found})
    texts = {commit: content.decode("utf-8", "replace")
             for commit, content in zip(commits, cat_file(repo, [f"{c}:{baseline_file}" for c in commits]))
             if content is not None}
    kept = []
    path = os.path.join(repo, baseline_file)
    for h in found:
        text = texts.get(h.commit)
        if text is not None:
            try:
                if not parse(path, text).new_findings(os.path.join(repo, h.path), [h.finding]):
                    continue
            except ConfigError:
                pass  # not a baseline in that version: nothing is known
        kept.append(h)
    return kept


def _is_shallow(repo: str) -> bool:
    return _git(repo, "rev-parse", "--is-shallow-repository").strip() == b"true"


def _has_commits(repo: str) -> bool:
    return bool(_git(repo, "rev-list", "--all", "--max-count=1").strip())


def _text(found: Sequence[HistoricalFinding]) -> str:
    from .report import text_line

    lines = [f"{text_line(h.path, h.finding)} [commit {h.commit[:12]}, "
             f"{'still in HEAD' if h.in_head else 'not in HEAD'}]" for h in found]
    return "\n".join(lines) + ("\n" if lines else "")


def _json(found: Sequence[HistoricalFinding]) -> str:
    import json

    from .. import __version__

    findings = [{
        "code": h.finding.code, "path": h.path, "cell": h.finding.cell, "line": h.finding.line,
        "column": h.finding.col + 1, "commit": h.commit, "in_head": h.in_head, "message": h.finding.message,
        **({"token": h.finding.token.as_dict()} if h.finding.token is not None else {}),
    } for h in found]
    return json.dumps({"version": __version__, "findings": findings}, indent=2) + "\n"


def _sarif(found: Sequence[HistoricalFinding]) -> str:
    import json

    from .report import sarif

    document = json.loads(sarif([FileResult(h.path, (h.finding,)) for h in found]))
    for result, h in zip(document["runs"][0]["results"], found):
        result.setdefault("properties", {}).update({"commit": h.commit, "in_head": h.in_head})
        result["partialFingerprints"] = {"commitSha": h.commit}
    return json.dumps(document, indent=2) + "\n"


FORMATS = {"text": _text, "json": _json, "sarif": _sarif}


def run_history(args: argparse.Namespace) -> int:
    from . import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, ROTATE_FRESHCHAT, write_report

    repo = args.repo
    try:
        _git(repo, "rev-parse", "--git-dir")
    except GitError as exc:
        print(f"freshchat-secrets: error: {repo}: not a git repository ({exc})", file=sys.stderr)
        return EXIT_ERROR
    settings = load_settings(args.config, start=repo)
    try:
        if not _has_commits(repo):
            print(f"freshchat-secrets: {repo}: the repository has no commits yet: no history to scan",
                  file=sys.stderr)
            write_report(FORMATS[args.format]([]), args.output_file)
            return EXIT_CLEAN
        if _is_shallow(repo):
            print(f"freshchat-secrets: {repo}: a shallow clone: commits before its cut are not here and are "
                  f"not scanned (`git fetch --unshallow` to scan them)", file=sys.stderr)
        found = scan(repo, settings.options, args.since, args.jobs)
        if args.baseline:
            found = without_baselined(repo, found, args.baseline)
    except GitError as exc:
        raise ConfigError(str(exc)) from None
    write_report(FORMATS[args.format](found), args.output_file)
    if found:
        held = sum(h.in_head for h in found)
        print(f"freshchat-secrets: {len(found)} credential(s) in the history, {held} still in HEAD; every one "
              f"was readable by whoever cloned the repository: rotate them", file=sys.stderr)
    if any(h.finding.code == "FCH101" for h in found):
        print(ROTATE_FRESHCHAT, file=sys.stderr)
    return EXIT_FINDINGS if found else EXIT_CLEAN
