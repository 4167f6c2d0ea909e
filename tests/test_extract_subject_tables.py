"""Subjects in more than one table (grades in one, interventions in another, as some
platforms print them): a subject in both is one subject, its intervention read from the
second table. Before, only the first table was read: a maths row below expected with its
intervention in a second table was judged on half of what the PEP says."""

from __future__ import annotations

from pathlib import Path

from peplint.report import FileReport
from tests.docx_edits import fixture, grid, linted, table_starting

SUPPORT = "Small-group fractions sessions twice a week with Mr Lowe."


def _interventions_apart(folder: Path, rows: list[list[str]]) -> FileReport:
    """secondary-good.docx with its subject table's "Support in place" column emptied and
    a second "Subject | Intervention" table of `rows` straight after it."""
    doc = fixture("secondary-good.docx")
    subjects = table_starting(doc, "Subject")
    for row in subjects.rows[1:]:
        row.cells[-1].text = ""
    subjects.rows[0].cells[-1].text = "Notes"
    second = grid(doc, [["Subject", "Intervention"], *rows])
    subjects._tbl.addnext(second._tbl)
    return linted(doc, folder / "interventions-apart.docx")


def _answer(report: FileReport, item_id: str) -> str:
    assert report.checklist is not None
    return next(i.answer for i in report.checklist.items if i.id == item_id)


def test_a_subject_in_two_tables_is_one_subject(tmp_path: Path) -> None:
    report = _interventions_apart(tmp_path, [["Maths", SUPPORT]])
    assert report.pep is not None
    subjects = {s.subject: s for s in report.pep.attainment.subjects}
    assert list(subjects) == ["English", "Maths", "Art"]
    assert subjects["Maths"].intervention == SUPPORT
    assert [t.grade for t in subjects["Maths"].terms] == ["4"]  # the first table's results
    assert _answer(report, "D6") == "yes"


def test_an_intervention_for_another_subject_does_not_cover_maths(tmp_path: Path) -> None:
    report = _interventions_apart(tmp_path, [["Art", "Art club on Thursdays, to build on it."]])
    assert report.pep is not None
    subjects = {s.subject: s for s in report.pep.attainment.subjects}
    assert subjects["Art"].intervention is not None
    assert subjects["Maths"].intervention is None
    assert _answer(report, "D6") != "yes"
    assert any(
        f.rule == "intervention-where-below-expected" and f.location == "Maths"
        for f in report.findings
    )
