"""Document text with control characters (a NUL in a PDF's text) never breaks a report."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peplint.bulk.run as bulk_run
from peplint.lint import LintSetup, lint_file
from peplint.plugins.manager import collect, default_manager
from peplint.report import FileReport, Report
from peplint.safety.xmlchars import ILLEGAL, clean_model, clean_text
from tests.conftest import GENERATED

NASTY = "Ja\x00mie \x07Rowe\x1b[2J \x0b\ufffe\x9b"


def _with_controls(entry: FileReport) -> FileReport:
    assert entry.pep is not None
    entry.pep.child.name = NASTY
    entry.feedback = "Dear teacher,\x00 thank you.\x01\nLine two\ttabbed."
    for finding in entry.findings:
        finding.message = finding.message + "\x00\x02"
    return entry


@pytest.fixture(scope="module")
def dirty_report() -> Report:
    setup = LintSetup.default()
    entry = _with_controls(lint_file(GENERATED / "walsall-good.pdf", setup))
    return Report(pack=setup.pack, files=[entry])


def _reporters() -> dict[str, Any]:
    return collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter")


def test_clean_text_keeps_line_breaks_and_tabs() -> None:
    assert clean_text("a\x00b\tc\nd\r\x1b") == "ab\tc\nd\r"
    assert clean_text("Zoë ✓") == "Zoë ✓"


_EVERY_ILLEGAL = [
    c for c in map(chr, [*range(0xA0), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]) if ILLEGAL.match(c)
]


def test_clean_model_removes_every_illegal_character() -> None:
    # The quick look at the report's JSON must never take a dirty report for a clean one.
    assert len(_EVERY_ILLEGAL) == 2112  # C0 and C1 controls, DEL, surrogates, U+FFFE/FFFF
    missed = []
    for char in _EVERY_ILLEGAL:
        cleaned = clean_model(FileReport(path=f"a{char}b", status="ok", feedback=f"x {char}"))
        if (cleaned.path, cleaned.feedback) != ("ab", "x "):
            missed.append(f"U+{ord(char):04X}")
    assert missed == []


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(), st.text())
def test_clean_model_gives_what_cleaning_each_text_gives(path: str, feedback: str) -> None:
    report = FileReport(path=path, status="ok", feedback=feedback)
    cleaned = clean_model(report)
    assert (cleaned.path, cleaned.feedback) == (clean_text(path), clean_text(feedback))
    if not ILLEGAL.search(path + feedback):
        assert cleaned is report  # nothing to clean: the same object, not a copy


@pytest.mark.parametrize("name", sorted(_reporters()))
def test_every_reporter_writes_a_clean_file(dirty_report: Report, name: str) -> None:
    rendered = _reporters()[name].render(dirty_report)
    if name == "docx":
        with zipfile.ZipFile(io.BytesIO(rendered)) as package:
            xml = package.read("word/document.xml").decode("utf-8")
        assert not ILLEGAL.search(xml)
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(rendered)).paragraphs)
        assert "Dear teacher, thank you." in text
    else:
        text = rendered.decode("utf-8")
        assert not ILLEGAL.search(text)
        assert "\\u0000" not in text
        if name == "json":
            json.loads(text)


def test_bulk_writes_every_report_when_one_pep_has_a_nul(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from tests.test_bulk_safety import _run

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "a.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", folder / "b.docx")
    real = bulk_run.lint_file

    def nul_in_a(path: Path, *args: Any, **kwargs: Any) -> FileReport:
        entry = real(path, *args, **kwargs)
        return _with_controls(entry) if path.name == "a.pdf" else entry

    monkeypatch.setattr(bulk_run, "lint_file", nul_in_a)
    result = _run(folder, tmp_path / "out")
    assert [r.error_code for r in result.rows] == ["", ""]
    for key in ("a.pdf", "b.docx"):
        for ext in ("json", "html", "docx"):
            assert (tmp_path / "out" / "peps" / f"{key}.{ext}").is_file()
    dashboard = (tmp_path / "out" / "index.html").read_text()
    assert not ILLEGAL.search(dashboard)
    assert not ILLEGAL.search((tmp_path / "out" / "summary.csv").read_text())
