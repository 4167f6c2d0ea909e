"""A case spec as an abstract form: sections holding labelled items, in one authority's words.

Nothing here decides how the form looks on the page; the renderers do. The form
carries the spec's values already formatted in the variant's date style, so
each renderer only places text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peplint.generate.spec import CaseSpec
from peplint.model.pep import Contact, Target
from tests.layouts.vocab import Authority

DATE_STYLES = ("numeric", "short", "weekday", "ordinal")


def format_date(value: dt.date | None, style: str) -> str:
    """A date as a form would print it: 14/10/2026, 14 Oct 2026, Wednesday 14 October 2026, 14th October 2026."""
    if value is None:
        return ""
    if style == "numeric":
        return value.strftime("%d/%m/%Y")
    if style == "short":
        return f"{value.day} {value.strftime('%b %Y')}"
    if style == "weekday":
        return f"{value.strftime('%A')} {value.day} {value.strftime('%B %Y')}"
    if style == "ordinal":
        day = value.day
        suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        return f"{day}{suffix} {value.strftime('%B %Y')}"
    raise ValueError(f"unknown date style {style!r}")


@dataclass(frozen=True)
class Field:
    """A short labelled value ("" when the PEP leaves it empty)."""

    label: str
    value: str
    iso: str | None = None  # a date's ISO form, for date-picker content controls


@dataclass(frozen=True)
class Choice:
    """A group of options with at most one ticked (`chosen` is one of `options`, or None)."""

    label: str
    options: tuple[str, ...]
    chosen: str | None


@dataclass(frozen=True)
class Text:
    """A labelled free-text answer, always on its own."""

    label: str
    value: str


@dataclass(frozen=True)
class Grid:
    """A table with a header row; a cell is text or a Choice (its label unused)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str | Choice, ...], ...]


@dataclass(frozen=True)
class Targets:
    """The targets with the authority's labels for their parts."""

    targets: tuple[Target, ...]
    labels: dict[str, str]


Item = Field | Choice | Text | Grid | Targets


@dataclass
class Section:
    """A titled part of the form."""

    title: str
    items: list[Item] = field(default_factory=list)


YES_NO = ("Yes", "No")


def yes_no(label: str, value: bool | None) -> Choice:
    """A Yes/No checkbox group."""
    return Choice(label, YES_NO, None if value is None else ("Yes" if value else "No"))


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _percent(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}%"


def build_form(spec: CaseSpec, vocab: Authority, date_style: str, contacts: str) -> list[Section]:
    """The spec's content as sections in `vocab`'s words; `contacts` is "table" or "fields"."""
    lab = vocab.labels
    d = lambda value: format_date(value, date_style)  # noqa: E731
    groups: dict[str, list[Item]] = {}

    about: list[Item] = [
        Field(lab["child.name"], _s(spec.child.name)),
        Field(
            lab["child.date_of_birth"], d(spec.child.date_of_birth), _iso(spec.child.date_of_birth)
        ),
        Field(
            lab["child.year_group"],
            vocab.year_format.format(spec.child.year_group)
            if spec.child.year_group is not None
            else "",
        ),
        Field(
            lab["child.date_entered_care"],
            d(spec.child.date_entered_care),
            _iso(spec.child.date_entered_care),
        ),
        yes_no(lab["child.emergency_placement"], spec.child.emergency_placement),
        Choice(
            lab["pep_type"],
            ("Initial", "Review"),
            None if spec.pep_type is None else spec.pep_type.capitalize(),
        ),
        Field(lab["previous_pep_date"], d(spec.previous_pep_date), _iso(spec.previous_pep_date)),
    ]
    people = _people(spec, vocab, contacts)
    groups["about"] = about + people["carers"]
    groups["social_worker"] = people["social_worker"]
    groups["education"] = [
        Choice(
            lab["eet_status"],
            tuple(vocab.eet_options.values()),
            vocab.eet_options.get(spec.eet_status),
        ),
        Field(lab["setting.name"], _s(spec.setting.name)),
        Field(lab["setting.course"], _s(spec.setting.course)),
        *people["designated_teacher"],
    ]
    needs = spec.additional_needs
    groups["needs"] = [
        yes_no(lab["additional_needs.has_needs"], needs.has_needs),
        Choice(
            lab["additional_needs.sen_status"],
            tuple(vocab.sen_options.values()),
            None if needs.sen_status is None else vocab.sen_options[needs.sen_status],
        ),
        Field(lab["additional_needs.category"], _s(needs.category)),
        Field(lab["additional_needs.exam_arrangements"], _s(needs.exam_arrangements)),
        Text(lab["additional_needs.text"], _s(needs.text)),
    ]
    groups["attainment"] = [
        Text(lab["attainment.overview"], _s(spec.attainment.overview)),
        _subjects(spec, vocab),
    ]
    meeting = spec.meeting
    groups["meeting"] = [
        Field(lab["meeting.date"], d(meeting.date), _iso(meeting.date)),
        Grid(
            (lab["attendee.name"], lab["attendee.role"], lab["attendee.attended"]),
            tuple((_s(a.name), _s(a.role), yes_no("", a.attended)) for a in meeting.attendees),
        ),
        yes_no(lab["meeting.young_person_attended"], meeting.young_person_attended),
        Text(lab["meeting.young_person_absence_reason"], _s(meeting.young_person_absence_reason)),
        Field(lab["meeting.attendance_percent"], _percent(meeting.attendance_percent)),
        Choice(
            lab["meeting.wellbeing_rag"],
            ("Red", "Amber", "Green"),
            None if meeting.wellbeing_rag is None else meeting.wellbeing_rag.capitalize(),
        ),
        Text(lab["meeting.discussion"], _s(meeting.discussion)),
        Text(lab["meeting.contributors_views"], _s(meeting.contributors_views)),
        Text(lab["meeting.previous_actions_review"], _s(meeting.previous_actions_review)),
        Text(lab["meeting.actions"], _s(meeting.actions)),
    ]
    groups["targets"] = [Targets(tuple(spec.targets), vocab.target_labels)]
    groups["aspirations"] = [Text(lab["aspirations"], _s(spec.aspirations))]
    groups["views"] = [Text(lab["young_persons_views"], _s(spec.young_persons_views))]
    for who in ("social_worker", "designated_teacher"):
        sign = getattr(spec.sign_offs, who)
        groups[f"{who}_sign_off"] = [
            yes_no(lab[f"sign_offs.{who}.completed"], sign.completed),
            Field(lab[f"sign_offs.{who}.date"], d(sign.date), _iso(sign.date)),
            Field(
                lab[f"sign_offs.{who}.next_pep_date"],
                d(sign.next_pep_date),
                _iso(sign.next_pep_date),
            ),
        ]
    sections: list[Section] = []
    for key in vocab.order:
        title = vocab.sections[key]
        if title is None and sections:  # this authority folds the group into the one before
            sections[-1].items.extend(groups[key])
        else:
            sections.append(Section(title or key, list(groups[key])))
    return sections


