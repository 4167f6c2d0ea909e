"""Isolated workers: each file is read and linted in its own forked process.

The child inherits the loaded parser, rules and language pipeline (fork is
cheap and needs no re-import), caps its own address space, and sends back the
file's report as JSON. The parent enforces the wall-time limit and kills the
child when it runs over. A child that is killed, crashes or runs out of memory
becomes an error entry for its file; the other files carry on. Each worker
handles one file, so no shared pool can be broken by one bad input.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from peplint.errors import ErrorCode
from peplint.report import FileError, FileReport
from peplint.safety.limits import Limits
from peplint.safety.names import printable

Work = Callable[[Path], FileReport]
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


def is_limit_failure(report: FileReport) -> bool:
    """Whether the file failed because of a limit of this run (time, memory) rather than
    because of what it is: such failures are not cached, so a run with other limits
    checks the file again."""
    error = report.error
    if error is None:
        return False
    return error.code == "timeout" or (
        error.code == "too-large" and error.message in (MEMORY_MESSAGE, KILLED_MESSAGE)
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


def _child(conn: Connection, work: Work, path: Path, memory_mb: int) -> None:
    """Runs in the forked worker: cap memory, do the work, send the report."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _quiet_stderr()
    budget = _address_space() + memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):  # a platform without the limit still runs
        resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    near_cap = budget - 32 * 1024 * 1024
    # The peak is inherited from the parent at fork; it says nothing if already near the cap.
    peak_tells = _peak_address_space() < near_cap
    reserve = bytearray(4 * 1024 * 1024)  # freed on MemoryError, so the error can be sent
    try:
        report = work(path)
        if (
            report.error is not None
            and report.error.code == "corrupt"
            and peak_tells
            and _peak_address_space() >= near_cap
        ):
            # A library turned the MemoryError into its own error: the memory ran out.
            report = _error(path, "too-large", MEMORY_MESSAGE, hash_file=False)
        payload = report.model_dump_json().encode("utf-8")
    except MemoryError:
        del reserve
        # No re-reading or re-hashing here: the memory is exhausted. The parent hashes.
        text = _error(path, "too-large", MEMORY_MESSAGE, hash_file=False).model_dump_json()
        payload = text.encode()
    except Exception:  # the reader hit something it did not expect; never a traceback to the user
        payload = (
            _error(path, "corrupt", "This file could not be processed; it may be damaged.")
            .model_dump_json()
            .encode()
        )
    try:
        conn.send_bytes(payload)
    except BaseException:
        pass
    finally:
        conn.close()
        os._exit(0)  # skip atexit handlers and buffers inherited from the parent


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
class _Running:
    index: int
    path: Path
    process: multiprocessing.process.BaseProcess
    conn: Connection
    deadline: float


def run_isolated(
    paths: list[Path], work: Work, limits: Limits | None = None, jobs: int = 1
) -> Iterator[tuple[int, FileReport]]:
    """Run `work` on each path in its own worker, `jobs` at a time.

    Yields (index into `paths`, report) as files finish, in completion order.
    """
    limits = limits or Limits()
    pending = list(enumerate(paths))
    running: dict[int, _Running] = {}
    exiting: list[multiprocessing.process.BaseProcess] = []  # reported, not yet reaped
    try:
        while pending or running:
            while pending and len(running) < max(jobs, 1):
                index, path = pending.pop(0)
                parent_end, child_end = _CONTEXT.Pipe(duplex=False)
                process = _CONTEXT.Process(
                    target=_child,
                    args=(child_end, work, path, limits.worker_memory_mb),
                    daemon=True,
                )
                process.start()
                child_end.close()
                running[index] = _Running(
                    index, path, process, parent_end, time.monotonic() + limits.worker_seconds
                )
            now = time.monotonic()
            timeout = max(0.0, min(r.deadline for r in running.values()) - now)
            ready = wait(
                [r.conn for r in running.values()] + [r.process.sentinel for r in running.values()],
                timeout=timeout,
            )
            for item in list(running.values()):
                result = _collect(item, ready, limits, exiting)
                if result is not None:
                    del running[item.index]
                    yield item.index, result
            exiting[:] = [p for p in exiting if p.exitcode is None]  # reaps those that ended
    finally:
        for item in running.values():
            _kill(item)
        for ended in exiting:
            _end(ended)


def _collect(
    item: _Running,
    ready: Sequence[object],
    limits: Limits,
    exiting: list[multiprocessing.process.BaseProcess],
) -> FileReport | None:
    """The worker's report if it has finished, was killed or ran out of time; else None.
    A worker that sent its report is left to exit on its own (tearing down a forked
    address space takes milliseconds) and is reaped later, so the next file starts now."""
    if item.conn in ready:
        try:
            payload = item.conn.recv_bytes()
        except (EOFError, OSError):
            payload = b""
        item.conn.close()
        if not payload:
            item.process.join(5)
            _kill(item)
            return _lost(item)
        exiting.append(item.process)
        report = FileReport.model_validate_json(payload)
        if report.sha256 is None and is_limit_failure(report):
            report.sha256 = _error(item.path, "too-large", "").sha256  # hashed here
        return report
    if item.process.sentinel in ready and not item.conn.poll():
        item.process.join(5)
        _kill(item)
        return _lost(item)
    if time.monotonic() >= item.deadline:
        _kill(item)
        return _error(item.path, "timeout", timeout_message(limits.worker_seconds))
    return None


def _lost(item: _Running) -> FileReport:
    code = item.process.exitcode
    # Killed (the kernel's out-of-memory killer), aborted ("Fatal Python error: Cannot
    # recover from MemoryError"), ended by an exception the worker could not even report
    # (exit 1: a MemoryError while handling a MemoryError), crashed in native code (under
    # the address-space cap a failed allocation in C ends as SIGSEGV or SIGBUS) or gone
    # without a word (the report itself did not fit): the memory ran out, and the message
    # says it may have. Another ending is the file's.
    if code in (-signal.SIGKILL, -signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS, 0, 1):
        return _error(item.path, "too-large", KILLED_MESSAGE)
    return _error(
        item.path, "corrupt", "The reader stopped unexpectedly on this file; it may be damaged."
    )


def _kill(item: _Running) -> None:
    if item.process.is_alive():
        item.process.kill()
    item.process.join(5)
    item.conn.close()


def _end(process: multiprocessing.process.BaseProcess) -> None:
    """Reap a worker that has sent its report: it is exiting; killed if not gone in 5 s."""
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join(5)
