"""Word building blocks for an A4 local-authority form: page set-up, protective marking,
page-numbered footer, tick marks and document properties. (The page's paragraphs and
tables are made in `docx_elements`.)

python-docx has no API for fields (page numbers), so those are written as the
WordprocessingML elements Word itself writes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"
TICKED, UNTICKED = "☒", "☐"


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
