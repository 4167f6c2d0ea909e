"""The typed PEP model (DESIGN section 3). Field names are a public contract.

Every field is optional in the sense the design gives it: `None` where the
document does not say. Dates serialise as ISO strings.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EetStatus = Literal[
    "education", "employment", "apprenticeship", "training", "neet", "custody", "unknown"
]
SenStatus = Literal["none", "sen_support", "ehcp", "assessment"]
TermName = Literal["autumn", "spring", "summer"]
Progress = Literal["less", "expected", "more"]
Rag = Literal["red", "amber", "green"]
PepType = Literal["initial", "review"]

SECTION_KEYS: tuple[str, ...] = (
    "personal_care",
    "social_worker_info",
    "education_setting",
    "training_neet",
    "custody_remand",
    "additional_needs",
    "key_contacts",
    "social_worker_sign_off",
    "attainment_progress",
    "smart_targets",
    "pep_meeting",
    "post16_plan",
    "designated_teacher_sign_off",
    "young_persons_views",
    "vs_final_sign_off",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where the PEP came from."""

    path: str
    sha256: str
    format: Literal["docx", "pdf"]
    pages: int = 1
    degraded: bool = False  # the file was damaged and repaired while reading


class Child(_Model):
    """The young person the PEP is about."""

    name: str | None = None
    date_of_birth: dt.date | None = None
    year_group: int | None = None
    date_entered_care: dt.date | None = None
    emergency_placement: bool | None = None


class Contact(_Model):
    """A person named in the PEP."""

    name: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None
    organisation: str | None = None


class Setting(_Model):
    """The school, college or provider and the course."""

    name: str | None = None
    course: str | None = None


class AdditionalNeeds(_Model):
    """Special educational needs and what is in place for them."""

    has_needs: bool | None = None
    sen_status: SenStatus | None = None
    category: str | None = None
    exam_arrangements: str | None = None
    text: str | None = None


class TermResult(_Model):
    """One term's attainment for a subject."""

    term: TermName
    on_track: bool | None = None
    grade: str | None = None
    progress: Progress | None = None


class Subject(_Model):
    """A subject or course with its target, termly results and intervention."""

    subject: str
    level: str | None = None
    target: str | None = None
    terms: list[TermResult] = Field(default_factory=list)
    intervention: str | None = None


class Attainment(_Model):
    """The attainment overview and the subject table."""

    overview: str | None = None
    subjects: list[Subject] = Field(default_factory=list)


class Target(_Model):
    """A target with who, when, how and its review."""

    text: str
    who: str | None = None
    deadline_text: str | None = None
    deadline: dt.date | None = None
    strategy: str | None = None
    review: str | None = None


class Attendee(_Model):
    """Someone invited to the PEP meeting."""

    name: str | None = None
    role: str | None = None
    attended: bool | None = None


class Meeting(_Model):
    """The PEP meeting page."""

    date: dt.date | None = None
    attendees: list[Attendee] = Field(default_factory=list)
    young_person_attended: bool | None = None
    young_person_absence_reason: str | None = None
    attendance_percent: float | None = None
    wellbeing_rag: Rag | None = None
    discussion: str | None = None
    actions: str | None = None
    previous_actions_review: str | None = None
    contributors_views: str | None = None


class SignOff(_Model):
    """A sign-off: whether it is marked complete, when, and the next PEP date."""

    completed: bool | None = None
    date: dt.date | None = None
    next_pep_date: dt.date | None = None


class SignOffs(_Model):
    """The social worker's and the designated teacher's sign-offs."""

    social_worker: SignOff = Field(default_factory=SignOff)
    designated_teacher: SignOff = Field(default_factory=SignOff)


FieldState = Literal["found", "empty", "not_found"]
# How a value was read from the layout (provenance `how`):
#  "table-row" (label cell, value cell), "table-column" (header over a column),
#  "question-answer" (a Question | Answer table), "inline-label" ("Label: value" in a paragraph),
#  "label-paragraph" (a label paragraph, its value in the next), "content-control",
#  "checkbox" (the ticked option of a group), "label-above" and "gap" (PDF geometry),
#  "section-text" (the free text of a section), "derived" (computed from other fields),
#  "type-and-place" (no label at all: read by the value's type and section, score 0.5)
ReadHow = str
TYPE_AND_PLACE: ReadHow = "type-and-place"  # the one `how` the rules look for by name


class FieldProvenance(_Model):
    """Where an extracted field came from, and whether it was there at all.

    `found`: a label and a value; `empty`: the label is in the document but has no
    value (a real defect); `not_found`: no label for it in this layout (the rules say
    "unclear", never "no"). Keys of `Pep.provenance` are dotted field paths such as
    ``child.name``, ``sign_offs.social_worker.next_pep_date``, ``targets`` or
    ``meeting.attendees``.
    """

    state: FieldState
    label: str | None = None  # the document's own label text that matched
    section: str | None = None  # canonical section key it was read in
    page: int | None = None
    how: ReadHow | None = None
    score: float | None = None  # label match score, 0..1


class SectionText(_Model):
    """The raw text of a recognised section."""

    heading: str
    text: str
    page: int = 1


class Pep(_Model):
    """A parsed Personal Education Plan."""

    source: Source
    template: str
    child: Child = Field(default_factory=Child)
    carers: list[Contact] = Field(default_factory=list)
    social_worker: Contact = Field(default_factory=Contact)
    designated_teacher: Contact = Field(default_factory=Contact)
    eet_status: EetStatus = "unknown"
    setting: Setting = Field(default_factory=Setting)
    additional_needs: AdditionalNeeds = Field(default_factory=AdditionalNeeds)
    attainment: Attainment = Field(default_factory=Attainment)
    targets: list[Target] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    aspirations: str | None = None
    young_persons_views: str | None = None
    sign_offs: SignOffs = Field(default_factory=SignOffs)
    previous_pep_date: dt.date | None = None
    pep_type: PepType | None = None
    sections: dict[str, SectionText] = Field(default_factory=dict)
    unrecognised_headings: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Round 2: where each field came from; a path that is absent counts as `not_found`.
    provenance: dict[str, FieldProvenance] = Field(default_factory=dict)
    # Last term's targets for the same child, when bulk compares with last term's run
    # (`--compare`); empty otherwise. Rules compare them with this term's.
    previous_targets: list[Target] = Field(default_factory=list)
    unplaced_labels: list[str] = Field(default_factory=list)  # labels seen but matched to no field

    def field_state(self, path: str) -> FieldState:
        """`found`, `empty` or `not_found` for a dotted field path (absent means not found)."""
        entry = self.provenance.get(path)
        return entry.state if entry is not None else "not_found"
