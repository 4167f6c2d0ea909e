"""Early-years PEPs: the profile's headings, and Emerging / Expected / Exceeding read as progress."""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_document

from peplint.extract.values import parse_progress
from peplint.reading import read_pep


def test_emerging_expected_exceeding_are_progress() -> None:
    assert parse_progress("Emerging") == "less"
    assert parse_progress("Expected") == "expected"
    assert parse_progress("Exceeding") == "more"


def test_an_early_years_pep_is_read_with_the_early_years_profile(tmp_path: Path) -> None:
    doc = new_document()
    doc.add_heading("Early Years Personal Education Plan", level=1)
    doc.add_heading("All About Me", level=2)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Name", "Poppy Lane"
    table.cell(1, 0).text, table.cell(1, 1).text = "Date of birth", "03/05/2022"
    doc.add_heading("My Learning and Development", level=2)
    grid = doc.add_table(rows=4, cols=3)
    for row, cells in zip(
        grid.rows,
        [
            ("Area of learning", "Autumn", "Support in place"),
            (
                "Communication and Language",
                "Emerging",
                "Daily small-group story time with Mrs Ali.",
            ),
            ("Physical Development", "Expected", ""),
            ("Personal, Social and Emotional Development", "Exceeding", ""),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.add_heading("My Next Steps", level=2)
    doc.add_paragraph(
        "Poppy will use two-word phrases at snack time by the end of the spring term."
    )
    doc.add_heading("I like playing with", level=2)
    doc.add_paragraph("I like playing with the sand and the big red bus.")
    path = tmp_path / "early.docx"
    doc.save(str(path))
    pep = read_pep(path)
    assert pep.template == "early-years"
    assert {"personal_care", "attainment_progress", "smart_targets", "young_persons_views"} <= set(
        pep.sections
    )
    progress = {s.subject: [t.progress for t in s.terms] for s in pep.attainment.subjects}
    assert progress.get("Communication and Language") == ["less"]
    assert progress.get("Physical Development") == ["expected"]
