"""The Word sign-off page made through python-docx's own API, as the reporter made it
before it built the elements itself (`peplint.reporters.docx_elements`): the reference
the reporter's bytes are compared with."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from peplint.report import Report
from peplint.reporters import view as views
from peplint.reporters.docx_bytes import blank_document, document_bytes
from peplint.reporters.docx_form import TICKED, UNTICKED, set_properties
from peplint.reporters.docx_reporter import TEXT_WIDTH_CM, YES_NO_NOTE, _blank_form
from peplint.safety.xmlchars import clean_model


def _shade(cell: Any) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "D9E2F3")
    properties.append(shading)


def _header_row(table: Any, labels: list[str]) -> None:
    row = table.rows[0]
    for cell, label in zip(row.cells, labels, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(label).bold = True
        _shade(cell)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _tick_cell(cell: Any, ticked: bool) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(TICKED if ticked else UNTICKED).font.size = Pt(12)


def _grid_table(doc: Any, rows: int, cols: int, widths_cm: list[float]) -> Any:
    table = doc.add_table(rows=rows, cols=cols)
    table._tbl.tblStyle_val = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
    return table


def _styled(doc: Any, text: str, style_id: str) -> Any:
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = style_id
    return paragraph


def _page(doc: Any, view: views.FileView) -> None:
    _styled(doc, view.title, "Heading1")
    details = _grid_table(doc, 3, 2, [5.0, 12.0])
    for row, (label, value) in zip(
        details.rows,
        (
            ("Young person", view.child),
            ("School or setting", view.school),
            ("PEP meeting date", view.pep_date),
        ),
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
        row.cells[0].paragraphs[0].runs[0].bold = True
    if view.error:
        doc.add_paragraph(f"This PEP could not be read: {view.error}")
        return
    if view.layout_warning:
        doc.add_paragraph().add_run(view.layout_warning).bold = True
    doc.add_paragraph(f"Layout coverage: {view.coverage}")
    options = views.answer_options(view)
    doc.add_paragraph()
    tick_width = 1.6 if len(options) <= 3 else 1.4
    widths = [TEXT_WIDTH_CM - tick_width * len(options)] + [tick_width] * len(options)
    table = _grid_table(doc, len(view.items) + 1, len(options) + 1, widths)
    _header_row(table, ["Question", *(views.rating_words(o) for o in options)])
    for row, item in zip(table.rows[1:], view.items, strict=True):
        question = row.cells[0]
        question.text = views.item_label(item)
        if item.answer == "unclear":
            question.add_paragraph().add_run("Unclear: please check this item.").italic = True
        for cell, option in zip(row.cells[1:], options, strict=True):
            _tick_cell(cell, item.answer == option)
    if options == ["yes", "no"]:
        doc.add_paragraph(YES_NO_NOTE)
    doc.add_paragraph().add_run("Overall performance").bold = True
    labels = view.overall_options or ([view.judgement] if view.judgement else [])
    if view.judgement and view.judgement not in labels:
        labels = [*labels, view.judgement]
    overall = _grid_table(doc, len(labels), 2, [1.2, 15.8])
    for row, label in zip(overall.rows, labels, strict=True):
        _tick_cell(row.cells[0], label == view.judgement)
        row.cells[1].text = label
    _styled(doc, "Further Comments", "Heading2")
    for line in view.feedback_text.split("\n"):
        if line.startswith("- "):
            _styled(doc, line[2:], "ListBullet")
        elif line.strip():
            doc.add_paragraph(line)
    _styled(doc, "Name of VS worker who completed this", "Heading2")
    box = _grid_table(doc, 3, 2, [5.0, 12.0])
    for row, label in zip(box.rows, ("Name", "Date", "Signature"), strict=True):
        row.cells[0].text = label
        row.cells[0].paragraphs[0].runs[0].bold = True
        row.height = Pt(26)


def render_with_python_docx(report: Report) -> bytes:
    """The report's Word document, its pages made through python-docx's API."""
    report = clean_model(report)
    doc = blank_document(_blank_form)
    title = "PEP quality assurance"
    for index, entry in enumerate(report.files):
        if index:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        view = views.file_view(entry)
        title = view.title
        _page(doc, view)
    set_properties(doc, title, made_with=views.used(report))
    return document_bytes(doc)
