"""Progress of a bulk run: a live bar on a terminal, plain lines otherwise.

The rate and the time left count only the files actually checked: results reused from
the cache on `--resume` arrive at once and would make the rate absurd and the time left
far too short.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
)


class BulkProgress:
    """Files done / total, rate, time left and failures so far."""

    def __init__(
        self, total: int, enabled: bool = True, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.total = total
        self.done = 0
        self.cached = 0
        self.failures = 0
        self.clock = clock
        self.started = clock()
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
                TextColumn("{task.fields[rate_text]}"),
                TextColumn("{task.fields[left]}"),
                TextColumn("failures: {task.fields[failures]}"),
                console=Console(stderr=True),
                transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(
                "bulk", total=self.total, rate_text="", left="", failures=0
            )
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, value, trace)

    def rate(self) -> float | None:
        """Files checked (not taken from the cache) per second; None before the first."""
        checked = self.done - self.cached
        if checked <= 0:
            return None
        return checked / max(self.clock() - self.started, 1e-6)

    def seconds_left(self) -> float | None:
        """Time left at the rate of the files checked so far; None while unknown."""
        rate = self.rate()
        return (self.total - self.done) / rate if rate else None

    def advance(self, failed: bool, cached: bool) -> None:
        """One more file finished (`cached`: its result was reused, not checked)."""
        self.done += 1
        self.cached += int(cached)
        self.failures += int(failed)
        rate, left = self.rate(), self.seconds_left()
        rate_text = f"{rate:.1f} files/s" if rate is not None else "rate: -"
        left_text = f"about {left:.0f}s left" if left is not None else "time left: -"
        if self._bar is not None and self._task is not None:
            self._bar.update(
                self._task, advance=1, rate_text=rate_text, left=left_text, failures=self.failures
            )
        elif not self.quiet:
            state = "cached" if cached else ("failed" if failed else "done")
            print(
                f"peplint bulk: {self.done}/{self.total} {state}; {rate_text}; "
                f"{left_text}; failures {self.failures}",
                file=sys.stderr,
                flush=True,
            )
