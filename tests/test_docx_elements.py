"""The Word reporter makes its page's elements itself (`peplint.reporters.docx_elements`):
its documents are byte for byte those python-docx's own API makes of the same reports
(`tests/word_page_by_python_docx.py`), for every fixture under every bundled pack, and its
runs and cells split any text as python-docx splits it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from peplint.lint import LintSetup, lint_file
from peplint.packs.resolve import setup_for
from peplint.report import FileError, FileReport, Report
from peplint.reporters.docx_elements import Body, cell_text, cells, run
from peplint.reporters.docx_reporter import DocxReporter
from peplint.reporters.view import file_view
from tests.conftest import FIXTURES, GENERATED, OTHER_PRODUCERS, ROOT
from tests.word_page_by_python_docx import render_with_python_docx

DOCUMENTS = sorted(
    [
        *GENERATED.glob("*.docx"),
        *GENERATED.glob("*.pdf"),
        *OTHER_PRODUCERS.glob("*.pdf"),
        *(FIXTURES / "variants").glob("*.pdf"),
    ]
)
PACKS = ["section-d", *(str(p) for p in sorted((ROOT / "rule_packs").glob("*.yaml")))]
BROKEN = FileReport(
    path="broken.pdf",
    status="error",
    error=FileError(code="corrupt", message="This file could not be processed; it may be damaged."),
)


def _unclear_and_warned(entry: FileReport) -> FileReport:
    """The entry with an unclear answer and a layout warning (no fixture has both)."""
    changed = entry.model_copy(deep=True)
    assert changed.checklist is not None and changed.coverage is not None
    changed.checklist.items[0].answer = "unclear"
    changed.coverage.message = "Only part of this PEP's layout was read: check it by hand."
    return changed


def _reports(setup: LintSetup) -> list[Report]:
    entries = [lint_file(path, setup) for path in DOCUMENTS]
    entries += [_unclear_and_warned(entries[0]), BROKEN]
    reports = [Report(pack=setup.pack, files=[entry]) for entry in entries]
    return [*reports, Report(pack=setup.pack, files=entries[:3]), Report(pack=setup.pack)]


@pytest.fixture(scope="module", params=PACKS, ids=lambda p: Path(p).stem)
def reports(request: pytest.FixtureRequest) -> list[Report]:
    setup, _ = setup_for(request.param)
    return _reports(setup)


def test_every_report_is_the_document_python_docx_makes(reports: list[Report]) -> None:
    assert len(reports) > len(DOCUMENTS)
    for report in reports:
        name = report.files[0].path if report.files else "(no files)"
        assert DocxReporter().render(report) == render_with_python_docx(report), name


def test_the_reports_compared_reach_every_part_of_the_page() -> None:
    """Unclear items, a layout warning, bullets and an error are among them."""
    views = [file_view(e) for r in _reports(LintSetup.default()) for e in r.files]
    assert any(item.answer == "unclear" for view in views for item in view.items)
    assert any(view.layout_warning for view in views)
    assert any(line.startswith("- ") for view in views for line in view.feedback_text.split("\n"))
    assert any(view.error for view in views)


TEXT = st.text(
    alphabet=st.sampled_from(["a", "Z", " ", "\t", "\n", "\r", "\xa0", "&", "<", "é", "☒", "😀"]),
    max_size=12,
)


def _tostring(element: object) -> bytes:
    return etree.tostring(element)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(text=TEXT, bold=st.booleans(), italic=st.booleans())
def test_a_run_holds_any_text_as_python_docx_writes_it(text: str, bold: bool, italic: bool) -> None:
    theirs = Document().add_paragraph()
    made = theirs.add_run(text)
    if bold:  # set only when true, as the page does (python-docx adds an empty rPr for None)
        made.bold = True
    if italic:
        made.italic = True
    ours = Body(Document()).paragraph()
    run(ours, text, bold=bold, italic=italic)
    assert _tostring(ours) == _tostring(theirs._p)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(text=TEXT)
def test_a_cell_holds_any_text_as_python_docx_writes_it(text: str) -> None:
    document = Document()
    theirs = document.add_table(rows=1, cols=1).rows[0].cells[0]
    theirs.text = text
    ours = cells(Body(Document()).table(1, [17.0])[0])[0]
    cell_text(ours, text)
    assert [_tostring(e) for e in ours[1:]] == [_tostring(e) for e in theirs._tc[1:]]
