"""The labelled needs and targets sets load, and the matchers stay at the level measured.

Floors sit just under what benchmarks/bench_needs.py and bench_targets.py report, so a
change that makes the judgement worse fails here.
"""

from __future__ import annotations

from benchmarks.bench_needs import load_pairs
from benchmarks.bench_needs import score as needs_score
from benchmarks.bench_rules_only import SPECS, spec_pep
from benchmarks.bench_targets import HELD_OUT, load_targets, present
from benchmarks.bench_targets import score as targets_score
from peplint.checklist.evaluate import evaluate
from peplint.engine import run_rules
from peplint.generate.spec import load_spec
from peplint.lint import LintSetup
from peplint.rules.smart import PARTS

HELD_OUT_FLOOR = 0.9


def test_needs_pairs_load_with_both_labels() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 40
    assert {bool(p["match"]) for p in pairs} == {True, False}
    assert all(str(p["need"]).strip() and str(p["target"]).strip() for p in pairs)


def test_needs_matching_keeps_its_precision_and_recall() -> None:
    result, wrong = needs_score(load_pairs())
    assert result.precision >= 0.97, wrong
    assert result.recall >= 0.94, wrong


def test_target_labels_load_and_agree_with_quality() -> None:
    targets = load_targets()
    assert len(targets) >= 60
    for item in targets:
        assert set(item["parts"]) == set(PARTS)
        assert item["quality"] in {"good", "poor"}
        assert (item["quality"] == "good") == all(present(v) for v in item["parts"].values())
    assert {t["quality"] for t in targets} == {"good", "poor"}


def test_target_helper_keeps_its_precision_and_recall() -> None:
    result = targets_score(load_targets())
    for part, counts in result.parts.items():
        assert counts.precision >= 0.97, (part, result.wrong)
        assert counts.recall >= 0.97, (part, result.wrong)
    assert result.poor_flagged / result.poor >= 0.97
    assert result.good_passed / result.good >= 0.95


def test_held_out_targets_stay_above_the_goal() -> None:
    result = targets_score(load_targets(HELD_OUT))
    for part, counts in result.parts.items():
        assert counts.precision >= HELD_OUT_FLOOR, (part, result.wrong)
        assert counts.recall >= HELD_OUT_FLOOR, (part, result.wrong)


def test_rules_alone_give_every_spec_its_expected_answers() -> None:
    setup = LintSetup.default()
    for path in sorted(SPECS.glob("*.yaml")):
        spec = load_spec(path)
        pep = spec_pep(spec)
        findings = run_rules(pep, setup.rules, setup.config)
        answers = {i.id: i.answer for i in evaluate(setup.checklist, findings, pep).items}
        assert answers == spec.expect["checklist"], spec.id
