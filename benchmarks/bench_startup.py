"""Start-up of commands as whole processes, against the interpreter alone and against
importing the parsers alone; interleaved rounds, wall-clock medians.

    python benchmarks/bench_startup.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEP_DOCX = ROOT / "fixtures" / "generated" / "walsall-good.docx"
PEP_PDF = ROOT / "fixtures" / "generated" / "walsall-good.pdf"
PY = sys.executable
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [PY, "-c", "pass"],
    "import the parsers": [
        PY,
        "-c",
        "import peplint.parsers.docx_blocks, peplint.parsers.pdf_blocks",
    ],
    "peplint --version": [PY, "-m", "peplint", "--version"],
    "peplint --help": [PY, "-m", "peplint", "--help"],
    "peplint pack validate section-d": [PY, "-m", "peplint", "pack", "validate", "section-d"],
    "peplint parse PEP.docx": [PY, "-m", "peplint", "parse", str(PEP_DOCX)],
    "peplint lint PEP.pdf": [PY, "-m", "peplint", "lint", str(PEP_PDF), "--fail-on", "never"],
}


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "NO_COLOR": "1"}
    names = list(COMMANDS)
    times: dict[str, list[float]] = {n: [] for n in names}
    for round_ in range(args.rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            start = time.perf_counter()
            subprocess.run(COMMANDS[name], env=env, cwd=ROOT, capture_output=True, check=False)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[names[0]])
    parsers = statistics.median(times[names[1]])
    print(f"{args.rounds} interleaved rounds; median wall seconds")
    print(f"{'command':34} {'s':>6} {'x python':>9} {'x parsers':>10}")
    for name in names:
        m = statistics.median(times[name])
        print(f"{name:34} {m:6.3f} {m / base:9.1f} {m / parsers:10.2f}")


if __name__ == "__main__":
    main()
