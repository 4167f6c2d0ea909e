"""An authority's own Word form, filled in: a pack's `form:` names a .docx with Jinja tags
(docxtpl: ``{{ child }}``, ``{%tr for item in items %}`` in a table row, ...), and the
tags are given the answers, evidence, overall judgement and feedback. The tags a form may
use are listed in docs/forms.md; `form_context` is their single source.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from peplint.errors import ConfigError
from peplint.feedback.model import point_text
from peplint.feedback.to_fix import things_to_fix
from peplint.report import FileReport, Report
from peplint.reporters.docx_form import TICKED, UNTICKED
from peplint.reporters.view import (
    answer_options,
    evidence_text,
    file_view,
    item_label,
    rating_words,
    used,
)
from peplint.reproducible_zip import reproducible_zip


def form_context(entry: FileReport, report: Report) -> dict[str, Any]:
    """Everything a form template can show for one PEP."""
    view = file_view(entry)
    options = answer_options(view)
    items = [
        {
            "id": item.id,
            "label": item_label(item),
            "question": item.question,
            "answer": item.answer,
            "answer_words": rating_words(item.answer),
            "unclear": item.answer == "unclear",
            "ticks": {o: TICKED if item.answer == o else UNTICKED for o in options},
            "evidence": [evidence_text(e) for e in item.evidence],
        }
        for item in view.items
    ]
    overall_labels = view.overall_options or ([view.judgement] if view.judgement else [])
    plan = things_to_fix(entry.checklist, entry.findings) if entry.checklist is not None else None
    return {
        "title": view.title,
        "child": view.child,
        "school": view.school,
        "pep_date": view.pep_date,
        "file": view.path,
        "error": view.error,
        "options": [{"rating": o, "words": rating_words(o)} for o in options],
        "items": items,
        "meets": view.meets,
        "judgement": view.judgement,
        "overall": [
            {"label": label, "tick": TICKED if label == view.judgement else UNTICKED}
            for label in overall_labels
        ],
        "feedback": view.feedback_text,
        "feedback_paragraphs": [line for line in view.feedback_text.split("\n") if line.strip()],
        "things_to_fix": [point_text(p) for p in plan.points] if plan else [],
        "advice": [point_text(p) for p in plan.advice] if plan else [],
        "findings": [
            {"rule": f.rule, "severity": f.severity, "message": f.message, "page": f.page}
            for f in view.findings
        ],
        "warnings": view.warnings,
        "made_with": used(report),
        "ticked": TICKED,
        "unticked": UNTICKED,
    }


def render_template(report: Report, template: str | Path) -> bytes:
    """The authority's form filled in for the report's one file."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    if len(report.files) != 1:
        raise ConfigError(
            "the pack's own Word form holds one PEP: check one file at a time, "
            "or use `peplint bulk` (one form per PEP)"
        )
    path = Path(template)
    try:
        document = DocxTemplate(str(path))
        document.render(form_context(report.files[0], report), autoescape=True)
    except FileNotFoundError:
        raise ConfigError(f"the pack's form {path} does not exist") from None
    except TemplateError as exc:
        raise ConfigError(
            f"the pack's form {path.name} has a tag Word cannot fill: {exc}"
        ) from None
    except Exception as exc:  # a damaged .docx raises zip, XML or KeyError from docxtpl
        raise ConfigError(
            f"the pack's form {path.name} is not a Word template peplint can fill "
            f"({type(exc).__name__})"
        ) from None
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())
