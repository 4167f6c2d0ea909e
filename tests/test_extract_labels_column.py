"""A column of labels in boxes with each answer printed beside its box, outside the table
(a one-column table of labels, then the answers as lines, in order): each label takes its
answer. Before, each label read as blank, so "date entered care" was a false D2 "no"."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from peplint.reading import read_pep

LABELS = ["Name", "Date of birth", "Year group", "UPN", "Date entered care", "School"]
ANSWERS = ["Kai Morgan", "22/03/2013", "Year 8", "K987654321098", "15/01/2020", "Oakfield High"]


def _labels_column(folder: Path, labels: list[str], answers: list[str]) -> Path:
    doc = Document()
    doc.add_heading("Personal Education Plan", level=0)
    doc.add_heading("Child / Young Person Details", level=1)
    table = doc.add_table(rows=0, cols=1)
    for label in labels:
        table.add_row().cells[0].text = label
    for answer in answers:
        doc.add_paragraph(answer)
    doc.add_heading("The PEP Meeting", level=1)
    doc.add_paragraph("Date of PEP meeting: 06/10/2026")
    path = folder / "labels-column.docx"
    doc.save(str(path))
    return path


def test_each_label_in_the_column_takes_the_answer_beside_it(tmp_path: Path) -> None:
    pep = read_pep(_labels_column(tmp_path, LABELS, ANSWERS))
    assert pep.child.name == "Kai Morgan"
    assert str(pep.child.date_of_birth) == "2013-03-22"
    assert pep.child.year_group == 8
    assert str(pep.child.date_entered_care) == "2020-01-15"
    assert pep.provenance["child.date_entered_care"].state == "found"


def test_a_band_heading_taken_into_the_column_is_left_as_a_heading(tmp_path: Path) -> None:
    pep = read_pep(_labels_column(tmp_path, [*LABELS, "Carer Details"], ANSWERS))
    assert str(pep.child.date_entered_care) == "2020-01-15"
    assert pep.child.name == "Kai Morgan"
