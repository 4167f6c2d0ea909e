"""Findings: what a rule reports about a PEP."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Finding(BaseModel):
    """One problem a rule found, where, and what to do about it.

    `unclear` marks a finding where the rule could not decide (an unreadable or
    missing date, say); the checklist answers such items "unclear", not "no".
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
