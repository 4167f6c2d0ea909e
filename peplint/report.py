"""The JSON report: a versioned contract (DESIGN section 8), like coverage.py's.

Format changes (bump REPORT_VERSION on any change a consumer could notice):
  1 - first version: files with status, error, pep, checklist, findings, feedback;
      a `meta` block with the effective settings. Additions to DESIGN section 8:
      `checklist.overall.rating` (the scale's rating: "meets", "green", "gold"...),
      `finding.page` and `finding.unclear`, `pep.meeting.contributors_views`, `pep.warnings`.
      Later additions (old readers can ignore them): `checklist.options` and
      `checklist.overall_options`, `meta.config` and `meta.used`, `file.waived`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from peplint import __version__
from peplint.checklist.model import ChecklistResult
from peplint.errors import ErrorCode
from peplint.model.findings import Finding
from peplint.model.pep import Pep

REPORT_FORMAT: Literal["peplint.report"] = "peplint.report"
REPORT_VERSION = 1


class FileError(BaseModel):
    """Why a file could not be read."""

    model_config = ConfigDict(extra="forbid")

    code: ErrorCode
    message: str


class FileReport(BaseModel):
    """Everything peplint says about one input file."""

    model_config = ConfigDict(extra="forbid")

    path: str
    sha256: str | None = None
    status: Literal["ok", "error"]
    error: FileError | None = None
    degraded: bool = False  # read, but only after repairing damage: check against the original
    pep: Pep | None = None
    checklist: ChecklistResult | None = None
    findings: list[Finding] = Field(default_factory=list)
    # Findings a waiver covers (peplint.waivers): left out of the checklist, the feedback
    # and the exit code, kept here so they can be shown (--show-waived) and counted.
    waived: list[Finding] = Field(default_factory=list)
    feedback: str = ""


class PackInfo(BaseModel):
    """The rule pack a run used."""

    model_config = ConfigDict(extra="forbid")

    name: str
    version: int | str


class Report(BaseModel):
    """A run's report."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["peplint.report"] = REPORT_FORMAT
    version: int = REPORT_VERSION
    peplint_version: str = __version__
    pack: PackInfo
    meta: dict[str, Any] = Field(default_factory=dict)
    files: list[FileReport] = Field(default_factory=list)

    def to_json(self) -> str:
        """The report as JSON text (ISO dates, UTF-8 characters kept)."""
        return self.model_dump_json(indent=2) + "\n"
