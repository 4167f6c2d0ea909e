"""Built-in plugin: the text and JSON reporters."""

from __future__ import annotations

from collections.abc import Callable

from peplint.hookspecs import hookimpl
from peplint.reporters.base import Reporter
from peplint.reporters.json_reporter import JsonReporter
from peplint.reporters.text_reporter import TextReporter


@hookimpl
def peplint_register_reporters(register: Callable[[Reporter], None]) -> None:
    """Register the built-in reporters."""
    register(TextReporter())
    register(JsonReporter())
