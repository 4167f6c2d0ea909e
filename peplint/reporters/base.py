"""What a reporter plugin registers."""

from __future__ import annotations

from typing import Protocol

from peplint.report import Report


class Reporter(Protocol):
    """Renders a report. `name` is what `--format` takes; `extension` names output files."""

    name: str
    description: str
    extension: str

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report as the bytes of this format (`colour` only matters on a terminal)."""
        ...
