"""Drafting the written feedback to the designated teacher.

Supportive and specific: what is working first, then, for each checklist item
not yet met, what is missing, where (section and page), the text concerned and
a concrete next step; then optional improvements; then the judgement. A pack's
`messages` change the wording of the findings it draws on.
"""

from __future__ import annotations

from peplint.checklist.model import ChecklistResult
from peplint.feedback.model import Feedback
from peplint.feedback.to_fix import SECTION_NAMES, things_to_fix
from peplint.model.findings import Finding
from peplint.model.pep import Pep

__all__ = ["SECTION_NAMES", "compose", "compose_feedback"]


def _statement(question: str) -> str:
    text = question.strip().rstrip("?").strip()
    return text[0].upper() + text[1:] + "." if text else text


def compose(pep: Pep, checklist: ChecklistResult, findings: list[Finding]) -> Feedback:
    """The structured draft feedback."""
    child = pep.child.name.split()[0] if pep.child.name else "the young person"
    teacher = pep.designated_teacher.name
    plan = things_to_fix(checklist, findings)
    fixing = {i.item for i in plan.items}
    strengths = [_statement(i.question) for i in checklist.items if i.id not in fixing]
    items, advice = plan.items, plan.advice
    if checklist.overall.meets:
        opening = (
            f"Thank you for completing {child}'s PEP. It meets the expected standard, and the "
            "points below are there to help make a good plan even better."
            if advice
            else f"Thank you for completing {child}'s PEP. It meets the expected standard."
        )
    else:
        count = plan.count
        opening = (
            f"Thank you for completing {child}'s PEP. There {'is' if count == 1 else 'are'} {count} "
            f"thing{'' if count == 1 else 's'} to put right before it meets the expected standard; "
            "each is listed below with where to find it and a suggested next step."
        )
    return Feedback(
        greeting=f"Dear {teacher}," if teacher else "Dear Designated Teacher,",
        opening=opening,
        strengths=strengths,
        items=items,
        advice=advice,
        judgement=f"Overall: {checklist.overall.label}.",
        closing="We appreciate the time and care you put into this PEP. If you would like any support, "
        "please contact the Virtual School and we can arrange a time to meet.",
    )


def compose_feedback(pep: Pep, checklist: ChecklistResult, findings: list[Finding]) -> str:
    """The draft feedback as plain text (the report's `feedback` field)."""
    return compose(pep, checklist, findings).to_text()
