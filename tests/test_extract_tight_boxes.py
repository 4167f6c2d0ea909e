"""A tight boxed form read from PDF: labels set above answer boxes, the last row of boxes
drawn so close to the band heading below that both were read as one table. The band
("Carer Details") is the heading of what follows, and the boxes' one row of answers
belongs to the blank labels above it, in order. Before, those labels read as blank (a
false D2 "no": date entered care and school) and the band was lost."""

from __future__ import annotations

import datetime as dt

from peplint.model.document import Block, BlockKind
from tests.test_extract_fields import heading, pep, table


def above(label: str, value: str = "") -> Block:
    return Block(kind=BlockKind.LABEL_VALUE, label=label, text=value, cue="label-above")


def test_answers_read_as_a_table_belong_to_the_blank_labels_above() -> None:
    got = pep(
        heading("Child / Young Person Details"),
        above("Name", "Kai Morgan"),
        above("Date of birth", "22/03/2013"),
        above("Date entered care"),
        above("School"),
        table(["15/01/2020", "Oakfield High School"], ["Carer Details", None]),
        above("Carer name", "Priya Desai"),
        above("Relationship", "Foster carer"),
        above("Phone", "0121 496 0321"),
        table(["Social Worker Details"], [None]),
    )
    assert got.child.date_entered_care == dt.date(2020, 1, 15)
    assert got.setting.name == "Oakfield High School"
    assert got.provenance["child.date_entered_care"].state == "found"
    assert [(c.name, c.phone) for c in got.carers] == [("Priya Desai", "0121 496 0321")]


def test_a_row_that_does_not_fit_the_blank_labels_is_not_taken() -> None:
    got = pep(
        heading("Child / Young Person Details"),
        above("Name", "Kai Morgan"),
        above("Date entered care"),
        above("School"),
        table(["15/01/2020", "Oakfield High School", "Year 8"]),  # three answers, two labels
    )
    assert got.child.date_entered_care is None
    assert got.provenance["child.date_entered_care"].state == "empty"


def test_a_last_row_that_names_no_section_stays_in_its_table() -> None:
    got = pep(
        heading("Attainment and Progress"),
        table(["Subject", "Target", "Current"], ["English", "5", "3"], ["Total", None, None]),
    )
    assert got.attainment.subjects[0].subject == "English"
    assert "Total" not in got.unrecognised_headings
