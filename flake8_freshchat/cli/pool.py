"""Forked worker processes, as small as the job: chunks of work go out over one pipe per
worker, results come back over another, while this process goes on producing chunks (a
folder walk).

Why not `concurrent.futures`: importing it, its queue threads and its locks cost a run
over Django a tenth of its time, and this process, which walks the folders meanwhile,
shares the cores with the workers. A worker is a fork, so it starts with everything this
process has loaded, and leaves with `os._exit` (no atexit handler, no buffer flushed twice).

Both directions are non-blocking here: a chunk that fills a pipe while its worker writes a
large result (`history` sends file contents) waits its turn instead of deadlocking.
"""
from __future__ import annotations

import os
import pickle
import select
import struct
from collections import deque
from collections.abc import Callable, Iterable

from .runner import WorkerError

#: Chunks a worker holds at once: the one it works on and the next, so it never waits for
#: this process to notice it is done.
_DEPTH = 2
_FRAME = struct.Struct("<Q")  # a message's length, before its pickle


def _frame(value: object) -> bytes:
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return _FRAME.pack(len(data)) + data


def _read_exactly(fd: int, size: int) -> bytes | None:
    parts, left = [], size
    while left:
        part = os.read(fd, min(left, 1 << 20))
        if not part:
            return None
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _serve(work: Callable, tasks: int, results: int) -> None:
    """A worker's life: chunks in, a list of results (or the exception) out, until the
    task pipe closes."""
    while True:
        header = _read_exactly(tasks, _FRAME.size)
        if header is None:
            return
        chunk = pickle.loads(_read_exactly(tasks, _FRAME.unpack(header)[0]) or b"")
        try:
            reply = _frame((True, [work(item) for item in chunk]))
        except Exception as exc:  # the caller sees it raised, as from the work in this process
            try:
                reply = _frame((False, exc))
            except Exception:  # an exception pickle cannot carry
                reply = _frame((False, WorkerError(f"{type(exc).__name__} in a worker process")))
        view = memoryview(reply)
        while view:
            view = view[os.write(results, view):]


class _Worker:
    def __init__(self, work: Callable, others: list[_Worker]) -> None:
        task_read, self.tasks = os.pipe()
        self.results, result_write = os.pipe()
        try:
            self.pid = os.fork()
        except OSError:  # no more processes: none of these pipes is needed
            for fd in (task_read, self.tasks, self.results, result_write):
                os.close(fd)
            raise
        if self.pid == 0:  # the worker
            code = 0
            try:
                # Only this process may hold a worker's task pipe open: its end of file is
                # that worker's signal to leave.
                for fd in (self.tasks, self.results, *(fd for w in others for fd in (w.tasks, w.results))):
                    os.close(fd)
                _serve(work, task_read, result_write)
            except BaseException:  # Ctrl-C, a broken pipe: the parent reports it
                code = 1
            finally:
                os._exit(code)
        os.close(task_read)
        os.close(result_write)
        os.set_blocking(self.tasks, False)
        os.set_blocking(self.results, False)
        self.sent: deque[int] = deque()  # chunk numbers, in the order sent
        self.outgoing = b""
        self.incoming = bytearray()

    def send(self, number: int, message: bytes) -> None:
        self.sent.append(number)
        self.outgoing += message
        self.flush()

    def flush(self) -> None:
        if self.outgoing:
            try:
                self.outgoing = self.outgoing[os.write(self.tasks, self.outgoing):]
            except BlockingIOError:
                pass
            except BrokenPipeError:
                raise WorkerError("a worker process stopped before it finished its work") from None

    def receive(self) -> list[tuple[int, bool, object]]:
        """The chunks whose results have arrived whole. WorkerError at end of file."""
        while True:
            try:
                data = os.read(self.results, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                raise WorkerError("a worker process stopped before it finished its work")
            self.incoming += data
        done = []
        while len(self.incoming) >= _FRAME.size:
            size = _FRAME.unpack_from(self.incoming)[0]
            if len(self.incoming) < _FRAME.size + size:
                break
            try:
                ok, value = pickle.loads(self.incoming[_FRAME.size:_FRAME.size + size])
            except Exception:  # an exception that pickles but cannot be rebuilt here
                ok, value = False, WorkerError("a worker process failed with an error it could not report")
            del self.incoming[:_FRAME.size + size]
            done.append((self.sent.popleft(), ok, value))
        return done

    def stop(self) -> None:
        for fd in (self.tasks, self.results):
            try:
                os.close(fd)
            except OSError:
                pass


class _Pool:
    def __init__(self, work: Callable, jobs: int) -> None:
        """Up to `jobs` workers: as many as the system lets this process start."""
        self.workers: list[_Worker] = []
        for _ in range(jobs):
            try:
                self.workers.append(_Worker(work, self.workers))
            except OSError:
                break
        self.waiting: deque[tuple[int, bytes]] = deque()
        self.results: dict[int, list] = {}

    def submit(self, number: int, chunk: list) -> None:
        self.waiting.append((number, _frame(chunk)))
        self._dispatch()

    def _dispatch(self) -> None:
        for worker in self.workers:
            while self.waiting and len(worker.sent) < _DEPTH:
                worker.send(*self.waiting.popleft())

    def poll(self, timeout: float | None) -> None:
        """Take in what has arrived (waiting up to `timeout` seconds for something to),
        and hand out waiting chunks to the workers that have room."""
        poller = select.poll()  # not select.select: any number of workers (`-j 2000`)
        for worker in self.workers:
            if worker.sent:
                poller.register(worker.results, select.POLLIN)
            if worker.outgoing:
                poller.register(worker.tasks, select.POLLOUT)
        ready = {fd for fd, _ in poller.poll(None if timeout is None else timeout * 1000)}
        for worker in self.workers:
            if worker.tasks in ready:
                worker.flush()
            if worker.results in ready:
                for number, ok, value in worker.receive():
                    if not ok:
                        raise value  # type: ignore[misc]
                    self.results[number] = value
        self._dispatch()

    def busy(self) -> bool:
        return bool(self.waiting) or any(w.sent for w in self.workers)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()  # end of file on its task pipe: it leaves
        for worker in self.workers:
            try:
                os.waitpid(worker.pid, 0)
            except ChildProcessError:
                pass


def fork_map(work: Callable, chunks: Iterable[list], jobs: int) -> list:
    """`work` over every item of `chunks`, in order, on `jobs` forked workers; `chunks` may
    be a generator, which this process runs while the workers work. In this process when
    no worker can be started."""
    pool = _Pool(work, jobs)
    if not pool.workers:
        return [work(item) for chunk in chunks for item in chunk]
    try:
        count = 0
        for count, chunk in enumerate(chunks, 1):
            pool.submit(count - 1, chunk)
            pool.poll(0)
        while pool.busy():
            pool.poll(None)
        return [result for number in range(count) for result in pool.results[number]]
    except BaseException:
        for worker in pool.workers:  # a worker mid-chunk is not waited for
            try:
                os.kill(worker.pid, 15)
            except ProcessLookupError:
                pass
        raise
    finally:
        pool.close()
