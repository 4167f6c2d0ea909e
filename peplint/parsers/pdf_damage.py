"""Whether a PDF's cross-reference table is where its trailer says (engine-independent).

A reader that has to rebuild the table (pdfminer's fallback, PDFium's repair) has read a
damaged file: the report marks it degraded so the officer checks it against the original.
"""

from __future__ import annotations

import re
from pathlib import Path

TAIL_BYTES = 4096
_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.S)
_XREF_AT = re.compile(rb"\s*(xref\b|\d+\s+\d+\s+obj\b)")
_SUBSECTION = re.compile(rb"(\d+)\s+(\d+)\s*[\r\n]+")
_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_OBJECT_AT = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
MAX_CHECKED_ENTRIES = 5000


def xref_is_sound(path: Path) -> bool:
    """Whether the last `startxref` points at an xref table or an xref stream object."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read()
            offsets = _STARTXREF.findall(tail)
            if not offsets:
                return False
            offset = int(offsets[-1])
            if offset >= size:
                return False
            handle.seek(offset)
            head = handle.read(64)
            if _XREF_AT.match(head) is None:
                return False
            if not head.lstrip().startswith(b"xref"):
                return True  # an xref stream: its object is where the trailer says
            handle.seek(0)
            return _table_entries_sound(handle.read(), offset)
    except OSError:
        return False


def _table_entries_sound(data: bytes, offset: int) -> bool:
    """Whether every in-use entry of the classic xref table at `offset` points at its object."""
    position = data.index(b"xref", offset) + 4
    checked = 0
    while checked < MAX_CHECKED_ENTRIES:
        head = _SUBSECTION.match(data, _skip_space(data, position))
        if head is None:
            return True
        first, count = int(head.group(1)), int(head.group(2))
        position = head.end()
        for number in range(first, first + count):
            entry = _ENTRY.match(data, _skip_space(data, position))
            if entry is None:
                return False
            position = entry.end()
            checked += 1
            if entry.group(3) == b"n" and number > 0:
                at = int(entry.group(1))
                found = _OBJECT_AT.match(data, at) if at < len(data) else None
                if found is None or (int(found.group(1)), int(found.group(2))) != (
                    number,
                    int(entry.group(2)),
                ):
                    return False
    return True


def _skip_space(data: bytes, position: int) -> int:
    while position < len(data) and data[position : position + 1] in b" \t\r\n":
        position += 1
    return position
