"""Runs the engine over many files, on every core when there are enough files to share."""
from __future__ import annotations

import functools
import gc
import os
from collections.abc import Sequence

from ..engine import Options
from .files import FileResult, check_file

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def check_files(paths: Sequence[str], options: Options, jobs: int | None = None) -> list[FileResult]:
    """One result per path, in the order given."""
    jobs = jobs or default_jobs()
    work = functools.partial(check_file, options=options)
    if jobs <= 1 or len(paths) < PARALLEL_THRESHOLD:
        return [work(path) for path in paths]
    from concurrent.futures import ProcessPoolExecutor  # only a parallel run pays for it

    chunksize = max(1, len(paths) // (jobs * 16))  # small chunks keep both cores busy to the end
    gc.freeze()  # forked workers then leave the parent's objects, and their pages, alone
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(work, paths, chunksize=chunksize))
