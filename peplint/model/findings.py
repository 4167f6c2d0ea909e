"""Findings: what a rule reports about a PEP."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Finding(BaseModel):
    """One problem a rule found, where, and what to do about it.

    `unclear` marks a finding where the rule could not decide (an unreadable or
    missing date, say); the checklist answers such items "unclear", not "no".
    A finding saying "no" must rest on evidence: a field found empty, or a value or
    text that fails the check; a field not found in the layout is `unclear`.
    """

    model_config = ConfigDict(extra="forbid")

    rule: str
    severity: Severity
    section: str | None = None
    location: str | None = None
    message: str
    excerpt: str | None = None
    suggestion: str | None = None
    page: int | None = None
    unclear: bool = False
    # Round 2: an unclear finding caused by fields absent from this layout (`not_found`
    # provenance), with their dotted paths; such items make the judgement "needs a person".
    not_found: list[str] = Field(default_factory=list)
    # The field paths behind a judged finding whose values the document prints with no
    # label (provenance how="type-and-place"): the evidence says so, for a person to check.
    read_by_place: list[str] = Field(default_factory=list)
    # The reason a waiver gives, on findings a waiver covers (FileReport.waived) only.
    waiver: str | None = None
