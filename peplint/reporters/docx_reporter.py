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

from docx.shared import Pt

from peplint.report import Report
from peplint.reporters.docx_bytes import blank_document, document_bytes
from peplint.reporters.docx_elements import (
    Body,
    cell_paragraph,
    cell_text,
    cells,
    header_cells,
    row_height,
    run,
    tick_cell,
)
from peplint.reporters.docx_form import TICKED, UNTICKED, set_properties, set_up_a4
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
        body = Body(doc)
        title = "PEP quality assurance"
        for index, entry in enumerate(report.files):
            if index:
                body.page_break()
            view = file_view(entry)
            title = view.title
            self._page(body, view)
        set_properties(doc, title, made_with=used(report))
        return document_bytes(doc)

    def _page(self, body: Body, view: FileView) -> None:
        body.paragraph(view.title, style="Heading1")
        details = body.table(3, [5.0, 12.0])
        for row, (label, value) in zip(
            details,
            (
                ("Young person", view.child),
                ("School or setting", view.school),
                ("PEP meeting date", view.pep_date),
            ),
            strict=True,
        ):
            first, second = cells(row)
            cell_text(first, label, bold=True)
            cell_text(second, value)
        if view.error:
            body.paragraph(f"This PEP could not be read: {view.error}")
            return
        if view.layout_warning:
            run(body.paragraph(), view.layout_warning, bold=True)
        body.paragraph(f"Layout coverage: {view.coverage}")
        options = answer_options(view)
        body.paragraph()
        tick_width = 1.6 if len(options) <= 3 else 1.4
        widths = [TEXT_WIDTH_CM - tick_width * len(options)] + [tick_width] * len(options)
        table = body.table(len(view.items) + 1, widths)
        header_cells(table[0], ["Question", *(rating_words(o) for o in options)])
        for row, item in zip(table[1:], view.items, strict=True):
            question, *ticks = cells(row)
            cell_text(question, item_label(item))
            if item.answer == "unclear":
                run(cell_paragraph(question), "Unclear: please check this item.", italic=True)
            for cell, option in zip(ticks, options, strict=True):
                tick_cell(cell, item.answer == option, (TICKED, UNTICKED))
        if options == ["yes", "no"]:
            body.paragraph(YES_NO_NOTE)
        self._overall(body, view)
        body.paragraph("Further Comments", style="Heading2")
        for line in view.feedback_text.split("\n"):
            if line.startswith("- "):
                body.paragraph(line[2:], style="ListBullet")  # a real Word bullet
            elif line.strip():
                body.paragraph(line)
        body.paragraph("Name of VS worker who completed this", style="Heading2")
        for row, label in zip(
            body.table(3, [5.0, 12.0]), ("Name", "Date", "Signature"), strict=True
        ):
            cell_text(cells(row)[0], label, bold=True)
            row_height(row, 26)

    def _overall(self, body: Body, view: FileView) -> None:
        run(body.paragraph(), "Overall performance", bold=True)
        labels = view.overall_options or (
            [view.judgement] if view.judgement else []
        )  # older reports: the judgement given
        if view.judgement and view.judgement not in labels:
            labels = [*labels, view.judgement]  # e.g. "needs a person"
        for row, label in zip(body.table(len(labels), [1.2, 15.8]), labels, strict=True):
            tick, text = cells(row)
            tick_cell(tick, label == view.judgement, (TICKED, UNTICKED))
            cell_text(text, label)
