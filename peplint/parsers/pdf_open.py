"""Opening a PDF with pdfplumber, with its errors made ours and its logging quiet."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peplint import errors

# pdfminer logs document content at debug level; PEP text must never reach logs.
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@contextlib.contextmanager
def open_pdf(path: Path, password: str | None = None) -> Iterator[Any]:
    """Open `path` with pdfplumber; failures become typed `InputError`s."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(str(path), password=password or "")
    except PDFPasswordIncorrect:
        raise errors.encrypted("This PDF") from None
    except PDFEncryptionError:
        raise errors.encrypted("This PDF") from None
    except PDFSyntaxError:
        raise errors.corrupt("not a readable PDF") from None
    except Exception as exc:
        if "password" in type(exc).__name__.lower() or "encrypt" in type(exc).__name__.lower():
            raise errors.encrypted("This PDF") from None
        raise errors.corrupt("not a readable PDF") from None
    try:
        yield pdf
    finally:
        pdf.close()
