"""Text struck through in a PDF (tracked deletions as Word and LibreOffice print them) is
not read; underlined text and text in ruled cells are, with either PDF engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from peplint.parsers.pdf_blocks import PDF_ENGINE_VARIABLE, read_pdf


def _pdf(path: Path) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 11)
    width = page.stringWidth("78%", "Helvetica", 11)
    page.drawString(72, 700, "Attendance:")
    page.drawString(150, 700, "78%")
    page.line(150, 703.5, 150 + width, 703.5)  # a line through its middle: deleted
    page.drawString(150 + width + 1, 700, "94%")
    page.drawString(72, 670, "Underlined stays")
    page.line(72, 668, 160, 668)  # below the baseline: an underline
    page.rect(70, 620, 200, 30)  # a ruled box round a line of text
    page.drawString(76, 632, "Boxed stays too")
    page.line(60, 560, 300, 560)  # a ruled cell: its borders meet at the corners
    page.line(60, 540, 300, 540)
    page.line(60, 540, 60, 560)
    page.line(300, 540, 300, 560)
    page.drawString(66, 546, "Red")
    red = page.stringWidth("Red", "Helvetica", 11)
    page.line(66, 549.5, 66 + red, 549.5)  # struck inside the cell
    page.drawString(66 + red + 4, 546, "Amber")
    page.drawString(72, 590, "Leah to try harder in maths.")
    page.line(
        72, 593.5, 72 + page.stringWidth("Leah to try harder in maths.", "Helvetica", 11), 593.5
    )
    page.save()
    return path


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_struck_text_is_not_read(
    engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PDF_ENGINE_VARIABLE, engine)
    text = read_pdf(_pdf(tmp_path / "struck.pdf")).text()
    assert "94%" in text and "78%" not in text
    assert "Underlined stays" in text and "Boxed stays too" in text
    assert "harder" not in text
    assert "Amber" in text and "Red" not in text
