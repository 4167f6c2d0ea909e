"""Opening a PDF with pdfplumber, with its errors made ours and its logging quiet."""

from __future__ import annotations

import contextlib
import functools
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

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
    mark_word_gaps(page.objects.get("char", []))


def _gap_threshold(width_units: float) -> float:
    """The share of the wider glyph's advance that a gap must exceed to be a space
    (PDFium's scale: a narrow glyph's half, a wide one's sixth)."""
    if width_units < 400:
        return width_units / 2
    if width_units < 700:
        return width_units / 4
    if width_units < 800:
        return width_units / 5
    return width_units / 6


def mark_word_gaps(chars: list[dict[str, Any]]) -> None:
    """Insert a space where the page leaves one between two glyphs without a space
    character (a word drawn on its own after the last, "[X]" then "Yes").

    A gap counts as a space when it is wider than a share of the wider glyph's advance
    (the rule PDFium applies between text objects), so it scales with the type: a fixed
    tolerance in points glues the words of small type and splits those of large type.
    """
    out: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for char in chars:
        if previous is not None and _is_word_gap(previous, char):
            out.append(
                {
                    **previous,
                    "text": " ",
                    "x0": previous["x1"],
                    "x1": char["x0"],
                    "width": char["x0"] - previous["x1"],
                }
            )
        out.append(char)
        previous = char
    if len(out) != len(chars):
        chars[:] = out


def _is_word_gap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["text"].isspace() or b["text"].isspace() or not (a["upright"] and b["upright"]):
        return False
    gap = b["x0"] - a["x1"]
    if gap <= 0 or abs(b["top"] - a["top"]) > 0.5 * max(a["size"], b["size"], 1.0):
        return False
    size_a, size_b = a["size"] or 1.0, b["size"] or 1.0
    units_a, units_b = a["width"] / size_a * 1000, b["width"] / size_b * 1000
    size = size_a if units_a >= units_b else size_b
    return gap > _gap_threshold(max(units_a, units_b)) * size / 1000
