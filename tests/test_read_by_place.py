"""A judged finding that rests on a value the document prints with no label (provenance
how="type-and-place") says so, in the finding and in the checklist's evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from peplint.checklist.evaluate import evaluate
from peplint.engine import run_rules
from peplint.lint import LintSetup, lint_file
from peplint.model.pep import Pep
from tests.conftest import GENERATED


@pytest.fixture(scope="module")
def setup() -> LintSetup:
    return LintSetup.default()


def _late_review(setup: LintSetup, how: str) -> Pep:
    """walsall-good with its previous PEP two years before the meeting, read `how`."""
    report = lint_file(GENERATED / "walsall-good.docx", setup)
    assert report.pep is not None
    pep = report.pep.model_copy(deep=True)
    assert pep.pep_type == "review" and pep.meeting.date is not None
    pep.previous_pep_date = pep.meeting.date - dt.timedelta(days=730)
    pep.provenance["previous_pep_date"] = pep.provenance["previous_pep_date"].model_copy(
        update={"state": "found", "how": how, "label": None, "score": 0.5}
    )
    return pep


def test_a_no_resting_on_an_unlabelled_value_says_so(setup: LintSetup) -> None:
    pep = _late_review(setup, "type-and-place")
    findings = [f for f in run_rules(pep, setup.rules, setup.config) if f.rule == "review-interval"]
    assert findings and findings[0].read_by_place == ["previous_pep_date"]
    checklist = evaluate(setup.checklist, findings, pep)
    d1 = next(i for i in checklist.items if "review-interval" in i.rules)
    assert d1.answer == "no"
    assert any("prints no label" in e.text and "check it" in e.text for e in d1.evidence)


def test_a_labelled_value_adds_no_note(setup: LintSetup) -> None:
    pep = _late_review(setup, "table-row")
    findings = [f for f in run_rules(pep, setup.rules, setup.config) if f.rule == "review-interval"]
    assert findings and findings[0].read_by_place == []
    checklist = evaluate(setup.checklist, findings, pep)
    d1 = next(i for i in checklist.items if "review-interval" in i.rules)
    assert not any("prints no label" in e.text for e in d1.evidence)
