"""Pre-flight checks, run before any parser sees a file.

Only regular files are read (a FIFO or a folder named x.pdf is refused without
being opened). The type comes from the bytes. Word packages are checked as zip
archives (member count, declared sizes, compression ratio, overlapping members)
and every XML part is read whole, in its declared encoding, and refused if it carries a
DOCTYPE or an entity declaration, which is how XML entity and XXE tricks arrive. Legacy .doc, encrypted Office
files and macro-enabled .docm get their own clear errors.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from peplint import errors
from peplint.parsers.sniff import looks_like_ole2, looks_like_zip
from peplint.safety.limits import Limits
from peplint.safety.xmlscan import UnusualEncoding, has_doctype

MB = 1024 * 1024
XML_HEAD_BYTES = 64 * 1024


def check_path(path: Path, root: Path | None = None) -> os.stat_result:
    """A regular file (after following a link that stays inside `root`), or a typed error."""
    try:
        link = path.lstat()
    except OSError as exc:
        raise errors.from_os_error(exc) from None
    if stat.S_ISLNK(link.st_mode) and root is not None:
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise errors.unsupported(
                "This is a link to a file outside the folder being checked; it was not read."
            )
    try:
        info = path.stat()
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and stat.S_ISLNK(link.st_mode):
            raise errors.unsupported("This is a link to a file that does not exist.") from None
        raise errors.from_os_error(exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise errors.unsupported("This is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise errors.unsupported("This is not a regular file (a pipe or device); it was not read.")
    return info


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse zip bombs, lying or overlapping members, macro documents and XML entity tricks."""
    import zipfile  # here: checking a path alone (an up-to-date resume) never opens a zip

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > limits.max_zip_members:
                raise errors.too_large(
                    f"This Word file has {len(infos)} parts, more than a PEP export ever has."
                )
            total = 0
            offsets: set[int] = set()
            for info in infos:
                if info.header_offset in offsets:
                    raise errors.corrupt("the Word package has parts that overlap")
                offsets.add(info.header_offset)
                total += info.file_size
                if info.file_size > limits.max_member_mb * MB:
                    raise errors.too_large(
                        "A part of this Word file unpacks to more than "
                        f"{limits.max_member_mb:g} MB."
                    )
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_ratio and info.file_size > MB:
                    raise errors.too_large(
                        "This Word file is compressed suspiciously tightly (a zip bomb); "
                        "it was not opened."
                    )
            if total > limits.max_total_mb * MB:
                raise errors.too_large(
                    f"This Word file unpacks to more than {limits.max_total_mb:g} MB."
                )
            names = {i.filename for i in infos}
            check_package_kind(names)
            if "word/vbaProject.bin" in names:
                raise errors.unsupported(
                    "This is a macro-enabled Word file (.docm); save it as .docx without macros."
                )
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as member:
                        try:
                            declared = has_doctype(member)
                        except UnusualEncoding:
                            raise errors.unsupported(
                                "This Word file has a part in an unusual text encoding, "
                                "which PEP exports never use; it was not opened."
                            ) from None
                    if declared:
                        raise errors.unsupported(
                            "This Word file contains an XML document type declaration, "
                            "which PEP exports never need; it was not opened."
                        )
                    if info.filename == "[Content_Types].xml":
                        with archive.open(info) as member:
                            head = member.read(XML_HEAD_BYTES).lower()
                    if info.filename == "[Content_Types].xml" and b"macroenabled" in head:
                        raise errors.unsupported(
                            "This is a macro-enabled Word file (.docm); save it as .docx "
                            "without macros."
                        )
    except zipfile.BadZipFile:
        raise errors.corrupt("the Word package is truncated or damaged") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise errors.corrupt("the Word package is damaged") from None


def check_package_kind(names: set[str]) -> None:
    """A zip that is an Office or OpenDocument file other than a Word document is refused
    with what it is (a renamed spreadsheet is common in an export folder)."""
    if "word/document.xml" in names:
        return
    if "xl/workbook.xml" in names:
        raise errors.unsupported(
            "This is a spreadsheet (Excel), not a PEP; export the PEP itself as .docx or .pdf."
        )
    if "ppt/presentation.xml" in names:
        raise errors.unsupported(
            "This is a presentation (PowerPoint), not a PEP; export the PEP itself as .docx "
            "or .pdf."
        )
    if "mimetype" in names and "content.xml" in names:
        raise errors.unsupported(
            "This is an OpenDocument file; save it as .docx (Word) or .pdf and try again."
        )
    raise errors.unsupported("This is a zip archive, not a Word (.docx) document.")


def check_ole2(head: bytes) -> None:
    """An OLE2 container: an encrypted Office file or a legacy Word document."""
    if (
        "EncryptedPackage".encode("utf-16-le") in head
        or "EncryptionInfo".encode("utf-16-le") in head
    ):
        raise errors.encrypted("This Word file")
    if "Workbook".encode("utf-16-le") in head:
        raise errors.unsupported(
            "This is a spreadsheet (Excel), not a PEP; export the PEP itself as .docx or .pdf."
        )
    if "PowerPoint Document".encode("utf-16-le") in head:
        raise errors.unsupported(
            "This is a presentation (PowerPoint), not a PEP; export the PEP itself as .docx "
            "or .pdf."
        )
    raise errors.unsupported("This is a legacy Word (.doc) file; save it as .docx and try again.")


def preflight(path: Path, limits: Limits | None = None, root: Path | None = None) -> bytes:
    """Run every check; return the file's first bytes for the parser choice."""
    limits = limits or Limits()
    info = check_path(path, root)
    if info.st_size == 0:
        raise errors.corrupt("the file is empty")
    if info.st_size > limits.max_file_mb * MB:
        raise errors.too_large(
            f"The file is larger than {limits.max_file_mb:g} MB; a PEP export is far smaller."
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(256 * 1024)
    except OSError as exc:
        raise errors.from_os_error(exc) from None
    if looks_like_zip(head):
        check_zip(path, limits)
    elif looks_like_ole2(head):
        check_ole2(head)
    return head  # which formats are read is the parser registry's choice (reading.choose_parser)
