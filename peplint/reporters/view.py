"""What every document reporter shows for one file: a plain view built once from the report."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peplint.checklist.model import Evidence, ItemAnswer
from peplint.feedback.to_fix import SECTION_NAMES
from peplint.model.findings import Finding
from peplint.report import FileReport, Report


@dataclass
class FileView:
    """One file's report, ready to render."""

    title: str
    path: str
    child: str
    school: str
    pep_date: str
    template: str
    error: str | None
    items: list[ItemAnswer]
    findings: list[Finding]
    meets: bool
    judgement: str
    feedback_text: str
    options: list[str] = field(default_factory=list)  # the scale's item ratings, pack order
    overall_options: list[str] = field(default_factory=list)
    overall_rating: str | None = None
    warnings: list[str] = field(default_factory=list)  # how the reading went, said plainly
    waived: list[Finding] = field(default_factory=list)  # findings waivers cover


FORM_NUMBER = re.compile(r"^[A-Za-z]{0,2}\d+[a-z]?$")  # "D1", "3", "A2b": the form's own numbering

MET_ANSWERS = {"yes", "gold", "green", "meets"}


def item_label(item: ItemAnswer) -> str:
    """The question as the form prints it: with the form's number ("D1. ..."), never an internal id."""
    if FORM_NUMBER.match(item.id):
        return f"{item.id}. {item.question}"
    return item.question


def rating_words(rating: str) -> str:
    """A rating as a tick-box label: "does-not-meet" -> "Does not meet"."""
    text = rating.replace("-", " ").replace("_", " ")
    return text[:1].upper() + text[1:]


def answer_options(view: FileView) -> list[str]:
    """The tick boxes of every item: the scale's options, or (older reports) yes/no or the answers."""
    if view.options:
        return view.options
    given = [i.answer for i in view.items if i.answer != "unclear"]
    if all(a in ("yes", "no") for a in given):
        return ["yes", "no"]
    return list(dict.fromkeys(given))


def file_view(entry: FileReport) -> FileView:
    """The view of one file's report."""
    pep = entry.pep
    if entry.status == "error" or pep is None or entry.checklist is None:
        message = (
            f"{entry.error.message} [{entry.error.code}]" if entry.error else "could not be read"
        )
        return FileView(
            title="PEP could not be read",
            path=entry.path,
            child="",
            school="",
            pep_date="",
            template="",
            error=message,
            items=[],
            findings=[],
            meets=False,
            judgement="",
            feedback_text="",
        )
    return FileView(
        title=entry.checklist.title,
        path=entry.path,
        child=pep.child.name or "Name not recorded",
        school=pep.setting.name or "Setting not recorded",
        pep_date=pep.meeting.date.strftime("%d/%m/%Y") if pep.meeting.date else "not recorded",
        template=pep.template,
        error=None,
        items=entry.checklist.items,
        findings=entry.findings,
        meets=entry.checklist.overall.meets,
        judgement=entry.checklist.overall.label,
        feedback_text=entry.feedback,
        options=list(entry.checklist.options),
        overall_options=list(entry.checklist.overall_options),
        overall_rating=entry.checklist.overall.rating,
        warnings=list(pep.warnings),
        waived=list(entry.waived),
    )


def used(report: Report) -> str:
    """Which pack and config file made this report, in words."""
    meta = report.meta or {}
    if meta.get("used"):
        return str(meta["used"])
    config = meta.get("config")
    where = config if config else "none (built-in defaults)"
    return f"pack {report.pack.name} (version {report.pack.version}); config file: {where}"


PROSE_WORDS = 6
QUOTE_WORDS = 25


def evidence_text(evidence: Evidence) -> str:
    """Evidence as a reader wants it: a finding's message as it is; a quotation of a section
    as where it is recorded and, when it is prose (not a dump of table cells), its first
    sentence."""
    if evidence.rule is not None:
        return evidence.text
    section = SECTION_NAMES.get(evidence.section or "", evidence.section or "the PEP")
    where = f"Recorded in {section}" + (f", page {evidence.page}" if evidence.page else "")
    pieces = re.split(r"\s*\|\s*|(?<=[.!?])\s+", evidence.text.strip())
    prose = next(
        (
            p.split()
            for p in pieces
            if len(p.split()) >= PROSE_WORDS and p.endswith((".", "!", "?")) and p.count(":") <= 1
        ),
        None,
    )
    if prose is None:
        return where + "."
    words = prose
    quote = " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")
    return f'{where}: "{quote}"'


def where(finding: Finding) -> str:
    """Where a finding is: section, place and page."""
    parts = [SECTION_NAMES.get(finding.section, finding.section)] if finding.section else []
    if finding.location:
        parts.append(finding.location)
    if finding.page:
        parts.append(f"page {finding.page}")
    return ", ".join(parts)
