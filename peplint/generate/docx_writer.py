"""Render a layout as a Word document with python-docx.

Checkboxes are written in the style the spec asks for: glyph text (☒ Yes ☐ No),
Word content-control checkboxes (`w14:checkbox`) or legacy form fields, the
three forms real exports use. A running header and footer are added so the
parser's handling of them is exercised.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from peplint.generate.layout import Cell, CellValue, Choice, Element, Grid, Heading, Para
from peplint.reproducible_zip import reproducible_zip

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def render_docx(
    elements: list[Element],
    checkbox_style: str = "glyph",
    header_text: str = "OFFICIAL - SENSITIVE",
) -> bytes:
    """Render `elements` as the bytes of a .docx file."""
    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.header.paragraphs[0].text = header_text
    section.footer.paragraphs[0].text = "Personal Education Plan - confidential"
    styles = doc.styles
    styles["Normal"].font.size = Pt(10)
    for element in elements:
        if isinstance(element, Heading):
            doc.add_heading(element.text, level=element.level)
        elif isinstance(element, Para):
            _fill(doc.add_paragraph(), element.value, checkbox_style)
        elif isinstance(element, Grid):
            _add_grid(doc, element, checkbox_style)
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible_zip(buffer.getvalue())


def _add_grid(doc: Any, grid: Grid, checkbox_style: str) -> None:
    table = doc.add_table(rows=len(grid.rows), cols=grid.columns)
    table.style = "Table Grid"
    for r, row in enumerate(grid.rows):
        col = 0
        for cell in row:
            target: _Cell = table.cell(r, col)
            if cell.colspan > 1:
                target = target.merge(table.cell(r, col + cell.colspan - 1))
            _write_cell(target, cell, grid.font_size, checkbox_style)
            col += cell.colspan
    if grid.repeat_header_rows:
        for row in table.rows[: grid.repeat_header_rows]:
            tr_pr = row._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            tr_pr.append(header)


def _write_cell(target: _Cell, cell: Cell, size: float, checkbox_style: str) -> None:
    lines: list[CellValue] = (
        list(cell.value.split("\n")) if isinstance(cell.value, str) else [cell.value]
    )
    first = target.paragraphs[0]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else target.add_paragraph()
        _fill(paragraph, line, checkbox_style, size=size, bold=cell.header)


def _fill(
    paragraph: Paragraph,
    value: CellValue,
    checkbox_style: str,
    size: float | None = None,
    bold: bool = False,
) -> None:
    if isinstance(value, Choice) and checkbox_style != "glyph":
        for label, checked in value.options:
            if checkbox_style == "content_control":
                paragraph._p.append(_content_control_checkbox(checked))
            else:
                _legacy_checkbox(paragraph, checked)
            run = paragraph.add_run(f" {label} ")
            if size:
                run.font.size = Pt(size)
        return
    text = value.as_glyphs() if isinstance(value, Choice) else value
    run = paragraph.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)


def _content_control_checkbox(checked: bool) -> Any:
    """A Word 2010+ checkbox content control (`w:sdt` with `w14:checkbox`)."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    box = OxmlElement("w14:checkbox")
    state = OxmlElement("w14:checked")
    state.set(qn("w14:val"), "1" if checked else "0")
    box.append(state)
    pr.append(box)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "☒" if checked else "☐"
    run.append(text)
    content.append(run)
    sdt.append(content)
    return sdt


def _legacy_checkbox(paragraph: Paragraph, checked: bool) -> None:
    """A legacy FORMCHECKBOX field, whose state lives in `w:ffData`, not in any text."""
    begin = OxmlElement("w:r")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "begin")
    ff = OxmlElement("w:ffData")
    box = OxmlElement("w:checkBox")
    box.append(OxmlElement("w:sizeAuto"))
    default = OxmlElement("w:default")
    default.set(qn("w:val"), "1" if checked else "0")
    box.append(default)
    ff.append(box)
    fld.append(ff)
    begin.append(fld)
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.text = " FORMCHECKBOX "
    instr_run.append(instr)
    end = OxmlElement("w:r")
    end_fld = OxmlElement("w:fldChar")
    end_fld.set(qn("w:fldCharType"), "end")
    end.append(end_fld)
    for element in (begin, instr_run, end):
        paragraph._p.append(element)
