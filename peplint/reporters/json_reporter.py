"""The JSON reporter: exactly the `peplint.report` contract."""

from __future__ import annotations

from peplint.report import Report


class JsonReporter:
    """`--format json`."""

    name = "json"
    description = "The peplint.report JSON contract (DESIGN section 8)."
    extension = "json"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report as indented JSON."""
        return report.to_json().encode("utf-8")
