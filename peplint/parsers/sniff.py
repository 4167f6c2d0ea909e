"""Recognising a file's type from its bytes, never from its name."""

from __future__ import annotations

import io

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def looks_like_pdf(head: bytes) -> bool:
    """A PDF header within the first KiB (some producers put junk before it)."""
    return b"%PDF-" in head[:1024]


def looks_like_zip(head: bytes) -> bool:
    """A zip local-file header at the start (the container of .docx)."""
    return head.startswith(ZIP_MAGIC)


def looks_like_ole2(head: bytes) -> bool:
    """An OLE2 compound file: legacy .doc, or an encrypted Office file."""
    return head.startswith(OLE2_MAGIC)


def zip_has_member(data: bytes, name: str) -> bool:
    """Whether the zip in `data` names a member `name` (reads the directory only)."""
    import zipfile  # here: an unchanged `bulk --resume` checks paths but never opens a zip

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return name in archive.namelist()
    except zipfile.BadZipFile:
        return False
