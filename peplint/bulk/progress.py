"""Progress of a bulk run: a live bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)


class BulkProgress:
    """Files done / total, rate, time left and failures so far."""

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.failures = 0
        self.started = time.monotonic()
        self.live = enabled and sys.stderr.isatty()
        self.quiet = not enabled
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> BulkProgress:
        if self.live:
            self._bar = Progress(
                TextColumn("[bold]PEPs"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f}/s"),
                TimeRemainingColumn(),
                TextColumn("failures: {task.fields[failures]}"),
                console=Console(stderr=True),
                transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("bulk", total=self.total, rate=0.0, failures=0)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, trace)

    def advance(self, failed: bool, cached: bool) -> None:
        """One more file finished."""
        self.done += 1
        self.failures += int(failed)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, rate=rate, failures=self.failures)
        elif not self.quiet:
            left = (self.total - self.done) / rate if rate else 0.0
            state = "cached" if cached else ("failed" if failed else "done")
            print(
                f"peplint bulk: {self.done}/{self.total} {state}; {rate:.1f} files/s; "
                f"about {left:.0f}s left; failures {self.failures}",
                file=sys.stderr,
                flush=True,
            )
