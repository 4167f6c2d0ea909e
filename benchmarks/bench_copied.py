"""Copied-text detection on a large term: time for N and 4N children's PEPs (three
passages each, one a generic target all share), as a ratio measured in one run.
Linear work gives about 4; the old pairwise comparison gave about 16."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from peplint.bulk.copied import find_copied
from tests.test_copied import _items, _term


def _seconds(children: int) -> float:
    items = _items(_term(children))
    start = time.perf_counter()
    find_copied(items)
    return time.perf_counter() - start


def main() -> None:
    """Print the time for N and 4N children and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=3000)
    args = parser.parse_args()
    small, large = _seconds(args.n), _seconds(4 * args.n)
    print(f"copied text, {args.n} PEPs: {small:.2f} s; {4 * args.n} PEPs: {large:.2f} s")
    print(f"ratio {large / small:.1f} (linear: 4)")


if __name__ == "__main__":
    main()
