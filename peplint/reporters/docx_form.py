"""Word building blocks for an A4 local-authority form: page set-up, protective marking,
page-numbered footer, shaded header rows, tick cells, bullets and document properties.

python-docx has no API for fields (page numbers), cell shading or repeating header rows,
so those few pieces are written as the WordprocessingML elements Word itself writes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"
TICKED, UNTICKED = "☒", "☐"
HEADER_FILL = "D9E2F3"


def set_up_a4(doc: Any, marking: str = PROTECTIVE_MARKING) -> None:
    """A4 portrait with 2 cm margins, the protective marking in the header and
    "Page N of M" in the footer."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = header.add_run(marking)
    run.bold = True
    run.font.size = Pt(10)
    run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{marking}    Page ")
    add_field(footer, "PAGE")
    footer.add_run(" of ")
    add_field(footer, "NUMPAGES")


def add_field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update when they lay out."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def shade(cell: Any, fill: str = HEADER_FILL) -> None:
    """Fill a table cell with a colour."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def header_row(table: Any, labels: list[str]) -> None:
    """Make the first row a bold, shaded header that repeats on every page."""
    row = table.rows[0]
    for cell, label in zip(row.cells, labels, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(label)
        run.bold = True
        shade(cell)
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def tick_cell(cell: Any, ticked: bool) -> None:
    """A centred tick box."""
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(TICKED if ticked else UNTICKED)
    run.font.size = Pt(12)


def grid_table(doc: Any, rows: int, cols: int, widths_cm: list[float]) -> Any:
    """A bordered table with fixed column widths."""
    table = doc.add_table(rows=rows, cols=cols)
    table._tbl.tblStyle_val = "TableGrid"  # the "Table Grid" style of python-docx's template
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)  # the cells: what Word lays out by
    return table


def styled(doc: Any, text: str, style_id: str) -> Any:
    """A paragraph in the style with this id, set directly: python-docx's lookup of a style
    by name searches every style of the document each time, and a report sets hundreds."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def heading(doc: Any, text: str, level: int) -> Any:
    """A heading in Word's own "Heading N" style."""
    return styled(doc, text, f"Heading{level}")


def bullet(doc: Any, text: str) -> Any:
    """A real Word bullet (the List Bullet style), not a typed dash."""
    return styled(doc, text, "ListBullet")


def set_properties(
    doc: Any, title: str, author: str = "Virtual School", made_with: str = ""
) -> None:
    """Document properties an authority would set: no tool name, a fixed date for
    reproducible files, the protective marking as a keyword."""
    props = doc.core_properties
    props.title = title
    props.subject = "PEP quality assurance"
    props.author = author
    props.last_modified_by = author
    props.comments = made_with
    props.keywords = PROTECTIVE_MARKING
    props.category = PROTECTIVE_MARKING
    fixed = dt.datetime(2000, 1, 1)
    props.created = fixed
    props.modified = fixed
    props.revision = 1
