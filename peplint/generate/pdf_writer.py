"""Render a layout as a PDF with reportlab (pure pip).

Headings are bold and larger, tables are ruled grids with merged cells and
repeated header rows, checkboxes are drawn squares (crossed when ticked) as
Word's legacy checkboxes print, and every page has a running header and footer.
"""

from __future__ import annotations

import functools
import io
from html import escape
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from peplint.generate.layout import CellValue, Choice, Element, Grid, Heading, Para

_FALLBACK_FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


@functools.cache
def _fallback_font() -> str | None:
    """A TrueType font for characters Helvetica cannot show (e.g. Cyrillic), if one is installed."""
    for candidate in _FALLBACK_FONT_PATHS:
        if Path(candidate).is_file():
            pdfmetrics.registerFont(TTFont("PeplintFallback", candidate))
            return "PeplintFallback"
    return None


def _markup(text: str) -> str:
    """Escape text for a reportlab Paragraph, switching font for non-Latin-1 characters."""
    font = _fallback_font()
    out: list[str] = []
    for line_index, line in enumerate(text.split("\n")):
        if line_index:
            out.append("<br/>")
        for ch in line:
            try:
                ch.encode("cp1252")
                out.append(escape(ch))
            except UnicodeEncodeError:
                out.append(f'<font name="{font}">{escape(ch)}</font>' if font else "?")
    return "".join(out)


class ChoiceBoxes(Flowable):
    """Checkbox options drawn as squares, crossed when ticked, with their labels."""

    def __init__(self, choice: Choice, size: float) -> None:
        super().__init__()
        self.choice = choice
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = sum(
            self.size * 1.6 + pdfmetrics.stringWidth(label, "Helvetica", self.size) + 8
            for label, _ in self.choice.options
        )
        return min(width, avail_width), self.size * 1.4

    def draw(self) -> None:
        canvas = self.canv
        x, box = 0.0, self.size * 0.9
        for label, checked in self.choice.options:
            canvas.setLineWidth(0.6)
            canvas.rect(x, 0, box, box, stroke=1, fill=0)
            if checked:
                canvas.line(x + 1, 1, x + box - 1, box - 1)
                canvas.line(x + 1, box - 1, x + box - 1, 1)
            canvas.setFont("Helvetica", self.size)
            canvas.drawString(x + box + 3, 1, label)
            x += box + 3 + pdfmetrics.stringWidth(label, "Helvetica", self.size) + 8


def render_pdf(elements: list[Element], header_text: str = "OFFICIAL - SENSITIVE") -> bytes:
    """Render `elements` as the bytes of a PDF file."""
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12, spaceAfter=4)
    head_styles = {
        1: ParagraphStyle(
            "h1", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceBefore=8, spaceAfter=6
        ),
        2: ParagraphStyle(
            "h2", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=4
        ),
        3: ParagraphStyle(
            "h3", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6, spaceAfter=3
        ),
    }
    story: list[Flowable] = []
    for element in elements:
        if isinstance(element, Heading):
            story.append(Paragraph(_markup(element.text), head_styles[min(element.level, 3)]))
        elif isinstance(element, Para):
            story.append(_flowable(element.value, body, body.fontSize))
        elif isinstance(element, Grid):
            story.append(_table(element, body))
            story.append(Spacer(1, 4))

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(18 * mm, A4[1] - 10 * mm, header_text)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Personal Education Plan",
        author="peplint generate",
        invariant=1,
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _flowable(value: CellValue, style: ParagraphStyle, size: float) -> Flowable:
    if isinstance(value, Choice):
        return ChoiceBoxes(value, size)
    return Paragraph(_markup(value), style)


def _table(grid: Grid, body: ParagraphStyle) -> Table:
    cell_style = ParagraphStyle(
        "cell", parent=body, fontSize=grid.font_size, leading=grid.font_size * 1.25, spaceAfter=0
    )
    head_style = ParagraphStyle("cellhead", parent=cell_style, fontName="Helvetica-Bold")
    total = 174 * mm
    scale = total / sum(grid.widths or [1.0] * grid.columns)
    widths = [w * scale for w in (grid.widths or [1.0] * grid.columns)]
    data: list[list[Flowable | str]] = []
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, row in enumerate(grid.rows):
        out_row: list[Flowable | str] = []
        col = 0
        for cell in row:
            style = head_style if cell.header else cell_style
            out_row.append(_flowable(cell.value, style, grid.font_size))
            out_row.extend([""] * (cell.colspan - 1))
            if cell.colspan > 1:
                commands.append(("SPAN", (col, r), (col + cell.colspan - 1, r)))
            col += cell.colspan
        out_row.extend([""] * (grid.columns - col))
        data.append(out_row)
    table = Table(data, colWidths=widths, repeatRows=grid.repeat_header_rows)
    table.setStyle(TableStyle(commands))
    return table
