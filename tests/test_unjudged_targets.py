"""A target whose text is a label, a heading or empty is not judged: D6 and D7 say
"unclear", never "no", and a "no" on real target text still stands."""

from __future__ import annotations

from typing import Any

import pytest

from peplint.checklist.evaluate import evaluate
from peplint.checklist.model import ChecklistResult
from peplint.engine import registered_rules, run_rules
from peplint.model.pep import Pep
from peplint.packs.resolve import resolve_pack
from peplint.rules.examples_loader import RuleCase
from peplint.rules.target_text import why_not_a_target

# What a reader that takes a four-cell target block for a header-row table hands on.
MISREAD = [
    {"text": "Who is responsible", "strategy": "Timescale"},
    {"text": "Progress review"},
    {"text": "Who is responsible", "strategy": "Timescale"},
    {"text": "Progress review"},
]


def _answers(targets: list[dict[str, Any]], **changes: Any) -> tuple[Pep, ChecklistResult]:
    pep = RuleCase("case", {"targets": targets, **changes}).pep()
    setup = resolve_pack("section-d").setup(registered_rules())
    return pep, evaluate(setup.checklist, run_rules(pep, setup.rules, setup.config), pep)


def test_labels_read_as_targets_make_d6_and_d7_unclear_not_no() -> None:
    _, result = _answers(MISREAD)
    answers = {item.id: item.answer for item in result.items}
    assert (answers["D6"], answers["D7"]) == ("unclear", "unclear")
    evidence = [e.text for item in result.items if item.id == "D7" for e in item.evidence]
    assert evidence and all("not read" in text for text in evidence)
    assert result.overall.needs_person


def test_one_misread_target_is_not_judged_but_a_real_one_still_is() -> None:
    weak = {"text": "Aaliyah to work harder in lessons.", "deadline_text": "Ongoing"}
    _, result = _answers([weak, {"text": "Progress review"}])
    item = next(i for i in result.items if i.id == "D7")
    assert item.answer == "no"  # the real target's missing deadline is evidence
    texts = [e.text for e in item.evidence]
    assert any(t.startswith("Target 1:") for t in texts)
    assert not any(t.startswith("Target 2:") for t in texts)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Who is responsible", "it is a label"),
        ("Timescale:", "it is a label"),
        ("Target 2", "it is a label"),
        ("7. Targets", "it is a label"),
        ("8. Careers and aspirations", "it is a heading"),
        ("  ", "it is empty"),
        ("Emergency placement? ☐ Yes  ☒ No", "it is a form's tick boxes"),
        ("Aaliyah to work harder in lessons.", None),
        ("To improve her confidence.", None),
        ("Improve reading", None),
        ("You will read for twenty minutes every evening and log it in your planner.", None),
    ],
)
def test_why_a_text_is_not_a_target(text: str, why: str | None) -> None:
    assert why_not_a_target(text) == why


def _findings(rule: str, pep: Pep) -> list[tuple[bool, str]]:
    setup = resolve_pack("section-d").setup(registered_rules())
    found = run_rules(pep, setup.rules, setup.config)
    return [(f.unclear, f.message) for f in found if f.rule == rule]


def test_too_few_targets_is_unclear_when_one_of_them_is_a_label() -> None:
    real = {"text": "You will read for twenty minutes every evening.", "deadline_text": "Easter"}
    misread = RuleCase("case", {"targets": [real, {"text": "Progress review"}]}).pep()
    assert [u for u, _ in _findings("targets-present", misread)] == [True]
    two = RuleCase("case", {"targets": [real, real]}).pep()
    assert [u for u, _ in _findings("targets-present", two)] == [False]  # a real count


def test_low_attendance_with_misread_targets_is_unclear_not_unaddressed() -> None:
    low = {"meeting": {"attendance_percent": 62.0}}
    misread = RuleCase("case", {"targets": MISREAD, **low}).pep()
    assert any(u and "not read" in m for u, m in _findings("attendance-threshold", misread))
    assert not any(
        not u and "no target" in m for u, m in _findings("attendance-threshold", misread)
    )
