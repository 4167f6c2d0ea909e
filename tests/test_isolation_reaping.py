"""A worker that has sent its report is reaped later, not waited for: the next file starts
while the last worker is still exiting, and every worker is reaped by the end."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from peplint.report import FileReport
from peplint.safety import isolation
from peplint.safety.limits import Limits


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("State:"):
                    return line.split()[1]
    except OSError:
        return "gone"
    return "?"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_next_file_starts_while_the_last_worker_exits(
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
        seen = [_state(int(pid)) for pid in earlier]
        with pids.open("a") as handle:
            handle.write(f"{os.getpid()}\n")
        return FileReport(
            path=path.name, status="ok", error=None, findings=[], sha256=",".join(seen)
        )

    files = [tmp_path / f"{n}.pdf" for n in range(3)]
    results = dict(isolation.run_isolated(files, work, Limits(worker_seconds=30), jobs=1))
    # The second worker ran while the first was still in its (slow) exit: not waited for.
    assert results[1].sha256 in ("S", "R")
    assert results[2].sha256 is not None and results[2].sha256.split(",")[-1] in ("S", "R")
    for pid in pids.read_text().split():  # and all were reaped before run_isolated ended
        with pytest.raises(ChildProcessError):
            os.waitpid(int(pid), os.WNOHANG)
