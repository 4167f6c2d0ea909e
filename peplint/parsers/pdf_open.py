"""Opening a PDF with pdfplumber, with its errors made ours and its logging quiet."""

from __future__ import annotations

import contextlib
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peplint import errors
from peplint.safety.limits import Limits


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


class _CappedZlib:
    """What pdfminer's stream decoding sees as `zlib`: the same, except that no stream
    may inflate to more than the limit (a flate bomb of spaces is refused, not unpacked)."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS

    def __init__(self, cap: int) -> None:
        self.cap = cap

    def _refuse(self) -> errors.InputError:
        return errors.too_large(
            "A part of this PDF unpacks to more than "
            f"{self.cap // (1024 * 1024)} MB (a compression bomb); it was not read."
        )

    def decompress(self, data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
        """zlib.decompress, refusing output over the cap."""
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, self.cap + 1)
        if len(out) > self.cap or inflater.unconsumed_tail:
            raise self._refuse()
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    def decompressobj(self, wbits: int = zlib.MAX_WBITS) -> _CappedInflater:
        """zlib.decompressobj, refusing output over the cap."""
        return _CappedInflater(self, zlib.decompressobj(wbits))


class _CappedInflater:
    def __init__(self, owner: _CappedZlib, inflater: Any) -> None:
        self.owner = owner
        self.inflater = inflater
        self.total = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = self.owner.cap + 1 - self.total
        out = self.inflater.decompress(data, max(1, min(max_length or room, room)))
        self.total += len(out)
        if self.total > self.owner.cap or (self.inflater.unconsumed_tail and not max_length):
            raise self.owner._refuse()
        return bytes(out)

    def flush(self, *args: Any) -> bytes:
        return bytes(self.inflater.flush(*args))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inflater, name)


def cap_stream_decompression(cap_bytes: int) -> None:
    """Make pdfminer refuse any stream that inflates to more than `cap_bytes`."""
    import pdfminer.pdftypes

    pdfminer.pdftypes.zlib = _CappedZlib(cap_bytes)  # type: ignore[assignment]


cap_stream_decompression(int(Limits().max_stream_mb * 1024 * 1024))


def input_error_inside(exc: BaseException) -> errors.InputError | None:
    """Our own error (a decompression limit) raised inside pdfminer and wrapped by pdfplumber."""
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 8:
        if isinstance(current, errors.InputError):
            return current
        inner = current.args[0] if current.args else None
        current = inner if isinstance(inner, BaseException) else current.__context__
        seen += 1
    return None


def _typed(exc: BaseException) -> errors.InputError:
    """Our error for a pdfminer/pdfplumber failure (pdfplumber wraps pdfminer's in `args[0]`)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    own = input_error_inside(exc)
    if own is not None:
        return own
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
    except errors.InputError:
        raise
    except Exception as exc:
        raise _typed(exc) from None
    try:
        yield pdf
    finally:
        pdf.close()
