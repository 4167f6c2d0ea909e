"""Drafting the written feedback to the designated teacher from the checklist and findings.

Supportive and specific: what is good first, then each item that is not yet
met with what is missing, where, and the next step.
"""

from __future__ import annotations

from peplint.checklist.model import ChecklistResult
from peplint.model.findings import Finding
from peplint.model.pep import Pep


def _where(finding: Finding) -> str:
    parts = [p for p in (finding.location, f"page {finding.page}" if finding.page else None) if p]
    return f" ({', '.join(parts)})" if parts else ""


def compose_feedback(pep: Pep, checklist: ChecklistResult, findings: list[Finding]) -> str:
    """The draft feedback text."""
    name = pep.child.name.split()[0] if pep.child.name else "the young person"
    dt_name = pep.designated_teacher.name
    lines = [f"Dear {dt_name}," if dt_name else "Dear Designated Teacher,", ""]
    good = [i for i in checklist.items if i.answer == "yes"]
    todo = [i for i in checklist.items if i.answer != "yes"]
    lines.append(f"Thank you for completing {name}'s PEP.")
    if good:
        lines.append(
            "What is working well: " + "; ".join(i.question.rstrip("?").lower() for i in good) + "."
        )
    if not todo:
        lines.append(checklist.overall.label + ".")
    else:
        lines += [
            "",
            "Before the PEP can meet the expected standard, please look at the following:",
        ]
        for item in todo:
            label = "not yet met" if item.answer == "no" else "we could not confirm this"
            lines.append(f"- {item.id} {item.question.rstrip('?')} ({label}):")
            for f in (
                f for f in findings if f.rule in item.rules and (f.severity == "error" or f.unclear)
            ):
                step = f" {f.suggestion}" if f.suggestion else ""
                lines.append(f"    - {f.message}{_where(f)}{step}")
    advice = [f for f in findings if f.severity == "warning" and not f.unclear]
    if advice:
        lines += ["", "Other points to strengthen the PEP:"]
        for f in advice:
            lines.append(f"- {f.message}{_where(f)}")
    lines += [
        "",
        "Thank you for the time and care you put into this PEP. Please contact the Virtual School "
        "if you would like any support.",
    ]
    return "\n".join(lines)
