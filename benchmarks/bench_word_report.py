"""Word reports: CPU ms per report of the Word reporter as it runs (a copy of a blank form
held in memory, shared parts deflated once: `peplint/reporters/docx_bytes.py`) against
python-docx's own way (open its template, build, save, `reproducible_zip`), on the
reports of every generated fixture, in interleaved rounds (A B, B A, ...). Reports the
median and the best round of each and the median of each round's own ratio; checks that
both give the same bytes.

    python benchmarks/bench_word_report.py [--rounds 8]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docx import Document

import peplint.reporters.docx_reporter as docx_reporter
from peplint.lint import LintSetup, lint_file, warm_up
from peplint.report import Report
from peplint.reproducible_zip import reproducible_zip

GENERATED = Path(__file__).resolve().parent.parent / "fixtures" / "generated"


def _opened(prepare: Callable[[Any], None]) -> Any:
    doc = Document()
    prepare(doc)
    return doc


def _saved(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _render_all(reports: list[Report], python_docx_way: bool) -> tuple[float, list[bytes]]:
    """CPU ms per report, and the reports' bytes."""
    quick = docx_reporter.blank_document, docx_reporter.document_bytes
    if python_docx_way:
        docx_reporter.blank_document, docx_reporter.document_bytes = _opened, _saved
    try:
        reporter = docx_reporter.DocxReporter()
        start = time.process_time()
        made = [reporter.render(report) for report in reports]
        return 1000 * (time.process_time() - start) / len(reports), made
    finally:
        docx_reporter.blank_document, docx_reporter.document_bytes = quick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    setup = LintSetup.default()
    warm_up(setup)
    paths = sorted([*GENERATED.glob("*.pdf"), *GENERATED.glob("*.docx")])
    reports = [Report(pack=setup.pack, files=[lint_file(p, setup)]) for p in paths]
    times: dict[bool, list[float]] = {False: [], True: []}
    same = True
    for round_no in range(args.rounds):
        order = (False, True) if round_no % 2 == 0 else (True, False)
        made: dict[bool, list[bytes]] = {}
        for way in order:
            ms, made[way] = _render_all(reports, way)
            times[way].append(ms)
        same = same and made[False] == made[True]
    ratios = [old / new for old, new in zip(times[True], times[False], strict=True)]
    print(f"{len(reports)} reports, {args.rounds} rounds; CPU ms per Word report")
    for way, name in ((True, "python-docx open + save"), (False, "peplint (docx_bytes)")):
        print(
            f"{name:26s} median {statistics.median(times[way]):5.1f}  best {min(times[way]):5.1f}"
        )
    print(f"python-docx's way / peplint's: {statistics.median(ratios):.2f}x (median of rounds)")
    print(f"the same bytes: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
