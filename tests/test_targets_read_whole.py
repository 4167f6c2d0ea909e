"""Targets are judged on all of them or not at all: a targets table laid out one target a
column is read one target a row, and when text of the targets section is left that no
target read holds, the count and what the targets cover are "unclear", never "no"."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from peplint.extract.catalogue import catalogue_for
from peplint.extract.pairs import read_pairs
from peplint.lint import LintSetup, lint_file
from peplint.model.document import Block, BlockKind, Table
from peplint.report import FileReport
from tests.conftest import GENERATED


def test_a_table_of_one_target_a_column_is_read_one_target_a_row() -> None:
    rows: list[list[str | None]] = [
        ["", "Target 1", "Target 2"],
        ["Target", "You will read daily.", "You will join a club."],
        ["Strategy", "A reading record.", "Mr Ellis will introduce you."],
        ["By whom", "Jamie and Sandra", "Jamie with Mr Ellis"],
        ["By when", "12/12/2026", "By the spring half term"],
    ]
    block = Block(kind=BlockKind.TABLE, table=Table(rows=rows))
    reading = read_pairs([block], "smart_targets", catalogue_for(None))
    assert [t.header for t in reading.tables] == [["target", "strategy", "by whom", "by when"]]
    assert reading.tables[0].body[0][0] == "You will read daily."
    assert reading.tables[0].body[1] == [
        "You will join a club.",
        "Mr Ellis will introduce you.",
        "Jamie with Mr Ellis",
        "By the spring half term",
    ]


def _edited(edit: str, folder: Path) -> FileReport:
    doc = Document(str(GENERATED / "walsall-good.docx"))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Target")
    if edit == "transposed":
        grid = [[c.text for c in row.cells] for row in table.rows]
        numbers = ["", *(f"Target {n}" for n in range(1, len(grid)))]
        columns = [numbers, *(list(c) for c in zip(*grid, strict=True))]
        new = doc.add_table(rows=len(columns), cols=len(grid))
        for row, texts in zip(new.rows, columns, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
        table._tbl.addnext(new._tbl)
        table._tbl.getparent().remove(table._tbl)
    else:  # the last two targets' rows left as lines of text after the table
        anchor = table._tbl
        for row in list(table.rows)[2:]:
            line = doc.add_paragraph(" | ".join(c.text for c in row.cells))
            anchor.addnext(line._p)
            anchor = line._p
            row._tr.getparent().remove(row._tr)
    buffer = io.BytesIO()
    doc.save(buffer)
    path = folder / f"{edit}.docx"
    path.write_bytes(buffer.getvalue())
    return lint_file(path, LintSetup.default())


def _answers(report: FileReport) -> dict[str, str]:
    assert report.checklist is not None
    return {i.id: i.answer for i in report.checklist.items}


def test_targets_laid_out_one_a_column_are_judged_as_targets(tmp_path: Path) -> None:
    report = _edited("transposed", tmp_path)
    assert report.pep is not None and len(report.pep.targets) == 3
    assert _answers(report)["D7"] == "yes"


def test_targets_left_unread_make_the_count_unclear_not_no(tmp_path: Path) -> None:
    report = _edited("split", tmp_path)
    assert report.pep is not None and len(report.pep.targets) == 1
    present = [f for f in report.findings if f.rule == "targets-present"]
    assert present and all("not read as targets" in f.message for f in present)
    assert _answers(report)["D7"] == "unclear"
