"""How well targets-address-needs relates targets to needs, on a committed labelled set.

benchmarks/data/needs_pairs.yaml holds realistic need / target pairs labelled by whether
the target addresses the need. Reports precision and recall of "addresses" and lists
the pairs it gets wrong.

    python benchmarks/bench_needs.py [--floor-precision 0.9 --floor-recall 0.9]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.scores import Counts
from peplint.rules.needs import addresses_need

DATA = Path(__file__).resolve().parent / "data" / "needs_pairs.yaml"


NeedsScore = Counts  # counts of the matcher's answers against the labels


def load_pairs(path: Path = DATA) -> list[dict[str, object]]:
    """The labelled pairs."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"])


def score(pairs: list[dict[str, object]]) -> tuple[NeedsScore, list[str]]:
    """The score and a line for each pair answered wrongly."""
    out = NeedsScore()
    wrong: list[str] = []
    for pair in pairs:
        said = addresses_need(str(pair["need"]), str(pair["target"]))
        label = bool(pair["match"])
        if said and label:
            out.tp += 1
        elif said:
            out.fp += 1
        elif label:
            out.fn += 1
        else:
            out.tn += 1
        if said != label:
            wrong.append(f"  said {said}, labelled {label}: {pair['need']} | {pair['target']}")
    return out, wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--floor-precision", type=float, default=0.0)
    parser.add_argument("--floor-recall", type=float, default=0.0)
    args = parser.parse_args()
    pairs = load_pairs()
    result, wrong = score(pairs)
    print(f"pairs: {len(pairs)}")
    print(f"precision: {result.precision:.1%}  recall: {result.recall:.1%}")
    print(f"tp {result.tp}  fp {result.fp}  fn {result.fn}  tn {result.tn}")
    if wrong:
        print("wrong:")
        print("\n".join(wrong))
    ok = result.precision >= args.floor_precision and result.recall >= args.floor_recall
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
