"""Reading a bulk output folder for the officer's review pages: the summary rows,
each PEP's report, filtering and sorting, applying decisions, and the agreement
figures (how often the officer kept peplint's answer, per item)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peplint.checklist.model import ChecklistResult, ChecklistSpec, Overall
from peplint.report import FileReport, Report
from peplint.web.decisions import Decisions, PepDecision

SORT_KEYS = ("file", "school", "designated_teacher", "pep_date", "overall", "coverage", "errors")


class NotABulkFolder(Exception):
    """The folder holds no bulk run's summary."""


@dataclass
class BulkFolder:
    """A `peplint bulk` output folder."""

    out: Path
    summary: dict[str, Any]

    @classmethod
    def open(cls, out: Path) -> BulkFolder:
        """Read the folder's summary.json; raises NotABulkFolder when there is none."""
        path = out / "summary.json"
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise NotABulkFolder(
                f"{out.name} is not a peplint bulk output folder (no readable summary.json)."
            ) from exc
        if not isinstance(summary, dict) or not isinstance(summary.get("rows"), list):
            raise NotABulkFolder(f"{out.name} has a summary.json peplint did not write.")
        return cls(out, summary)

    @property
    def rows(self) -> list[dict[str, Any]]:
        """One row per PEP, as bulk wrote them."""
        return [r for r in self.summary["rows"] if isinstance(r, dict) and r.get("report")]

    @property
    def item_ids(self) -> list[str]:
        """The checklist item ids of the run."""
        items = self.summary.get("items") or []
        return [i if isinstance(i, str) else str(i.get("id")) for i in items]

    @property
    def as_of(self) -> dt.date:
        """The date the run judged overdue PEPs against."""
        try:
            return dt.date.fromisoformat(str(self.summary.get("as_of")))
        except ValueError:
            return dt.date.today()

    def row(self, key: str) -> dict[str, Any] | None:
        """The row of the PEP whose report key is `key` (only keys the run wrote)."""
        return next((r for r in self.rows if r["report"] == key), None)

    def report(self, key: str) -> FileReport | None:
        """The PEP's full report, or None when the key is not one of this run's."""
        if self.row(key) is None:
            return None
        path = self.out / "peps" / f"{key}.json"
        try:
            report = Report.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return report.files[0] if report.files else None


def is_overdue(row: dict[str, Any], as_of: dt.date) -> bool:
    """Whether the PEP's next PEP date has passed."""
    try:
        return dt.date.fromisoformat(str(row.get("next_pep_date"))) < as_of
    except ValueError:
        return False


def coverage_of(row: dict[str, Any]) -> float | None:
    """The layout coverage bulk recorded for the PEP (0..1; written as "92%"), when it did."""
    value = row.get("coverage")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            return float(value.strip()[:-1]) / 100
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Filters:
    """What the dashboard is narrowed to and sorted by."""

    school: str = ""
    teacher: str = ""
    failing: str = ""  # a checklist item id whose answer is not the meeting one
    overdue: bool = False
    low_coverage: bool = False
    reviewed: str = ""  # "", "yes" or "no"
    sort: str = "file"
    descending: bool = False


def select(
    folder: BulkFolder, decisions: Decisions, filters: Filters, coverage_threshold: float = 0.8
) -> list[dict[str, Any]]:
    """The rows that pass the filters, sorted."""
    rows = []
    for row in folder.rows:
        answers = row.get("answers") or {}
        decided = decisions.peps.get(row["report"], PepDecision())
        if filters.school and row.get("school") != filters.school:
            continue
        if filters.teacher and row.get("designated_teacher") != filters.teacher:
            continue
        if filters.failing and answers.get(filters.failing) in (None, "yes", "green", "gold"):
            continue
        if filters.overdue and not is_overdue(row, folder.as_of):
            continue
        coverage = coverage_of(row)
        low = bool(row.get("needs_mapping")) or (
            coverage is not None and coverage < coverage_threshold
        )
        if filters.low_coverage and not low:
            continue
        if filters.reviewed and (filters.reviewed == "yes") != decided.reviewed:
            continue
        rows.append(row)
    key = filters.sort if filters.sort in SORT_KEYS else "file"

    def sort_value(row: dict[str, Any]) -> tuple[int, Any]:
        value = row.get(key)
        return (value is None or value == "", value if value is not None else "")

    return sorted(rows, key=sort_value, reverse=filters.descending)


def apply_decision(entry: FileReport, decision: PepDecision, spec: ChecklistSpec) -> FileReport:
    """The report as the officer decided it: changed answers, overall recomputed on the
    pack's scale, and the edited feedback."""
    if entry.checklist is None:
        return entry
    items = []
    for item in entry.checklist.items:
        change = decision.answers.get(item.id)
        items.append(item.model_copy(update={"answer": change.answer}) if change else item)
    in_overall = {i.id: i.in_overall for i in spec.items}
    counted = [i.answer for i in items if in_overall.get(i.id, True)]
    rating = spec.scale.rate_overall(counted)
    overall = Overall(
        meets=rating in spec.scale.meets, label=spec.scale.label(rating), rating=rating
    )
    checklist = ChecklistResult(title=entry.checklist.title, items=items, overall=overall)
    feedback = decision.feedback if decision.feedback is not None else entry.feedback
    return entry.model_copy(update={"checklist": checklist, "feedback": feedback})


@dataclass(frozen=True)
class Agreement:
    """How often the officer kept peplint's answer to one item."""

    item: str
    reviewed: int
    kept: int

    @property
    def share(self) -> float | None:
        """kept / reviewed, or None before any review."""
        return self.kept / self.reviewed if self.reviewed else None


def agreement(folder: BulkFolder, decisions: Decisions) -> list[Agreement]:
    """Per checklist item, over the reviewed PEPs: answers kept and answers reviewed."""
    reviewed = [d for key, d in decisions.peps.items() if d.reviewed and folder.row(key)]
    return [
        Agreement(
            item=item,
            reviewed=len(reviewed),
            kept=sum(1 for d in reviewed if item not in d.answers),
        )
        for item in folder.item_ids
    ]


def rating_options(spec: ChecklistSpec) -> list[str]:
    """An item's possible answers on the scale, in the order the pack lists them."""
    seen: list[str] = []
    for rule in spec.scale.item:
        if rule.rating not in seen:
            seen.append(rule.rating)
    if spec.scale.name == "yes-no":  # read naturally: Yes, No, Unclear
        seen.sort(key=lambda r: {"yes": 0, "no": 1}.get(r, 2))
    return seen
