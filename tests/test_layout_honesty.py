"""Done-when tests of honest answers: a layout with labels peplint does not know, onboarded
with `template learn`, and documents that are not PEPs at all.

The layout is Walsall's good PEP (every item "yes") with three labels reworded as another
platform might print them. The tests that need the reader to record provenance (which
labels it found) are skipped while it records none.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from peplint.cli import main
from peplint.generate.docx_writer import render_docx
from peplint.generate.layout import Cell, Grid, Heading
from peplint.generate.pdf_writer import render_pdf
from peplint.generate.spec import load_spec
from peplint.generate.templates import layout_for
from peplint.lint import LintSetup, lint_file
from peplint.packs.resolve import resolve_pack
from peplint.report import FileReport
from tests.conftest import GENERATED, SPECS

SETUP = LintSetup.default()
RECORDS_PROVENANCE = bool(lint_file(GENERATED / "walsall-good.docx", SETUP).pep.provenance)  # type: ignore[union-attr]
needs_provenance = pytest.mark.skipif(
    not RECORDS_PROVENANCE, reason="the reader records no provenance yet (extract-engine)"
)

# label in the built-in layout -> how the unknown layout words it, and the fields it holds
REWORDED = {
    "Date of birth": ("Day of arrival", ["child.date_of_birth"]),
    "Date of next PEP": (
        "Next get-together",
        ["sign_offs.social_worker.next_pep_date", "sign_offs.designated_teacher.next_pep_date"],
    ),
    "Views of those supporting the young person": (
        "Round the table",
        ["meeting.contributors_views"],
    ),
}


def _reword(grid: Grid) -> None:
    for row in grid.rows:
        for index, cell in enumerate(row):
            if isinstance(cell.value, str) and cell.value in REWORDED:
                row[index] = Cell(REWORDED[cell.value][0], cell.colspan, cell.header)


@pytest.fixture(scope="module")
def unknown_layout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    elements = layout_for(load_spec(SPECS / "walsall-good.yaml"))
    for index, element in enumerate(elements):
        if isinstance(element, Grid):
            _reword(element)
        elif isinstance(element, Heading) and element.text in REWORDED:
            elements[index] = Heading(REWORDED[element.text][0], element.level)
    path = tmp_path_factory.mktemp("layout") / "other-platform.docx"
    path.write_bytes(render_docx(elements))
    return path


def _answers(entry: FileReport) -> dict[str, str]:
    assert entry.checklist is not None, entry.error
    return {item.id: item.answer for item in entry.checklist.items}


def _filled_pack(draft: str) -> str:
    """The draft with each '#? ' line assigned as an officer would."""
    out = []
    for line in draft.splitlines():
        if line.startswith("#? "):
            owner = next((v for _, (label, v) in REWORDED.items() if f'"{label}"' in line), None)
            if owner is None:
                continue  # not one of ours: the officer deletes the line
            out += [line[3:].replace("FIELD", path) for path in owner]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_the_built_in_layout_meets_the_standard() -> None:
    entry = lint_file(GENERATED / "walsall-good.docx", SETUP)
    assert entry.checklist is not None and entry.checklist.overall.meets


def test_a_hand_mapped_layout_gives_the_right_answers(unknown_layout: Path, tmp_path: Path) -> None:
    """With the labels mapped in a pack's `fields:`, the reworded layout meets the standard."""
    fields = "".join(
        f'  {path}: ["{label}"]\n' for label, paths in REWORDED.values() for path in paths
    )
    pack = tmp_path / "other-platform.yaml"
    pack.write_text(f"pack: other-platform\nextends: [section-d]\nfields:\n{fields}")
    setup = resolve_pack(str(pack)).setup(SETUP.rules)
    before = lint_file(unknown_layout, SETUP)
    after = lint_file(unknown_layout, setup)
    assert _answers(before)["D2"] != "yes"  # the date of birth is not read without the pack
    assert set(_answers(after).values()) == {"yes"}
    assert after.checklist is not None and after.checklist.overall.meets


@needs_provenance
def test_unknown_labels_give_unclear_and_needs_a_person_never_no(unknown_layout: Path) -> None:
    entry = lint_file(unknown_layout, SETUP)
    answers = _answers(entry)
    assert "no" not in answers.values(), answers
    assert {answers["D1"], answers["D2"], answers["D3"]} == {"unclear"}
    overall = entry.checklist.overall  # type: ignore[union-attr]
    assert overall.needs_person and not overall.meets
    assert {"D1", "D2", "D3"} <= set(overall.unclear_items)
    unclear = [f for f in entry.findings if f.not_found]
    assert all("could not be found in this layout" in f.message for f in unclear)
    paths = {p for f in unclear for p in f.not_found}
    assert {"child.date_of_birth", "meeting.contributors_views"} <= paths
    assert "sign_offs.social_worker.next_pep_date" in paths


