"""Field extraction: the typed `Pep` fields from a sectioned document.

Every field is looked up by label wording, never by position, so the Walsall
export and other authorities' templates share one extractor. A field the
document does not state is left `None`.
"""

from __future__ import annotations

import datetime as dt
import re

from peplint.extract import values as v
from peplint.extract.section_view import SectionView, pick, row_record, table_header
from peplint.extract.sections import SectionedDocument
from peplint.model.pep import (
    AdditionalNeeds,
    Attainment,
    Attendee,
    Child,
    Contact,
    EetStatus,
    Meeting,
    PepType,
    SenStatus,
    SignOff,
    SignOffs,
    Subject,
    Target,
    TermName,
    TermResult,
)

TERMS: tuple[TermName, ...] = ("autumn", "spring", "summer")
EET_WORDS: tuple[tuple[str, EetStatus], ...] = (
    ("apprentice", "apprenticeship"),
    ("employ", "employment"),
    ("neet", "neet"),
    ("not in education", "neet"),
    ("custody", "custody"),
    ("remand", "custody"),
    ("training", "training"),
    ("education", "education"),
    ("school", "education"),
    ("college", "education"),
)


def _view(doc: SectionedDocument, *keys: str) -> SectionView:
    return SectionView.of(*(doc.sections.get(k) for k in keys))


def _text(view: SectionView) -> str | None:
    return v.clean("\n".join(view.paragraphs)) if view.paragraphs else None


def child(doc: SectionedDocument) -> Child:
    """The young person's details."""
    view = _view(doc, "personal_care", "education_setting")
    return Child(
        name=v.clean(
            view.value(
                "young persons name",
                "my name",
                "name of young person",
                "childs name",
                "child name",
                "name",
            )
        ),
        date_of_birth=v.parse_date(view.value("date of birth", "dob")),
        year_group=v.parse_int(view.value("year group", "national curriculum year", "year")),
        date_entered_care=v.parse_date(
            view.value(
                "date entered care",
                "date i came into care",
                "date came into care",
                "date into care",
                "date of entry to care",
            )
        ),
        emergency_placement=v.parse_yes_no(view.value("emergency placement")),
    )


def _contact(record: dict[str, str]) -> Contact:
    return Contact(
        name=v.clean(pick(record, "name")),
        role=v.clean(pick(record, "relationship", "role")),
        phone=v.clean(pick(record, "phone", "telephone", "mobile")),
        email=v.clean(pick(record, "email")),
        organisation=v.clean(pick(record, "organisation", "agency", "school", "local authority")),
    )


def carers(doc: SectionedDocument) -> list[Contact]:
    """Carers from the personal/care section's table, else carer rows of the contacts table."""
    rows = _view(doc, "personal_care").records("name", "phone")
    found = [_contact(r) for r in rows if any(r.values())]
    if found:
        return found
    contacts = _view(doc, "key_contacts").records("name", "role")
    return [
        _contact(r) for r in contacts if re.search(r"(?i)carer|guardian", pick(r, "role") or "")
    ]


def _role_contact(doc: SectionedDocument, role: str) -> Contact | None:
    for key in ("key_contacts", "personal_care", "social_worker_info", "education_setting"):
        for record in _view(doc, key).records("name", "role"):
            if role in (pick(record, "role") or "").lower():
                return _contact(record)
    return None


def social_worker(doc: SectionedDocument) -> Contact:
    """The social worker: their own section first, then the contacts table."""
    own = _view(doc, "social_worker_info")
    shared = _view(doc, "education_setting", "personal_care")
    contact = Contact(
        name=v.clean(
            own.value("social worker", "social worker name", "name of social worker", "name")
            or shared.value("social worker", "social worker name")
        ),
        phone=v.clean(
            own.value("social worker phone", "telephone", "phone")
            or shared.value("social worker phone", "social worker telephone")
        ),
        email=v.clean(
            own.value("social worker email", "email") or shared.value("social worker email")
        ),
        organisation=v.clean(
            own.value("local authority", "organisation", "team") or shared.value("local authority")
        ),
    )
    return _fill_from(contact, _role_contact(doc, "social worker"), "Social worker")


