"""Pydantic models: the contracts between pipeline stages."""

from peplint.model.document import Block, BlockKind, Document, Table
from peplint.model.pep import (
    AdditionalNeeds,
    Attainment,
    Attendee,
    Child,
    Contact,
    Meeting,
    Pep,
    SectionText,
    Setting,
    SignOff,
    SignOffs,
    Source,
    Subject,
    Target,
    TermResult,
)

__all__ = [
    "AdditionalNeeds",
    "Attainment",
    "Attendee",
    "Block",
    "BlockKind",
    "Child",
    "Contact",
    "Document",
    "Meeting",
    "Pep",
    "SectionText",
    "Setting",
    "SignOff",
    "SignOffs",
    "Source",
    "Subject",
    "Table",
    "Target",
    "TermResult",
]
