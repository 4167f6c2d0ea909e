"""Every rule's passing and failing examples (peplint/rules/examples/<id>.yaml) run here.

A rule without both kinds of example fails the meta-test, as proselint's does.
"""

from __future__ import annotations

import pytest

from peplint.engine import EngineConfig, RuleSettings, registered_rules, run_rules
from peplint.model.pep import FieldProvenance
from peplint.rules.base import field_state
from peplint.rules.examples_loader import RuleCase, example_ids, load_examples

RULES = registered_rules()


def _cases() -> list[tuple[str, str, RuleCase]]:
    out = []
    for rule_id in RULES:
        examples = load_examples(rule_id)
        if examples is None:
            continue
        out += [(rule_id, "pass", c) for c in examples.passing]
        out += [(rule_id, "fail", c) for c in examples.failing]
    return out


def _run(rule_id: str, case: RuleCase) -> list:  # type: ignore[type-arg]
    config = EngineConfig(rules={rule_id: RuleSettings(params=case.params)})
    return run_rules(case.pep(), {rule_id: RULES[rule_id]}, config)


@pytest.mark.parametrize("rule_id", list(RULES))
def test_every_rule_has_passing_and_failing_examples(rule_id: str) -> None:
    examples = load_examples(rule_id)
    assert examples is not None, f"add peplint/rules/examples/{rule_id}.yaml"
    assert examples.passing and examples.failing


def test_no_examples_for_unknown_rules() -> None:
    assert set(example_ids()) <= set(RULES)


def test_the_baseline_passes_every_rule() -> None:
    findings = run_rules(RuleCase("baseline", {}).pep(), RULES)
    assert findings == []


@pytest.mark.parametrize(
    ("rule_id", "kind", "case"), _cases(), ids=[f"{r}:{k}:{c.name}" for r, k, c in _cases()]
)
def test_rule_example(rule_id: str, kind: str, case: RuleCase) -> None:
    findings = _run(rule_id, case)
    assert all(f.rule == rule_id for f in findings)
    if kind == "pass":
        assert findings == [], [f.message for f in findings]
    else:
        assert findings, "the rule should report this example"
        if case.count is not None:
            assert len(findings) == case.count, [f.message for f in findings]
        if case.expect == "unclear":
            assert all(f.unclear and f.not_found for f in findings), [f.message for f in findings]
            assert all("could not be found in this layout" in f.message for f in findings)
        elif case.provenance:
            assert any(not f.unclear for f in findings), [f.message for f in findings]


def test_examples_show_not_found_and_empty_apart() -> None:
    """Some rules show both: a field missing from the layout (unclear) and one found empty (no)."""
    kinds = {
        (rule_id, case.expect)
        for rule_id, kind, case in _cases()
        if kind == "fail" and case.provenance
    }
    for rule_id in ("next-pep-date", "voice-present", "smart-time-bound"):
        assert {(rule_id, "unclear"), (rule_id, "no")} <= kinds


def test_a_pep_without_provenance_is_read_as_before() -> None:
    """Legacy PEPs (no provenance at all) count every field as read: a missing date is "no"."""
    case = RuleCase("legacy", {"sign_offs": {"social_worker": {"next_pep_date": None}}})
    findings = _run("next-pep-date", case)
    assert [f.unclear for f in findings] == [False]


def test_a_field_absent_from_provenance_is_not_found() -> None:
    """With provenance, a path with no entry is not_found: the rule says unclear and names it."""
    pep = RuleCase("read", {}).pep()
    pep.provenance = {"meeting.date": FieldProvenance(state="found")}
    pep.sign_offs.social_worker.next_pep_date = pep.sign_offs.designated_teacher.next_pep_date = (
        None
    )
    findings = run_rules(pep, {"next-pep-date": RULES["next-pep-date"]})
    assert [f.not_found for f in findings] == [
        ["sign_offs.social_worker.next_pep_date"],
        ["sign_offs.designated_teacher.next_pep_date"],
    ]
    assert findings[0].message.startswith("The social worker's next PEP date could not be found")
    assert "check it by eye" in findings[0].message


def test_a_value_the_reader_gave_without_provenance_counts_as_found() -> None:
    """A value is evidence it was read, even where the reader recorded no provenance for it."""
    pep = RuleCase("read", {}).pep()
    pep.provenance = {"meeting.date": FieldProvenance(state="found")}
    assert field_state(pep, "sign_offs.social_worker.next_pep_date") == "found"
    assert field_state(pep, "targets[].who") == "found"
    assert field_state(pep, "targets[0].who") == "found"
    assert field_state(pep, "targets[7].who") == "not_found"
    pep.sign_offs.social_worker.next_pep_date = None
    assert field_state(pep, "sign_offs.social_worker.next_pep_date") == "not_found"
