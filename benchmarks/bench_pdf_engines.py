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
Reports the median and the minimum of the rounds per measure and their ratios to the
floor (noise only ever adds time, so the minimum is the steadier figure on a shared
machine; both are shown), then the PDFium lint's cost by stage: open, characters, page
objects, geometry, tables, blocks, fields, language, rules, checklist, feedback and
reporting (the file's JSON and terminal reports), as exclusive CPU time in a separate
pass whose stage functions are wrapped with timers (benchmarks/stage_timer.py), so each
moment is charged to one stage and the stages add up to the whole.

    python benchmarks/bench_pdf_engines.py [--rounds 5] [--stage-rounds 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.stage_timer import stages
from peplint.lint import LintSetup, lint_file, warm_up
from peplint.nlp.analysis import _CACHE as analysis_cache
from peplint.parsers.pdf_blocks import PDF_ENGINE_VARIABLE, read_pdf

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


def reader(name: str) -> Callable[[list[Path]], None]:
    """peplint's reader with one engine."""

    def run(paths: list[Path]) -> None:
        for path in paths:
            read_pdf(path, engine=name)

    return run


def with_engine(name: str, step: Callable[[Path], object]) -> Callable[[list[Path]], None]:
    """A whole-file step (lint_file) with the engine set as a user sets it."""

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
    parser.add_argument("--stage-rounds", type=int, default=2)
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
    least = {name: min(times[name]) for name in names}
    print(f"{len(PDFS)} PDFs, {pages} pages, {args.rounds} interleaved rounds; CPU ms per page")
    print(f"{'measure':48} {'median':>7} {'x floor':>8} {'min':>7} {'x floor':>8}")
    for name in names[:6]:
        print(
            f"{name:48} {median[name]:7.1f} {median[name] / median[names[0]]:8.2f} "
            f"{least[name]:7.1f} {least[name] / least[names[0]]:8.2f}"
        )
    print_stages(setup, pages, args.stage_rounds)


def render_reports(report: object, pack: object) -> None:
    """The file's report rendered as `peplint lint` renders it (terminal text) and as JSON."""
    from peplint.report import Report
    from peplint.reporters.json_reporter import JsonReporter
    from peplint.reporters.text_reporter import TextReporter

    whole = Report(pack=pack, files=[report])
    JsonReporter().render(whole)
    TextReporter().render(whole, colour=False)


def print_stages(setup: LintSetup, pages: int, rounds: int) -> None:
    """The PDFium lint's exclusive CPU time by stage, over `rounds` passes of every PDF."""
    from peplint.checklist.coverage import layout_coverage
    from peplint.checklist.evaluate import evaluate
    from peplint.engine import run_rules
    from peplint.extract.build import build_pep
    from peplint.feedback.compose import compose_feedback
    from peplint.nlp.analysis import analyse, analyse_many
    from peplint.parsers import pdf_blocks, pdf_checkboxes, pdf_headings, pdf_lines, pdfium_page
    from peplint.parsers.pdf_damage import xref_is_sound
    from peplint.parsers.pdf_open import lay_out
    from peplint.parsers.pdf_streams import check_streams
    from peplint.parsers.pdf_tables import read_table
    from peplint.reading import file_sha256
    from peplint.safety.preflight import preflight

    geometry = [
        pdf_blocks._read_page,
        lay_out,
        pdf_checkboxes.checkbox_words,
        pdfium_page.PdfiumPage.extract_words,
        pdf_lines.group_text_lines,
        pdf_lines.split_at_columns,
        pdf_headings.mark_bands,
    ]
    functions = {
        "open (pre-flight, hash, document and pages)": [
            preflight,
            file_sha256,
            check_streams,
            xref_is_sound,
            pdfium_page.read_page,
            (pdfium.PdfDocument, "__init__"),
            (pdfium.PdfDocument, "__getitem__"),
            (pdfium.PdfPage, "get_textpage"),
            (pdfium.PdfPage, "close"),
            (pdfium.PdfDocument, "close"),
        ],
        "characters (each one's box and style)": [pdfium_page.read_rows],
        "page objects (paths, fill, stroke, images)": [pdfium_page.read_objects],
        "geometry (words, lines, boxes, columns, bands)": geometry,
        "tables (ruled tables found, words in cells)": [
            pdfium_page.PdfiumPage.find_tables,
            read_table,
        ],
        "blocks (lines and tables into the stream)": [pdf_blocks._to_blocks],
        "fields (sections, labels, values: the PEP)": [build_pep],
        "language (the texts' analysis)": [analyse, analyse_many],
        "rules": [run_rules],
        "checklist (answers, layout coverage)": [evaluate, layout_coverage],
        "feedback (the written feedback drafted)": [compose_feedback],
        "reporting (JSON and terminal text)": [render_reports],
    }
    outer = "the rest (models, the report entry, glue)"
    os.environ[PDF_ENGINE_VARIABLE] = "pdfium"
    try:
        with stages(outer, functions) as timer:
            for _ in range(rounds):
                for path in PDFS:
                    analysis_cache.clear()
                    render_reports(lint_file(path, setup), setup.pack)
    finally:
        os.environ.pop(PDF_ENGINE_VARIABLE, None)
    whole = sum(timer.totals.values())
    print(
        f"\nPDFium lint and its reports by stage: exclusive CPU time, {rounds} pass(es); "
        f"{whole / 1e6 / pages / rounds:.1f} ms/page in all (timers included)"
    )
    print(f"{'stage':48} {'ms/page':>7} {'share':>7}")
    for name, nanoseconds in timer.totals.items():
        ms = nanoseconds / 1e6 / pages / rounds
        print(f"{name:48} {ms:7.2f} {nanoseconds / whole:7.1%}")


if __name__ == "__main__":
    main()
