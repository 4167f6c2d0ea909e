"""The labelled needs and targets sets load, and the matchers stay at the level measured.

Floors sit just under what benchmarks/bench_needs.py and bench_targets.py report, so a
change that makes the judgement worse fails here.
"""

from __future__ import annotations

from benchmarks.bench_needs import load_pairs
from benchmarks.bench_needs import score as needs_score


def test_needs_pairs_load_with_both_labels() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 40
    assert {bool(p["match"]) for p in pairs} == {True, False}
    assert all(str(p["need"]).strip() and str(p["target"]).strip() for p in pairs)


def test_needs_matching_keeps_its_precision_and_recall() -> None:
    result, wrong = needs_score(load_pairs())
    assert result.precision >= 0.97, wrong
    assert result.recall >= 0.94, wrong
