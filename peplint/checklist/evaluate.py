"""Answering a checklist from findings, with the evidence behind each answer."""

from __future__ import annotations

from peplint.checklist.model import (
    Answer,
    ChecklistResult,
    ChecklistSpec,
    Evidence,
    ItemAnswer,
    ItemSpec,
    Overall,
)
from peplint.model.findings import Finding
from peplint.model.pep import Pep

QUOTE_LIMIT = 300


def answer_item(item: ItemSpec, findings: list[Finding], pep: Pep) -> ItemAnswer:
    """ "no" on any error from the item's rules, "unclear" when one could not decide, else "yes"."""
    own = [f for f in findings if f.rule in item.rules]
    errors = [f for f in own if f.severity == "error" and not f.unclear]
    undecided = [f for f in own if f.unclear]
    answer: Answer = "no" if errors else "unclear" if undecided else "yes"
    evidence = [
        Evidence(
            text=f.message + (f' "{f.excerpt}"' if f.excerpt else ""),
            section=f.section,
            page=f.page,
            rule=f.rule,
        )
        for f in (errors or undecided)
    ]
    if answer == "yes":
        for key in item.evidence_sections:
            section = pep.sections.get(key)
            if section and section.text.strip():
                text = " ".join(section.text.split())
                quote = text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"
                evidence.append(Evidence(text=quote, section=key, page=section.page))
    return ItemAnswer(
        id=item.id, question=item.question, answer=answer, rules=item.rules, evidence=evidence
    )


def evaluate(spec: ChecklistSpec, findings: list[Finding], pep: Pep) -> ChecklistResult:
    """The answered checklist and the overall judgement (meets only when every item is yes)."""
    items = [answer_item(item, findings, pep) for item in spec.items]
    meets = all(i.answer == "yes" for i in items)
    return ChecklistResult(
        title=spec.title,
        items=items,
        overall=Overall(meets=meets, label=spec.meets_label if meets else spec.not_meets_label),
    )
