"""Carers given as labelled lines, one after another ("Carer name: ..." / "Relationship:
..." / "Phone: ..." / "Email: ..."), under a "Carers" heading: each carer is read, so
care information is a yes; a carer whose phone and email lines are there and empty is a
justified no; a carer whose form has no phone or email line at all is unclear, not no."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport
from tests.conftest import GENERATED

TOM = [("Carer name", "Tom Bright"), ("Relationship", "Foster carer")]
ANN = [("Carer name", "Ann Bright"), ("Relationship", "Foster carer")]
TOM_CONTACT = [("Phone", "0121 496 0110"), ("Email", "tom.bright@example.org")]
ANN_CONTACT = [("Phone", "0121 496 0111"), ("Email", "ann.bright@example.org")]


def _carers_as_lines(lines: list[tuple[str, str]], folder: Path) -> FileReport:
    """secondary-good.docx with its carers table replaced by a bold "Carers" heading
    and "Label: value" lines."""
    doc = Document(str(GENERATED / "secondary-good.docx"))
    table = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Name" and "Phone" in [c.text for c in t.rows[0].cells]
    )
    anchor = table._tbl
    heading = doc.add_paragraph()
    heading.add_run("Carers").bold = True
    anchor.addnext(heading._p)
    last = heading._p
    for label, value in lines:
        paragraph = doc.add_paragraph(f"{label}: {value}".rstrip())
        last.addnext(paragraph._p)
        last = paragraph._p
    anchor.getparent().remove(anchor)
    buffer = io.BytesIO()
    doc.save(buffer)
    path = folder / "carers-as-lines.docx"
    path.write_bytes(buffer.getvalue())
    return lint_file(path, LintSetup.default())


def _d2(report: FileReport) -> str:
    assert report.checklist is not None
    return next(i.answer for i in report.checklist.items if i.id == "D2")


def test_carers_on_labelled_lines_are_read(tmp_path: Path) -> None:
    report = _carers_as_lines([*TOM, *TOM_CONTACT, *ANN, *ANN_CONTACT], tmp_path)
    assert report.pep is not None
    assert [(c.name, c.phone) for c in report.pep.carers] == [
        ("Tom Bright", "0121 496 0110"),
        ("Ann Bright", "0121 496 0111"),
    ]
    assert _d2(report) == "yes"


def test_a_carers_empty_phone_and_email_lines_are_a_no(tmp_path: Path) -> None:
    report = _carers_as_lines([*TOM, ("Phone", ""), ("Email", ""), *ANN, *ANN_CONTACT], tmp_path)
    assert _d2(report) == "no"


def test_carers_with_no_phone_or_email_lines_are_not_a_no(tmp_path: Path) -> None:
    report = _carers_as_lines([*TOM, *ANN], tmp_path)
    assert report.pep is not None and [c.name for c in report.pep.carers] == [
        "Tom Bright",
        "Ann Bright",
    ]
    assert _d2(report) == "unclear"


def test_an_empty_labelled_line_does_not_take_the_next_line_as_its_value(tmp_path: Path) -> None:
    # "Carer phone:" left empty, then "Carer email: ...": the email line is a field of
    # its own (a known label after a qualifier), not the phone's value.
    lines = [*TOM, ("Carer phone", ""), ("Carer email", "tom.bright@example.org")]
    report = _carers_as_lines(lines, tmp_path)
    assert report.pep is not None
    assert [(c.name, c.phone, c.email) for c in report.pep.carers] == [
        ("Tom Bright", None, "tom.bright@example.org")
    ]
