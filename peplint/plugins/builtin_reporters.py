"""Built-in plugin: the text, JSON, Markdown, HTML and Word reporters."""

from __future__ import annotations

from collections.abc import Callable

from peplint.hookspecs import hookimpl
from peplint.reporters.base import Reporter
from peplint.reporters.docx_reporter import DocxReporter
from peplint.reporters.json_reporter import JsonReporter
from peplint.reporters.templated import HtmlReporter, MarkdownReporter
from peplint.reporters.text_reporter import TextReporter


@hookimpl
def peplint_register_reporters(register: Callable[[Reporter], None]) -> None:
    """Register the built-in reporters."""
    register(TextReporter())
    register(JsonReporter())
    register(MarkdownReporter())
    register(HtmlReporter())
    register(DocxReporter())
