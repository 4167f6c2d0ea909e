"""The Word reporter: the "VS Final Sign Off" page filled in, ready for the officer.

An A4 local-authority form: the protective marking in the header, page numbers in the
footer, the child's details, one row per question with a tick column for every rating
of the pack's scale (in the pack's order), the overall judgement as tick boxes, the
draft feedback under "Further Comments" with real bullets, and a name / date /
signature box for the VS worker. A pack may name a Word template of its own instead
(`form:` in the pack; see `peplint.reporters.docx_template`).
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from peplint.report import Report
from peplint.reporters.docx_bytes import blank_document, document_bytes
from peplint.reporters.docx_form import (
    bullet,
    grid_table,
    header_row,
    heading,
    set_properties,
    set_up_a4,
    tick_cell,
)
from peplint.reporters.view import (
    FileView,
    answer_options,
    file_view,
    item_label,
    rating_words,
    used,
)
from peplint.safety.xmlchars import clean_model

TEXT_WIDTH_CM = 17.0  # A4 less two 2 cm margins, shared by the question and the ticks
YES_NO_NOTE = "To meet the expected standard all sections above should be recorded as a Yes"


def _blank_form(doc: Any) -> None:
    """python-docx's blank document as every report starts: Arial 10.5 pt, A4 with the
    protective marking and page numbers."""
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10.5)
    set_up_a4(doc)


class DocxReporter:
    """`--format docx`."""

    name = "docx"
    description = "The VS Final Sign Off page as a Word document, with the draft feedback."
    extension = "docx"
    binary = True

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The Word document's bytes (one sign-off page per file), or the pack's own form."""
        report = clean_model(report)  # no XML-illegal or terminal control characters
        template = (report.meta or {}).get("form_template")
        if template:
            from peplint.reporters.docx_template import render_template

            return render_template(report, template)
        doc = blank_document(_blank_form)
        title = "PEP quality assurance"
        for index, entry in enumerate(report.files):
            if index:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            view = file_view(entry)
            title = view.title
            self._page(doc, view)
        set_properties(doc, title, made_with=used(report))
        return document_bytes(doc)

    def _page(self, doc: Any, view: FileView) -> None:
        heading(doc, view.title, 1)
        details = grid_table(doc, 3, 2, [5.0, 12.0])
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
        options = answer_options(view)
        doc.add_paragraph()
        tick_width = 1.6 if len(options) <= 3 else 1.4
        widths = [TEXT_WIDTH_CM - tick_width * len(options)] + [tick_width] * len(options)
        table = grid_table(doc, len(view.items) + 1, len(options) + 1, widths)
        header_row(table, ["Question", *(rating_words(o) for o in options)])
        for row, item in zip(table.rows[1:], view.items, strict=True):
            question = row.cells[0]
            question.text = item_label(item)
            if item.answer == "unclear":
                note = question.add_paragraph().add_run("Unclear: please check this item.")
                note.italic = True
            for cell, option in zip(row.cells[1:], options, strict=True):
                tick_cell(cell, item.answer == option)
        if options == ["yes", "no"]:
            doc.add_paragraph(YES_NO_NOTE)
        self._overall(doc, view)
        heading(doc, "Further Comments", 2)
        for line in view.feedback_text.split("\n"):
            if line.startswith("- "):
                bullet(doc, line[2:])
            elif line.strip():
                doc.add_paragraph(line)
        heading(doc, "Name of VS worker who completed this", 2)
        box = grid_table(doc, 3, 2, [5.0, 12.0])
        for row, label in zip(box.rows, ("Name", "Date", "Signature"), strict=True):
            row.cells[0].text = label
            row.cells[0].paragraphs[0].runs[0].bold = True
            row.height = Pt(26)

    def _overall(self, doc: Any, view: FileView) -> None:
        heading = doc.add_paragraph()
        heading.add_run("Overall performance").bold = True
        labels = view.overall_options or (
            [view.judgement] if view.judgement else []
        )  # older reports: the judgement given
        if view.judgement and view.judgement not in labels:
            labels = [*labels, view.judgement]  # e.g. "needs a person"
        table = grid_table(doc, len(labels), 2, [1.2, 15.8])
        for row, label in zip(table.rows, labels, strict=True):
            tick_cell(row.cells[0], label == view.judgement)
            row.cells[1].text = label
