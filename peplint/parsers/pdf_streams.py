"""Whether a PDF holds a stream that inflates past the cap, checked before PDFium reads it.

pdfminer's stream decoding is capped as it inflates (pdf_open); PDFium inflates in C
with no such cap, so a flate bomb (hundreds of MB of spaces in a page's content) would
be unpacked whole. Deflate cannot compress more than 1032 to 1, so only a stream whose
compressed bytes exceed cap / 1032 can pass the cap; those few are inflated here, up to
the cap and no further, and their output dropped. Image streams are not inflated by
the reader (it only counts images), so they are not checked, as with pdfminer.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from peplint import errors

DEFLATE_MAX_RATIO = 1032
DICTIONARY_BYTES = 4096  # how far before `stream` its dictionary is looked for
CHUNK = 1 << 20
_STREAM = re.compile(rb"stream\r?\n")
_FLATE = re.compile(rb"/(FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")


def refuse_stream_bombs(path: Path, cap_bytes: int) -> None:
    """Raise `too-large` if any non-image Flate stream of `path` inflates past `cap_bytes`."""
    try:
        data = path.read_bytes()
    except OSError:
        return  # the reader reports an unreadable file itself
    smallest = cap_bytes // DEFLATE_MAX_RATIO
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        if end - start <= smallest:
            continue
        head = data[max(0, match.start() - DICTIONARY_BYTES) : match.start()]
        head = head[head.rfind(b" obj") + 1 :] if b" obj" in head else head
        if _FLATE.search(head) is None or _IMAGE.search(head) is not None:
            continue
        if _inflates_past(data[start:end], cap_bytes):
            raise errors.too_large(
                "A part of this PDF unpacks to more than "
                f"{cap_bytes // (1024 * 1024)} MB (a compression bomb); it was not read."
            )


def _inflates_past(raw: bytes, cap_bytes: int) -> bool:
    inflater = zlib.decompressobj()
    total = 0
    pending = raw
    try:
        while pending and not inflater.eof:
            total += len(inflater.decompress(pending, CHUNK))
            if total > cap_bytes:
                return True
            pending = inflater.unconsumed_tail
    except zlib.error:
        return False  # a broken stream is the reader's to report
    return False
