"""The JSON reporter: exactly the `peplint.report` contract."""

from __future__ import annotations

from peplint.report import Report
from peplint.safety.xmlchars import clean_model


class JsonReporter:
    """`--format json`."""

    name = "json"
    description = "The peplint.report JSON contract (DESIGN section 8)."
    extension = "json"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report as indented JSON."""
        report = clean_model(report)  # no XML-illegal or terminal control characters
        return report.to_json().encode("utf-8")