@needs_provenance
def test_template_learn_then_filling_in_gives_the_right_answers(
    unknown_layout: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "other-platform.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["template", "learn", str(unknown_layout), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    text = draft.read_text()
    for label, _ in REWORDED.values():
        assert any(line.startswith("#? ") and f'"{label}"' in line for line in text.splitlines())
    draft.write_text(_filled_pack(text))
    assert runner.invoke(main, ["pack", "validate", str(draft)]).exit_code == 0
    setup = resolve_pack(str(draft)).setup(SETUP.rules)
    entry = lint_file(unknown_layout, setup)
    assert set(_answers(entry).values()) == {"yes"}
    assert entry.checklist.overall.meets  # type: ignore[union-attr]
    assert entry.coverage is not None and entry.coverage.well_read


# -- documents that are not PEPs -------------------------------------------------------


def _docx(build: object) -> bytes:
    document = docx.Document()
    build(document)  # type: ignore[operator]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _letter(d: docx.document.Document) -> None:
    d.add_paragraph("14 Oak Street, Walsall")
    d.add_paragraph("Dear Mrs Green,")
    d.add_paragraph(
        "Thank you for your letter about the parking outside the school gates. We have asked "
        "parents to park on the main road and will remind them in the next newsletter."
    )
    d.add_paragraph("Yours sincerely,")
    d.add_paragraph("A. Head, Headteacher")


def _invoice(d: docx.document.Document) -> None:
    d.add_heading("INVOICE", level=1)
    d.add_paragraph("Invoice number: 20461")
    d.add_paragraph("Date: 03/11/2026")
    d.add_paragraph("Bill to: Walsall Council, Civic Centre")
    table = d.add_table(rows=4, cols=4)
    rows = [
        ("Item", "Qty", "Unit price", "Total"),
        ("Exercise books", "200", "0.45", "90.00"),
        ("Whiteboard pens", "50", "0.80", "40.00"),
        ("Total due", "", "", "130.00"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    d.add_paragraph("Payment terms: 30 days")


def _blank(d: docx.document.Document) -> None:
    d.add_paragraph("")


def _statistics(d: docx.document.Document) -> None:
    d.add_heading("Attendance by year group, autumn term", level=2)
    table = d.add_table(rows=5, cols=4)
    rows = [("Year", "Pupils", "Present %", "Persistent absence %")] + [
        (str(y), str(150 + y), f"{88 + y / 10:.1f}", f"{12 - y / 2:.1f}") for y in (7, 8, 9, 10)
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


def _pdf_letter() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = 780
    for line in (
        "Dear Parent or Carer,",
        "The school will be closed on Friday for staff training.",
        "We look forward to seeing everyone on Monday.",
        "Kind regards, The Office",
    ):
        page.drawString(72, y, line)
        y -= 20
    page.showPage()
    page.save()
    return buffer.getvalue()


def _pdf_statistics() -> bytes:
    elements = [
        Grid(
            rows=[
                [Cell("Region", header=True), Cell("2025", header=True), Cell("2026", header=True)]
            ]
            + [
                [Cell(r), Cell(str(a)), Cell(str(b))]
                for r, a, b in (("North", 12, 15), ("South", 9, 11))
            ]
        )
    ]
    return render_pdf(elements)


NOT_PEPS = {
    "letter.docx": lambda: _docx(_letter),
    "invoice.docx": lambda: _docx(_invoice),
    "blank.docx": lambda: _docx(_blank),
    "statistics.docx": lambda: _docx(_statistics),
    "letter.pdf": _pdf_letter,
    "statistics.pdf": _pdf_statistics,
}


def _assert_not_a_pep(entry: FileReport) -> None:
    if entry.status == "error":  # a blank page may have no text to read: an error, never "no"
        assert entry.error is not None and entry.checklist is None
        return
    answers = _answers(entry)
    assert "no" not in answers.values(), (entry.path, answers)
    coverage = entry.coverage
    assert coverage is not None and coverage.ratio is not None and coverage.ratio <= 0.25
    assert coverage.message and coverage.message.startswith("This does not look like a PEP")
    assert entry.checklist is not None and not entry.checklist.overall.meets


@needs_provenance
@pytest.mark.parametrize("name", list(NOT_PEPS))
def test_documents_that_are_not_peps_get_no_no_answers(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(NOT_PEPS[name]())
    _assert_not_a_pep(lint_file(path, SETUP))


PUBLIC_SAMPLES = os.environ.get("PEPLINT_PUBLIC_SAMPLES")


@needs_provenance
@pytest.mark.skipif(not PUBLIC_SAMPLES, reason="set PEPLINT_PUBLIC_SAMPLES to a folder of them")
def test_public_test_files_of_the_readers_are_not_peps() -> None:
    """The MIT-licensed test files of python-docx and pdfplumber: forms, tables, letters."""
    folder = Path(PUBLIC_SAMPLES or ".")
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".docx", ".pdf"))
    assert files
    for path in files:
        _assert_not_a_pep(lint_file(path, SETUP))
