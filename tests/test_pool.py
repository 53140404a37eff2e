"""The forked worker pool that `check` and `history` share: order kept, work streamed from
a generator, large messages both ways without a deadlock, a worker's exception raised
here, a worker that dies reported, and no worker left behind."""
from __future__ import annotations

import os
import signal

import pytest

from flake8_freshchat.cli.pool import fork_map
from flake8_freshchat.cli.runner import PARALLEL_THRESHOLD, WorkerError, parallel_map


def _square(n: int) -> int:
    return n * n


def _children() -> set[int]:
    """This process's child processes still running (zombies too)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == os.getpid():
                found.add(int(entry))
    return found


def test_results_come_back_in_order_from_a_generator():
    before = _children()
    chunks = ([n, n + 1, n + 2] for n in range(0, 300, 3))
    assert fork_map(_square, chunks, 3) == [n * n for n in range(300)]
    assert _children() == before


def test_parallel_map_streams_a_generator_past_the_threshold():
    count = PARALLEL_THRESHOLD * 3 + 5
    assert parallel_map(_square, (n for n in range(count)), 2) == [n * n for n in range(count)]
    assert parallel_map(_square, list(range(count)), 2) == [n * n for n in range(count)]


def _echo_large(data: bytes) -> bytes:
    return data * 2


def test_large_chunks_and_results_do_not_deadlock():
    """Chunks and results far larger than a pipe's buffer, several in flight at once."""
    blobs = [bytes([n]) * 3_000_000 for n in range(6)]
    assert fork_map(_echo_large, ([blob] for blob in blobs), 2) == [blob * 2 for blob in blobs]


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("no sevens")
    return n


def test_an_exception_in_a_worker_is_raised_here():
    before = _children()
    with pytest.raises(ValueError, match="no sevens"):
        fork_map(_fail_on_seven, ([n] for n in range(20)), 2)
    assert _children() == before


def _die_on_three(n: int) -> int:
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_a_worker_that_dies_is_reported():
    before = _children()
    with pytest.raises(WorkerError, match="stopped before it finished"):
        fork_map(_die_on_three, ([n] for n in range(10)), 2)
    assert _children() == before


def test_no_chunks_no_results():
    assert fork_map(_square, iter([]), 2) == []


def test_check_reports_a_dead_worker_in_one_line(tmp_path, monkeypatch, capsys):
    """A worker killed mid-run (out of memory, say): one line and exit status 2, no traceback."""
    from flake8_freshchat.cli import files, main

    for number in range(PARALLEL_THRESHOLD + 10):
        (tmp_path / f"m{number:03d}.py").write_text("x = 1\n")
    real = files.check_data

    def check_data(path, data, options):
        if path.endswith("m070.py"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, data, options)

    monkeypatch.setattr(files, "check_data", check_data)
    monkeypatch.setattr("flake8_freshchat.cli.runner.check_data", check_data)
    assert main(["check", "--no-cache", "-j", "2", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "freshchat-secrets: error: a worker process stopped before it finished its work\n")


def test_without_a_process_to_spare_the_work_is_done_here(monkeypatch):
    """fork fails (a process limit): the first worker's pipes are closed and the work runs
    in this process; when only some workers start, they share the work."""
    open_fds = len(os.listdir("/proc/self/fd"))

    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    assert fork_map(_square, ([n] for n in range(10)), 4) == [n * n for n in range(10)]
    assert len(os.listdir("/proc/self/fd")) == open_fds
    monkeypatch.undo()
    real_fork, forks = os.fork, []

    def one_fork():
        if forks:
            no_fork()
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(os, "fork", one_fork)
    assert fork_map(_square, ([n] for n in range(10)), 4) == [n * n for n in range(10)]
    assert forks == [1]
