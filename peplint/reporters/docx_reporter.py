"""The Word reporter: the "VS Final Sign Off" page filled in, ready for the officer.

Headed with the child's name, school and PEP date; each question with its answer
ticked (☒ Yes ☐ No on the Walsall form, or the pack's ratings); the overall
judgement; "Further Comments" holding the draft feedback; "Name of VS worker who
completed this" left for the officer.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from peplint.report import Report
from peplint.reporters.view import FileView, file_view
from peplint.safety.xmlchars import clean_model

YES_NO = ("yes", "no")


def _options(answer: str, scale_ratings: list[str]) -> str:
    return "  ".join(f"{'☒' if answer == r else '☐'} {r.capitalize()}" for r in scale_ratings)


class DocxReporter:
    """`--format docx`."""

    name = "docx"
    description = "The VS Final Sign Off page as a Word document, with the draft feedback."
    extension = "docx"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The Word document's bytes (one sign-off page per file)."""
        report = clean_model(report)  # no XML-illegal or terminal control characters
        doc = new_document()
        doc.styles["Normal"].font.size = Pt(10.5)
        for index, entry in enumerate(report.files):
            if index:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            self._page(
                doc, file_view(entry), entry.checklist.overall.rating if entry.checklist else None
            )
        buffer = io.BytesIO()
        doc.save(buffer)
        from peplint.generate.docx_writer import _reproducible_zip

        return _reproducible_zip(buffer.getvalue())

    def _page(self, doc: Any, view: FileView, rating: str | None) -> None:
        doc.add_heading(view.title, level=1)
        head = doc.add_table(rows=3, cols=2)
        head.style = "Table Grid"
        for row, (label, value) in zip(
            head.rows,
            (
                ("Young person", view.child),
                ("School or setting", view.school),
                ("PEP meeting date", view.pep_date),
            ),
            strict=True,
        ):
            row.cells[0].text, row.cells[1].text = label, value
        if view.error:
            doc.add_paragraph(f"This PEP could not be read: {view.error}")
            return
        ratings = list(
            dict.fromkeys(
                YES_NO
                if all(i.answer in (*YES_NO, "unclear") for i in view.items)
                else [i.answer for i in view.items]
            )
        )
        doc.add_paragraph()
        table = doc.add_table(rows=len(view.items), cols=2)
        table.style = "Table Grid"
        for row, item in zip(table.rows, view.items, strict=True):
            row.cells[0].text = f"{item.id}. {item.question}"
            answer = _options(item.answer, ratings)
            if item.answer == "unclear":
                answer += "  (unclear: please check)"
            row.cells[1].text = answer
        doc.add_paragraph(
            "To meet the expected standard all sections above should be recorded as a Yes"
            if ratings == list(YES_NO)
            else ""
        )
        overall = doc.add_paragraph()
        overall.add_run("Overall performance: ").bold = True
        if ratings == list(YES_NO):
            overall.add_run(
                f"{'☒' if view.meets else '☐'} The PEP meets the expected standard   "
                f"{'☐' if view.meets else '☒'} The PEP does not meet the expected standard"
            )
        else:
            overall.add_run(view.judgement)
        doc.add_heading("Further Comments", level=2)
        for line in view.feedback_text.split("\n"):
            if line.strip():
                doc.add_paragraph(line)
        doc.add_heading("Name of VS worker who completed this", level=2)
        doc.add_paragraph("")
