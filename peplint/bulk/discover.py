"""Finding the PEP files in a folder, recursively, in a stable order."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

PEP_SUFFIXES = {".pdf", ".docx", ".doc", ".docm"}


def discover(root: Path) -> list[Path]:
    """Every file under `root` with a PEP export's extension (hidden files and folders skipped),
    sorted by relative path. Links are listed; the pre-flight checks decide whether they are read."""
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in PEP_SUFFIXES and (path.is_symlink() or not path.is_dir()):
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def output_key(relative: str, redact: bool) -> str:
    """The name of a PEP's output files: its relative path made safe, or, when redacting
    (file names often carry a child's name), a hash of the path."""
    if redact:
        return "pep-" + hashlib.sha256(relative.encode()).hexdigest()[:16]
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", relative.rsplit(".", 1)[0]).strip("-.") or "pep"
    suffix = relative.rsplit(".", 1)[-1].lower() if "." in relative else "file"
    return f"{stem[:80]}.{suffix}"
