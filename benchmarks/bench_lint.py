"""What linting costs on top of parsing, and what `peplint lint` costs to start.

In one run, on every generated fixture (docx and PDF), interleaved:
  - parse: read_pep (parser + profile stage)
  - lint:  lint_file (parse + rules + checklist + feedback), with the language
           pipeline already loaded (as in a batch)
and, separately, the wall time of `peplint lint FILE` as a new process against
`python -c "pass"` (the interpreter alone), i.e. start-up cost.

    python benchmarks/bench_lint.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from peplint.lint import LintSetup, lint_file
from peplint.nlp.analysis import _CACHE as analysis_cache
from peplint.reading import read_pep

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "fixtures" / "generated").glob("*.docx")) + sorted(
    (ROOT / "fixtures" / "generated").glob("*.pdf")
)


def timed(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def process_seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=False, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup = LintSetup.default()
    lint_file(FILES[0], setup)  # load the language pipeline once, as a batch would
    parse_total = lint_total = 0.0
    print(f"{'file':36} {'parse ms':>9} {'lint ms':>9} {'ratio':>6}")
    for path in FILES:
        parse_t, lint_t = [], []
        for _ in range(args.repeat):
            parse_t.append(timed(read_pep, path))
            analysis_cache.clear()  # each lint analyses its texts afresh, as on a new PEP
            lint_t.append(timed(lint_file, path, setup))
        p, q = statistics.median(parse_t), statistics.median(lint_t)
        parse_total += p
        lint_total += q
        print(f"{path.name:36} {p * 1000:9.1f} {q * 1000:9.1f} {q / p:6.2f}")
    print(
        f"{'all files':36} {parse_total * 1000:9.1f} {lint_total * 1000:9.1f} {lint_total / parse_total:6.2f}"
    )

    sample = str(FILES[0])
    bare = [process_seconds([sys.executable, "-c", "pass"]) for _ in range(args.repeat)]
    cli = [
        process_seconds([sys.executable, "-m", "peplint", "lint", sample, "--fail-on", "never"])
        for _ in range(args.repeat)
    ]
    b, c = statistics.median(bare), statistics.median(cli)
    print(
        f"\nstart-up: `peplint lint` on one file {c * 1000:.0f} ms; bare interpreter {b * 1000:.0f} ms; "
        f"lint of that file in a warm process {statistics.median([timed(lint_file, FILES[0], setup)]) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
