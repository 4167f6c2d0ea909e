"""A region's term on a Dask cluster: the per-PEP work of `peplint bulk` runs on an
existing cluster's workers instead of local processes.

`distributed`'s `Client` is a `concurrent.futures`-style executor. Each file's bytes are
sent to a worker (never a path: the workers cannot see this machine's folders), written
there into a private temporary folder, and checked in a forked child with the same
memory and time limits as a local worker (each worker thread keeps its child for the
PEPs of a run, as a local worker checks many, and ends it when the run is over). The
report comes back as JSON with, as a local worker renders them, the PEP's own three
reports (JSON, HTML, Word), which this process writes; everything else (the cache, the
summary) happens here, exactly as for a local run. A redacted run renders its reports
here, after redacting (the key never leaves this machine), and so does a pack with its
own Word form (a file on this machine). Children's documents cross the network only over
TLS: a scheduler address that is not `tls://` is refused unless it is on this machine
(loopback).

`distributed` is an optional extra: ``pip install "peplint[cluster]"``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import tempfile
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peplint import errors
from peplint.bulk.pep_reports import PepOutputs, relative_report
from peplint.lint import LintSetup, lint_file, warm_up
from peplint.report import FileError, FileReport
from peplint.safety.isolation import Checker, unread_result
from peplint.safety.limits import Limits

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class ClusterOptions:
    """Where the cluster is and how to reach it securely."""

    scheduler: str
    tls_ca_file: Path | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None


def _is_loopback(host: str) -> bool:
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_scheduler_address(address: str) -> None:
    """Refuse a scheduler the documents would reach unencrypted over a network."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "tcp", address
    scheme = scheme.lower()
    if scheme == "tls":
        return
    if scheme in ("tcp", "ws"):
        host = rest.rsplit(":", 1)[0] if ":" in rest else rest
        if _is_loopback(host):
            return
        raise errors.ConfigError(
            f"the scheduler {scheme}://{host} is not encrypted: children's documents may cross "
            "the network only over TLS; use a tls:// address with --tls-ca-file, --tls-cert and --tls-key"
        )
    raise errors.ConfigError(f"unknown scheduler address scheme '{scheme}://'; use tls://HOST:PORT")


_warm = threading.Lock()
_warmed: list[bool] = []  # in a Dask worker: whether this process has been warmed up


def warm_this_worker(setup: LintSetup) -> None:
    """Pay every first-use cost (the language pipeline, readers, reporters) once in this
    Dask worker process, so each PEP's forked child inherits it instead of repeating it
    (about half a second a PEP), as local workers inherit the warm-up of `peplint bulk`."""
    with _warm:
        if not _warmed:
            warm_up(setup)
            _warmed.append(True)


class _ThisThread(threading.local):
    """A Dask worker thread's isolated checker, kept between the PEPs of one run: its
    child is forked once and checks PEP after PEP, as a local worker does, instead of a
    child forked for every PEP. Another run gets a checker of its own."""

    run: str | None = None
    checker: Checker | None = None


_this_thread = _ThisThread()
_checkers_lock = threading.Lock()  # guards the two lists below
_open_checkers: list[tuple[str, Checker]] = []  # (run, checker) of every thread
_checkers_made: list[str] = []  # the run of each checker this process has made


def _checker_for(run: str, setup: LintSetup, limits: Limits) -> Checker:
    mine = _this_thread
    if mine.checker is not None and mine.run == run:
        return mine.checker
    if mine.checker is not None:
        previous = mine.checker
        _end(lambda _run, kept: kept is previous)  # an earlier run's, if it was not ended

    def work(path: Path) -> FileReport:
        return lint_file(path, setup, limits, root=path.parent)

    checker = Checker(work, limits)
    mine.run, mine.checker = run, checker
    with _checkers_lock:
        _open_checkers.append((run, checker))
        _checkers_made.append(run)
    return checker


def end_checkers(run: str) -> int:
    """Runs on each Dask worker when a run is over: end the isolated children its threads
    kept for that run (another run's are left alone); how many were ended."""
    return _end(lambda kept_for, _checker: kept_for == run)


def _end(chosen: Callable[[str, Checker], bool]) -> int:
    with _checkers_lock:
        ending: list[tuple[str, Checker]] = []
        kept: list[tuple[str, Checker]] = []
        for run, checker in _open_checkers:
            (ending if chosen(run, checker) else kept).append((run, checker))
        _open_checkers[:] = kept
    for _run, checker in ending:
        checker.close()
    return len(ending)


