"""Finding the PEP files in a folder, recursively, in a stable order."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import NamedTuple

from peplint.bulk.outfolder import INDEX_NAME
from peplint.safety.names import name_bytes

PEP_SUFFIXES = {".pdf", ".docx", ".doc", ".docm"}


class Found(NamedTuple):
    """What a walk of the input folder found: PEP files, and sub-folders it could not read."""

    files: list[Path]
    unreadable: list[Path]


def find_inputs(root: Path) -> Found:
    """Every file under `root` with a PEP export's extension, sorted by relative path.

    Hidden files and folders are skipped, and so are output folders peplint made (they
    carry its index), so outputs written inside the input folder are never read back as
    PEPs. Links are listed, not followed; the pre-flight checks decide whether they are read.
    Sub-folders that cannot be listed are returned so that each gets its own error entry.
    """
    found = Found([], [])

    def unreadable(error: OSError) -> None:
        if error.filename is not None:
            found.unreadable.append(Path(os.fsdecode(error.filename)))

    for dirpath, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
        folder = Path(dirpath)
        kept = []
        for name in dirs:
            sub = folder / name
            if name.startswith("."):
                continue
            if (sub / INDEX_NAME).is_file() and not sub.is_symlink():
                continue  # one of peplint's own output folders
            if sub.is_symlink():
                if Path(name).suffix.lower() in PEP_SUFFIXES:
                    found.files.append(sub)  # a link named like a PEP: pre-flight refuses it
                continue
            kept.append(name)
        dirs[:] = kept
        for name in names:
            if not name.startswith(".") and Path(name).suffix.lower() in PEP_SUFFIXES:
                found.files.append(folder / name)
    found.files.sort(key=lambda p: p.relative_to(root).as_posix())
    unlisted = sorted(
        (p for p in found.unreadable if p != root), key=lambda p: p.relative_to(root).as_posix()
    )
    return Found(found.files, unlisted)


def discover(root: Path) -> list[Path]:
    """The PEP files under `root` (see `find_inputs`)."""
    return find_inputs(root).files


def output_key(relative: str, redact: bool) -> str:
    """The name of a PEP's output files: its relative path made safe, or, when redacting
    (file names often carry a child's name), a hash of the path."""
    if redact:
        return "pep-" + hashlib.sha256(name_bytes(relative)).hexdigest()[:16]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", relative.rsplit(".", 1)[0]).strip("-.") or "pep"
    suffix = relative.rsplit(".", 1)[-1].lower() if "." in relative else "file"
    return f"{stem[:80]}.{suffix}"


def output_keys(relatives: list[str], redact: bool) -> list[str]:
    """Each input's output key, made unique: two names that are made safe to the same key
    ("a b.pdf" and "a-b.pdf") get a short hash of their own name added, so neither's
    reports overwrite the other's."""
    keys = [output_key(rel, redact) for rel in relatives]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key.lower()] = counts.get(key.lower(), 0) + 1
    unique = []
    for rel, key in zip(relatives, keys, strict=True):
        if counts[key.lower()] > 1:
            stem, _, suffix = key.rpartition(".")
            key = f"{stem}-{hashlib.sha256(name_bytes(rel)).hexdigest()[:8]}.{suffix}"
        unique.append(key)
    return unique
