"""A header row of field labels over one row of values ("Name | Date of birth | Year
group | Date entered care") is the child's details, read label by label: never a
contacts table, whose "Name" column would make the child a carer with no phone or email
(a false "no" to the care-information question)."""

from __future__ import annotations

from pathlib import Path

from peplint.extract.catalogue import catalogue_for
from peplint.extract.pairs import read_pairs
from peplint.lint import LintSetup, lint_file
from peplint.model.document import Block, BlockKind, Table
from tests.docx_edits import fixture, grid, replace, saved, table_starting

DETAILS = ["Name", "Date of birth", "Year group", "Date entered care", "Emergency placement"]
VALUES = ["Leah Okafor", "19 January 2012", "Year 9", "6 September 2021", "No"]


def _table(*rows: list[str | None]) -> Block:
    return Block(kind=BlockKind.TABLE, table=Table(rows=[list(r) for r in rows]))


def test_labels_over_one_row_of_values_are_label_value_pairs() -> None:
    reading = read_pairs([_table(DETAILS, VALUES)], "personal_care", catalogue_for(None))
    assert [(p.label, p.value, p.how) for p in reading.pairs] == [
        (label, value, "label-above") for label, value in zip(DETAILS, VALUES, strict=True)
    ]


def test_a_contacts_table_of_one_row_stays_a_table() -> None:
    header = ["Name", "Relationship", "Phone", "Email"]
    row = ["Tom Bright", "Foster carer", "0121 496 0110", "tom@example.org"]
    reading = read_pairs([_table(header, row)], "personal_care", catalogue_for(None))
    assert not reading.pairs
    assert [t.header for t in reading.tables] == [["name", "relationship", "phone", "email"]]


def _details_as_a_header_table() -> bytes:
    """secondary-good.docx with the child's details laid out as labels over values."""
    doc = fixture("secondary-good.docx")
    replace(table_starting(doc, "My name"), grid(doc, [DETAILS, VALUES]))
    return saved(doc)


def test_the_childs_details_over_their_values_keep_care_information_a_yes(tmp_path: Path) -> None:
    path = tmp_path / "details-over-values.docx"
    path.write_bytes(_details_as_a_header_table())
    report = lint_file(path, LintSetup.default())
    assert report.pep is not None and report.checklist is not None
    assert report.pep.child.name == "Leah Okafor"
    assert report.pep.child.year_group == 9
    assert [c.name for c in report.pep.carers] == ["Tom Bright", "Ann Bright"]
    answers = {i.id: i.answer for i in report.checklist.items}
    assert answers["D2"] == "yes"


def _pairs(*rows: list[str | None]) -> list[tuple[str, str, str]]:
    reading = read_pairs([_table(*rows)], "x", catalogue_for(None))
    return [(p.label, p.value, p.how) for p in reading.pairs]


def test_four_labels_over_their_values_are_not_label_value_label_value() -> None:
    labels = ["Does the young person have additional needs?", "SEN status"]
    labels += ["Category of need", "Special exam arrangements"]
    values = ["Yes", "SEN Support", "Speech, language and communication", "Extra time (25%)"]
    assert _pairs(labels, values) == [
        (label, value, "label-above") for label, value in zip(labels, values, strict=True)
    ]


def test_a_sign_off_row_of_labels_over_its_answers() -> None:
    labels = ["Social worker section complete", "Date completed", "Date of next PEP"]
    values = ["Yes", "8 October 2026", "27/01/2027"]
    assert _pairs(labels, values) == [
        (label, value, "label-above") for label, value in zip(labels, values, strict=True)
    ]


def test_a_person_named_by_their_role_over_their_details() -> None:
    got = _pairs(
        ["Social worker", "Telephone", "Email", "Local authority"],
        ["Daniel Hughes", "0121 496 0450", "daniel@example.org", "Sandwell"],
    )
    assert ("Social worker", "Daniel Hughes", "label-above") in got
    assert ("Telephone", "0121 496 0450", "label-above") in got


def test_label_value_label_value_rows_stay_pairs_of_cells() -> None:
    got = _pairs(
        ["Social worker has signed off", "☒ Yes ☐ No", "Date social worker signed", "15/10/2026"],
        ["Next PEP (social worker)", "10/02/2027", None, None],
    )
    assert ("Date social worker signed", "15/10/2026", "table-row") in got
    assert not [p for p in got if p[2] == "label-above"]
