"""A subject table whose result columns name no term ("Current grade | Progress | On
track") holds the results of the term the PEP meeting was in: read, the below-expected
subject is found (its intervention checked), and English and maths are not said to be
missing their grade."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport
from tests.docx_edits import fixture, grid, replace, saved, table_starting

HEADER = ["Subject", "Level", "Target", "On track", "Current grade", "Progress", "Intervention"]
SUPPORT = "Small-group fractions sessions twice a week with Mr Lowe."


def _flat_subjects(maths_support: str) -> bytes:
    """secondary-good.docx with its termly subject table laid out with no term columns."""
    doc = fixture("secondary-good.docx")
    old = table_starting(doc, "Subject")
    rows = [
        HEADER,
        ["English", "KS3", "6", "Yes", "5", "Making expected progress", ""],
        ["Maths", "KS3", "6", "No", "4", "Making less than expected progress", maths_support],
        ["Art", "KS3", "6", "Yes", "7", "Making more than expected progress", ""],
    ]
    replace(old, grid(doc, rows))
    return saved(doc)


def _lint(data: bytes, folder: Path) -> FileReport:
    path = folder / "flat-subjects.docx"
    path.write_bytes(data)
    return lint_file(path, LintSetup.default())


def test_results_under_columns_naming_no_term_are_the_meetings_term(tmp_path: Path) -> None:
    report = _lint(_flat_subjects(SUPPORT), tmp_path)
    assert report.pep is not None and report.checklist is not None
    maths = next(s for s in report.pep.attainment.subjects if s.subject == "Maths")
    assert [(t.term, t.on_track, t.grade, t.progress) for t in maths.terms] == [
        ("autumn", False, "4", "less")  # the meeting was on 7 October 2026
    ]
    assert not [f for f in report.findings if f.rule == "english-maths-recorded"]
    assert {i.id: i.answer for i in report.checklist.items}["D6"] == "yes"


def test_a_subject_below_expected_with_no_intervention_is_found(tmp_path: Path) -> None:
    report = _lint(_flat_subjects(""), tmp_path)
    assert report.checklist is not None
    assert [
        f.location for f in report.findings if f.rule == "intervention-where-below-expected"
    ] == ["Maths"]
    assert {i.id: i.answer for i in report.checklist.items}["D6"] == "no"


def _without_dates(data: bytes) -> bytes:
    """The document with every date row's answer emptied: no date says which term it is."""
    doc = Document(io.BytesIO(data))
    for table in doc.tables:
        for row in table.rows:
            cells = row.cells
            if len(cells) == 2 and "date" in cells[0].text.lower():
                cells[1].text = ""
    return saved(doc)


def test_results_of_a_term_no_date_names_are_unclear_never_judged(tmp_path: Path) -> None:
    report = _lint(_without_dates(_flat_subjects("")), tmp_path)
    assert report.pep is not None and report.checklist is not None
    assert report.pep.meeting.date is None
    assert {i.id: i.answer for i in report.checklist.items}["D6"] == "unclear"
    recorded = [f.message for f in report.findings if f.rule == "english-maths-recorded"]
    assert recorded and all("could not be found" in m for m in recorded)
