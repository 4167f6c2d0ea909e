"""Rendering a case spec to an export file in the format asked for."""

from __future__ import annotations

from typing import Literal

from peplint.generate.docx_writer import render_docx
from peplint.generate.html_writer import render_html
from peplint.generate.pdf_writer import render_pdf
from peplint.generate.spec import CaseSpec
from peplint.generate.templates import layout_for

OutputFormat = Literal["docx", "pdf", "html"]
FORMATS: tuple[OutputFormat, ...] = ("docx", "pdf", "html")


def render_spec(spec: CaseSpec, fmt: OutputFormat) -> bytes:
    """The example PEP `spec` describes, as the bytes of a `fmt` file."""
    elements = layout_for(spec)
    if fmt == "docx":
        return render_docx(elements, checkbox_style=spec.render.checkbox_style)
    if fmt == "pdf":
        return render_pdf(elements)
    return render_html(elements).encode("utf-8")
