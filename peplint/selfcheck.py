"""`peplint check`: the designated teacher's self-check before submitting a PEP.

A plain-English to-do list, most important first (checklist order, errors before
things peplint could not confirm), each saying what to change and where, then a
one-line verdict. Suggestions that are not required are listed after it. What
counts as a thing to fix is `peplint.feedback.to_fix`, shared with the feedback.
"""

from __future__ import annotations

from dataclasses import dataclass

from peplint.feedback.model import ActionPoint
from peplint.feedback.to_fix import things_to_fix
from peplint.report import FileReport


@dataclass
class SelfCheck:
    """The to-do list for one PEP."""

    to_fix: list[str]
    suggestions: list[str]
    verdict: str
    error: str | None = None
    meets: bool = True

    @property
    def ready(self) -> bool:
        """Nothing to fix."""
        return not self.to_fix and self.error is None and self.meets


def _line(point: ActionPoint) -> str:
    step = f" {point.next_step}" if point.next_step else ""
    where = f" [{point.where}]" if point.where else ""
    return f"{point.what}{step}{where}"


def self_check(entry: FileReport) -> SelfCheck:
    """The self-check of one linted file."""
    if entry.status == "error" or entry.checklist is None:
        message = entry.error.message if entry.error else "The file could not be read."
        return SelfCheck([], [], f"Not checked: {message}", error=message)
    plan = things_to_fix(entry.checklist, entry.findings)
    to_fix = [_line(p) for p in plan.points]
    suggestions = [_line(p) for p in plan.advice]
    meets = entry.checklist.overall.meets
    count = plan.count
    if count:
        verdict = f"{count} thing{'s' if count != 1 else ''} to fix first."
    elif meets:
        verdict = "Ready to submit."
    else:
        verdict = f"Not ready: {entry.checklist.overall.label}."
    return SelfCheck(to_fix, suggestions, verdict, meets=meets)


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
