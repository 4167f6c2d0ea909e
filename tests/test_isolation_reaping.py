"""Long-lived isolated workers: each worker checks files one after another; a worker
retires after an error or when its memory has grown, and is reaped later, not waited
for; a file whose worker failed after checking other files is checked again in a fresh
worker; the outcome of a file never depends on what its worker checked before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from peplint.report import FileError, FileReport
from peplint.safety import isolation
from peplint.safety.limits import Limits

LIMITS = Limits(worker_seconds=30)
LINUX = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
_checked_here: list[str] = []  # in a worker: the files this process has checked


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("State:"):
                    return line.split()[1]
    except OSError:
        return "gone"
    return "?"


def _ok(path: Path, note: str = "") -> FileReport:
    return FileReport(path=path.name, status="ok", sha256=f"{os.getpid()} {note}".strip())


def _pid(report: FileReport) -> int:
    assert report.sha256 is not None
    return int(report.sha256.split()[0])


def test_one_worker_checks_the_files_one_after_another(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.pdf" for n in range(5)]
    results = dict(isolation.run_isolated(files, _ok, LIMITS, jobs=1))
    assert sorted(results) == [0, 1, 2, 3, 4]
    assert len({_pid(r) for r in results.values()}) == 1
    assert all(_pid(r) != os.getpid() for r in results.values())  # never in this process


def test_two_jobs_use_two_workers(tmp_path: Path) -> None:
    def slow(path: Path) -> FileReport:
        time.sleep(0.05)
        return _ok(path)

    files = [tmp_path / f"{n}.pdf" for n in range(8)]
    results = dict(isolation.run_isolated(files, slow, LIMITS, jobs=2))
    assert len({_pid(r) for r in results.values()}) == 2


def test_a_free_worker_starts_its_next_file_before_the_report_is_handed_on(
    tmp_path: Path,
) -> None:
    # While this process handles one file's report (stores it, writes what the worker
    # could not), the worker is already on the next file: it never waits for the parent.
    def work(path: Path) -> FileReport:
        (tmp_path / f"started-{path.stem}").touch()
        return _ok(path)

    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    started_while_handling: list[bool] = []
    for index, _report in isolation.run_isolated(files, work, LIMITS, jobs=1):
        if index + 1 < len(files):
            marker = tmp_path / f"started-{index + 1}"
            for _ in range(500):  # the worker needs a moment to be scheduled; at most 5 s
                if marker.exists():
                    break
                time.sleep(0.01)
            started_while_handling.append(marker.exists())
    assert started_while_handling == [True, True]


@LINUX
def test_a_worker_retires_after_an_error_and_is_reaped_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_exit = os._exit

    def slow_exit(code: int) -> None:  # only ever called in a forked worker
        time.sleep(3)
        real_exit(code)

    monkeypatch.setattr(isolation.os, "_exit", slow_exit)
    pids = tmp_path / "pids"

    def work(path: Path) -> FileReport:
        earlier = pids.read_text().split() if pids.exists() else []
        seen = ",".join(_state(int(pid)) for pid in earlier if int(pid) != os.getpid())
        with pids.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        if path.name == "0.pdf":
            return FileReport(
                path=path.name,
                status="error",
                error=FileError(code="corrupt", message="damaged"),
                sha256=str(os.getpid()),
            )
        return _ok(path, seen)

    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    results = dict(isolation.run_isolated(files, work, LIMITS, jobs=1))
    assert _pid(results[1]) != _pid(results[0])  # a new worker after the error
    assert _pid(results[2]) == _pid(results[1])  # which then goes on
    # The second worker ran while the first was still in its (slow) exit: not waited for.
    assert results[1].sha256 is not None and results[1].sha256.split()[1] in ("S", "R")
    for pid in set(pids.read_text().split()):  # and all were reaped before run_isolated ended
        with pytest.raises(ChildProcessError):
            os.waitpid(int(pid), os.WNOHANG)


def test_a_crash_after_other_files_is_checked_again_in_a_fresh_worker(tmp_path: Path) -> None:
    def work(path: Path) -> FileReport:
        _checked_here.append(path.name)
        if path.name == "2.pdf" and len(_checked_here) > 1:  # only in a worker with a past
            os.kill(os.getpid(), signal.SIGSEGV)
        return _ok(path, str(len(_checked_here)))

    files = [tmp_path / f"{n}.pdf" for n in range(4)]
    results = dict(isolation.run_isolated(files, work, LIMITS, jobs=1))
    assert all(r.status == "ok" for r in results.values())
    assert results[2].sha256 is not None and results[2].sha256.split()[1] == "1"  # fresh
    assert _pid(results[2]) != _pid(results[0])


def test_a_file_that_always_crashes_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    attempts = tmp_path / "attempts"

    def work(path: Path) -> FileReport:
        if path.name == "1.pdf":
            with attempts.open("a") as handle:
                handle.write("x")
            os.kill(os.getpid(), signal.SIGSEGV)
        return _ok(path)

    files = [tmp_path / f"{n}.pdf" for n in range(4)]
    results = dict(isolation.run_isolated(files, work, LIMITS, jobs=1))
    assert results[1].status == "error"
    assert results[1].error is not None and results[1].error.code == "too-large"
    assert attempts.read_text() == "xx"  # once in the worker that had checked 0.pdf, once fresh
    assert [results[n].status for n in (0, 2, 3)] == ["ok", "ok", "ok"]


def test_running_out_of_memory_after_other_files_is_checked_again(tmp_path: Path) -> None:
    def work(path: Path) -> FileReport:
        _checked_here.append(path.name)
        if path.name == "1.pdf" and len(_checked_here) > 1:
            raise MemoryError
        return _ok(path, str(len(_checked_here)))

    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    results = dict(isolation.run_isolated(files, work, LIMITS, jobs=1))
    assert results[1].status == "ok"
    assert results[1].sha256 is not None and results[1].sha256.split()[1] == "1"


@LINUX
def test_a_worker_whose_memory_grew_retires(tmp_path: Path) -> None:
    kept: list[bytes] = []

    def work(path: Path) -> FileReport:
        if path.name == "0.pdf":
            kept.append(os.urandom(40 * 1024 * 1024))  # held: 40 MB > a tenth of 200 MB
        return _ok(path)

    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    results = dict(isolation.run_isolated(files, work, Limits(worker_memory_mb=200), jobs=1))
    assert all(r.status == "ok" for r in results.values())
    assert _pid(results[1]) != _pid(results[0])
    assert _pid(results[2]) == _pid(results[1])


def test_a_file_reads_the_same_whatever_its_worker_checked_before() -> None:
    from peplint.lint import LintSetup, lint_file

    root = Path(__file__).resolve().parent.parent / "fixtures" / "generated"
    files = sorted(root.glob("*.pdf"))[:3] + sorted(root.glob("*.docx"))[:3]
    setup = LintSetup.default()

    def work(path: Path) -> FileReport:
        return lint_file(path, setup, LIMITS, root)

    forward = dict(isolation.run_isolated(files, work, LIMITS, jobs=1))
    backward = dict(isolation.run_isolated(files[::-1], work, LIMITS, jobs=1))
    for position, path in enumerate(files):
        again = backward[len(files) - 1 - position]
        assert forward[position].model_dump_json() == again.model_dump_json(), path.name


@LINUX
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = textwrap.dedent(
        f"""
        import os, time
        from pathlib import Path
        from peplint.report import FileReport
        from peplint.safety.isolation import run_isolated
        from peplint.safety.limits import Limits

        def work(path):
            with open({str(pids)!r}, "a") as handle:
                handle.write(f"{{os.getpid()}}\\n")
            time.sleep(1)
            return FileReport(path=path.name, status="ok")

        files = [Path(str(n)) for n in range(6)]
        for _ in run_isolated(files, work, Limits(worker_seconds=120), jobs=3):
            pass
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    while not pids.exists() or len(pids.read_text().split()) < 3:  # three workers busy
        assert parent.poll() is None
        time.sleep(0.05)
    parent.kill()
    parent.wait()
    workers = [int(pid) for pid in pids.read_text().split()]
    # Each worker finds the parent gone when it sends its report, and exits: none is left
    # waiting for a next file that will never come.
    end = time.monotonic() + 20  # a bound on waiting, not a speed check

    def gone(pid: int) -> bool:
        return _state(pid) in ("gone", "Z", "X")

    while time.monotonic() < end and not all(map(gone, workers)):
        time.sleep(0.1)
    assert all(map(gone, workers))


