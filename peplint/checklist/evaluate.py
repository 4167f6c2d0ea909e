"""Where checklist items are decided: each item rated from its rules' findings on the
pack's scale, with the evidence behind it, and the overall judgement aggregated.

For the default Walsall form (rule_packs/section-d.yaml) an item is "no" when any
of its rules reports an error, "unclear" when a rule could not decide, else "yes";
the PEP meets the standard only when every item is "yes".

Three states reach the judgement: when nothing the document shows fails (every finding
that would stop the PEP meeting the standard is "unclear") and some item is unclear
because fields were not found in this layout, the judgement is "needs a person"
(Overall.needs_person, with those items), never "does not meet". This holds on every
scale: the evidence-only rating is worked out on the scale itself.
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
from peplint.checklist.scales import NEEDS_PERSON
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


def layout_unclear(finding: Finding) -> bool:
    """An unclear finding caused by fields this layout does not have."""
    return finding.unclear and bool(finding.not_found)


def placed_note(finding: Finding) -> str:
    """What the evidence adds when it rests on values the document prints with no label."""
    if not finding.read_by_place:
        return ""
    from peplint.rules.field_titles import field_title, join_titles

    names = join_titles([field_title(p) for p in finding.read_by_place])
    return (
        f" (The form prints no label for {names}: peplint took it from an unlabelled value "
        "by its type and place; check it.)"
    )


def answer_item(
    spec: ChecklistSpec, item: ItemSpec, findings: list[Finding], pep: Pep
) -> ItemAnswer:
    """The item's rating on the scale, with its evidence: the findings behind it, or
    a quotation of its sections when none."""
    own = [f for f in findings if f.rule in item.rules]
    rating = spec.scale.rate_item(_counts(own))
    evidence = [
        Evidence(
            text=f.message + (f' "{f.excerpt}"' if f.excerpt else "") + placed_note(f),
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


def _overall_rating(spec: ChecklistSpec, findings: list[Finding]) -> str:
    counted = [
        spec.scale.rate_item(_counts([f for f in findings if f.rule in item.rules]))
        for item in spec.items
        if item.in_overall
    ]
    return spec.scale.rate_overall(counted)


def evaluate(spec: ChecklistSpec, findings: list[Finding], pep: Pep) -> ChecklistResult:
    """The answered checklist and the overall judgement."""
    items = [answer_item(spec, item, findings, pep) for item in spec.items]
    rating = _overall_rating(spec, findings)
    unclear_items = [
        item.id
        for item in spec.items
        if item.in_overall and any(layout_unclear(f) for f in findings if f.rule in item.rules)
    ]
    evidence_only = _overall_rating(spec, [f for f in findings if not f.unclear])
    needs_person = (
        bool(unclear_items) and rating not in spec.scale.meets and evidence_only in spec.scale.meets
    )
    if needs_person:
        overall = Overall(
            meets=False,
            label=spec.scale.needs_person_label(unclear_items),
            rating=NEEDS_PERSON,
            needs_person=True,
            unclear_items=unclear_items,
        )
    else:
        overall = Overall(
            meets=rating in spec.scale.meets,
            label=spec.scale.label(rating),
            rating=rating,
            unclear_items=unclear_items,
        )
    return ChecklistResult(
        title=spec.title,
        items=items,
        overall=overall,
        options=spec.scale.item_options(),
        overall_options=spec.scale.overall_options(),
    )
