"""The results cache that makes a bulk run resumable.

A file's report is stored under a key made of the file's hash, the peplint
version, the pack's hash and the redaction flag, so a changed file, a new
peplint or an edited pack is checked again and nothing else is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from peplint import __version__
from peplint.output import atomic_write
from peplint.report import FileReport
from peplint.safety.names import name_bytes


class ResultCache:
    """Reports by content key, in OUT/.cache/."""

    def __init__(self, folder: Path, pack_sha256: str, redact: bool) -> None:
        self.folder = folder
        self.salt = f"{__version__}\0{pack_sha256}\0{int(redact)}"

    def key(self, file_sha256: str, relative: str) -> str:
        """The cache key of one input."""
        return hashlib.sha256(
            file_sha256.encode() + b"\0" + name_bytes(relative) + f"\0{self.salt}".encode()
        ).hexdigest()

    def get(self, key: str) -> FileReport | None:
        """The cached report, or None."""
        path = self.folder / f"{key}.json"
        if not path.is_file():
            return None
        try:
            return FileReport.model_validate_json(path.read_bytes())
        except ValueError:
            return None

    def has(self, key: str) -> bool:
        """Whether a report is stored under `key`."""
        return (self.folder / f"{key}.json").is_file()

    def put(self, key: str, report: FileReport) -> None:
        """Store a report."""
        atomic_write(self.folder / f"{key}.json", report.model_dump_json())

    def drop(self, key: str) -> None:
        """Remove the report stored under `key`, if any (a link is removed, not followed)."""
        (self.folder / f"{key}.json").unlink(missing_ok=True)
