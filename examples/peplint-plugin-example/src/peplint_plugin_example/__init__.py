"""An example peplint plugin: a rule, a reporter and a pack, registered through hooks.

Install it next to peplint (``pip install ./examples/peplint-plugin-example``) and
``peplint rules list`` shows `example-pupil-premium-plus`, ``peplint lint --format
findings-csv`` works, and ``peplint lint --pack example-plugin-pack`` uses its pack.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

from peplint.hookspecs import hookimpl
from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.report import Report
from peplint.rules.base import Rule, RuleContext, RuleDoc


class PupilPremiumPlus(Rule):
    """A rule: one of the targets says how Pupil Premium Plus is used."""

    id = "example-pupil-premium-plus"
    severity = "warning"
    sections = ("smart_targets",)
    params = {"pupil_premium_words": ["pupil premium", "pp+", "ppg"]}
    doc = RuleDoc(
        summary="A target says how Pupil Premium Plus is used.",
        what="Looks for the words in `pupil_premium_words` in the targets' text and strategies.",
        why="The DfE's guidance asks schools to show how Pupil Premium Plus supports the PEP's targets.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        words = [w.lower() for w in ctx.param("pupil_premium_words")]
        texts = " ".join(f"{t.text} {t.strategy or ''}" for t in pep.targets).lower()
        if pep.targets and not any(w in texts for w in words):
            yield self.finding(
                ctx,
                "No target says how Pupil Premium Plus will be used.",
                page=self.page_of(pep, "smart_targets"),
                suggestion="Name what Pupil Premium Plus pays for in at least one target.",
            )


class FindingsCsv:
    """A reporter: one CSV row per finding, for a spreadsheet."""

    name = "findings-csv"
    description = "One CSV row per finding: file, rule, severity, section, page, message."
    extension = "csv"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["file", "rule", "severity", "section", "page", "message"])
        for entry in report.files:
            for f in entry.findings:
                writer.writerow([entry.path, f.rule, f.severity, f.section, f.page, f.message])
        return buffer.getvalue().encode("utf-8")


@hookimpl
def peplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register the example rule."""
    register(PupilPremiumPlus())


@hookimpl
def peplint_register_reporters(register: Callable[[Any], None]) -> None:
    """Register the example reporter."""
    register(FindingsCsv())


@hookimpl
def peplint_register_packs(register: Callable[[str, Any], None]) -> None:
    """Register the example pack (shipped inside this package)."""
    register("example-plugin-pack", resources.files(__name__).joinpath("example-plugin-pack.yaml"))
