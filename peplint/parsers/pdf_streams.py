"""Whether a PDF holds a stream that inflates past the cap, or one that cannot be inflated
at all, checked before PDFium reads it.

pdfminer's stream decoding is capped as it inflates (pdf_open); PDFium inflates in C
with no such cap, so a flate bomb (hundreds of MB of spaces in a page's content) would
be unpacked whole. Deflate cannot compress more than 1032 to 1, so only a stream whose
compressed bytes exceed cap / 1032 can pass the cap; those few are inflated here, up to
the cap and no further, and their output dropped. Image streams are not inflated by
the reader (it only counts images), so they are not checked, as with pdfminer.

PDFium silently reads what it can of a damaged stream; pdfminer warns ("data-loss while
decompressing"). So that both engines mark such a file degraded, every stream whose only
filter is Flate is inflated here (a PEP's streams are small) and one that stops with an
error, or before its end, counts as damage. An encrypted file's streams are ciphertext
here, so they are not judged.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from peplint import errors

DEFLATE_MAX_RATIO = 1032
DICTIONARY_BYTES = 4096  # how far before `stream` its dictionary is looked for
CHUNK = 1 << 20
_STREAM = re.compile(rb"(?<!end)stream\r?\n")  # not the tail of "endstream"
_FLATE = re.compile(rb"/(FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_ONLY_FLATE = re.compile(rb"/Filter\s*(\[\s*)?/(FlateDecode|Fl)\b(?(1)\s*\])")
_ENCRYPTED = re.compile(rb"/Encrypt\b")


def check_streams(path: Path, cap_bytes: int) -> bool:
    """Whether a Flate stream of `path` is damaged; raise `too-large` if any non-image
    Flate stream inflates past `cap_bytes`."""
    try:
        data = path.read_bytes()
    except OSError:
        return False  # the reader reports an unreadable file itself
    judge_damage = _ENCRYPTED.search(data) is None
    smallest = cap_bytes // DEFLATE_MAX_RATIO
    damaged = False
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        big = end - start > smallest
        if not big and not (judge_damage and not damaged):
            continue
        head = data[max(0, match.start() - DICTIONARY_BYTES) : match.start()]
        head = head[head.rfind(b" obj") + 1 :] if b" obj" in head else head
        if _FLATE.search(head) is None or _IMAGE.search(head) is not None:
            continue
        outcome = _inflate(data[start:end], cap_bytes) if big else None
        if outcome == "past-cap":
            raise errors.too_large(
                "A part of this PDF unpacks to more than "
                f"{cap_bytes // (1024 * 1024)} MB (a compression bomb); it was not read."
            )
        if judge_damage and not damaged and _ONLY_FLATE.search(head) is not None:
            damaged = (outcome or _inflate(data[start:end], cap_bytes)) == "broken"
    return damaged


def _inflate(raw: bytes, cap_bytes: int) -> str:
    """How a Flate stream inflates, up to the cap and no further: "past-cap", "broken"
    (it stops with an error, or before its end) or "whole"."""
    inflater = zlib.decompressobj()
    total = 0
    pending = raw
    try:
        while pending and not inflater.eof:
            total += len(inflater.decompress(pending, CHUNK))
            if total > cap_bytes:
                return "past-cap"
            pending = inflater.unconsumed_tail
    except zlib.error:
        return "broken"
    return "whole" if inflater.eof else "broken"
