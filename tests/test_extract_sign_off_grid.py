"""Sign-offs as a grid of labels by whom ("| Social worker | Designated teacher" over
"Date completed", "Date of next PEP" rows): each cell is that label for that person, so
both sign-offs are read and D1 is judged. Before, the dates were not found (unclear)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.docx_edits import fixture, grid, linted, replace, table_starting

GRID = [
    ["", "Social worker", "Designated teacher"],
    ["Name", "Daniel Hughes", "Ruth Adeyemi"],
    ["Section complete", "☒ Yes ☐ No", "☒ Yes ☐ No"],
    ["Date completed", "8 October 2026", "12 October 2026"],
    ["Date of next PEP", "27 January 2027", "27 January 2027"],
]


def test_sign_offs_in_a_grid_by_whom_are_read(tmp_path: Path) -> None:
    doc = fixture("secondary-good.docx")
    replace(table_starting(doc, "Role"), grid(doc, GRID))
    report = linted(doc, tmp_path / "sign-off-grid.docx")
    assert report.pep is not None and report.checklist is not None
    signed = report.pep.sign_offs
    assert (signed.social_worker.date, signed.designated_teacher.date) == (
        dt.date(2026, 10, 8),
        dt.date(2026, 10, 12),
    )
    assert signed.designated_teacher.next_pep_date == dt.date(2027, 1, 27)
    assert signed.social_worker.completed is True
    assert next(i.answer for i in report.checklist.items if i.id == "D1") == "yes"


def test_a_results_grid_with_an_empty_corner_is_not_read_by_whom(tmp_path: Path) -> None:
    # Subjects down the side are not labels: the grid stays a table of results.
    doc = fixture("secondary-good.docx")
    results = [["", "Autumn", "Spring"], ["English", "5", "6"], ["Maths", "4", "5"]]
    replace(table_starting(doc, "Subject"), grid(doc, results))
    report = linted(doc, tmp_path / "results-grid.docx")
    assert report.pep is not None
    assert not any("(Autumn)" in label for label in report.pep.unplaced_labels)
