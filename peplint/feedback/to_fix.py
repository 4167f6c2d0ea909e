"""What counts as a thing to fix: the one definition that the draft feedback, `peplint check`
and the lint verdict all use, so they never disagree on the count.

A thing to fix is a checklist item's finding that is an error or that peplint could not
decide (`unclear`); a target's problems are one thing (one target, one rewrite). Findings
of rules outside the checklist, and warnings, are advice: worth doing, not required.
"""

from __future__ import annotations

from dataclasses import dataclass

from peplint.checklist.model import ChecklistResult
from peplint.feedback.model import ActionPoint, ItemFeedback
from peplint.model.findings import Finding

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


def is_blocking(finding: Finding) -> bool:
    """An error, or something peplint could not decide: it stops the PEP meeting the standard."""
    return finding.severity == "error" or finding.unclear


@dataclass
class FixPlan:
    """The things to fix, by checklist item, and the optional advice."""

    items: list[ItemFeedback]
    advice: list[ActionPoint]

    @property
    def count(self) -> int:
        """How many things to fix."""
        return sum(len(item.points) for item in self.items)

    @property
    def points(self) -> list[ActionPoint]:
        """Every thing to fix, in checklist order."""
        return [point for item in self.items for point in item.points]


MET_ANSWERS = frozenset({"yes", "gold", "green", "meets"})


def things_to_fix(checklist: ChecklistResult, findings: list[Finding]) -> FixPlan:
    """The things to fix and the advice.

    A PEP that meets the standard has nothing to fix. Otherwise each item not met
    contributes its errors and undecided findings (errors first), or, when a scale
    rates an item down on warnings alone (RAG amber), its warnings.
    """
    items: list[ItemFeedback] = []
    used: set[int] = set()
    if not checklist.overall.meets:
        for item in checklist.items:
            own = [(i, f) for i, f in enumerate(findings) if f.rule in item.rules]
            chosen = [(i, f) for i, f in own if is_blocking(f)]
            if not chosen and item.answer not in MET_ANSWERS:
                chosen = [(i, f) for i, f in own if f.severity == "warning"]
            if not chosen:
                continue
            chosen.sort(key=lambda pair: pair[1].unclear)
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
    return FixPlan(items, advice)
