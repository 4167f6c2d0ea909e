"""Editing a generated fixture PEP into another layout for a test: a table made from
rows of text, put in the place of another, a table nested in a cell, and the document
saved and linted."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from docx import Document

from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport
from tests.conftest import GENERATED


def fixture(name: str) -> Any:
    """A generated fixture PEP opened with python-docx."""
    return Document(str(GENERATED / name))


def table_starting(doc: Any, first_cell: str) -> Any:
    """The document's first table whose first cell holds `first_cell`."""
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_cell)


def grid(doc: Any, rows: list[list[str]]) -> Any:
    """A new bordered table of these rows (left at the end of the document)."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    return table


def replace(old: Any, new: Any) -> None:
    """Put table (or paragraph) `new` where table `old` is, and take `old` out."""
    old_element = old._tbl if hasattr(old, "_tbl") else old._p
    old_element.addnext(new._tbl if hasattr(new, "_tbl") else new._p)
    old_element.getparent().remove(old_element)


def nest(table: Any, cell: Any) -> None:
    """A copy of `table` inside `cell` (which keeps a closing paragraph, as Word's do)."""
    cell._tc.append(copy.deepcopy(table._tbl))
    cell._tc.append(copy.deepcopy(cell.paragraphs[0]._p))


def saved(doc: Any) -> bytes:
    """The document's bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def linted(doc: Any, path: Path) -> FileReport:
    """The document saved at `path` and linted with the default pack."""
    path.write_bytes(saved(doc))
    return lint_file(path, LintSetup.default())
