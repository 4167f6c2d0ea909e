"""Isolated workers: files are read and linted in forked processes, never in this one.

Each worker is forked from this process once per slot, inherits the loaded parser,
rules and language pipeline (fork needs no re-import), caps its own address space, and
then checks files one after another, sending back each file's report as JSON (or, for a
caller whose work stores its reports itself, the brief it asks for). The parent enforces
each file's wall-time limit and kills a worker that runs over.

One bad input cannot spoil another's result:
  - a worker that crashes, is killed or runs out of time or memory is replaced, and
    its file becomes an error entry; the other files carry on;
  - a worker retires after any file that ended in an error, and when its address space
    has grown by a tenth of its memory allowance, so every file starts with (nearly) the
    memory a fresh worker has;
  - a file whose worker crashed or ran out of memory after checking other files is
    checked again in a fresh worker, and that result stands: the outcome never depends
    on which files a worker happened to check before.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import overload

from peplint.errors import ErrorCode
from peplint.report import FileError, FileReport
from peplint.safety.limits import Limits
from peplint.safety.names import printable

Work = Callable[[Path], "FileReport | Brief"]


@dataclass(frozen=True)
class Brief:
    """What a worker's `work` may return instead of a file's report once it has stored
    that report itself and the file was read without an error: the caller's own summary
    of it, as bytes (a bulk run's few KB of what its summary reads). It is handed back as
    it is, unread, so the report need not be written out, sent and parsed again here."""

    data: bytes


_CONTEXT = multiprocessing.get_context("fork")


def _address_space() -> int:
    """This process's current virtual memory size in bytes (Linux), or 0 if unknown."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


MEMORY_MESSAGE = (
    "The file needs more memory to read than is allowed; it may be damaged or unusually large."
)
UNEXPECTED_MESSAGE = "The reader stopped unexpectedly on this file; it may be damaged."
UNREAD_RESULT_MESSAGE = (
    "peplint could not read back the result of checking this file (a fault of its own, "
    "not the file's); run again to check it."
)
KILLED_MESSAGE = (
    "The reader was stopped while reading this file (it may have run out of memory); "
    "the file may be damaged or unusually large."
)


def timeout_message(seconds: float) -> str:
    """The message of a file stopped at the time limit."""
    return (
        f"Reading this file took longer than {seconds:g} seconds, so it was stopped; "
        "it may be damaged or unusually complex."
    )


def unread_result(path: str) -> FileReport:
    """The error entry of the file shown as `path` whose worker's result could not be read
    back: the run's fault, not the file's, so not cached (`is_limit_failure`)."""
    error = FileError(code="corrupt", message=UNREAD_RESULT_MESSAGE)
    return FileReport(path=path, status="error", error=error)


def is_limit_failure(report: FileReport) -> bool:
    """Whether the file failed because of this run (a limit of time or memory, or a
    worker's result that could not be read back) rather than because of what it is: such
    failures are not cached, so another run checks the file again."""
    error = report.error
    if error is None:
        return False
    return (
        error.code == "timeout"
        or (error.code == "too-large" and error.message in (MEMORY_MESSAGE, KILLED_MESSAGE))
        or (error.code == "corrupt" and error.message == UNREAD_RESULT_MESSAGE)
    )


def _peak_address_space() -> int:
    """The most virtual memory this process has had, in bytes (Linux), or 0 if unknown."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _quiet_stderr() -> None:
    """Send the worker's own stderr (an interpreter's "Fatal Python error", a library's
    traceback) nowhere: the user sees one line per file, from the parent."""
    import logging

    if logging.getLogger("peplint").isEnabledFor(logging.INFO):
        return  # -v: the worker's log lines (hashes only) are wanted
    import faulthandler

    faulthandler.disable()
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)


_MB = 1024 * 1024
_RETIRE = b"R"  # the first byte of a message: this worker exits after it
_GO_ON = b"K"  # the worker waits for its next file
_REPORT = b"J"  # the second byte: a file's report as JSON follows
_BRIEF = b"B"  # a Brief's bytes follow (a file read without an error)


def _serve(
    conn: Connection,
    parents_ends: list[Connection],
    work: Work,
    memory_mb: int,
) -> None:
    """Runs in the forked worker: cap memory, then check each file the parent names (its
    path, as bytes) until told to stop (an empty message) or until it retires."""
    for inherited in parents_ends:  # the parent's ends of this and earlier workers' pipes:
        inherited.close()  # only the parent's copy may stay open, so a worker sees it go
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _quiet_stderr()
    start = _address_space()
    budget = start + memory_mb * _MB
    with contextlib.suppress(ValueError, OSError):  # a platform without the limit still runs
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    near_cap = budget - 32 * _MB
    allowance = start + memory_mb * _MB // 10
    # The peak is inherited from the parent at fork: only a rise above it is this worker's.
    peak_allowance = max(_peak_address_space(), allowance)
    try:
        while True:
            try:
                message = conn.recv_bytes()
            except (EOFError, OSError):
                break  # the parent has gone
            if not message:
                break  # no more files
            payload, healthy = _check_one(work, Path(os.fsdecode(message)), near_cap)
            retire = (
                not healthy
                or _address_space() >= allowance
                or _peak_address_space() > peak_allowance
            )
            try:
                conn.send_bytes((_RETIRE if retire else _GO_ON) + payload)
            except BaseException:
                break
            if retire:
                break
    finally:
        conn.close()
        os._exit(0)  # skip atexit handlers and buffers inherited from the parent


def _check_one(work: Work, path: Path, near_cap: int) -> tuple[bytes, bool]:
    """One file's report as JSON (or the Brief `work` gave of it), marked as which it is,
    and whether the worker is still sound to go on."""
    # The peak says nothing of this file if an earlier one already came near the cap
    # (such a worker has retired, unless memory is not capped on this platform).
    peak_tells = _peak_address_space() < near_cap
    reserve = bytearray(4 * _MB)  # freed on MemoryError, so the error can be sent
    try:
        report = work(path)
        if isinstance(report, Brief):  # of a file read without an error, by its contract
            return _BRIEF + report.data, True
        if (
            report.error is not None
            and report.error.code == "corrupt"
            and peak_tells
            and _peak_address_space() >= near_cap
        ):
            # A library turned the MemoryError into its own error: the memory ran out.
            report = _error(path, "too-large", MEMORY_MESSAGE, hash_file=False)
        return _REPORT + report.model_dump_json().encode("utf-8"), report.status != "error"
    except MemoryError:
        del reserve
        # No re-reading or re-hashing here: the memory is exhausted. The parent hashes.
        text = _error(path, "too-large", MEMORY_MESSAGE, hash_file=False).model_dump_json()
        return _REPORT + text.encode(), False
    except Exception:  # the reader hit something it did not expect; never a traceback to the user
        report = _error(path, "corrupt", "This file could not be processed; it may be damaged.")
        return _REPORT + report.model_dump_json().encode(), False


def _error(path: Path, code: ErrorCode, message: str, hash_file: bool = True) -> FileReport:
    from peplint.reading import file_sha256

    digest: str | None = None
    if hash_file:
        try:
            digest = file_sha256(path) if path.is_file() else None
        except OSError:
            digest = None
    return FileReport(
        path=printable(path),
        sha256=digest,
        status="error",
        error=FileError(code=code, message=message),
    )


@dataclass
class _Job:
    """A file to check: its position, its path, and whether only a fresh worker may take
    it (a second attempt after a worker that had checked other files failed on it)."""

    index: int
    path: Path
    fresh_only: bool = False


@dataclass
class _Worker:
    """A forked worker and the file it is on (None: idle)."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    checked: int = 0  # files it has reported on
    job: _Job | None = None
    deadline: float = 0.0


