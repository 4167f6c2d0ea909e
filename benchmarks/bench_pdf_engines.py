"""PDF cost per page: peplint's two engines against the floor and pdfplumber.

On every fixture PDF, in one run, interleaved (each round runs every measure once, in
a rotating order) so machine noise hits all alike; CPU time (process_time) per page:
  - floor:       a bare pypdfium2 pass: every character with its box, every page object
                 with its bounds (what any PDFium-based reader must at least do)
  - plumber:     pdfplumber's own extract_text() + extract_tables() on every page
  - read_pdf, per engine: the reader alone (the whole block stream)
  - lint, per engine: lint_file (read, extract the fields, rules, checklist, feedback),
                 the language pipeline loaded once but its cache cleared per file
The process is warmed up as `peplint lint` warms it (peplint.lint.warm_up: first-use
costs paid, the long-lived heap frozen from the garbage collector) before measuring.
Reports the median of the rounds per measure and the ratios to the floor, then the
PDFium lint's cost by stage (pages read by PDFium; the reader's geometry on them; field
extraction; rules, checklist and feedback), each the difference of two nested measures.

    python benchmarks/bench_pdf_engines.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from peplint.lint import LintSetup, lint_file, warm_up
from peplint.nlp.analysis import _CACHE as analysis_cache
from peplint.parsers.pdf_blocks import PDF_ENGINE_VARIABLE, read_pdf
from peplint.parsers.pdfium_page import open_pdfium
from peplint.reading import read_pep

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


def pdfium_pages(paths: list[Path]) -> None:
    """PDFium's pages as the reader receives them (characters and paths as dicts)."""
    for path in paths:
        with open_pdfium(path) as document:
            for _ in document.pages:
                pass


def reader(name: str) -> Callable[[list[Path]], None]:
    """peplint's reader with one engine."""

    def run(paths: list[Path]) -> None:
        for path in paths:
            read_pdf(path, engine=name)

    return run


def with_engine(name: str, step: Callable[[Path], object]) -> Callable[[list[Path]], None]:
    """A whole-file step (read_pep or lint_file) with the engine set as a user sets it."""

    def run(paths: list[Path]) -> None:
        before = os.environ.get(PDF_ENGINE_VARIABLE)
        os.environ[PDF_ENGINE_VARIABLE] = name
        try:
            for path in paths:
                analysis_cache.clear()  # each file's texts analysed afresh, as a new PEP's
                step(path)
        finally:
            if before is None:
                os.environ.pop(PDF_ENGINE_VARIABLE, None)
            else:
                os.environ[PDF_ENGINE_VARIABLE] = before

    return run


def main() -> None:
    """Measure and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in PDFS)
    setup = LintSetup.default()

    def lint(path: Path) -> object:
        return lint_file(path, setup)

    measures: dict[str, Callable[[list[Path]], None]] = {
        "floor (pypdfium2 chars+boxes, objects+bounds)": floor,
        "pdfplumber extract_text + extract_tables": plumber,
        "peplint read_pdf, PDFium engine": reader("pdfium"),
        "peplint read_pdf, pdfplumber engine": reader("pdfplumber"),
        "peplint lint, PDFium engine": with_engine("pdfium", lint),
        "peplint lint, pdfplumber engine": with_engine("pdfplumber", lint),
        "PDFium pages alone (stage)": pdfium_pages,
        "read_pep, PDFium engine (stage)": with_engine("pdfium", read_pep),
    }
    for run in measures.values():
        run(PDFS[:1])  # warm imports and caches
    # As `peplint lint` does before its first file: first-use costs paid, and the
    # long-lived heap (imports, the language pipeline) frozen out of the collector's
    # reach, so a full collection scans what the measures allocate, not the imports.
    warm_up(setup)
    times: dict[str, list[float]] = {name: [] for name in measures}
    names = list(measures)
    for round_ in range(args.rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            start = time.process_time()
            measures[name](PDFS)
            times[name].append((time.process_time() - start) * 1000 / pages)
    median = {name: statistics.median(times[name]) for name in names}
    base = median[names[0]]
    print(f"{len(PDFS)} PDFs, {pages} pages, {args.rounds} interleaved rounds; CPU ms per page")
    print(f"{'measure':50} {'ms/page':>8} {'x floor':>8}")
    for name in names[:6]:
        print(f"{name:50} {median[name]:8.1f} {median[name] / base:8.2f}")
    lint_ms = median["peplint lint, PDFium engine"]
    stages = {
        "pages read by PDFium (chars, paths as dicts)": median["PDFium pages alone (stage)"],
        "reader geometry (words, tables, lines, blocks)": median["peplint read_pdf, PDFium engine"]
        - median["PDFium pages alone (stage)"],
        "field extraction (read_pep - read_pdf)": median["read_pep, PDFium engine (stage)"]
        - median["peplint read_pdf, PDFium engine"],
        "rules, checklist, feedback (lint - read_pep)": lint_ms
        - median["read_pep, PDFium engine (stage)"],
    }
    print(f"\nPDFium lint by stage (of {lint_ms:.1f} ms/page)")
    print(f"{'stage':50} {'ms/page':>8} {'share':>8}")
    for name, ms in stages.items():
        print(f"{name:50} {ms:8.1f} {ms / lint_ms:8.0%}")


if __name__ == "__main__":
    main()