def test_a_checker_keeps_its_worker_between_calls(tmp_path: Path) -> None:
    checker = isolation.Checker(_ok, LIMITS)
    try:
        first, second = checker.check(tmp_path / "0.pdf"), checker.check(tmp_path / "1.pdf")
    finally:
        checker.close()
    assert first.path == "0.pdf" and second.path == "1.pdf"
    assert _pid(first) == _pid(second) != os.getpid()  # one worker, never this process


def test_a_checker_replaces_a_worker_that_died_and_checks_again_in_a_fresh_one(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "died-once"

    def die_on_the_second_file(path: Path) -> FileReport:
        if path.name == "1.pdf" and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # as if the memory ran out
        return _ok(path)

    checker = isolation.Checker(die_on_the_second_file, LIMITS)
    try:
        first = checker.check(tmp_path / "0.pdf")
        second = checker.check(tmp_path / "1.pdf")  # its worker had checked another file
        third = checker.check(tmp_path / "2.pdf")
    finally:
        checker.close()
    assert second.status == "ok" and _pid(second) != _pid(first)  # decided by a fresh worker
    assert _pid(third) == _pid(second)


def test_a_checker_stops_a_file_at_the_time_limit_and_goes_on(tmp_path: Path) -> None:
    def slow_for_one(path: Path) -> FileReport:
        if path.name == "slow.pdf":
            time.sleep(30)
        return _ok(path)

    checker = isolation.Checker(slow_for_one, Limits(worker_seconds=1))
    try:
        stopped = checker.check(tmp_path / "slow.pdf")
        after = checker.check(tmp_path / "next.pdf")
    finally:
        checker.close()
    assert stopped.error is not None and stopped.error.code == "timeout"
    assert after.status == "ok"


@LINUX
def test_a_closed_checker_leaves_no_worker(tmp_path: Path) -> None:
    checker = isolation.Checker(_ok, LIMITS)
    pid = _pid(checker.check(tmp_path / "0.pdf"))
    checker.close()
    assert _state(pid) in ("gone", "Z") or not Path(f"/proc/{pid}").exists()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped, not left as a zombie


def test_a_report_is_parsed_only_once_its_worker_has_its_next_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parsing a sound report here is left until the worker has been given its next file:
    # the worker never waits while this process reads what it sent.
    events: list[str] = []
    give, parse = isolation._Pool.give, isolation._Sound.report

    def giving(pool: isolation._Pool, worker: isolation._Worker, job: isolation._Job) -> None:
        events.append(f"give {job.path.stem}")
        give(pool, worker, job)

    def parsing(sound: isolation._Sound) -> FileReport:
        report = parse(sound)
        events.append(f"parse {report.path}")
        return report

    monkeypatch.setattr(isolation._Pool, "give", giving)
    monkeypatch.setattr(isolation._Sound, "report", parsing)
    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    assert sorted(dict(isolation.run_isolated(files, _ok, LIMITS, jobs=1))) == [0, 1, 2]
    assert events == ["give 0", "give 1", "parse 0.pdf", "give 2", "parse 1.pdf", "parse 2.pdf"]


def test_a_brief_comes_back_as_the_worker_gave_it_and_a_failed_file_as_its_report(
    tmp_path: Path,
) -> None:
    # A work that stores its reports itself returns a Brief of a file read without an
    # error; the file that failed comes back as its error report, and the worker that
    # failed on it retires, its Brief-giving successor carrying on.
    def work(path: Path) -> FileReport | isolation.Brief:
        if path.stem == "1":
            return FileReport(
                path=path.name,
                status="error",
                sha256=str(os.getpid()),
                error=FileError(code="corrupt", message="damaged"),
            )
        return isolation.Brief(f"{path.stem} {os.getpid()}".encode())

    files = [tmp_path / f"{n}.pdf" for n in range(4)]
    for jobs in (1, 2):
        results = dict(isolation.run_isolated(files, work, LIMITS, jobs=jobs))
        assert sorted(results) == [0, 1, 2, 3]
        failed = results.pop(1)
        assert isinstance(failed, FileReport) and failed.error is not None
        assert all(isinstance(r, isolation.Brief) for r in results.values())
        briefs = {i: r.data.decode().split() for i, r in results.items()}  # type: ignore[union-attr]
        assert {i: name for i, (name, _pid) in briefs.items()} == {0: "0", 2: "2", 3: "3"}
        assert all(int(pid) != os.getpid() for _name, pid in briefs.values())
        if jobs == 1:  # the worker that failed on 1.pdf retired: 2.pdf had a fresh one
            assert briefs[2][1] != briefs[0][1] == str(failed.sha256)


def test_a_worker_whose_memory_grew_still_sends_its_brief(tmp_path: Path) -> None:
    kept: list[bytes] = []

    def work(path: Path) -> isolation.Brief:
        if path.name == "0.pdf":
            kept.append(os.urandom(40 * 1024 * 1024))  # held: the worker retires after it
        return isolation.Brief(str(os.getpid()).encode())

    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    results = dict(isolation.run_isolated(files, work, Limits(worker_memory_mb=200), jobs=1))
    pids = [results[i].data for i in range(3)]  # type: ignore[union-attr]
    assert pids[0] != pids[1] == pids[2]


def test_an_empty_brief_is_a_brief(tmp_path: Path) -> None:
    files = [tmp_path / f"{n}.pdf" for n in range(2)]
    results = dict(isolation.run_isolated(files, lambda p: isolation.Brief(b""), LIMITS, jobs=1))
    assert results == {0: isolation.Brief(b""), 1: isolation.Brief(b"")}


def _garbled(payload: bytes) -> bytes:
    return b"X" + payload[1:]  # a kind byte no sound worker sends


def _cut_short(payload: bytes) -> bytes:
    return payload[: len(payload) // 2]


@pytest.mark.parametrize("mangle", [_garbled, _cut_short])
def test_a_message_that_cannot_be_read_is_an_error_entry_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mangle: Callable[[bytes], bytes]
) -> None:
    # A message garbled or cut short is an error entry for its file (not cached: the fault
    # is the run's), never a crash of the run, and never waited on as a dying worker is;
    # the other files are checked, out of this process.
    check_one = isolation._check_one

    def mangled(work: isolation.Work, path: Path, near_cap: int) -> tuple[bytes, bool]:
        payload, healthy = check_one(work, path, near_cap)
        return (mangle(payload) if path.stem == "0" else payload), healthy

    monkeypatch.setattr(isolation, "_check_one", mangled)  # inherited by the forked workers
    lost: list[Path] = []
    monkeypatch.setattr(isolation, "_lost", lambda pool, worker: lost.append(worker.job.path))
    files = [tmp_path / f"{n}.pdf" for n in range(2)]
    results = dict(isolation.run_isolated(files, _ok, LIMITS, jobs=1))
    assert results[0].error is not None
    assert results[0].error.message == isolation.UNREAD_RESULT_MESSAGE
    assert isolation.is_limit_failure(results[0])
    assert results[1].status == "ok" and _pid(results[1]) != os.getpid()
    assert lost == []
