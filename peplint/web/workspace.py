"""The server's private temporary folder: uploads and their results, nothing else.

Created 0700 when the server starts and deleted, with everything in it, when it
stops. Nothing the page does writes anywhere else unless the user exports it.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
from pathlib import Path

from peplint.output import atomic_write
from peplint.report import FileReport

_SAFE = re.compile(r"[^A-Za-z0-9._ -]+")


class Workspace:
    """Uploads and results of one server run, in a private temporary folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="peplint-serve-", dir=root))
        os.chmod(self.root, 0o700)

    def save_upload(self, filename: str, data: bytes) -> tuple[str, Path]:
        """Store an uploaded file under a new random id; returns (id, path)."""
        upload_id = secrets.token_hex(8)
        folder = self.root / upload_id
        folder.mkdir(mode=0o700)
        name = _SAFE.sub("_", Path(filename or "upload").name).strip(" .") or "upload"
        path = folder / name[:120]
        atomic_write(path, data)
        return upload_id, path

    def save_result(self, upload_id: str, entry: FileReport) -> None:
        """Keep the report of an upload for its result page and downloads."""
        atomic_write(self.root / upload_id / "report.json", entry.model_dump_json())

    def result(self, upload_id: str) -> FileReport | None:
        """The report of an upload, or None for an unknown id."""
        if not re.fullmatch(r"[0-9a-f]{16}", upload_id):
            return None
        path = self.root / upload_id / "report.json"
        if not path.is_file():
            return None
        return FileReport.model_validate_json(path.read_text(encoding="utf-8"))

    def remove(self) -> None:
        """Delete the folder and everything in it."""
        shutil.rmtree(self.root, ignore_errors=True)