def lint_remote(
    run: str,
    name: str,
    data: bytes,
    setup: LintSetup,
    limits: Limits,
    shown: str | None = None,
) -> tuple[str, dict[str, bytes] | None]:
    """Runs on a Dask worker: check one file's bytes in a forked child with the local
    workers' limits, from a private temporary folder that is removed afterwards. The
    report as JSON, and, when the PEP is `shown` under a name, its three reports rendered
    here (in parallel, as local workers render theirs)."""
    warm_this_worker(setup)
    with tempfile.TemporaryDirectory(prefix="peplint-") as folder:
        os.chmod(folder, 0o700)
        stem = _SAFE_NAME.sub("-", Path(name).name).strip("-.")[:80] or "pep"
        path = Path(folder) / stem
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)

        report = _checker_for(run, setup, limits).check(path)
    text = report.model_copy(update={"path": name}).model_dump_json()
    rendered = None
    if shown is not None:  # the report is not needed after: named and cleaned in place
        rendered = PepOutputs(Path(), setup).render(relative_report(report, shown))
    return text, rendered


def _local_error(path: Path, exc: errors.InputError) -> FileReport:
    return FileReport(
        path=str(path), status="error", error=FileError(code=exc.code, message=exc.message)
    )


def _security(options: ClusterOptions) -> Any:
    if not options.scheduler.lower().startswith("tls://"):
        return None
    from distributed.security import Security

    return Security(
        tls_ca_file=str(options.tls_ca_file) if options.tls_ca_file else None,
        tls_client_cert=str(options.tls_cert) if options.tls_cert else None,
        tls_client_key=str(options.tls_key) if options.tls_key else None,
        require_encryption=True,
    )


def run_on_cluster(
    paths: list[Path],
    setup: LintSetup,
    limits: Limits,
    options: ClusterOptions,
    root: Path,
    shown: list[str] | None = None,
    on_rendered: Callable[[int, dict[str, bytes]], None] | None = None,
) -> Generator[tuple[int, FileReport], None, None]:
    """(position, report) for each path as the cluster finishes it, like `run_isolated`.
    With `shown` (each path's name in the outputs), the workers also render each PEP's
    reports, handed to `on_rendered` before the report is yielded."""
    from peplint.safety.preflight import check_path

    check_scheduler_address(options.scheduler)
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise errors.ConfigError(
            'running on a cluster needs the cluster extra: pip install "peplint[cluster]"'
        ) from None
    try:
        client = Client(options.scheduler, security=_security(options), timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise errors.ConfigError(
            f"the Dask scheduler could not be reached ({type(exc).__name__})"
        ) from None
    run = os.urandom(8).hex()  # names this run's kept children on every worker
    futures: dict[Any, int] = {}
    try:
        shared = client.scatter(setup, broadcast=True)
        for position, path in enumerate(paths):
            try:
                check_path(path, root)
                if path.stat().st_size > limits.max_file_mb * 1024 * 1024:
                    raise errors.too_large(
                        "This file is larger than the size limit for a PEP export."
                    )
                data = path.read_bytes()
            except errors.InputError as exc:
                yield position, _local_error(path, exc)
                continue
            except OSError:
                yield (
                    position,
                    _local_error(
                        path, errors.InputError("corrupt", "This file could not be read.")
                    ),
                )
                continue
            future = client.submit(
                lint_remote,
                run,
                path.name,  # not where the file is on this machine: the worker needs no more
                data,
                shared,
                limits,
                shown[position] if shown is not None else None,
                pure=False,
                key=f"pep-{position}-{os.urandom(4).hex()}",
            )
            futures[future] = position
        for future in as_completed(list(futures)):
            position = futures[future]
            try:
                reply = future.result()
            except Exception:  # a worker lost or killed: that file's error, never the batch's
                report = _local_error(
                    paths[position],
                    errors.InputError(
                        "timeout",
                        "The cluster worker checking this file stopped before it finished.",
                    ),
                )
            else:
                try:
                    text, rendered = reply
                    report = FileReport.model_validate_json(text)
                except (TypeError, ValueError):  # not a report: not cached, checked again
                    report = unread_result(str(paths[position]))
                else:
                    if rendered is not None and on_rendered is not None:
                        on_rendered(position, rendered)
            yield position, report.model_copy(update={"path": str(paths[position])})
    finally:
        # However the run ends (done, --max-failures, an interruption), its tasks stop
        # and the children its workers kept for it end; best effort if the cluster is gone.
        with contextlib.suppress(Exception):
            client.cancel(list(futures))
            client.run(end_checkers, run)
        client.close()
