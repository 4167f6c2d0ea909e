"""Opening a PDF with pdfplumber, with its errors made ours and its logging quiet."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peplint import errors


class DamageCounter(logging.Handler):
    """Counts pdfminer's warnings (signs of a damaged file) and drops every record.

    pdfminer logs document content at debug level and damage at warning level;
    its records never reach the application's handlers, so no PEP text is logged.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


DAMAGE = DamageCounter()
for _name in ("pdfminer", "pdfplumber"):
    _logger = logging.getLogger(_name)
    _logger.setLevel(logging.WARNING)
    _logger.propagate = False
    _logger.handlers = [DAMAGE]


def _typed(exc: BaseException) -> errors.InputError:
    """Our error for a pdfminer/pdfplumber failure (pdfplumber wraps pdfminer's in `args[0]`)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if (
        isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError)
        or "password" in type(inner).__name__.lower()
    ):
        return errors.encrypted("This PDF")
    return errors.corrupt("not a readable PDF")


@contextlib.contextmanager
def open_pdf(path: Path, password: str | None = None) -> Iterator[Any]:
    """Open `path` with pdfplumber; failures become typed `InputError`s."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path), password=password or "")
    except Exception as exc:
        raise _typed(exc) from None
    try:
        yield pdf
    finally:
        pdf.close()
