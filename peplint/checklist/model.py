"""Checklist contracts: the form a pack defines, and the answers a run produces."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from peplint.checklist.scales import YES_NO, ScaleSpec

# An item's answer is a rating of the checklist's scale: "yes" / "no" / "unclear"
# for the Walsall form, "red" / "amber" / "green" for a RAG form, and so on.
Answer = str


class ItemSpec(BaseModel):
    """One checklist question and the rules that decide it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    rules: list[str]
    evidence_sections: list[str] = Field(default_factory=list)  # quoted when the item is met
    in_overall: bool = True  # False: rated, but left out of the overall judgement


class ChecklistSpec(BaseModel):
    """A Virtual School's QA form."""

    model_config = ConfigDict(extra="forbid")

    title: str
    items: list[ItemSpec]
    scale: ScaleSpec = Field(default_factory=lambda: YES_NO.model_copy(deep=True))


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
    rating: str | None = None
    # Round 2: True when an item is unclear only because a field was not found in this
    # layout; the judgement is then "needs a person", never "does not meet".
    needs_person: bool = False
    unclear_items: list[str] = Field(default_factory=list)  # ids of the items behind it


class ChecklistResult(BaseModel):
    """The answered checklist."""

    model_config = ConfigDict(extra="forbid")

    title: str
    items: list[ItemAnswer]
    overall: Overall
    # The scale's ratings in the pack's order, so forms show every tick box, not only
    # the answers given (empty in reports written before they were recorded).
    options: list[str] = Field(default_factory=list)
    overall_options: list[str] = Field(default_factory=list)  # their words (labels)
