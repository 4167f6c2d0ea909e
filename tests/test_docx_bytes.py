"""Word reports started from a copy of a blank form held in memory, and written with the
shared parts deflated once: the very bytes of python-docx's own open, save and
`reproducible_zip`, whatever was rendered before."""

from __future__ import annotations

import io
import zipfile
from collections import OrderedDict
from typing import Any

import pytest
from docx import Document
from docx.shared import Pt

import peplint.reporters.docx_bytes as docx_bytes
import peplint.reporters.docx_reporter as docx_reporter
from peplint.lint import LintSetup, lint_file
from peplint.report import Report
from peplint.reporters.docx_reporter import DocxReporter, _blank_form
from peplint.reproducible_zip import reproducible_zip
from tests.conftest import GENERATED

FIXTURES = sorted([*GENERATED.glob("*.pdf"), *GENERATED.glob("*.docx")])[:8]


def _saved(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    setup = LintSetup.default()
    return [Report(pack=setup.pack, files=[lint_file(path, setup)]) for path in FIXTURES]


def _fresh(prepare: Any) -> Any:
    doc = Document()
    prepare(doc)
    return doc


def _as_python_docx_writes(report: Report, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The report as python-docx alone makes the file: a fresh open and a save."""
    with monkeypatch.context() as patched:
        patched.setattr(docx_reporter, "blank_document", _fresh)
        patched.setattr(docx_reporter, "document_bytes", _saved)
        return DocxReporter().render(report)


def test_every_report_is_byte_for_byte_what_python_docx_writes(
    reports: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert FIXTURES, "no generated fixtures"
    for report in reports:
        expected = _as_python_docx_writes(report, monkeypatch)
        assert DocxReporter().render(report) == expected, report.files[0].path


def test_a_report_does_not_depend_on_the_reports_rendered_before(
    reports: list[Report],
) -> None:
    quick = DocxReporter()
    first = quick.render(reports[0])
    for other in reports[1:]:
        quick.render(other)  # each starts from its own copy of the blank form
    assert quick.render(reports[0]) == first


def test_the_blank_form_is_copied_not_shared() -> None:
    one, two = docx_bytes.blank_document(_blank_form), docx_bytes.blank_document(_blank_form)
    one.add_paragraph("only in the first")
    assert one is not two and one.part.package is not two.part.package
    assert [p.text for p in two.paragraphs] == [p.text for p in Document().paragraphs]


def test_a_python_docx_laid_out_otherwise_still_gets_the_same_bytes(
    reports: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = DocxReporter().render(reports[0])
    monkeypatch.setattr(docx_bytes, "_members", lambda doc: None)
    assert DocxReporter().render(reports[0]) == expected


def test_deflated_parts_remembered_are_bounded(
    reports: list[Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_bytes, "_KEPT", 20)
    monkeypatch.setattr(docx_bytes, "_deflated", OrderedDict())
    for report in reports:
        DocxReporter().render(report)
    assert len(docx_bytes._deflated) <= 20
    assert DocxReporter().render(reports[0]) == _as_python_docx_writes(reports[0], monkeypatch)


def test_a_report_that_changes_the_styles_does_not_change_the_next(
    reports: list[Report],
) -> None:
    plain = DocxReporter().render(reports[0])
    changed = docx_bytes.blank_document(_blank_form)
    changed.styles["Normal"].font.size = Pt(20)  # the styles part is shared with the blank
    written = docx_bytes.document_bytes(changed)
    with zipfile.ZipFile(io.BytesIO(written)) as package:
        assert b'w:sz w:val="40"' in package.read("word/styles.xml")  # its own change kept
    assert DocxReporter().render(reports[0]) == plain  # started from a blank made anew
