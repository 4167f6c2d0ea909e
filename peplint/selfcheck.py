"""`peplint check`: the designated teacher's self-check before submitting a PEP.

A plain-English to-do list, most important first (checklist order, errors before
things peplint could not confirm), each saying what to change and where, then a
one-line verdict. Suggestions that are not required are listed after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peplint.feedback.compose import SECTION_NAMES
from peplint.model.findings import Finding
from peplint.report import FileReport


@dataclass
class SelfCheck:
    """The to-do list for one PEP."""

    to_fix: list[str]
    suggestions: list[str]
    verdict: str
    error: str | None = None

    @property
    def ready(self) -> bool:
        """Nothing to fix."""
        return not self.to_fix and self.error is None


def _where(f: Finding) -> str:
    parts = [SECTION_NAMES.get(f.section, f.section)] if f.section else []
    if f.page:
        parts.append(f"page {f.page}")
    return f" [{', '.join(parts)}]" if parts else ""


def _line(f: Finding) -> str:
    step = f" {f.suggestion}" if f.suggestion else ""
    return f"{f.message}{step}{_where(f)}"


def to_fix_findings(entry: FileReport) -> list[Finding]:
    """The findings to put right before submitting, most important first (checklist
    order, then what peplint could not confirm)."""
    if entry.checklist is None:
        return []
    order = {rule: index for index, item in enumerate(entry.checklist.items) for rule in item.rules}
    blocking = [f for f in entry.findings if f.severity == "error" or f.unclear]
    blocking.sort(key=lambda f: (order.get(f.rule, len(order)), f.unclear))
    return blocking


def suggestion_findings(entry: FileReport) -> list[Finding]:
    """Improvements that are not required."""
    return [f for f in entry.findings if f.severity == "warning" and not f.unclear]


def self_check(entry: FileReport) -> SelfCheck:
    """The self-check of one linted file."""
    if entry.status == "error" or entry.checklist is None:
        message = entry.error.message if entry.error else "The file could not be read."
        return SelfCheck([], [], f"Not checked: {message}", error=message)
    to_fix = [_line(f) for f in to_fix_findings(entry)]
    suggestions = [_line(f) for f in suggestion_findings(entry)]
    count = len(to_fix)
    verdict = (
        "Ready to submit."
        if not count
        else f"{count} thing{'s' if count != 1 else ''} to fix first."
    )
    return SelfCheck(to_fix, suggestions, verdict)


def render(check: SelfCheck, name: str) -> str:
    """The self-check as text for the terminal."""
    lines = [f"Self-check of {name}"]
    if check.to_fix:
        lines += ["", "Please change these before you submit:"]
        lines += [f"  {i}. {text}" for i, text in enumerate(check.to_fix, start=1)]
    if check.suggestions:
        lines += ["", "You could also (not required):"]
        lines += [f"  - {text}" for text in check.suggestions]
    lines += ["", check.verdict]
    return "\n".join(lines) + "\n"
