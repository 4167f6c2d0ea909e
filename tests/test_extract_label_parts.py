"""A text field whose label names two things ("Strengths and areas for development"),
given as two labels each over its own text ("Strengths" ..., "Areas for development"
...): both texts are the field's, each after its label, so neither part is lost (a lost
"Strengths" paragraph was a false D5 "no")."""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.report import FileReport
from tests.docx_edits import fixture, linted

STRENGTHS = "Leah reads widely and her art work is some of the best in her year."
AREAS = "Fractions in maths are still tricky, and break times can be hard with friends."


def _overview_in_parts(folder: Path, parts: list[tuple[str, str]]) -> FileReport:
    """secondary-good.docx with its attainment overview replaced by bold labels, each
    followed by a paragraph of its text."""
    doc = fixture("secondary-good.docx")
    heading = next(p for p in doc.paragraphs if p.text == "My Attainment")
    old = heading._p.getnext()
    last = heading._p
    for label, text in parts:
        for run_text, bold in ((label, True), (text, False)):
            paragraph = doc.add_paragraph()
            paragraph.add_run(run_text).bold = bold
            last.addnext(paragraph._p)
            last = paragraph._p
    old.getparent().remove(old)
    return linted(doc, folder / "overview-in-parts.docx")


@pytest.mark.parametrize(
    "parts",
    [
        [("Strengths", STRENGTHS), ("Areas for development", AREAS)],
        [("Areas for development", AREAS), ("Strengths", STRENGTHS)],
    ],
    ids=["strengths first", "areas first"],
)
def test_each_part_of_a_two_part_label_is_read(
    parts: list[tuple[str, str]], tmp_path: Path
) -> None:
    report = _overview_in_parts(tmp_path, parts)
    assert report.pep is not None and report.checklist is not None
    overview = report.pep.attainment.overview
    assert overview == " ".join(f"{label}: {text}" for label, text in parts)
    d5 = next(i for i in report.checklist.items if i.id == "D5")
    assert d5.answer == "yes"


def test_a_part_left_empty_is_not_joined(tmp_path: Path) -> None:
    report = _overview_in_parts(tmp_path, [("Strengths", ""), ("Areas for development", AREAS)])
    assert report.pep is not None
    assert report.pep.attainment.overview == AREAS


def _attainment_without_overview(folder: Path, before: list[tuple[str, str]]) -> FileReport:
    """secondary-good.docx with its overview paragraph taken out of "My Attainment" (the
    subject table stays), and, before that heading, a "Strengths and Areas for
    Development" heading over `before`'s labels and texts."""
    doc = fixture("secondary-good.docx")
    heading = next(p for p in doc.paragraphs if p.text == "My Attainment")
    overview = heading._p.getnext()
    overview.getparent().remove(overview)
    if before:
        title = doc.add_paragraph("Strengths and Areas for Development", style="Heading 2")
        heading._p.addprevious(title._p)
        for label, text in before:
            for run_text, bold in ((label, True), (text, False)):
                paragraph = doc.add_paragraph()
                paragraph.add_run(run_text).bold = bold
                heading._p.addprevious(paragraph._p)
    return linted(doc, folder / "attainment-apart.docx")


def test_an_attainment_section_holding_only_its_table_has_no_overview_found(
    tmp_path: Path,
) -> None:
    # The subject table is there, the overview's place is not: unclear, not "no".
    report = _attainment_without_overview(tmp_path, [])
    assert report.pep is not None and report.checklist is not None
    assert report.pep.provenance["attainment.overview"].state == "not_found"
    assert next(i.answer for i in report.checklist.items if i.id == "D5") == "unclear"


def test_a_strengths_and_development_heading_holds_the_overview(tmp_path: Path) -> None:
    parts = [("Strengths", STRENGTHS), ("Areas for development", AREAS)]
    report = _attainment_without_overview(tmp_path, parts)
    assert report.pep is not None and report.checklist is not None
    assert report.pep.attainment.overview == " ".join(f"{lab}: {text}" for lab, text in parts)
    assert next(i.answer for i in report.checklist.items if i.id == "D5") == "yes"
