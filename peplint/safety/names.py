"""File names as peplint shows them.

A name on disk is bytes; one that is not UTF-8 reaches Python with surrogate escapes
(PEP 383), which JSON, Word and HTML cannot hold. Paths stay `Path`s (they round-trip to
the same bytes) for as long as a file is opened; wherever a name is shown or stored in
a report it is made printable: bytes that are not UTF-8 become `\\xNN` and control
characters become `\\xNN` too, so two different names never look the same.
"""

from __future__ import annotations

import os


def printable(name: str | os.PathLike[str]) -> str:
    """`name` as printable text (UTF-8 names are unchanged)."""
    raw = os.fsencode(name)
    text = raw.decode("utf-8", errors="backslashreplace")
    return "".join(
        f"\\x{ord(ch):02x}" if (ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0) else ch for ch in text
    )


def name_bytes(name: str | os.PathLike[str]) -> bytes:
    """The name's bytes on disk (for hashing: never fails on a name that is not UTF-8)."""
    return os.fsencode(name)
