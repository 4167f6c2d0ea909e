"""Dotted paths into the Pep model ("meeting.attendance_percent"): values and types,
so a pack's rule can name a field and be checked when the pack loads."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any

from pydantic import BaseModel

from peplint.model.pep import Attendee, Contact, Pep, Subject, Target

EACH_MODELS: dict[str, type[BaseModel]] = {
    "targets": Target,
    "subjects": Subject,
    "attendees": Attendee,
    "carers": Contact,
}


def _unwrap(annotation: Any) -> Any:
    """`X | None` -> X; Literal[...] -> str."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else annotation
    if origin is typing.Literal:
        return str
    return annotation


def field_type(model: type[BaseModel], dotted: str) -> Any | None:
    """The Python type at `dotted` in `model`, or None when there is no such field."""
    current: Any = model
    for part in dotted.split("."):
        if (
            not (isinstance(current, type) and issubclass(current, BaseModel))
            or part not in current.model_fields
        ):
            return None
        current = _unwrap(current.model_fields[part].annotation)
    return current


def get_value(obj: Any, dotted: str) -> Any:
    """The value at `dotted` in `obj` (None where a step is missing)."""
    for part in dotted.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def is_text(kind: Any) -> bool:
    """Whether a field type holds text."""
    return kind is str


def is_number(kind: Any) -> bool:
    """Whether a field type holds a number."""
    return kind in (int, float)


def is_date(kind: Any) -> bool:
    """Whether a field type holds a date."""
    return kind is dt.date


def section_text(pep: Pep, key: str) -> str:
    """A section's raw text, or, for a PEP built from fields (a pack test written in
    model form), the text of the fields that belong to that section."""
    section = pep.sections.get(key)
    if section is not None and section.text.strip():
        return section.text
    m, a = pep.meeting, pep.attainment
    parts: dict[str, list[str | None]] = {
        "smart_targets": [
            x for t in pep.targets for x in (t.text, t.who, t.deadline_text, t.strategy, t.review)
        ],
        "attainment_progress": [a.overview]
        + [x for s in a.subjects for x in (s.subject, s.level, s.intervention)],
        "pep_meeting": [
            m.discussion,
            m.actions,
            m.previous_actions_review,
            m.contributors_views,
            m.young_person_absence_reason,
        ]
        + [f"{x.name} {x.role}" for x in m.attendees],
        "young_persons_views": [pep.young_persons_views],
        "post16_plan": [pep.aspirations],
        "additional_needs": [
            pep.additional_needs.category,
            pep.additional_needs.exam_arrangements,
            pep.additional_needs.text,
        ],
        "personal_care": [pep.child.name] + [c.name for c in pep.carers],
        "education_setting": [pep.setting.name, pep.setting.course],
    }
    return "\n".join(p for p in parts.get(key, []) if p)


# Parts of the Pep that are not fields of the document (where it came from, what was read).
NOT_FIELDS = frozenset(
    {"source", "template", "sections", "unrecognised_headings", "warnings", "provenance"}
    | {"unplaced_labels"}
)


def field_paths(model: type[BaseModel] = Pep, prefix: str = "") -> list[str]:
    """Every dotted field path of the Pep model, as `Pep.provenance` and a pack's `fields:`
    name them: leaves, lists as a whole ("targets") and a list's fields ("targets[].who")."""
    out: list[str] = []
    for name, info in model.model_fields.items():
        if not prefix and name in NOT_FIELDS:
            continue
        path = f"{prefix}{name}"
        kind = _unwrap(info.annotation)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            out += field_paths(kind, path + ".")
            continue
        out.append(path)
        if typing.get_origin(kind) is list:
            (inner,) = typing.get_args(kind)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                out += field_paths(inner, path + "[].")
    return out
