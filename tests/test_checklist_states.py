"""The overall judgement on three states: "needs a person" when items are unclear only
because fields were not found in this layout and nothing the document shows fails."""

from __future__ import annotations

import pytest

from peplint.checklist.evaluate import evaluate
from peplint.engine import registered_rules, run_rules
from peplint.lint import LintSetup
from peplint.model.pep import Pep
from peplint.packs.resolve import resolve_pack
from peplint.rules.examples_loader import RuleCase

RULES = registered_rules()
PACKS = ("section-d", "example-rag", "example-gold-scale")


def _setup(pack: str) -> LintSetup:
    return resolve_pack(pack).setup(RULES)


def _pep(changes: dict | None = None, provenance: dict | None = None) -> Pep:  # type: ignore[type-arg]
    return RuleCase("case", changes or {}, provenance=provenance or {}).pep()


def _judge(pack: str, pep: Pep):  # type: ignore[no-untyped-def]
    setup = _setup(pack)
    findings = run_rules(pep, setup.rules, setup.config)
    return evaluate(setup.checklist, findings, pep)


NOT_READ = {
    "sign_offs.social_worker.next_pep_date": "not_found",
    "young_persons_views": "not_found",
}


@pytest.mark.parametrize("pack", PACKS)
def test_fields_not_found_make_it_need_a_person(pack: str) -> None:
    result = _judge(pack, _pep({"young_persons_views": None}, NOT_READ))
    overall = result.overall
    if pack == "example-gold-scale":
        # unclear items rate green on this scale, so the PEP still meets the standard
        assert overall.meets and not overall.needs_person
    else:
        assert overall.needs_person and not overall.meets
        assert "Needs a person" in overall.label and "by eye" in overall.label
    expected = {"section-d": ["D1", "D4"]}.get(pack)
    if expected:
        assert overall.unclear_items == expected
        assert "D1 and D4" in overall.label
        answers = {i.id: i.answer for i in result.items}
        assert answers["D1"] == answers["D4"] == "unclear"
        assert "no" not in answers.values()
    assert overall.unclear_items


@pytest.mark.parametrize("pack", PACKS)
def test_a_real_no_still_does_not_meet(pack: str) -> None:
    """Evidence elsewhere (views left "N/A", found) is a "no" whatever else was not read."""
    pep = _pep(
        {"young_persons_views": "N/A"},
        {"sign_offs.social_worker.next_pep_date": "not_found"},
    )
    overall = _judge(pack, pep).overall
    assert not overall.needs_person
    if pack != "example-gold-scale":
        assert not overall.meets


@pytest.mark.parametrize("pack", PACKS)
def test_found_empty_is_a_no_not_a_person(pack: str) -> None:
    pep = _pep({"young_persons_views": None}, {"young_persons_views": "empty"})
    overall = _judge(pack, pep).overall
    assert not overall.needs_person and overall.unclear_items == []
    assert not overall.meets or pack == "example-gold-scale"


def test_a_complete_reading_meets() -> None:
    overall = _judge("section-d", _pep(provenance={"pep_type": "found"})).overall
    assert overall.meets and not overall.needs_person


def test_legacy_peps_without_provenance_keep_todays_answer() -> None:
    overall = _judge("section-d", _pep({"young_persons_views": None})).overall
    assert not overall.meets and not overall.needs_person
    assert overall.label == "The PEP does not meet the expected standard"


def test_feedback_says_the_school_will_check_by_eye() -> None:
    from peplint.feedback import compose_feedback

    pep = _pep({"young_persons_views": None}, NOT_READ)
    setup = _setup("section-d")
    findings = run_rules(pep, setup.rules, setup.config)
    text = compose_feedback(pep, evaluate(setup.checklist, findings, pep), findings)
    assert "check D1, D4 by eye" in text
    assert "to put right" not in text


def test_a_document_with_nothing_found_is_unclear_throughout() -> None:
    """No provenance and no values: nothing was found (a letter), so nothing is "no"."""
    from peplint.model.pep import Source

    pep = Pep(source=Source(path="letter.docx", sha256="0" * 64, format="docx"), template="unknown")
    result = _judge("section-d", pep)
    assert "no" not in {i.answer for i in result.items}
    assert result.overall.needs_person
