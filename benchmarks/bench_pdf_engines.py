"""PDF reading cost per page: peplint's two engines against the floor and pdfplumber.

On every fixture PDF, in one run, interleaved (each round runs every measure once, in
a rotating order) so machine noise hits all alike; CPU time (process_time) per page:
  - floor:       a bare pypdfium2 pass: every character with its box, every page object
                 with its bounds (what any PDFium-based reader must at least do)
  - plumber:     pdfplumber's own extract_text() + extract_tables() on every page
  - peplint-pdfium:     read_pdf with the PDFium engine (the whole block stream)
  - peplint-pdfplumber: read_pdf with the pdfplumber engine (the previous reader)
Reports the median of the rounds per measure and the ratios to the floor.

    python benchmarks/bench_pdf_engines.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from peplint.parsers.pdf_blocks import read_pdf

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "fixtures").rglob("*.pdf"))


def floor(paths: list[Path]) -> None:
    """Characters with boxes and objects with bounds, nothing else."""
    for path in paths:
        document = pdfium.PdfDocument(str(path))
        for page in document:
            text = page.get_textpage()
            for index in range(text.count_chars()):
                text.get_charbox(index)
            for obj in page.get_objects(max_depth=15):
                obj.get_bounds()
            text.close()
            page.close()
        document.close()


def plumber(paths: list[Path]) -> None:
    """pdfplumber's text and tables of every page."""
    for path in paths:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.extract_tables()
                page.close()


def engine(name: str) -> Callable[[list[Path]], None]:
    """peplint's reader with one engine."""

    def run(paths: list[Path]) -> None:
        for path in paths:
            read_pdf(path, engine=name)

    return run


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in PDFS)
    measures: dict[str, Callable[[list[Path]], None]] = {
        "floor (pypdfium2 chars+boxes, objects+bounds)": floor,
        "pdfplumber extract_text + extract_tables": plumber,
        "peplint read_pdf, PDFium engine": engine("pdfium"),
        "peplint read_pdf, pdfplumber engine (previous)": engine("pdfplumber"),
    }
    for run in measures.values():
        run(PDFS[:1])  # warm imports and caches
    times: dict[str, list[float]] = {name: [] for name in measures}
    names = list(measures)
    for round_ in range(args.rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            start = time.process_time()
            measures[name](PDFS)
            times[name].append((time.process_time() - start) * 1000 / pages)
    base = statistics.median(times[names[0]])
    print(f"{len(PDFS)} PDFs, {pages} pages, {args.rounds} interleaved rounds; CPU ms per page")
    print(f"{'measure':50} {'ms/page':>8} {'x floor':>8}")
    for name in names:
        median = statistics.median(times[name])
        print(f"{name:50} {median:8.1f} {median / base:8.2f}")


if __name__ == "__main__":
    main()
