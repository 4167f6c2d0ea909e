"""How well `peplint target` (and the smart-* rules) find the SMART parts of real targets.

benchmarks/data/targets.yaml holds targets written the way schools write them, labelled
per SMART part and good / poor. Reports per-part precision and recall of "found", the
share of poor targets flagged (something missing) and of good targets passed.

    python benchmarks/bench_targets.py [--wrong]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.scores import Counts
from peplint.rules.smart import PARTS
from peplint.target_helper import advise

DATA = Path(__file__).resolve().parent / "data" / "targets.yaml"
# Written after the patterns were tuned on DATA (see its header for its first, untuned figures).
HELD_OUT = Path(__file__).resolve().parent / "data" / "targets_held_out.yaml"


PartScore = Counts  # counts of the part's answers against the labels


@dataclass
class TargetsScore:
    """Per-part scores and the good / poor judgement."""

    parts: dict[str, PartScore] = field(default_factory=lambda: {p: PartScore() for p in PARTS})
    poor: int = 0
    poor_flagged: int = 0
    good: int = 0
    good_passed: int = 0
    wrong: list[str] = field(default_factory=list)


def present(label: Any) -> bool:
    """A part label: y / n (or true / false)."""
    return label is True or str(label).lower() in {"y", "yes", "true"}


def load_targets(path: Path = DATA) -> list[dict[str, Any]]:
    """The labelled targets."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["targets"])


def score(targets: list[dict[str, Any]]) -> TargetsScore:
    """Score the helper on the labelled targets."""
    out = TargetsScore()
    for item in targets:
        advice = advise(item["text"])
        for part in PARTS:
            said, label = part in advice.found, present(item["parts"][part])
            counts = out.parts[part]
            if said and label:
                counts.tp += 1
            elif said:
                counts.fp += 1
                out.wrong.append(
                    f"  {part}: found {advice.found[part]!r}, labelled missing: {item['text']!r}"
                )
            elif label:
                counts.fn += 1
                out.wrong.append(f"  {part}: missed, labelled present: {item['text']!r}")
            else:
                counts.tn += 1
        if item["quality"] == "poor":
            out.poor += 1
            out.poor_flagged += bool(advice.missing)
        else:
            out.good += 1
            out.good_passed += not advice.missing
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wrong", action="store_true", help="list every wrong answer")
    args = parser.parse_args()
    for name, path in (("tuning set", DATA), ("second set (tuned after its first run)", HELD_OUT)):
        print(f"== {name}")
        report(load_targets(path), args.wrong)
    return 0


def report(targets: list[dict[str, Any]], show_wrong: bool) -> None:
    """Print the scores for one labelled set."""
    result = score(targets)
    print(f"targets: {len(targets)} ({result.good} good, {result.poor} poor)")
    print(f"{'part':<10}{'precision':>10}{'recall':>8}")
    for part, counts in result.parts.items():
        print(f"{part:<10}{counts.precision:>10.1%}{counts.recall:>8.1%}")
    print(
        f"poor targets flagged: {result.poor_flagged}/{result.poor} ({result.poor_flagged / result.poor:.1%})"
    )
    print(
        f"good targets passed: {result.good_passed}/{result.good} ({result.good_passed / result.good:.1%})"
    )
    if show_wrong and result.wrong:
        print("wrong:")
        print("\n".join(result.wrong))


if __name__ == "__main__":
    sys.exit(main())