def designated_teacher(doc: SectionedDocument, setting_name: str | None) -> Contact:
    """The designated teacher: labelled fields, then the contacts table; their
    organisation is the setting when the document names no other."""
    view = _view(doc, "education_setting", "designated_teacher_sign_off", "personal_care")
    contact = Contact(
        name=v.clean(
            view.value(
                "designated teacher", "designated teacher name", "name of designated teacher"
            )
        ),
        phone=v.clean(view.value("designated teacher phone", "designated teacher telephone")),
        email=v.clean(view.value("designated teacher email")),
    )
    contact = _fill_from(contact, _role_contact(doc, "designated teacher"), "Designated teacher")
    if contact.organisation is None and contact.name is not None:
        contact.organisation = setting_name
    return contact


def _fill_from(contact: Contact, other: Contact | None, role: str) -> Contact:
    if other is not None:
        for name in ("name", "phone", "email", "organisation"):
            if getattr(contact, name) is None:
                setattr(contact, name, getattr(other, name))
    if contact.name is not None and contact.role is None:
        contact.role = other.role if other and other.role else role
    return contact


def eet_status(doc: SectionedDocument) -> EetStatus:
    """Education, employment, training... from the setting section's status field."""
    raw = _view(doc, "education_setting").value(
        "current eet status", "eet status", "education status", "current situation", "status"
    )
    text = (raw or "").lower()
    for word, status in EET_WORDS:
        if word in text:
            return status
    return "unknown"


def setting(doc: SectionedDocument) -> tuple[str | None, str | None]:
    """The setting's name and the course."""
    view = _view(doc, "education_setting")
    name = view.value(
        "name of setting",
        "setting name",
        "school",
        "college",
        "setting",
        "name of school",
        "provider",
        "school or college",
    )
    course = view.value("course", "course or pathway", "pathway", "programme of study")
    return v.clean(name), v.clean(course)


SEN_WORDS: tuple[tuple[str, SenStatus], ...] = (
    ("ehcp", "ehcp"),
    ("education health and care", "ehcp"),
    ("sen support", "sen_support"),
    ("assess", "assessment"),
    ("none", "none"),
    ("no sen", "none"),
    ("not applicable", "none"),
)


def additional_needs(doc: SectionedDocument) -> AdditionalNeeds:
    """Special educational needs, exam arrangements and details."""
    view = _view(doc, "additional_needs")
    has_needs = view.value(
        "does the young person have additional needs",
        "any additional needs",
        "additional needs",
        prefix=True,
    )
    status_text = (view.value("sen status", "send status", "sen") or "").lower()
    sen = next((status for word, status in SEN_WORDS if word in status_text), None)
    return AdditionalNeeds(
        has_needs=v.parse_yes_no(has_needs),
        sen_status=sen,
        category=v.clean(
            view.value("category of need", "primary need", "area of need", "category")
        ),
        exam_arrangements=v.clean(
            view.value(
                "special exam arrangements",
                "exam access arrangements",
                "exam arrangements",
                "access arrangements",
            )
        ),
        text=v.clean(view.value("details", "notes", "description")) or _text(view),
    )


# Platform noise around a subject name: "Other (please specify) History 2023-10-20 14:22:22".
_SUBJECT_NOISE = re.compile(
    r"(?i)^other\s*\(please specify\)\s*"
    r"|\s*\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}(\s+\d{1,2}\s*:\s*\d{2}(\s*:\s*\d{2})?)?\s*$"
)


def _subject_name(raw: str) -> str:
    return " ".join(_SUBJECT_NOISE.sub("", raw.replace("\n", " ")).split())


def _term_from_columns(record: dict[str, str], term: TermName) -> TermResult | None:
    cols = {h: val for h, val in record.items() if h.startswith(term)}
    if not cols:
        return None
    if (
        len(cols) == 1
    ):  # one cell per term: "Working at: 4 / Progress: Below expected / On track: No"
        return _term_from_cell(next(iter(cols.values())), term)
    on_track = pick(cols, "on track")
    grade = pick(cols, "grade", "working at")
    progress = pick(cols, "progress")
    if not any((on_track, grade, progress)):
        return None
    return TermResult(
        term=term,
        on_track=v.parse_yes_no(on_track),
        grade=v.normalise_grade(grade),
        progress=v.parse_progress(progress),
    )


