"""The JSON report: a versioned contract (DESIGN section 8), like coverage.py's.

Format changes (bump REPORT_VERSION on any change a consumer could notice):
  1 - first version: files with status, error, pep, checklist, findings, feedback;
      a `meta` block with the effective settings. Additions to DESIGN section 8:
      `checklist.overall.rating` (the scale's rating: "meets", "green", "gold"...),
      `finding.page` and `finding.unclear`, `pep.meeting.contributors_views`, `pep.warnings`.
  2 - three states and layout coverage: `pep.provenance` (dotted field path -> state
      found|empty|not_found, label, section, page, how, score) and `pep.unplaced_labels`;
      `finding.not_found` (field paths behind an unclear finding); `checklist.overall.
      needs_person` and `unclear_items` (rating "needs-person"); `files[].coverage`
      (needed / found / not_found fields of the checklist, ratio, threshold, message).
      See docs/report-format.md.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from peplint import __version__
from peplint.checklist.model import ChecklistResult, Coverage
from peplint.errors import ErrorCode
from peplint.model.findings import Finding
from peplint.model.pep import Pep

REPORT_FORMAT: Literal["peplint.report"] = "peplint.report"
REPORT_VERSION = 2


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
    coverage: Coverage | None = None  # found / needed fields of the active checklist (v2)
    findings: list[Finding] = Field(default_factory=list)
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
