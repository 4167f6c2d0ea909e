"""Exclusive CPU time by stage, by wrapping the functions that do each stage's work.

A stage is a set of functions. While one of them runs, its CPU time is charged to its
stage, except the time spent inside a function of another stage that it calls (charged
to that one): each moment is charged once, to the innermost stage running, and the
stages' times add up to the whole. Time in none of them goes to the outer stage given
to `stages`. A function is replaced wherever a loaded peplint or benchmark module (or a
class defined in one) holds it, so `from x import f` is caught as well as `x.f`; a
(holder, attribute) pair is replaced there only (for a library's methods).
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class StageTimer:
    """Accumulates exclusive CPU nanoseconds per stage name."""

    def __init__(self, outer: str) -> None:
        self.totals: dict[str, int] = {outer: 0}
        self._stack = [outer]
        self._mark = time.process_time_ns()

    def _switch(self) -> None:
        now = time.process_time_ns()
        self.totals[self._stack[-1]] += now - self._mark
        self._mark = now

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function`, charging the time inside it to `stage`."""
        self.totals.setdefault(stage, 0)

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._switch()
            self._stack.append(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self._switch()
                self._stack.pop()

        return timed


def _holders(original: Any) -> Iterator[tuple[Any, str]]:
    """Every (module or class, attribute name) under which `original` is bound."""
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if not name.startswith(("peplint", "benchmarks", "__main__")):
            continue
        for attribute, value in list(vars(module).items()):
            if value is original:
                yield module, attribute
            elif isinstance(value, type) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    if inner is original:
                        yield value, member


@contextmanager
def stages(outer: str, functions: dict[str, list[Any]]) -> Iterator[StageTimer]:
    """Within the block, the functions of each stage are timed; restored afterwards."""
    timer = StageTimer(outer)
    patched: list[tuple[Any, str, Any]] = []
    for stage, originals in functions.items():
        for entry in originals:
            if isinstance(entry, tuple):
                holder, attribute = entry
                original = getattr(holder, attribute)
                places = [(holder, attribute)]
            else:
                original, places = entry, list(_holders(entry))
            wrapped = timer.wrap(stage, original)
            for holder, attribute in places:
                patched.append((holder, attribute, original))
                setattr(holder, attribute, wrapped)
    try:
        yield timer
    finally:
        timer._switch()
        for holder, attribute, original in reversed(patched):
            setattr(holder, attribute, original)
