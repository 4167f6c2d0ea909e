"""The QA officer's decisions on a bulk run, kept in its output folder.

One JSON file, ``OUT/review/decisions.json``, written atomically with mode 0600:
per PEP (by its report key) the answers the officer changed (with the reason and
peplint's own answer), the edited feedback, and whether the PEP is reviewed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from peplint.output import atomic_write

DECISIONS_FORMAT = "peplint.review-decisions"
DECISIONS_FILE = Path("review") / "decisions.json"


class AnswerChange(BaseModel):
    """An answer the officer set, beside peplint's."""

    model_config = ConfigDict(extra="forbid")

    answer: str
    peplint_answer: str
    reason: str


class PepDecision(BaseModel):
    """What the officer decided for one PEP."""

    model_config = ConfigDict(extra="forbid")

    sha256: str | None = None  # the PEP file the decision was made on
    answers: dict[str, AnswerChange] = Field(default_factory=dict)
    feedback: str | None = None  # None: peplint's draft kept
    reviewed: bool = False
    reviewed_at: str | None = None


class Decisions(BaseModel):
    """Every decision of one bulk output folder."""

    model_config = ConfigDict(extra="forbid")

    format: str = DECISIONS_FORMAT
    version: int = 1
    peps: dict[str, PepDecision] = Field(default_factory=dict)


def load_decisions(out: Path) -> Decisions:
    """The decisions saved in `out` (none yet: an empty set)."""
    path = out / DECISIONS_FILE
    if not path.is_file():
        return Decisions()
    return Decisions.model_validate_json(path.read_text(encoding="utf-8"))


def save_decisions(out: Path, decisions: Decisions) -> None:
    """Write the decisions atomically, readable by their owner only."""
    path = out / DECISIONS_FILE
    path.parent.mkdir(mode=0o700, exist_ok=True)
    atomic_write(path, decisions.model_dump_json(indent=2) + "\n")


def now_text() -> str:
    """The time a decision is recorded, to the second, in UTC."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
