"""Attendee lists with no "attended" column. Under a heading that says the list is of
those present ("Attendees", "Present at the meeting"), or with such a name column
("Who attended | Role"), everyone listed attended, so D3 is a yes. Under any other heading
("Invited", "Attendees and apologies", none), whether each attended is not in the layout:
D3 is unclear, never a "no" for the social worker and designated teacher listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.report import FileReport
from tests.docx_edits import fixture, grid, linted, replace, table_starting

PRESENT = [
    ["Leah Okafor", "Young person"],
    ["Ruth Adeyemi", "Designated teacher"],
    ["Daniel Hughes", "Social worker"],
    ["Tom Bright", "Foster carer"],
]


def _listed(folder: Path, heading: str | None, name_header: str = "Name") -> FileReport:
    """secondary-good.docx with its "Name | Role | Present" table replaced by a
    "Name | Role" table of those who attended, under a bold `heading` paragraph."""
    doc = fixture("secondary-good.docx")
    old = table_starting(doc, "Name")
    new = grid(doc, [[name_header, "Role"], *PRESENT])
    replace(old, new)
    if heading is not None:
        paragraph = doc.add_paragraph()
        paragraph.add_run(heading).bold = True
        new._tbl.addprevious(paragraph._p)
    return linted(doc, folder / "attendees-listed.docx")


def _d3(report: FileReport) -> tuple[str, list[str]]:
    assert report.checklist is not None
    item = next(i for i in report.checklist.items if i.id == "D3")
    messages = [f.message for f in report.findings if f.rule == "statutory-attendees"]
    return item.answer, messages


@pytest.mark.parametrize(
    ("heading", "name_header"),
    [
        ("Attendees", "Name"),
        ("Present at the meeting", "Name"),
        ("Who attended", "Name"),
        ("Those in attendance", "Name"),
        (None, "Who attended"),
        (None, "Attendee"),
    ],
)
def test_a_list_of_those_present_means_each_attended(
    heading: str | None, name_header: str, tmp_path: Path
) -> None:
    report = _listed(tmp_path, heading, name_header)
    assert report.pep is not None
    assert [a.attended for a in report.pep.meeting.attendees] == [True] * 4
    provenance = report.pep.provenance["meeting.attendees[1].attended"]
    assert provenance.state == "found" and provenance.how == "listed-under"
    assert provenance.label == (heading or name_header)
    assert _d3(report) == ("yes", [])


@pytest.mark.parametrize(
    "heading", ["Invited", "Attendees and apologies", "Those invited to the meeting", None]
)
def test_a_list_that_does_not_say_who_attended_is_unclear_not_no(
    heading: str | None, tmp_path: Path
) -> None:
    report = _listed(tmp_path, heading)
    assert report.pep is not None
    assert [a.attended for a in report.pep.meeting.attendees] == [None] * 4
    answer, messages = _d3(report)
    assert answer == "unclear"
    assert (
        messages
        == [
            "Whether each person listed attended could not be found in this layout; check it by eye."
        ]
        * 2
    )  # the social worker and the designated teacher


def test_a_role_missing_from_a_list_of_those_present_is_still_a_no(tmp_path: Path) -> None:
    doc = fixture("secondary-good.docx")
    old = table_starting(doc, "Name")
    new = grid(doc, [["Name", "Role"], *[r for r in PRESENT if r[1] != "Social worker"]])
    replace(old, new)
    paragraph = doc.add_paragraph()
    paragraph.add_run("Attendees").bold = True
    new._tbl.addprevious(paragraph._p)
    answer, messages = _d3(linted(doc, tmp_path / "no-social-worker.docx"))
    assert answer == "no"
    assert messages == ["The social worker is not recorded as attending the PEP meeting."]


def _written_out(folder: Path, label: str, value: str) -> FileReport:
    """secondary-good.docx with its attendee table replaced by one "Label: value" line."""
    doc = fixture("secondary-good.docx")
    old = table_starting(doc, "Name")
    paragraph = doc.add_paragraph(f"{label}: {value}")
    replace(old, paragraph)
    return linted(doc, folder / "attendees-written-out.docx")


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Who attended", "; ".join(f"{n} - {r}" for n, r in PRESENT)),
        ("Present at meeting", ", ".join(f"{n} ({r})" for n, r in PRESENT) + "."),
        ("Attendees", "; ".join(f"{n}, {r}" for n, r in PRESENT)),
    ],
    ids=["dashes", "brackets", "commas"],
)
def test_those_present_written_out_after_a_label_are_the_attendees(
    label: str, value: str, tmp_path: Path
) -> None:
    report = _written_out(tmp_path, label, value)
    assert report.pep is not None
    people = [(a.name, a.role, a.attended) for a in report.pep.meeting.attendees]
    assert people == [(n, r, True) for n, r in PRESENT]
    assert report.pep.provenance["meeting.attendees"].how == "listed-in-text"
    assert _d3(report) == ("yes", [])


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Invited", "; ".join(f"{n} - {r}" for n, r in PRESENT)),  # invited is not present
        ("Attendance this year", "95%"),
        ("Who attended", "Everyone who was invited."),  # no list of people
    ],
)
def test_other_lines_are_not_read_as_attendees(label: str, value: str, tmp_path: Path) -> None:
    report = _written_out(tmp_path, label, value)
    assert report.pep is not None
    assert report.pep.meeting.attendees == []
