"""Two export templates: Walsall's post-16 ePEP and a generic secondary PEP.

Each turns a `CaseSpec` into layout elements. They differ on purpose in
headings, label wording, date formats, table shapes and checkbox use, as real
exports from different authorities do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from peplint.generate.layout import (
    Cell,
    CellValue,
    Choice,
    Element,
    Grid,
    Heading,
    Para,
    header_table,
    kv_table,
    yes_no,
)
from peplint.generate.spec import CaseSpec
from peplint.model.pep import Contact, SignOff, Subject, TermResult

PROGRESS_LABELS = {
    "less": "Making less than expected progress",
    "expected": "Making expected progress",
    "more": "Making more than expected progress",
}
SECONDARY_PROGRESS = {"less": "Below expected", "expected": "Expected", "more": "Above expected"}
SEN_LABELS = {
    "none": "None",
    "sen_support": "SEN Support",
    "ehcp": "EHCP",
    "assessment": "Being assessed",
}
EET_LABELS = {
    "education": "Education",
    "employment": "Employment",
    "apprenticeship": "Apprenticeship",
    "training": "Short term training",
    "neet": "NEET",
    "custody": "Custody",
    "unknown": "",
}
TERMS = ("autumn", "spring", "summer")
VS_QUESTIONS = (
    "The PEP has been completed within timescale",
    "All care information is completed with up to date information",
    "All relevant people have attended and contributed to the PEP",
    "The child's voice is recorded in the PEP",
    "The PEP identifies educational strengths and areas for academic & social/emotional development?",
    "The targets reflect any areas of development identified within the PEP",
    "The targets are written clearly and concisely and identify strategies needed to achieve the target?",
)


def _numeric_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _long_date(value: dt.date | None) -> str:
    return f"{value.day} {value.strftime('%B %Y')}" if value else ""


def _text(value: str | None) -> str:
    return value or ""


def _term(subject: Subject, name: str) -> TermResult | None:
    return next((t for t in subject.terms if t.term == name), None)


def _grade(spec: CaseSpec, grade: str | None) -> str:
    if grade and spec.render.lookalike_grades:
        return grade.replace("B", "в")
    return grade or ""


def _on_track(value: bool | None) -> str:
    return {True: "Yes", False: "No", None: ""}[value]


def _contacts_rows(contacts: list[Contact], org: bool) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for c in contacts:
        row: list[CellValue] = [_text(c.name), _text(c.role)]
        if org:
            row.append(_text(c.organisation))
        row += [_text(c.phone), _text(c.email)]
        rows.append(row)
    return rows


def walsall_post16(spec: CaseSpec) -> list[Element]:
    """The Walsall post-16 ePEP export (Sections A-D), as its platform prints it."""
    d = _numeric_date
    child, needs, meeting = spec.child, spec.additional_needs, spec.meeting
    sw, dt_contact = spec.social_worker, spec.designated_teacher
    out: list[Element] = [
        Heading("Personal Education Plan - Post 16", 1),
        Para(f"PEP date: {d(meeting.date)}"),
        Heading("Section A: Social Worker Section", 1),
        Heading("Personal / Care Information"),
        kv_table(
            [
                ("Young person's name", _text(child.name)),
                ("Date of birth", d(child.date_of_birth)),
                ("Year group", f"Year {child.year_group}" if child.year_group else ""),
                ("Date entered care", d(child.date_entered_care)),
                ("Emergency placement", yes_no(child.emergency_placement)),
            ]
        ),
        Heading("Carer details", 3),
        header_table(
            ["Name", "Relationship", "Phone", "Email"], _contacts_rows(spec.carers, False)
        ),
        Heading("Social Worker Information"),
        kv_table(
            [
                ("Social worker", _text(sw.name)),
                ("Telephone", _text(sw.phone)),
                ("Email", _text(sw.email)),
                ("Local authority", _text(sw.organisation)),
                ("History and background", _text(spec.social_worker_history)),
            ]
        ),
        Heading("Education, Employed or Apprenticed"),
        kv_table(
            [
                ("Current EET status", EET_LABELS[spec.eet_status]),
                ("Name of setting", _text(spec.setting.name)),
                ("Course", _text(spec.setting.course)),
            ]
        ),
        Heading("Short Term Training or NEET"),
        kv_table(
            [
                (
                    "Barriers to education, employment or training",
                    _text(spec.neet_barriers) or "Not applicable",
                )
            ]
        ),
        Heading("Custody and Remand"),
        kv_table([("Details", _text(spec.custody_remand) or "Not applicable")]),
        Heading("Additional Needs"),
        kv_table(
            [
                ("Does the young person have additional needs?", yes_no(needs.has_needs)),
                ("SEN status", SEN_LABELS.get(needs.sen_status or "", "")),
                ("Category of need", _text(needs.category)),
                ("Special exam arrangements", _text(needs.exam_arrangements)),
                ("Details", _text(needs.text)),
            ]
        ),
        Heading("Key Contacts"),
        header_table(
            ["Name", "Role", "Organisation", "Phone", "Email"],
            _contacts_rows([sw, dt_contact], True),
        ),
        Heading("Social Worker Sign Off"),
        _sign_off_table("Social worker section complete", spec.sign_offs.social_worker, d),
        Heading("Section B: Designated Teacher Section", 1),
        Heading("Attainment and Progress"),
        Para(_text(spec.attainment.overview)),
        _walsall_attainment(spec),
        Heading("SMART Targets"),
        header_table(
            ["Target", "Who will support", "By when", "Strategy / support", "Review of progress"],
            [
                [t.text, _text(t.who), _text(t.deadline_text), _text(t.strategy), _text(t.review)]
                for t in spec.targets
            ],
            widths=[2.2, 1.1, 1.0, 2.0, 1.5],
        ),
        Heading("The PEP Meeting"),
        kv_table(
            [
                ("Date of PEP meeting", d(meeting.date)),
                ("PEP type", (spec.pep_type or "").capitalize()),
                ("Date of previous PEP", d(spec.previous_pep_date)),
                (
                    "Attendance this academic year",
                    f"{meeting.attendance_percent:g}%"
                    if meeting.attendance_percent is not None
                    else "",
                ),
                (
                    "Participation and well-being RAG rating",
                    Choice(
                        tuple(
                            (r.capitalize(), meeting.wellbeing_rag == r)
                            for r in ("red", "amber", "green")
                        )
                    ),
                ),
                (
                    "Did the young person attend the PEP meeting?",
                    yes_no(meeting.young_person_attended),
                ),
                (
                    "If not, why not and how were their views shared?",
                    _text(meeting.young_person_absence_reason),
                ),
            ]
        ),
        Heading("Attendees", 3),
        header_table(
            ["Name", "Role", "Attended"],
            [[_text(a.name), _text(a.role), _on_track(a.attended)] for a in meeting.attendees],
        ),
        Heading("Summary of discussion", 3),
        Para(_text(meeting.discussion)),
        Heading("Tasks to be completed by next PEP meeting", 3),
        Para(_text(meeting.actions)),
        Heading("Review of previous PEP actions", 3),
        Para(_text(meeting.previous_actions_review)),
        Heading("Views of those supporting the young person", 3),
        Para(_text(meeting.contributors_views)),
        Heading("Post Year 14 Plan"),
        Para(_text(spec.aspirations)),
        Heading("Designated Teacher Sign Off"),
        _sign_off_table(
            "Designated teacher section complete", spec.sign_offs.designated_teacher, d
        ),
        Heading("Section C: Young Person's Views", 1),
        Heading("Young Person's Views"),
        Para(_text(spec.young_persons_views)),
        Heading("Section D: VS Final Sign Off", 1),
        kv_table([(q, yes_no(None)) for q in VS_QUESTIONS]),
        Para("Further Comments"),
        Para("Name of VS worker who completed this"),
    ]
    return out


def _sign_off_table(label: str, sign_off: SignOff, fmt: Callable[[dt.date | None], str]) -> Grid:
    return kv_table(
        [
            (label, yes_no(sign_off.completed)),
            ("Date completed", fmt(sign_off.date)),
            ("Date of next PEP", fmt(sign_off.next_pep_date)),
        ]
    )


def _walsall_attainment(spec: CaseSpec) -> Grid:
    """The termly table with grouped header rows, an action column and intervention rows."""
    group = [Cell("", header=True), Cell("", header=True), Cell("", header=True)]
    for term in TERMS:
        group.append(Cell(term.capitalize(), colspan=3, header=True))
    group.append(Cell("", header=True))
    labels = ["Course Study", "Course Level", "Target at end of key stage"]
    labels += [
        "On track to reach end of key stage target",
        "Current working at grade",
        "Personal progress since last PEP",
    ] * 3
    labels.append("Action")
    rows: list[list[Cell]] = [group, [Cell(x, header=True) for x in labels]]
    for index, subject in enumerate(spec.attainment.subjects):
        name = subject.subject
        if spec.render.platform_timestamps:
            name = f"Other (please specify) {name} 2026-09-{10 + index:02d} 14:2{index % 10}:11"
        row = [Cell(name), Cell(_text(subject.level)), Cell(_grade(spec, subject.target))]
        for term in TERMS:
            result = _term(subject, term)
            row += [
                Cell(_on_track(result.on_track) if result else ""),
                Cell(_grade(spec, result.grade) if result else ""),
                Cell(PROGRESS_LABELS.get(result.progress or "", "") if result else ""),
            ]
        row.append(Cell("Edit Delete"))
        rows.append(row)
        rows.append(
            [
                Cell(
                    "What interventions in place if at least expected progress is not being made",
                    colspan=3,
                ),
                Cell(_text(subject.intervention), colspan=10),
            ]
        )
    widths = [1.6, 0.8, 0.8] + [0.8, 0.6, 1.0] * 3 + [0.6]
    return Grid(rows=rows, widths=widths, font_size=6.5, repeat_header_rows=2)


def secondary(spec: CaseSpec) -> list[Element]:
    """A generic secondary-school PEP using other authorities' section names."""
    d = _long_date
    child, needs, meeting = spec.child, spec.additional_needs, spec.meeting
    sw, dtc = spec.social_worker, spec.designated_teacher
    tick = {True: "✓", False: "Apologies", None: ""}
    return [
        Heading("Personal Education Plan", 1),
        Heading("My PEP Meeting"),
        kv_table(
            [
                ("Date of meeting", d(meeting.date)),
                (
                    "Type of PEP",
                    {"initial": "Initial PEP", "review": "Termly review"}.get(
                        spec.pep_type or "", ""
                    ),
                ),
                ("Date of last PEP", d(spec.previous_pep_date)),
                ("Did I attend my PEP meeting?", yes_no(meeting.young_person_attended)),
                (
                    "If not, why not and how were my views shared?",
                    _text(meeting.young_person_absence_reason),
                ),
            ]
        ),
        Heading("People at the meeting", 3),
        header_table(
            ["Name", "Role", "Present"],
            [[_text(a.name), _text(a.role), tick[a.attended]] for a in meeting.attendees],
        ),
        Heading("About Me"),
        kv_table(
            [
                ("My name", _text(child.name)),
                ("Date of birth", d(child.date_of_birth)),
                ("Year group", f"Year {child.year_group}" if child.year_group else ""),
                ("Date I came into care", d(child.date_entered_care)),
                (
                    "Emergency placement",
                    {True: "Yes", False: "No", None: ""}[child.emergency_placement],
                ),
            ]
        ),
        Heading("My carers", 3),
        header_table(["Name", "Role", "Phone", "Email"], _contacts_rows(spec.carers, False)),
        Heading("My Education"),
        kv_table(
            [
                ("School", _text(spec.setting.name)),
                ("Course or pathway", _text(spec.setting.course)),
                ("Education status", EET_LABELS[spec.eet_status]),
                ("Designated teacher", _text(dtc.name)),
                ("Designated teacher phone", _text(dtc.phone)),
                ("Designated teacher email", _text(dtc.email)),
                ("Social worker", _text(sw.name)),
                ("Social worker phone", _text(sw.phone)),
                ("Social worker email", _text(sw.email)),
                ("Local authority", _text(sw.organisation)),
            ]
        ),
        Heading("SEN and Additional Needs"),
        kv_table(
            [
                ("Any additional needs?", {True: "Yes", False: "No", None: ""}[needs.has_needs]),
                ("SEN status", SEN_LABELS.get(needs.sen_status or "", "")),
                ("Primary need", _text(needs.category)),
                ("Exam access arrangements", _text(needs.exam_arrangements)),
                ("Notes", _text(needs.text)),
            ]
        ),
        Heading("My Attendance"),
        kv_table(
            [
                (
                    "Attendance this year",
                    f"{meeting.attendance_percent:g}%"
                    if meeting.attendance_percent is not None
                    else "",
                ),
                ("Well-being RAG", (meeting.wellbeing_rag or "").capitalize()),
            ]
        ),
        Heading("My Attainment"),
        Para(_text(spec.attainment.overview)),
        _secondary_attainment(spec),
        Heading("My Views, Wishes and Feelings"),
        Para(_text(spec.young_persons_views)),
        Heading("My Targets"),
        header_table(
            ["Outcome", "How (strategy)", "Who is responsible", "When", "Review"],
            [
                [t.text, _text(t.strategy), _text(t.who), _text(t.deadline_text), _text(t.review)]
                for t in spec.targets
            ],
            widths=[2.2, 2.0, 1.1, 1.0, 1.5],
        ),
        Heading("Aspiration Pathway"),
        Para(_text(spec.aspirations)),
        Heading("Review and Action Plan"),
        Heading("What we discussed", 3),
        Para(_text(meeting.discussion)),
        Heading("Actions before the next PEP", 3),
        Para(_text(meeting.actions)),
        Heading("How did we do on last time's actions?", 3),
        Para(_text(meeting.previous_actions_review)),
        Heading("Carer's and professionals' views", 3),
        Para(_text(meeting.contributors_views)),
        Heading("Sign off"),
        header_table(
            ["Role", "Complete", "Date signed", "Next PEP date"],
            [
                [
                    "Social worker",
                    yes_no(spec.sign_offs.social_worker.completed),
                    d(spec.sign_offs.social_worker.date),
                    d(spec.sign_offs.social_worker.next_pep_date),
                ],
                [
                    "Designated teacher",
                    yes_no(spec.sign_offs.designated_teacher.completed),
                    d(spec.sign_offs.designated_teacher.date),
                    d(spec.sign_offs.designated_teacher.next_pep_date),
                ],
            ],
        ),
        Heading("VS Feedback"),
        Para("To be completed by the Virtual School."),
    ]


def _secondary_attainment(spec: CaseSpec) -> Grid:
    body: list[list[CellValue]] = []
    for subject in spec.attainment.subjects:
        row: list[CellValue] = [subject.subject, _text(subject.level), _grade(spec, subject.target)]
        for term in TERMS:
            result = _term(subject, term)
            if result is None:
                row.append("")
                continue
            lines = [f"Working at: {_grade(spec, result.grade)}"]
            if result.progress:
                lines.append(f"Progress: {SECONDARY_PROGRESS[result.progress]}")
            if result.on_track is not None:
                lines.append(f"On track: {_on_track(result.on_track)}")
            row.append("\n".join(lines))
        row.append(_text(subject.intervention))
        body.append(row)
    return header_table(
        ["Subject", "Qualification", "Target", "Autumn", "Spring", "Summer", "Support in place"],
        body,
        widths=[1.2, 1.0, 0.7, 1.2, 1.2, 1.2, 2.0],
    )


TEMPLATES: dict[str, Callable[[CaseSpec], list[Element]]] = {
    "walsall-post16": walsall_post16,
    "secondary": secondary,
}


def layout_for(spec: CaseSpec) -> list[Element]:
    """The layout of `spec` in the template it names."""
    return TEMPLATES[spec.render.template](spec)
