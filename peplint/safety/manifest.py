"""The run manifest: who ran peplint, when, with which versions and pack, on which
inputs (by hash) with which outcome, and which outputs it wrote. No content and no
input file names, which often carry a child's name."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from peplint import __version__
from peplint.report import FileReport, PackInfo


class ManifestInput(BaseModel):
    """One input, by hash."""

    model_config = ConfigDict(extra="forbid")

    sha256: str | None
    status: str
    error_code: str | None = None
    degraded: bool = False


class RunManifest(BaseModel):
    """What a run did (format "peplint.manifest", version 1)."""

    model_config = ConfigDict(extra="forbid")

    format: str = "peplint.manifest"
    version: int = 1
    run_by: str
    started_at: str
    finished_at: str | None = None
    peplint_version: str = __version__
    pack: PackInfo
    pack_sha256: str | None = None
    inputs: list[ManifestInput] = Field(default_factory=list)
    outputs: list[str] = Field(default_factory=list)


def now() -> str:
    """The current UTC time, ISO 8601, to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def who() -> str:
    """The account running peplint."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def files_sha256(paths: list[Path]) -> str:
    """One hash over several files' bytes (a pack and what it extends)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def new_manifest(pack: PackInfo, pack_files: list[Path]) -> RunManifest:
    """A manifest for a run starting now."""
    return RunManifest(
        run_by=who(), started_at=now(), pack=pack, pack_sha256=files_sha256(pack_files)
    )


def manifest_input(entry: FileReport) -> ManifestInput:
    """One input's outcome, as the manifest records it."""
    return ManifestInput(
        sha256=entry.sha256,
        status=entry.status,
        error_code=entry.error.code if entry.error else None,
        degraded=entry.degraded,
    )


def record(manifest: RunManifest, entry: FileReport) -> None:
    """Add one input's outcome."""
    manifest.inputs.append(manifest_input(entry))
