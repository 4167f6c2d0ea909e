"""Checklist contracts: the form a pack defines, and the answers a run produces."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Answer = Literal["yes", "no", "unclear"]


class ItemSpec(BaseModel):
    """One checklist question and the rules that decide it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    rules: list[str]
    evidence_sections: list[str] = Field(default_factory=list)  # quoted when the answer is yes


class ChecklistSpec(BaseModel):
    """A Virtual School's QA form."""

    model_config = ConfigDict(extra="forbid")

    title: str
    items: list[ItemSpec]
    meets_label: str = "The PEP meets the expected standard"
    not_meets_label: str = "The PEP does not meet the expected standard"


class Evidence(BaseModel):
    """Text behind an answer: a quotation or a finding, with where it is."""

    model_config = ConfigDict(extra="forbid")

    text: str
    section: str | None = None
    page: int | None = None
    rule: str | None = None


class ItemAnswer(BaseModel):
    """The answer to one checklist item."""

    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    answer: Answer
    rules: list[str]
    evidence: list[Evidence] = Field(default_factory=list)


class Overall(BaseModel):
    """The overall judgement."""

    model_config = ConfigDict(extra="forbid")

    meets: bool
    label: str


class ChecklistResult(BaseModel):
    """The answered checklist."""

    model_config = ConfigDict(extra="forbid")

    title: str
    items: list[ItemAnswer]
    overall: Overall
