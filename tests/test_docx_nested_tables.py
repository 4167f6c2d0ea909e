"""A table nested in a cell of a layout table is read as a table of its own: the targets
table that a platform exports inside a "SMART targets | [table]" layout row gives its
targets, not one long target of flattened text (which told D7 "no": one target where
three were expected)."""

from __future__ import annotations

from pathlib import Path

from peplint.lint import LintSetup, lint_file
from tests.conftest import GENERATED
from tests.docx_edits import fixture, grid, nest, replace, saved, table_starting


def _nested_in_a_layout_table(name: str) -> bytes:
    """walsall-good.docx with a table moved into the second cell of a one-row layout
    table whose first cell names it."""
    doc = fixture("walsall-good.docx")
    table = table_starting(doc, name)
    layout = grid(doc, [["Agreed targets", ""]])
    nest(table, layout.rows[0].cells[1])
    replace(table, layout)
    return saved(doc)


def test_targets_in_a_table_nested_in_a_layout_table_are_read(tmp_path: Path) -> None:
    original = lint_file(GENERATED / "walsall-good.docx", LintSetup.default())
    path = tmp_path / "nested.docx"
    path.write_bytes(_nested_in_a_layout_table("Target"))
    report = lint_file(path, LintSetup.default())
    assert report.pep is not None and original.pep is not None and report.checklist is not None
    assert [t.text for t in report.pep.targets] == [t.text for t in original.pep.targets]
    assert [t.deadline for t in report.pep.targets] == [t.deadline for t in original.pep.targets]
    assert {i.id: i.answer for i in report.checklist.items}["D7"] == "yes"
