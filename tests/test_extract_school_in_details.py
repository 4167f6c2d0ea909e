"""The child's school named among their personal details ("Name | ... / School | ..."), as
many forms do, is the education setting; a care setting or placement named there is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from peplint.reading import read_pep


def _details(folder: Path, rows: list[tuple[str, str]]) -> Path:
    doc = Document()
    doc.add_heading("Personal Education Plan", level=0)
    doc.add_heading("Personal / Care Information", level=1)
    table = doc.add_table(rows=0, cols=2)
    details = [
        ("Name", "Ellie Carter"),
        ("Date of birth", "14/03/2012"),
        ("Year group", "Year 9"),
        ("Date came into care", "03/09/2021"),
    ]
    for label, value in [*details, *rows]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_heading("The PEP Meeting", level=1)
    doc.add_paragraph("Date of PEP meeting: 06/10/2026")
    path = folder / "details.docx"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("label", ["School", "College", "School name"])
def test_a_school_among_the_childs_details_is_the_setting(label: str, tmp_path: Path) -> None:
    pep = read_pep(_details(tmp_path, [(label, "Greenfield Academy")]))
    assert pep.child.name == "Ellie Carter"
    assert pep.setting.name == "Greenfield Academy"
    assert pep.provenance["setting.name"].section == "personal_care"


@pytest.mark.parametrize("label", ["Care setting", "Placement setting", "Home setting"])
def test_a_care_setting_among_the_childs_details_is_not(label: str, tmp_path: Path) -> None:
    pep = read_pep(_details(tmp_path, [(label, "Foster care")]))
    assert pep.setting.name is None


def _contacts(folder: Path) -> Path:
    doc = Document()
    doc.add_heading("Personal Education Plan", level=0)
    for heading, rows in (
        (
            "Social Worker Details",
            [
                ("Social worker", "Marcus Reid"),
                ("Telephone", "0121 496 0654"),
                ("Email", "marcus.reid@example.gov.uk"),
            ],
        ),
        (
            "Designated Teacher Details",
            [
                ("Designated teacher", "Laura Finch"),
                ("Telephone", "0121 496 0987"),
                ("Email", "l.finch@oakfield.example.sch.uk"),
            ],
        ),
    ):
        doc.add_heading(heading, level=1)
        table = doc.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
    path = folder / "contacts.docx"
    doc.save(str(path))
    return path


def test_a_bare_phone_and_email_in_the_designated_teachers_details_are_theirs(
    tmp_path: Path,
) -> None:
    pep = read_pep(_contacts(tmp_path))
    assert (pep.designated_teacher.name, pep.designated_teacher.phone) == (
        "Laura Finch",
        "0121 496 0987",
    )
    assert pep.designated_teacher.email == "l.finch@oakfield.example.sch.uk"
    assert (pep.social_worker.phone, pep.social_worker.email) == (
        "0121 496 0654",
        "marcus.reid@example.gov.uk",
    )
