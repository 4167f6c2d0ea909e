"""What every document reporter shows for one file: a plain view built once from the report."""

from __future__ import annotations

from dataclasses import dataclass

from peplint.checklist.model import ItemAnswer
from peplint.model.findings import Finding
from peplint.report import FileReport


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
    needs_person: bool = False  # nothing read fails, but some items must be checked by eye
    coverage: str = "not measured"  # "23 of 25 fields (92%)"
    layout_warning: str | None = None  # the one prominent line when the layout was not read well


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
        needs_person=entry.checklist.overall.needs_person,
        coverage=entry.coverage.summary() if entry.coverage else "not measured",
        layout_warning=entry.coverage.message if entry.coverage else None,
    )
