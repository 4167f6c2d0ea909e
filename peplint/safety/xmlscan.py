"""Looking for a document type declaration anywhere in an XML part, in its own encoding.

A DOCTYPE (and the entity declarations inside it) is how XML entity expansion and
external-entity tricks arrive; PEP exports never need one. The part is read whole, in
chunks, and decoded as the XML rules say it is encoded (a byte-order mark, the shape of
its first bytes, or the encoding its declaration names), so neither padding before the
DOCTYPE nor UTF-16 hides it. Encodings other than the common ones are refused: a
parser might read them differently from this check.

In an ASCII-compatible encoding (UTF-8, Latin-1, cp1252...) an ASCII byte always stands for
itself, so the markers are looked for in the bytes without decoding them (the same answer,
far cheaper on the large style parts every Word file carries).
"""

from __future__ import annotations

import codecs
import re
from typing import IO

CHUNK = 1024 * 1024
MARKERS = ("<!doctype", "<!entity")
BYTE_MARKERS = tuple(m.encode("ascii") for m in MARKERS)
OVERLAP = max(len(m) for m in MARKERS) - 1
ACCEPTED = {
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "ascii",
    "latin-1",
    "iso8859-1",
    "cp1252",
    "iso8859-15",
}
# Encodings in which every byte below 0x80 is that ASCII character and no other byte is
# part of one. (Lower-casing decoded text can make ASCII of only U+0130 and U+212A, "i" with
# a combining dot and "k": neither can complete a marker, so bytes and text agree.)
ASCII_COMPATIBLE = {"utf-8", "utf-8-sig", "ascii", "iso8859-1", "cp1252", "iso8859-15"}
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class UnusualEncoding(Exception):
    """The part names an encoding this check does not read."""


def sniff_encoding(head: bytes) -> str:
    """The encoding of an XML entity from its first bytes (XML 1.0, appendix F)."""
    boms = [
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ]
    for bom, name in boms:
        if head.startswith(bom):
            return name
    shapes = {
        b"\x3c\x00\x00\x00": "utf-32-le",
        b"\x00\x00\x00\x3c": "utf-32-be",
        b"\x3c\x00\x3f\x00": "utf-16-le",
        b"\x00\x3c\x00\x3f": "utf-16-be",
    }
    if head[:4] in shapes:
        return shapes[head[:4]]
    declared = _DECLARED.match(head.lstrip()[:200])
    if declared is None:
        return "utf-8"
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name
    except LookupError:
        raise UnusualEncoding(declared.group(1).decode("ascii", "replace")) from None
    if name not in ACCEPTED:
        raise UnusualEncoding(name)
    return name


def has_doctype(stream: IO[bytes]) -> bool:
    """Whether the XML part read from `stream` declares a DOCTYPE or an entity anywhere.

    Raises `UnusualEncoding` for an encoding outside the accepted set."""
    head = stream.read(CHUNK)
    encoding = sniff_encoding(head)
    if encoding in ASCII_COMPATIBLE:
        return _has_marker_bytes(stream, head)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    tail = ""
    chunk = head
    while True:
        final = not chunk
        text = tail + decoder.decode(chunk, final=final).lower()
        if any(marker in text for marker in MARKERS):
            return True
        if final:
            return False
        tail = text[-OVERLAP:]
        chunk = stream.read(CHUNK)


def _has_marker_bytes(stream: IO[bytes], head: bytes) -> bool:
    """`has_doctype` for an ASCII-compatible part: the markers searched in its bytes."""
    tail = b""
    chunk = head
    while chunk:
        data = tail + chunk
        # every marker has a "!", a byte most Word parts lack (found far faster than "<!",
        # as "<" is everywhere in XML): only a chunk holding one is searched in full
        if b"!" in data:
            lowered = data.lower()
            if any(marker in lowered for marker in BYTE_MARKERS):
                return True
        tail = data[-OVERLAP:]
        chunk = stream.read(CHUNK)
    return False