def _term_from_cell(cell: str, term: TermName) -> TermResult | None:
    if not cell.strip():
        return None
    parts = dict(
        (k.strip().lower(), val.strip())
        for k, val in re.findall(r"(?m)^\s*([A-Za-z ]{2,24}):\s*(.*)$", cell)
    )
    grade = parts.get("working at") or parts.get("grade") or parts.get("current grade")
    return TermResult(
        term=term,
        on_track=v.parse_yes_no(parts.get("on track")),
        grade=v.normalise_grade(grade),
        progress=v.parse_progress(parts.get("progress")),
    )


def attainment(doc: SectionedDocument) -> Attainment:
    """The overview text and the subject table, with termly results and interventions."""
    view = _view(doc, "attainment_progress")
    overview = _text(view) or v.clean(view.value("overview", "overview of progress"))
    subjects: list[Subject] = []
    for table in view.tables:
        header, body = table_header(table)
        if not any(h.startswith(("course study", "subject", "course")) for h in header):
            continue
        for row in body:
            cells = [c for c in row if c is not None]
            first = (cells[0] if cells else "").strip()
            if re.match(r"(?i)what intervention", first):  # full-width intervention row
                if subjects and len(cells) > 1:
                    subjects[-1].intervention = v.clean(" ".join(c for c in cells[1:] if c)) or None
                continue
            record = row_record(header, row)
            name = pick(record, "course study", "subject", "course")
            if not name:
                continue
            terms = [t for t in (_term_from_columns(record, term) for term in TERMS) if t]
            subjects.append(
                Subject(
                    subject=_subject_name(name),
                    level=v.clean(pick(record, "course level", "qualification", "level")),
                    target=v.normalise_grade(pick(record, "target")),
                    terms=terms,
                    intervention=v.clean(
                        pick(record, "intervention", "support in place", "support")
                    ),
                )
            )
        break
    return Attainment(overview=overview, subjects=subjects)


def targets(doc: SectionedDocument) -> list[Target]:
    """Targets from the targets table (who / when / strategy columns where present)."""
    view = _view(doc, "smart_targets")
    for table in view.tables:
        header, body = table_header(table)
        text_col = next(
            (h for h in header if h.startswith(("target", "outcome", "smart target"))), None
        )
        if text_col is None:
            continue
        out: list[Target] = []
        for row in body:
            record = row_record(header, row)
            text = v.clean(record.get(text_col))
            if not text:
                continue
            deadline_text = v.clean(
                pick(record, "by when", "when", "deadline", "date", "timescale")
            )
            out.append(
                Target(
                    text=text,
                    who=v.clean(pick(record, "who")),
                    deadline_text=deadline_text,
                    deadline=v.parse_date(deadline_text),
                    strategy=v.clean(pick(record, "strateg", "how", "support", "action")),
                    review=v.clean(pick(record, "review", "progress")),
                )
            )
        return out
    return []


