"""Drafting the written feedback to the designated teacher.

Supportive and specific: what is working first, then, for each checklist item
not yet met, what is missing, where (section and page), the text concerned and
a concrete next step; then optional improvements; then the judgement. A pack's
`messages` change the wording of the findings it draws on.
"""

from __future__ import annotations

from peplint.checklist.model import ChecklistResult
from peplint.feedback.model import ActionPoint, Feedback, ItemFeedback
from peplint.model.findings import Finding
from peplint.model.pep import Pep

SECTION_NAMES = {
    "personal_care": "Personal / Care Information",
    "social_worker_info": "Social Worker Information",
    "education_setting": "Education",
    "training_neet": "Short Term Training or NEET",
    "custody_remand": "Custody and Remand",
    "additional_needs": "Additional Needs",
    "key_contacts": "Key Contacts",
    "social_worker_sign_off": "Social Worker Sign Off",
    "attainment_progress": "Attainment and Progress",
    "smart_targets": "SMART Targets",
    "pep_meeting": "The PEP Meeting",
    "post16_plan": "Post-16 Plan",
    "designated_teacher_sign_off": "Designated Teacher Sign Off",
    "young_persons_views": "Young Person's Views",
    "vs_final_sign_off": "VS Final Sign Off",
}
QUOTE_WORDS = 30


def _where(finding: Finding) -> str | None:
    parts = []
    if finding.section:
        parts.append(SECTION_NAMES.get(finding.section, finding.section))
    if finding.location and finding.location.lower() not in (p.lower() for p in parts):
        parts.append(finding.location)
    if finding.page:
        parts.append(f"page {finding.page}")
    return ", ".join(parts) or None


def _quote(text: str | None) -> str | None:
    if not text:
        return None
    words = text.split()
    return " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")


def _point(finding: Finding) -> ActionPoint:
    return ActionPoint(
        rule=finding.rule,
        severity=finding.severity,
        what=finding.message,
        where=_where(finding),
        quote=_quote(finding.excerpt),
        next_step=finding.suggestion,
    )


def _grouped(findings: list[Finding]) -> list[ActionPoint]:
    """One point per finding, except that a target's problems become one point."""
    points: list[ActionPoint] = []
    by_target: dict[str, list[Finding]] = {}
    for f in findings:
        if f.location and f.location.startswith("target "):
            if f.location not in by_target:
                by_target[f.location] = []
                points.append(
                    ActionPoint(rule=f.rule, severity=f.severity, what=f.location)
                )  # placeholder
            by_target[f.location].append(f)
        else:
            points.append(_point(f))
    for index, point in enumerate(points):
        group = by_target.get(point.what)
        if group is None:
            continue
        first = group[0]
        problems = "; ".join(f.message.split(": ", 1)[-1].rstrip(".") for f in group)
        steps = " ".join(dict.fromkeys(f.suggestion for f in group if f.suggestion))
        label = first.location.split(" (", 1)[0].capitalize() if first.location else "A target"
        points[index] = ActionPoint(
            rule=",".join(f.rule for f in group),
            severity=first.severity,
            what=f"{label}: {problems}.",
            where=_where_page(first),
            quote=_quote(first.excerpt),
            next_step=steps or None,
        )
    return points


def _where_page(finding: Finding) -> str | None:
    parts = [SECTION_NAMES.get(finding.section, finding.section)] if finding.section else []
    if finding.page:
        parts.append(f"page {finding.page}")
    return ", ".join(parts) or None


def _statement(question: str) -> str:
    text = question.strip().rstrip("?").strip()
    return text[0].upper() + text[1:] + "." if text else text


def compose(pep: Pep, checklist: ChecklistResult, findings: list[Finding]) -> Feedback:
    """The structured draft feedback."""
    child = pep.child.name.split()[0] if pep.child.name else "the young person"
    teacher = pep.designated_teacher.name
    met_items = {
        i.id
        for i in checklist.items
        if not any(f.rule in i.rules and (f.severity == "error" or f.unclear) for f in findings)
    }
    strengths = [_statement(i.question) for i in checklist.items if i.id in met_items]
    items: list[ItemFeedback] = []
    used: set[int] = set()
    for item in checklist.items:
        if item.id in met_items:
            continue
        chosen = [
            (i, f)
            for i, f in enumerate(findings)
            if f.rule in item.rules and (f.severity == "error" or f.unclear)
        ]
        used.update(i for i, _ in chosen)
        items.append(
            ItemFeedback(
                item=item.id,
                question=item.question,
                answer=item.answer,
                points=_grouped([f for _, f in chosen]),
            )
        )
    advice = [
        _point(f)
        for i, f in enumerate(findings)
        if i not in used and f.severity in ("warning", "error") and not f.unclear
    ]
    if checklist.overall.meets:
        opening = (
            f"Thank you for completing {child}'s PEP. It meets the expected standard, and the "
            "points below are there to help make a good plan even better."
            if advice
            else f"Thank you for completing {child}'s PEP. It meets the expected standard."
        )
    elif checklist.overall.needs_person:
        opening = (
            f"Thank you for completing {child}'s PEP. Nothing we could read needs putting right, "
            "but some of it could not be read in this export, so the Virtual School will check "
            f"{', '.join(checklist.overall.unclear_items)} by eye."
        )
    else:
        count = sum(len(i.points) for i in items)
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
