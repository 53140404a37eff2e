"""Runs the engine over many files: cached results first, then the rest, on every core when
there are enough of them to share."""
from __future__ import annotations

import functools
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..engine import Options, SourceError
from .files import FileResult, check_data, check_file, read_bytes

if TYPE_CHECKING:
    from .cache import ResultCache


class WorkerError(Exception):
    """A worker process stopped before it sent back all its results (killed, out of memory)."""


#: Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64

#: A file to check, and the digest its cached result was recorded under (if any).
_Work = tuple[str, "str | None"]
if TYPE_CHECKING:
    from typing import TypeVar

    _Item, _Result = TypeVar("_Item"), TypeVar("_Result")


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


#: Files a worker takes at a time when how many there are is not known yet.
STREAM_CHUNK = 16


def parallel_map(work: Callable[[_Item], _Result], items: Iterable[_Item], jobs: int | None = None) -> list[_Result]:
    """`work` over `items` in order: in this process for a few, else on every core (or
    `jobs`). `items` may be a generator: the workers start on the first items while it
    still yields the rest (a folder walk overlaps the checking)."""
    jobs = jobs or default_jobs()
    if isinstance(items, Sequence):
        count: int | None = len(items)
        head, rest = items, ()
    else:
        rest = iter(items)
        head = list(itertools.islice(rest, PARALLEL_THRESHOLD))
        count = None if len(head) == PARALLEL_THRESHOLD else len(head)
    if jobs <= 1 or (count is not None and count < PARALLEL_THRESHOLD):
        return [work(item) for item in itertools.chain(head, rest)]
    # Small chunks keep every core busy to the end.
    size = max(1, count // (jobs * 16)) if count is not None else STREAM_CHUNK
    chunks = iter(functools.partial(_chunk, itertools.chain(head, rest), size), [])
    # The engine's parts (extractor, rules, word list) are loaded by each worker when its
    # first candidate file needs them, in parallel: loaded here first, they would hold every
    # worker back while this process should be walking folders.
    gc.freeze()  # forked workers then leave the parent's objects, and their pages, alone
    if not hasattr(os, "fork"):  # pragma: no cover - Windows
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as executor:
            return [result for chunk in executor.map(_map, itertools.repeat(work), chunks) for result in chunk]
    from .pool import fork_map

    return fork_map(work, chunks, jobs)


def _chunk(items: Iterator[_Item], size: int) -> list[_Item]:
    return list(itertools.islice(items, size))


def _map(work: Callable[[_Item], _Result], chunk: list[_Item]) -> list[_Result]:  # pragma: no cover - Windows
    return [work(item) for item in chunk]


def _check(work: _Work, options: Options, digests: bool) -> tuple[FileResult | None, str | None]:
    """The file's result and its bytes' digest; no result when its bytes are the cached ones."""
    path, cached_digest = work
    if not digests:
        return check_file(path, options), None
    try:
        data = read_bytes(path)
    except SourceError as exc:
        return FileResult(path, error=str(exc)), None
    from .cache import digest

    content = digest(data)
    if content == cached_digest:
        return None, content
    return check_data(path, data, options), content


def check_files(paths: Iterable[str], options: Options, jobs: int | None = None,
                cache: "ResultCache | None" = None) -> list[FileResult]:
    """One result per path, in the order given. Without a cache, `paths` may be a generator
    (a folder walk): checking starts while it runs."""
    if cache is None:
        work = functools.partial(_check, options=options, digests=False)
        return [result for result, _ in parallel_map(work, ((path, None) for path in paths), jobs)]
    from .cache import stat_key

    paths = list(paths)
    results: list[FileResult | None] = [None] * len(paths)
    todo: list[tuple[int, _Work, tuple]] = []
    for index, path in enumerate(paths):
        stat = stat_key(path)
        hit = cache.by_stat(path, stat)
        if hit is not None:
            results[index] = hit
        else:
            todo.append((index, (path, cache.digest_of(path)), stat))
    work = functools.partial(_check, options=options, digests=True)
    outcomes = parallel_map(work, [item for _, item, _ in todo], jobs)
    for (index, (path, _), stat), (result, content) in zip(todo, outcomes):
        if content is not None:
            if result is None:
                result = cache.by_digest(path, content)
                if result is None:  # the cached entry could not be read back: check it now
                    result, content = _check((path, None), options, True)
            cache.store(path, stat, content, result)
        results[index] = result
    return results  # type: ignore[return-value]