@dataclass
class _Pool:
    """The workers of one run; at most `jobs` at a time."""

    work: Work
    limits: Limits
    jobs: int
    workers: list[_Worker] = field(default_factory=list)
    exiting: list[multiprocessing.process.BaseProcess] = field(default_factory=list)

    def start(self) -> _Worker:
        """Fork a new worker from this process as it is now."""
        parent_end, child_end = _CONTEXT.Pipe(duplex=True)
        process = _CONTEXT.Process(
            target=_serve,
            args=(
                child_end,
                [parent_end, *(w.conn for w in self.workers)],
                self.work,
                self.limits.worker_memory_mb,
            ),
            daemon=True,
        )
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self.workers.append(worker)
        return worker

    def give(self, worker: _Worker, job: _Job) -> None:
        """Send a worker its next file and start that file's clock."""
        worker.job = job
        worker.deadline = time.monotonic() + self.limits.worker_seconds
        worker.conn.send_bytes(os.fsencode(job.path))

    def retire(self, worker: _Worker, tell: bool = True) -> None:
        """Let a worker go: it exits when told there are no more files (its pipe is not
        closed by the parent's closing alone: later workers inherit a copy of its end),
        and is reaped later."""
        self.workers.remove(worker)
        if tell:  # not when the worker said it is retiring: it is already on its way out
            with contextlib.suppress(OSError):
                worker.conn.send_bytes(b"")
        with contextlib.suppress(OSError):
            worker.conn.close()
        self.exiting.append(worker.process)

    def kill(self, worker: _Worker) -> None:
        """End a worker now (out of time, or the run is over)."""
        with contextlib.suppress(ValueError):
            self.workers.remove(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        with contextlib.suppress(OSError):
            worker.conn.close()

    def assign(self, pending: deque[_Job], keep_idle: bool = False) -> None:
        """Give pending files to idle workers, forking workers into free slots; a retry
        goes only to a worker that has checked nothing yet. Workers left with nothing to
        do are let go, unless `keep_idle` (more files will come)."""
        slots = max(self.jobs, 1)
        while pending:
            job = pending[0]
            idle = [w for w in self.workers if w.job is None]
            fitting = [w for w in idle if w.checked == 0 or not job.fresh_only]
            if fitting:
                worker = fitting[0]
            elif len(self.workers) < slots:
                worker = self.start()
            elif idle:
                self.retire(idle[0])  # make room for a fresh worker
                worker = self.start()
            else:
                return
            pending.popleft()
            self.give(worker, job)
        if keep_idle:
            return
        for worker in [w for w in self.workers if w.job is None]:
            self.retire(worker)  # nothing left for it

    def reap(self) -> None:
        """Forget the retired workers that have exited (polling reaps them)."""
        self.exiting[:] = [p for p in self.exiting if p.exitcode is None]

    def close(self) -> None:
        """End every worker: the busy ones are killed, the retired ones reaped."""
        for worker in list(self.workers):
            self.kill(worker)
        for ended in self.exiting:
            _end(ended)


@overload
def run_isolated(
    paths: list[Path],
    work: Callable[[Path], FileReport],
    limits: Limits | None = None,
    jobs: int = 1,
) -> Generator[tuple[int, FileReport], None, None]: ...


@overload
def run_isolated(
    paths: list[Path], work: Work, limits: Limits | None = None, jobs: int = 1
) -> Generator[tuple[int, FileReport | Brief], None, None]: ...


def run_isolated(
    paths: list[Path], work: Work, limits: Limits | None = None, jobs: int = 1
) -> Generator[tuple[int, FileReport | Brief], None, None]:
    """Run `work` on each path in forked workers, `jobs` at a time.

    Yields (index into `paths`, report) as files finish, in completion order: the
    report, or the Brief `work` returned instead of it.
    """
    pool = _Pool(work, limits or Limits(), jobs)
    pending = deque(_Job(index, path) for index, path in enumerate(paths))
    try:
        pool.assign(pending)
        while any(w.job is not None for w in pool.workers):
            finished = _step(pool, pending)
            # The workers that are free start their next files before the reports are
            # handed on, so a worker never waits while this process stores a result.
            pool.assign(pending)
            for index, outcome in finished:
                yield index, _outcome(outcome)
    finally:
        pool.close()


def _step(pool: _Pool, pending: deque[_Job]) -> list[tuple[int, FileReport | Brief | _Sound]]:
    """Wait until a busy worker reports, dies or runs out of time; the files finished
    then, as (index, outcome): a report, a Brief, or a sound report not parsed yet. A file
    whose worker failed after checking other files goes back to `pending`, for a fresh
    worker to decide."""
    busy = [w for w in pool.workers if w.job is not None]
    timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
    ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
    finished: list[tuple[int, FileReport | Brief | _Sound]] = []
    for worker in busy:
        outcome = _collect(pool, worker, ready)
        if outcome is None:
            continue
        job, report, lost = outcome
        if (
            worker.checked > 0
            and not job.fresh_only
            and (lost or (isinstance(report, FileReport) and _out_of_memory(report)))
        ):
            # It may be this worker's state, not the file: a fresh worker decides.
            pending.appendleft(_Job(job.index, job.path, fresh_only=True))
        else:
            finished.append((job.index, report))
        worker.checked += 1
    pool.reap()
    return finished


class Checker:
    """An isolated worker kept between calls, for a caller handed files one at a time (a
    cluster worker): `check` checks one file as `run_isolated` checks each of its files
    (the same limits, retirement and fresh-worker retry), and the worker then waits for
    the next call instead of a new one being forked for every file. `close` ends it."""

    def __init__(self, work: Callable[[Path], FileReport], limits: Limits | None = None) -> None:
        self._pool = _Pool(work, limits or Limits(), 1)

    def check(self, path: Path) -> FileReport:
        """The file's report, from a worker forked earlier if one is free and sound."""
        pending = deque([_Job(0, path)])
        while True:
            self._pool.assign(pending, keep_idle=True)
            if finished := _step(self._pool, pending):
                outcome = _outcome(finished[0][1])
                if isinstance(outcome, Brief):  # its work gives reports, never briefs
                    raise TypeError("a Checker's work returned a Brief")
                return outcome

    def close(self) -> None:
        """End the worker (and reap any that retired)."""
        self._pool.close()


def _out_of_memory(report: FileReport) -> bool:
    """Whether the worker reported that the memory ran out while checking the file."""
    return report.error is not None and report.error.message == MEMORY_MESSAGE


@dataclass(frozen=True)
class _Sound:
    """The report of a file its worker checked without an error, as the worker sent it."""

    payload: bytes
    path: Path

    def report(self) -> FileReport:
        """The report itself (an error entry if what was sent is not a report)."""
        return _parsed(self.payload, self.path)


def _parsed(payload: bytes, path: Path) -> FileReport:
    """The report a worker sent for `path`, or, if the bytes are not a whole report (never
    expected of a sound worker), an error entry for the file that is not cached
    (`is_limit_failure`): another run checks it again."""
    try:
        return FileReport.model_validate_json(payload)
    except ValueError:
        return _error(path, "corrupt", UNREAD_RESULT_MESSAGE)


def _outcome(outcome: FileReport | Brief | _Sound) -> FileReport | Brief:
    return outcome.report() if isinstance(outcome, _Sound) else outcome


def _collect(
    pool: _Pool, worker: _Worker, ready: Sequence[object]
) -> tuple[_Job, FileReport | Brief | _Sound, bool] | None:
    """The worker's job, its outcome (a report, a Brief, or a sound report to parse once
    the worker has its next file) and whether the worker was lost (it died, or sent what
    no sound worker sends: a fresh worker should decide the file) if the file is done,
    the worker died or the file ran out of time; else None. A worker that reports and
    retires is left to exit on its own (tearing down a forked address space takes
    milliseconds) and is reaped later."""
    job = worker.job
    assert job is not None
    if worker.conn in ready:
        try:
            payload = worker.conn.recv_bytes()
        except (EOFError, OSError):
            payload = b""
        if len(payload) < 2:
            return job, _lost(pool, worker), True
        retiring, kind, body = payload[:1] == _RETIRE, payload[1:2], payload[2:]
        if (
            payload[:1] not in (_RETIRE, _GO_ON)
            or kind not in (_REPORT, _BRIEF)
            or (kind == _REPORT and not body)
        ):
            pool.kill(worker)  # it sent what no sound worker sends: it is not trusted further
            return job, _error(job.path, "corrupt", UNREAD_RESULT_MESSAGE), True
        worker.job = None
        if retiring:
            pool.retire(worker, tell=False)
        if kind == _BRIEF:
            return job, Brief(body), False
        if not retiring:
            # A sound report (a worker that failed on its file retires): read once the
            # worker has its next file, so it never waits while this process parses.
            return job, _Sound(body, job.path), False
        report = _parsed(body, job.path)
        if report.sha256 is None and is_limit_failure(report):
            report.sha256 = _error(job.path, "too-large", "").sha256  # hashed here
        return job, report, False
    if worker.process.sentinel in ready and not worker.conn.poll():
        return job, _lost(pool, worker), True
    if time.monotonic() >= worker.deadline:
        pool.kill(worker)
        return job, _error(job.path, "timeout", timeout_message(pool.limits.worker_seconds)), False
    return None


def _lost(pool: _Pool, worker: _Worker) -> FileReport:
    """The error entry for the file of a worker that died without a report."""
    assert worker.job is not None
    path = worker.job.path
    worker.process.join(5)
    code = worker.process.exitcode
    pool.kill(worker)
    # Killed (the kernel's out-of-memory killer), aborted ("Fatal Python error: Cannot
    # recover from MemoryError"), ended by an exception the worker could not even report
    # (exit 1: a MemoryError while handling a MemoryError), crashed in native code (under
    # the address-space cap a failed allocation in C ends as SIGSEGV or SIGBUS) or gone
    # without a word (the report itself did not fit): the memory ran out, and the message
    # says it may have. Another ending is the file's.
    if code in (-signal.SIGKILL, -signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS, 0, 1):
        return _error(path, "too-large", KILLED_MESSAGE)
    return _error(path, "corrupt", UNEXPECTED_MESSAGE)


def _end(process: multiprocessing.process.BaseProcess) -> None:
    """Reap a worker that has retired: it is exiting; killed if not gone in 5 s."""
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join(5)