def _contact_fields(prefix: str, contact: Contact, vocab: Authority) -> list[Item]:
    lab = vocab.labels
    return [
        Field(lab[f"{prefix}.name"], _s(contact.name)),
        Field(lab[f"{prefix}.role"], _s(contact.role)),
        Field(lab[f"{prefix}.phone"], _s(contact.phone)),
        Field(lab[f"{prefix}.email"], _s(contact.email)),
        Field(lab[f"{prefix}.organisation"], _s(contact.organisation)),
    ]


def _people(spec: CaseSpec, vocab: Authority, contacts: str) -> dict[str, list[Item]]:
    lab = vocab.labels
    headers = tuple(
        lab[f"contact.{part}"] for part in ("role", "name", "phone", "email", "organisation")
    )

    def row(c: Contact) -> tuple[str, ...]:
        return (_s(c.role), _s(c.name), _s(c.phone), _s(c.email), _s(c.organisation))

    carers: list[Item] = [Grid(headers, tuple(row(c) for c in spec.carers))]
    if contacts == "table":
        return {
            "carers": carers,
            "social_worker": [Grid(headers, (row(spec.social_worker),))],
            "designated_teacher": [Grid(headers, (row(spec.designated_teacher),))],
        }
    return {
        "carers": carers,
        "social_worker": _contact_fields("social_worker", spec.social_worker, vocab),
        "designated_teacher": _contact_fields("designated_teacher", spec.designated_teacher, vocab),
    }


TERMS = ("autumn", "spring", "summer")
PROGRESS = {"less": "Less than expected", "expected": "Expected", "more": "More than expected"}


def _subjects(spec: CaseSpec, vocab: Authority) -> Grid:
    lab = vocab.labels
    terms = [
        t for t in TERMS if any(r.term == t for s in spec.attainment.subjects for r in s.terms)
    ]
    headers = [lab["subject.subject"], lab["subject.level"], lab["subject.target"]]
    for term in terms:
        name = term.capitalize()
        headers += [
            f"{name} {lab['term.grade']}",
            f"{name} {lab['term.on_track']}",
            f"{name} {lab['term.progress']}",
        ]
    headers.append(lab["subject.intervention"])
    rows = []
    for subject in spec.attainment.subjects:
        cells: list[str | Choice] = [subject.subject, _s(subject.level), _s(subject.target)]
        for term in terms:
            result = next((r for r in subject.terms if r.term == term), None)
            if result is None:
                cells += ["", "", ""]
                continue
            cells += [
                _s(result.grade),
                yes_no("", result.on_track),
                PROGRESS.get(result.progress or "", ""),
            ]
        cells.append(_s(subject.intervention))
        rows.append(tuple(cells))
    return Grid(tuple(headers), tuple(rows))
