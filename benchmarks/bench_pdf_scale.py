"""Cost per page and peak memory as a PDF grows: 2, 10, 50 and 100 pages.

Each size is a PEP-like document (a heading, a label/value table, a termly results table
and two paragraphs on every page) drawn with reportlab. Each measurement runs in a fresh
process so peak memory (ru_maxrss) is that process's own; sizes and measures are
interleaved over the rounds. Three measures: the reader alone (`read_pdf`) with each
engine, in a process that loads only the reader; and the whole lint of the file
(`lint_file`, PDFium), in a process warmed as a bulk worker is (the language pipeline,
rules and templates loaded), which is where PEPs are read in practice. Flat means: CPU
per page about the same at every size, and peak memory at 100 pages within 10% of peak
memory at 10 pages; the growth per page (peak at 100 - peak at 10, over 90 pages) is
printed too, since a ratio depends on how much the process held before reading.

    python benchmarks/bench_pdf_scale.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

SIZES = (2, 10, 50, 100)
ENGINES = ("pdfium", "pdfplumber", "lint")
CHILD = """
import json, resource, sys, time
from pathlib import Path
from peplint.parsers.pdf_blocks import read_pdf
path, engine = Path(sys.argv[1]), sys.argv[2]
if engine == "lint":
    from peplint.lint import LintSetup, lint_file, warm_up
    setup = LintSetup.default()
    warm_up(setup)
    start = time.process_time()
    report = lint_file(path, setup)
    cpu = time.process_time() - start
    pages = report.pep.source.pages
else:
    start = time.process_time()
    pages = read_pdf(path, engine=engine).pages
    cpu = time.process_time() - start
print(json.dumps({"cpu": cpu, "pages": pages, "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def make_pdf(path: Path, pages: int) -> None:
    """A PEP-like PDF of `pages` pages."""
    styles = getSampleStyleSheet()
    story: list[object] = []
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#000000")])
    for page in range(pages):
        story.append(Paragraph(f"Section {page + 1}: Attainment and Progress", styles["Heading1"]))
        story.append(
            Table(
                [["Young person's name", "Jamie Rowe"], ["Date of next PEP meeting", "14/02/2027"]],
                style=grid,
            )
        )
        rows = [["Subject", "Target", "Autumn", "Spring", "Summer"]] + [
            [f"Subject {i}", "6", "Working at 5, expected", "", ""] for i in range(8)
        ]
        story.append(Table(rows, style=grid))
        for _ in range(2):
            story.append(
                Paragraph(
                    "Jamie, you have settled well this term and your teachers describe you as "
                    "thoughtful and hard-working. We will meet every Tuesday to plan revision. "
                    * 3,
                    styles["BodyText"],
                )
            )
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def measure(path: Path, engine: str) -> dict[str, float]:
    """One reading in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), engine], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {n: Path(tmp) / f"pep-{n}.pdf" for n in SIZES}
        for n, path in files.items():
            make_pdf(path, n)
        results: dict[tuple[str, int], list[dict[str, float]]] = {}
        for round_ in range(args.rounds):
            order = [(e, n) for n in SIZES for e in ENGINES]
            order = order[round_ % len(order) :] + order[: round_ % len(order)]
            for engine, n in order:
                results.setdefault((engine, n), []).append(measure(files[n], engine))
    print(f"{args.rounds} rounds; median CPU ms per page and peak memory of the process")
    print("(pdfium, pdfplumber: the reader alone; lint: lint_file in a warmed worker)")
    print(f"{'measure':11} {'pages':>5} {'ms/page':>8} {'peak MB':>8}")
    for engine in ENGINES:
        peaks = {}
        for n in SIZES:
            runs = results[(engine, n)]
            per_page = statistics.median(r["cpu"] * 1000 / r["pages"] for r in runs)
            peaks[n] = statistics.median(r["rss_kb"] / 1024 for r in runs)
            print(f"{engine:11} {n:5d} {per_page:8.1f} {peaks[n]:8.1f}")
        growth = (peaks[100] - peaks[10]) * 1024 / 90
        print(
            f"{engine:11} peak at 100 pages / peak at 10 pages: {peaks[100] / peaks[10]:.2f} "
            f"({growth:.0f} KB more per page)"
        )


if __name__ == "__main__":
    main()
