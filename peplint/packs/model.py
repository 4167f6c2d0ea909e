"""The pack file format (DESIGN section 6). Unknown keys are errors, never ignored."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from peplint.checklist.model import ItemSpec
from peplint.checklist.scales import ScaleSpec
from peplint.model.findings import Severity

DeclarativeType = Literal["require", "forbid", "lexicon", "threshold", "deadline", "pattern"]
EachScope = Literal["targets", "subjects", "attendees", "carers"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DeclarativeRuleSpec(_Strict):
    """A rule written in YAML. Which keys apply depends on `type`:

    require / forbid: `pattern` must (not) match the `section` text, a text `field`,
    or each item's `field` under `each`. lexicon: `terms` (term -> preferred). threshold:
    a numeric `field` against `min` / `max`. deadline: a date `field` no more than
    `working_days` (or `days`) after the date field `after`. pattern: every item under
    `each` has a `field` matching `pattern`.
    """

    type: DeclarativeType
    message: str
    severity: Severity = "warning"
    suggestion: str | None = None
    summary: str | None = None
    why: str | None = None
    section: str | None = None
    field: str | None = None
    each: EachScope | None = None
    pattern: str | None = None
    terms: dict[str, str] | None = None
    min: float | None = None
    max: float | None = None
    after: str | None = None
    working_days: int | None = None
    days: int | None = None


class RuleOverride(_Strict):
    """A built-in rule's severity, on/off switch and parameters (as extra keys)."""

    model_config = ConfigDict(extra="allow")

    severity: Severity | None = None
    enabled: bool = True


class ChecklistDef(_Strict):
    """A pack's QA form: title, scale (a preset name or a full scale), items."""

    title: str
    scale: str | ScaleSpec = "yes-no"
    items: list[ItemSpec]
    labels: dict[str, str] = Field(
        default_factory=dict
    )  # overall rating -> words, over the preset's


class PackTestExpect(_Strict):
    """What a pack test case expects."""

    findings: list[str] = Field(default_factory=list)
    no_findings: list[str] = Field(default_factory=list)
    checklist: dict[str, str] = Field(default_factory=dict)
    meets: bool | None = None


class PackTestCase(_Strict):
    """A pack test: a PEP (model YAML merged onto the example baseline, or a fixture file)."""

    name: str
    pep: dict[str, Any] | None = None
    fixture: str | None = None
    expect: PackTestExpect = Field(default_factory=PackTestExpect)


class PackFile(_Strict):
    """One pack YAML file."""

    pack: str
    version: int | str = 1
    description: str = ""
    extends: list[str] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    rules: dict[str, Any] = Field(default_factory=dict)
    lexicon: dict[str, str] = Field(default_factory=dict)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    checklist: ChecklistDef | None = None
    messages: dict[str, str] = Field(default_factory=dict)
    form: str | None = None  # the authority's own Word form (.docx with tags), beside the pack
    tests: list[PackTestCase] = Field(default_factory=list)

    @field_validator("pack")
    @classmethod
    def _kebab(cls, value: str) -> str:
        import re

        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
            raise ValueError("a pack name is lower-case words joined by hyphens, e.g. 'my-la'")
        return value
