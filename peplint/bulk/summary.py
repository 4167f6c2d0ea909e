"""The per-PEP summary rows (summary.csv / summary.json) and the term's aggregates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from peplint.report import FileReport

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: object) -> str:
    """A cell value that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


@dataclass
class Row:
    """One PEP in the summary."""

    file: str
    report: str
    school: str
    designated_teacher: str
    child: str
    pep_date: str
    answers: dict[str, str]
    overall: str
    meets: bool
    errors: int
    warnings: int
    infos: int
    error_code: str
    next_pep_date: str
    late_sign_off: bool
    degraded: bool
    coverage: str = (
        ""  # share of the checklist's fields the layout gave ("92%"), "" if not measured
    )
    needs_mapping: bool = False  # below the pack's coverage threshold: map the layout
    waived: int = 0  # findings a waiver covers, counted apart from the others


def row_for(relative: str, report_key: str, entry: FileReport, item_ids: list[str]) -> Row:
    """The summary row of one file."""
    pep = entry.pep
    findings = entry.findings
    cov = entry.coverage
    answers = {i.id: i.answer for i in entry.checklist.items} if entry.checklist else {}
    next_dates = [
        d
        for d in (
            (
                pep.sign_offs.designated_teacher.next_pep_date,
                pep.sign_offs.social_worker.next_pep_date,
            )
            if pep
            else ()
        )
        if d
    ]
    return Row(
        file=relative,
        report=report_key,
        school=(pep.setting.name if pep else None) or "",
        designated_teacher=(pep.designated_teacher.name if pep else None) or "",
        child=(pep.child.name if pep else None) or "",
        pep_date=pep.meeting.date.isoformat() if pep and pep.meeting.date else "",
        answers={i: answers.get(i, "") for i in item_ids},
        overall=entry.checklist.overall.label if entry.checklist else "not read",
        meets=bool(entry.checklist and entry.checklist.overall.meets),
        errors=sum(f.severity == "error" for f in findings),
        warnings=sum(f.severity == "warning" for f in findings),
        infos=sum(f.severity == "info" for f in findings),
        error_code=entry.error.code if entry.error else "",
        next_pep_date=min(next_dates).isoformat() if next_dates else "",
        late_sign_off=any(f.rule == "sign-off-timescale" and not f.unclear for f in findings),
        degraded=entry.degraded,
        coverage=f"{cov.ratio:.0%}" if cov and cov.ratio is not None else "",
        needs_mapping=bool(cov and not cov.well_read),
        waived=len(entry.waived),
    )


def to_csv(rows: list[Row], item_ids: list[str]) -> str:
    """summary.csv, one row per PEP, safe against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "file",
            "school",
            "designated_teacher",
            "child",
            "pep_date",
            *item_ids,
            "overall",
            "meets",
            "coverage",
            "errors",
            "warnings",
            "infos",
            "error_code",
            "waived",
        ]
    )
    for r in rows:
        writer.writerow(
            [
                csv_safe(v)
                for v in (
                    r.file,
                    r.school,
                    r.designated_teacher,
                    r.child,
                    r.pep_date,
                    *(r.answers[i] for i in item_ids),
                    r.overall,
                    "yes" if r.meets else "no",
                    r.coverage,
                    r.errors,
                    r.warnings,
                    r.infos,
                    r.error_code,
                    r.waived,
                )
            ]
        )
    return buffer.getvalue()


@dataclass
class Aggregates:
    """What a QA lead acts on."""

    total: int
    read: int
    meets: int
    unreadable: int
    item_failures: dict[str, int]
    by_school: dict[str, dict[str, int]]
    by_teacher: dict[str, dict[str, int]]
    common_findings: list[tuple[str, int]]
    overdue: list[dict[str, str]] = field(default_factory=list)
    late_sign_off: list[dict[str, str]] = field(default_factory=list)
    error_codes: dict[str, int] = field(default_factory=dict)
    waived: int = 0  # findings waivers cover, across the term

    @property
    def share_meeting(self) -> float:
        """Share of readable PEPs that meet the standard."""
        return self.meets / self.read if self.read else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        data = asdict(self)
        data["share_meeting"] = round(self.share_meeting, 4)
        return data


def flagged_rules(entry: FileReport) -> list[str]:
    """The rules of a report's errors and warnings, in order (the term's common findings)."""
    return [f.rule for f in entry.findings if f.severity in ("error", "warning")]


def aggregate(
    rows: list[Row], flagged: list[list[str]], item_ids: list[str], as_of: dt.date
) -> Aggregates:
    """The term's figures from the rows and each PEP's `flagged_rules`."""
    read = [r for r in rows if not r.error_code]
    failing = {"yes", "gold", "green", "meets"}
    item_failures = {
        i: sum(1 for r in read if r.answers.get(i) and r.answers[i] not in failing)
        for i in item_ids
    }

    def group(key: str) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for r in read:
            name = getattr(r, key) or "(not recorded)"
            bucket = out.setdefault(name, {"peps": 0, "meets": 0, "needs_mapping": 0})
            bucket["peps"] += 1
            bucket["meets"] += int(r.meets)
            bucket["needs_mapping"] += int(r.needs_mapping)
        return dict(sorted(out.items()))

    counts: Counter[str] = Counter(rule for rules in flagged for rule in rules)
    overdue = [
        {"file": r.file, "report": r.report, "next_pep_date": r.next_pep_date}
        for r in read
        if r.next_pep_date and dt.date.fromisoformat(r.next_pep_date) < as_of
    ]
    late = [
        {"file": r.file, "report": r.report, "pep_date": r.pep_date}
        for r in read
        if r.late_sign_off
    ]
    return Aggregates(
        waived=sum(r.waived for r in rows),
        total=len(rows),
        read=len(read),
        meets=sum(r.meets for r in read),
        unreadable=len(rows) - len(read),
        item_failures=item_failures,
        by_school=group("school"),
        by_teacher=group("designated_teacher"),
        common_findings=sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15],
        overdue=overdue,
        late_sign_off=late,
        error_codes=dict(sorted(Counter(r.error_code for r in rows if r.error_code).items())),
    )
