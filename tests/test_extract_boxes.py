"""A table of one column is read as the text it holds (`pairs.unboxed`): a bordered box
round the child's views is the section's running text, never an empty section, and a
form that stacks each label over its answer gives each label its own answer, an empty
answer included. Any wider table is read as a table, as before."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from peplint.extract.pairs import read_pairs
from peplint.lint import LintSetup, lint_file
from peplint.model.document import Block, BlockKind, Table
from tests.conftest import GENERATED
from tests.test_extract_pairs import Known

VIEWS = "I like art and drama. I find maths hard but my tutor helps me."


def _table(*rows: list[str | None]) -> Block:
    return Block(kind=BlockKind.TABLE, table=Table(rows=[list(r) for r in rows]), page=2)


def test_a_box_of_text_is_the_sections_running_text() -> None:
    reading = read_pairs([_table([VIEWS])], "child_views", Known())
    assert [p.text for p in reading.paragraphs] == [VIEWS]
    assert not reading.pairs and not reading.tables


def test_a_box_whose_rows_are_merged_across_the_table_is_running_text_too() -> None:
    reading = read_pairs([_table([VIEWS, None], ["I want to be a vet.", None])], "x", Known())
    assert [p.text for p in reading.paragraphs] == [VIEWS, "I want to be a vet."]


def test_stacked_labels_each_take_the_row_under_them_an_empty_one_included() -> None:
    rows = [["Date of birth"], ["02/03/2009"], ["Year group"], [""], ["Summary of discussion"]]
    reading = read_pairs([_table(*rows, ["We talked about college."])], "x", Known())
    assert [(p.label, p.value) for p in reading.pairs] == [
        ("Date of birth", "02/03/2009"),
        ("Year group", ""),  # found and empty: the next label is not taken for its answer
        ("Summary of discussion", "We talked about college."),
    ]


def test_stacked_rows_under_a_title_row() -> None:
    rows = [["About me"], ["Date of birth"], ["02/03/2009"], ["Year group"], ["9"]]
    reading = read_pairs([_table(*rows)], "x", Known())
    assert ("Date of birth", "02/03/2009") in [(p.label, p.value) for p in reading.pairs]
    assert ("Year group", "9") in [(p.label, p.value) for p in reading.pairs]


def test_an_empty_box_holds_no_text() -> None:
    reading = read_pairs([_table([""])], "child_views", Known())
    assert not reading.paragraphs and not reading.pairs


def test_a_two_column_table_is_still_read_as_label_value_rows() -> None:
    reading = read_pairs(
        [_table(["Date of birth", "02/03/2009"], ["Year group", ""])], "x", Known()
    )
    assert [(p.label, p.value, p.how) for p in reading.pairs] == [
        ("Date of birth", "02/03/2009", "table-row"),
        ("Year group", "", "table-row"),
    ]
    assert not reading.paragraphs


def _views_boxed(text: str | None) -> bytes:
    """walsall-good.docx with its views paragraph moved into a bordered one-cell table
    (emptied when `text` is "")."""
    doc = Document(str(GENERATED / "walsall-good.docx"))
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("I like college"))
    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = paragraph.text if text is None else text
    paragraph._p.addnext(table._tbl)
    paragraph._p.getparent().remove(paragraph._p)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _answer(data: bytes, item: str, folder: Path) -> str:
    path = folder / "boxed.docx"
    path.write_bytes(data)
    report = lint_file(path, LintSetup.default())
    assert report.checklist is not None
    return next(i.answer for i in report.checklist.items if i.id == item)


def test_the_childs_views_in_a_box_are_recorded_and_an_empty_box_is_a_no(tmp_path: Path) -> None:
    original = lint_file(GENERATED / "walsall-good.docx", LintSetup.default())
    assert original.checklist is not None
    views = next(i for i in original.checklist.items if i.id == "D4")
    assert views.answer == "yes"
    assert _answer(_views_boxed(None), "D4", tmp_path) == "yes"
    assert _answer(_views_boxed(""), "D4", tmp_path) == "no"
