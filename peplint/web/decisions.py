"""The QA officer's decisions on a bulk run, kept in its output folder.

One JSON file, ``OUT/review/decisions.json``, written atomically with mode 0600:
per PEP (by its report key) the answers the officer changed (with the reason and
peplint's own answer), the edited feedback, and whether the PEP is reviewed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from peplint.output import atomic_write
from peplint.report import FileReport

if TYPE_CHECKING:
    from peplint.waivers import Waiver

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


REVIEW_WAIVERS_FILE = Path("review") / "peplint-waivers.yaml"
MET_ANSWERS = frozenset({"yes", "green", "gold", "meets"})


def waivers_for(
    entry: FileReport, decision: PepDecision, item_rules: dict[str, list[str]]
) -> list[Waiver]:
    """The waivers an officer's decisions imply: where they rated an item met that peplint
    did not, every error or undecided finding of that item's rules is accepted, with the
    officer's reason, for this child, until the PEP changes where it was found."""
    from peplint.waivers import Waiver, child_key, evidence_fingerprint

    pep = entry.pep
    child = child_key(pep) if pep is not None else None
    if child is None:
        return []
    out: list[Waiver] = []
    for item_id, change in decision.answers.items():
        if change.answer not in MET_ANSWERS or change.peplint_answer in MET_ANSWERS:
            continue
        rules = set(item_rules.get(item_id, []))
        for finding in entry.findings:
            if finding.rule in rules and (finding.severity == "error" or finding.unclear):
                out.append(
                    Waiver(
                        rule=finding.rule,
                        child=child,
                        fingerprint=evidence_fingerprint(finding),
                        reason=change.reason,
                        accepted_by="peplint serve",
                        accepted_on=dt.date.today(),
                        # Where, in words without document text (a location may quote a target).
                        where=f"{item_id}, {finding.section or 'the PEP'}",
                    )
                )
    return out


def save_waivers(out: Path, waivers: list[Waiver]) -> int:
    """Add waivers to the review folder's waivers file; how many were new."""
    from peplint.waivers import add_waivers

    if not waivers:
        return 0
    path = out / REVIEW_WAIVERS_FILE
    path.parent.mkdir(mode=0o700, exist_ok=True)
    return add_waivers(path, waivers)