def meeting(doc: SectionedDocument) -> Meeting:
    """The PEP meeting page: date, attendees, participation, attendance, well-being and notes."""
    view = _view(doc, "pep_meeting")
    everywhere = SectionView.of(*doc.sections.values())
    attendees = [
        Attendee(
            name=v.clean(pick(r, "name")),
            role=v.clean(pick(r, "role")),
            attended=v.parse_yes_no(pick(r, "attended", "present", "attendance")),
        )
        for r in view.records("name", "role")
        if pick(r, "name")
    ]
    date_text = view.value(
        "date of pep meeting", "date of meeting", "meeting date", "pep date", "date"
    )
    return Meeting(
        date=v.parse_date(date_text) or _preamble_date(doc),
        attendees=attendees,
        young_person_attended=v.parse_yes_no(
            view.value(
                "did the young person attend",
                "did i attend",
                "young person attended",
                "did you attend",
                prefix=True,
            )
        ),
        young_person_absence_reason=v.clean(
            view.value(
                "if not why not",
                "reason for non attendance",
                "why did the young person not attend",
                prefix=True,
            )
        ),
        attendance_percent=v.parse_percent(
            everywhere.value(
                "attendance this academic year",
                "attendance this year",
                "current attendance",
                "attendance",
            )
        ),
        wellbeing_rag=v.parse_rag(
            everywhere.value(
                "participation and well being rag rating",
                "well being rag",
                "wellbeing rag",
                "rag rating",
                "emotional well being",
            )
        ),
        discussion=v.clean(
            view.value(
                "summary of discussion",
                "what we discussed",
                "discussion",
                "main points of discussion",
            )
        ),
        actions=v.clean(
            view.value(
                "tasks to be completed by next pep meeting",
                "actions before the next pep",
                "actions to be completed",
                "actions",
                "next steps",
            )
        ),
        previous_actions_review=v.clean(
            view.value(
                "review of previous pep actions",
                "how did we do on last times actions",
                "review of previous actions",
                "previous actions",
            )
        ),
        contributors_views=v.clean(
            view.value(
                "views of those supporting the young person",
                "carers and professionals views",
                "carers views",
                "views of others",
                "professionals views",
            )
        ),
    )


def _preamble_date(doc: SectionedDocument) -> dt.date | None:
    for block in doc.preamble:
        if re.search(r"(?i)pep date|meeting date", block.text):
            return v.parse_date(block.text)
    return None


def sign_offs(doc: SectionedDocument) -> SignOffs:
    """Both sign-offs, from their own sections or from one sign-off table with role rows."""
    result = SignOffs()
    for key, role_attr in (
        ("social_worker_sign_off", "social_worker"),
        ("designated_teacher_sign_off", "designated_teacher"),
    ):
        view = _view(doc, key)
        completed = view.value(
            f"{role_attr.replace('_', ' ')} section complete",
            "section complete",
            "marked complete",
            "complete",
            "completed",
            "section marked complete",
        )
        signed = SignOff(
            completed=v.parse_yes_no(completed),
            date=v.parse_date(
                view.value("date completed", "date signed", "date of sign off", "signed on")
            ),
            next_pep_date=v.parse_date(view.value("date of next pep", "next pep date", "next pep")),
        )
        setattr(result, role_attr, signed)
    table_view = _view(doc, "designated_teacher_sign_off", "social_worker_sign_off")
    for record in table_view.records("role"):
        role = (pick(record, "role") or "").lower()
        attr = (
            "social_worker"
            if "social" in role
            else "designated_teacher"
            if "teacher" in role
            else None
        )
        if attr is None:
            continue
        current: SignOff = getattr(result, attr)
        current.completed = (
            current.completed
            if current.completed is not None
            else v.parse_yes_no(pick(record, "complete"))
        )
        current.date = current.date or v.parse_date(
            pick(record, "date signed", "signed", "date completed")
        )
        current.next_pep_date = current.next_pep_date or v.parse_date(pick(record, "next pep"))
    return result


def pep_type(doc: SectionedDocument) -> PepType | None:
    """Initial or review."""
    raw = (
        _view(doc, "pep_meeting").value("pep type", "type of pep", "type of meeting") or ""
    ).lower()
    if "initial" in raw:
        return "initial"
    if re.search(r"review|termly|interim", raw):
        return "review"
    return None


def previous_pep_date(doc: SectionedDocument) -> dt.date | None:
    """The date of the previous PEP."""
    return v.parse_date(
        _view(doc, "pep_meeting").value(
            "date of previous pep",
            "date of last pep",
            "previous pep date",
            "last pep date",
            "previous pep",
        )
    )


def aspirations(doc: SectionedDocument) -> str | None:
    """The post-16 / post year 14 plan and aspirations."""
    view = _view(doc, "post16_plan")
    return _text(view) or v.clean(
        view.value("aspirations and plan", "aspirations", "my aspirations")
    )


def young_persons_views(doc: SectionedDocument) -> str | None:
    """The young person's own views."""
    view = _view(doc, "young_persons_views")
    return _text(view) or v.clean(view.value("young persons views", "my views", "views"))
