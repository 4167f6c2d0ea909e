"""Built-in plugin: the Word (.docx) and PDF parsers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peplint.hookspecs import hookimpl
from peplint.model.document import Document
from peplint.parsers.registry import ParserSpec
from peplint.parsers.sniff import looks_like_pdf, looks_like_zip


def _read_docx(path: Path, password: str | None) -> Document:
    from peplint.parsers.docx_blocks import read_docx

    return read_docx(path)


def _read_pdf(path: Path, password: str | None) -> Document:
    from peplint.parsers.pdf_blocks import read_pdf

    return read_pdf(path, password)


@hookimpl
def peplint_register_parsers(register: Callable[[ParserSpec], None]) -> None:
    """Register the .docx and PDF parsers."""
    register(ParserSpec("docx", "Word document (.docx)", looks_like_zip, _read_docx))
    register(ParserSpec("pdf", "PDF document", looks_like_pdf, _read_pdf))
