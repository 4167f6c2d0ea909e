"""A free-text section given as a table of questions and answers ("What do you enjoy at
school? | I like art..."), with no running text of its own, holds those answers: it is not
"empty". An answer table left blank is still found empty, so that "no" stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.report import FileReport
from tests.docx_edits import fixture, grid, linted

VIEWS_HEADING = "My Views, Wishes and Feelings"
ANSWERS = [
    ["What do you enjoy at school?", "I like art and reading, and break time with my friends."],
    ["What do you find hard?", "Maths is hard when we do fractions."],
    ["What help would you like?", "I would like help with fractions in a small group."],
]


def _views_as_table(folder: Path, rows: list[list[str]], header: list[str]) -> FileReport:
    """secondary-good.docx with its views paragraph replaced by a question/answer table."""
    doc = fixture("secondary-good.docx")
    heading = next(p for p in doc.paragraphs if p.text == VIEWS_HEADING)
    paragraph = heading._p.getnext()
    table = grid(doc, [header, *rows])
    paragraph.addnext(table._tbl)
    paragraph.getparent().remove(paragraph)
    return linted(doc, folder / "views-as-table.docx")


def _item(report: FileReport, item_id: str) -> str:
    assert report.checklist is not None
    return next(i.answer for i in report.checklist.items if i.id == item_id)


@pytest.mark.parametrize(
    "header", [["Question", "My answer"], ["What we asked", "What I said"]], ids=str
)
def test_answers_in_a_table_are_the_sections_text(header: list[str], tmp_path: Path) -> None:
    report = _views_as_table(tmp_path, ANSWERS, header)
    assert report.pep is not None
    assert report.pep.young_persons_views == " ".join(answer for _, answer in ANSWERS)
    assert report.pep.provenance["young_persons_views"].state == "found"
    assert _item(report, "D4") == "yes"


def test_an_answer_table_left_blank_is_found_empty(tmp_path: Path) -> None:
    report = _views_as_table(tmp_path, [[q, ""] for q, _ in ANSWERS], ["Question", "My answer"])
    assert report.pep is not None
    assert report.pep.young_persons_views is None
    assert report.pep.provenance["young_persons_views"].state == "empty"
    assert _item(report, "D4") == "no"


def test_two_labels_over_two_columns_of_text_are_read_by_column(tmp_path: Path) -> None:
    # A page printed in two columns, each under its own heading, read as one table:
    # "My views | Strengths" is not a label and its value.
    views = "I like art and reading, and break time with my friends most days."
    strengths = "Leah reads widely and her art work is some of the best in her year."
    rows = [[views, strengths], ["Maths is hard when we do fractions.", ""]]
    report = _views_as_table(tmp_path, rows, ["My views", "Strengths"])
    assert report.pep is not None
    assert report.pep.young_persons_views == f"{views} Maths is hard when we do fractions."
    assert _item(report, "D4") == "yes"
