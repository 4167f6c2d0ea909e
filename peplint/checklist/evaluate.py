"""Where checklist items are decided: each item rated from its rules' findings on the
pack's scale, with the evidence behind it, and the overall judgement aggregated.

For the default Walsall form (rule_packs/section-d.yaml) an item is "no" when any
of its rules reports an error, "unclear" when a rule could not decide, else "yes";
the PEP meets the standard only when every item is "yes".
"""

from __future__ import annotations

from peplint.checklist.model import (
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


def _counts(findings: list[Finding]) -> dict[str, int]:
    return {
        "errors": sum(1 for f in findings if f.severity == "error" and not f.unclear),
        "warnings": sum(1 for f in findings if f.severity == "warning" and not f.unclear),
        "infos": sum(1 for f in findings if f.severity == "info" and not f.unclear),
        "unclear": sum(1 for f in findings if f.unclear),
    }


def answer_item(
    spec: ChecklistSpec, item: ItemSpec, findings: list[Finding], pep: Pep
) -> ItemAnswer:
    """The item's rating on the scale, with its evidence: the findings behind it, or
    a quotation of its sections when none."""
    own = [f for f in findings if f.rule in item.rules]
    rating = spec.scale.rate_item(_counts(own))
    evidence = [
        Evidence(
            text=f.message + (f' "{f.excerpt}"' if f.excerpt else ""),
            section=f.section,
            page=f.page,
            rule=f.rule,
        )
        for f in own
        if f.severity == "error" or f.unclear or f.severity == "warning"
    ]
    if not evidence:
        for key in item.evidence_sections:
            section = pep.sections.get(key)
            if section and section.text.strip():
                text = " ".join(section.text.split())
                quote = text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"
                evidence.append(Evidence(text=quote, section=key, page=section.page))
    return ItemAnswer(
        id=item.id, question=item.question, answer=rating, rules=item.rules, evidence=evidence
    )


def evaluate(spec: ChecklistSpec, findings: list[Finding], pep: Pep) -> ChecklistResult:
    """The answered checklist and the overall judgement."""
    items = [answer_item(spec, item, findings, pep) for item in spec.items]
    counted = [
        answer.answer for answer, item in zip(items, spec.items, strict=True) if item.in_overall
    ]
    rating = spec.scale.rate_overall(counted)
    overall = Overall(
        meets=rating in spec.scale.meets, label=spec.scale.label(rating), rating=rating
    )
    return ChecklistResult(
        title=spec.title,
        items=items,
        overall=overall,
        options=spec.scale.item_options(),
        overall_options=spec.scale.overall_options(),
    )
