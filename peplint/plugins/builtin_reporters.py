"""Built-in plugin: the text, JSON, Markdown, HTML and Word reporters.

Each is registered by name and imported when it first renders, so commands that
render nothing (`--help`, `pack validate`) do not pay for python-docx, rich or Jinja2.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peplint.hookspecs import hookimpl

if TYPE_CHECKING:
    from peplint.report import Report
    from peplint.reporters.base import Reporter


@dataclass
class LazyReporter:
    """A reporter known by its name, description and extension, loaded on first render."""

    name: str
    description: str
    extension: str
    target: str  # "module:Class"
    binary: bool = False
    _loaded: Any = field(default=None, repr=False)

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """Render with the real reporter."""
        if self._loaded is None:
            module, _, cls = self.target.partition(":")
            self._loaded = getattr(importlib.import_module(module), cls)()
        rendered: bytes = self._loaded.render(report, colour=colour)
        return rendered


BUILTIN_REPORTERS = (
    LazyReporter(
        "text",
        "Readable terminal output, grouped by checklist item.",
        "txt",
        "peplint.reporters.text_reporter:TextReporter",
    ),
    LazyReporter(
        "json",
        "The peplint.report JSON contract (docs/report-format.md).",
        "json",
        "peplint.reporters.json_reporter:JsonReporter",
    ),
    LazyReporter(
        "markdown",
        "A Markdown page per file: checklist, findings, evidence, draft feedback.",
        "md",
        "peplint.reporters.templated:MarkdownReporter",
    ),
    LazyReporter(
        "html",
        "A self-contained HTML page: checklist, findings, evidence, draft feedback.",
        "html",
        "peplint.reporters.templated:HtmlReporter",
    ),
    LazyReporter(
        "docx",
        "The VS Final Sign Off page as a Word document, with the draft feedback.",
        "docx",
        "peplint.reporters.docx_reporter:DocxReporter",
        binary=True,
    ),
)


@hookimpl
def peplint_register_reporters(register: Callable[[Reporter], None]) -> None:
    """Register the built-in reporters."""
    for reporter in BUILTIN_REPORTERS:
        register(reporter)
