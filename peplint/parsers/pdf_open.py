"""Opening a PDF with pdfplumber, with its errors made ours and its logging quiet."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

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


class _Emboldened:
    """A font seen through a name that says bold: text drawn filled and stroked
    (render modes 2 and 6) is how producers fake bold for a font with no bold face."""

    def __init__(self, font: Any) -> None:
        self._font = font
        self.fontname = f"{font.fontname}+FauxBold"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._font, name)


@functools.cache
def _interpreter_class() -> Any:
    """pdfminer's page interpreter, marking text drawn filled and stroked."""
    from pdfminer.pdfinterp import PDFPageInterpreter

    class StrokeAwareInterpreter(PDFPageInterpreter):
        def do_TJ(self, seq: Any) -> None:
            font = self.textstate.font
            if font is None or self.textstate.render not in (2, 6):
                super().do_TJ(seq)
                return
            self.textstate.font = cast(Any, _Emboldened(font))
            try:
                super().do_TJ(seq)
            finally:
                self.textstate.font = font

    return StrokeAwareInterpreter


def lay_out(page: Any) -> None:
    """Interpret `page` once with an interpreter that marks stroked (faux bold) text.

    pdfplumber keeps pdfminer's layout of a page in `page._layout` and builds its
    characters from it; filling it first is how the text render mode, which
    pdfplumber drops, reaches the characters' font names. Without that attribute
    (another pdfplumber), pdfplumber lays the page out itself."""
    if hasattr(page, "_layout") or not hasattr(page, "page_obj"):
        return
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    device = PDFPageAggregatorWithMarkedContent(
        page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams
    )
    interpreter = _interpreter_class()(page.pdf.rsrcmgr, device)
    interpreter.process_page(page.page_obj)
    page._layout = device.get_result()
