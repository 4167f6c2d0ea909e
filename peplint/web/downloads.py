"""The self-check's to-do list as a file to download: Word or PDF."""

from __future__ import annotations

import io
import re

from peplint.feedback.to_fix import things_to_fix
from peplint.report import FileReport
from peplint.selfcheck import self_check

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML (and so Word) cannot hold."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def _lines(entry: FileReport) -> tuple[str, list[tuple[str, str, str]], list[str]]:
    check = self_check(entry)
    plan = things_to_fix(entry.checklist, entry.findings) if entry.checklist else None
    items = [
        (
            xml_safe(p.what + (f" {p.next_step}" if p.next_step else "")),
            xml_safe(p.where or ""),
            xml_safe(p.quote or ""),
        )
        for p in (plan.points if plan else [])
    ]
    extras = [xml_safe(p.what) for p in (plan.advice if plan else [])]
    return xml_safe(check.verdict), items, extras


def todo_docx(entry: FileReport, name: str) -> bytes:
    """The to-do list as a Word document."""
    from docx import Document as new_document

    verdict, items, extras = _lines(entry)
    doc = new_document()
    doc.core_properties.author = "peplint"
    doc.add_heading(xml_safe(f"Self-check of {name}"), level=1)
    doc.add_paragraph(verdict)
    if items:
        doc.add_heading("Please change these before you submit", level=2)
        for text, where, excerpt in items:
            paragraph = doc.add_paragraph(style="List Number")
            paragraph.add_run(text)
            if where:
                paragraph.add_run(f" [{where}]").italic = True
            if excerpt:
                doc.add_paragraph(f"“{excerpt}”", style="Intense Quote")
    if extras:
        doc.add_heading("You could also (not required)", level=2)
        for text in extras:
            doc.add_paragraph(text, style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def todo_pdf(entry: FileReport, name: str) -> bytes:
    """The to-do list as a PDF."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    verdict, items, extras = _lines(entry)
    styles = getSampleStyleSheet()
    story: list[object] = [
        Paragraph(escape(xml_safe(f"Self-check of {name}")), styles["Title"]),
        Paragraph(escape(verdict), styles["Heading2"]),
    ]
    if items:
        story.append(Paragraph("Please change these before you submit", styles["Heading3"]))
        story.append(
            ListFlowable(
                [
                    ListItem(
                        Paragraph(
                            escape(text)
                            + (f" <i>[{escape(where)}]</i>" if where else "")
                            + (f"<br/>“{escape(excerpt)}”" if excerpt else ""),
                            styles["BodyText"],
                        )
                    )
                    for text, where, excerpt in items
                ],
                bulletType="1",
            )
        )
    if extras:
        story.append(Paragraph("You could also (not required)", styles["Heading3"]))
        story.append(
            ListFlowable(
                [ListItem(Paragraph(escape(t), styles["BodyText"])) for t in extras],
                bulletType="bullet",
            )
        )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="PEP self-check", author="peplint").build(story)
    return buffer.getvalue()
