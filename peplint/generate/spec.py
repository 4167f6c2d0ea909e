"""The case spec: what an example PEP says, in the shape of the `Pep` model.

A spec is YAML. Its PEP fields use the `Pep` model's names and types, so the
values a spec gives are exactly the values a parser must extract again; the
`render` block says how the export should look (template, checkbox style,
look-alike characters), never what it says.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peplint import yaml_load
from peplint.errors import ConfigError
from peplint.model.pep import (
    AdditionalNeeds,
    Attainment,
    Child,
    Contact,
    EetStatus,
    Meeting,
    PepType,
    Setting,
    SignOffs,
    Target,
)

TemplateName = Literal["walsall-post16", "secondary"]


class RenderOptions(BaseModel):
    """How the export looks: the template and the quirks of real exports."""

    model_config = ConfigDict(extra="forbid")

    template: TemplateName = "walsall-post16"
    checkbox_style: Literal["glyph", "content_control", "legacy"] = "glyph"
    lookalike_grades: bool = False  # write a Cyrillic "в" where grade "B" is meant
    platform_timestamps: bool = True  # "Other (please specify) History 2023-10-20 14:22:22"


class CaseSpec(BaseModel):
    """An example PEP: its content (Pep field names) and how to render it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    description: str = ""
    render: RenderOptions = Field(default_factory=RenderOptions)
    child: Child = Field(default_factory=Child)
    carers: list[Contact] = Field(default_factory=list)
    social_worker: Contact = Field(default_factory=Contact)
    designated_teacher: Contact = Field(default_factory=Contact)
    eet_status: EetStatus = "education"
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
    social_worker_history: str | None = None
    neet_barriers: str | None = None
    custody_remand: str | None = None
    expect: dict[str, Any] = Field(default_factory=dict)  # expected findings, for tests

    def pep_fields(self) -> dict[str, Any]:
        """The spec's content as `Pep` field values (JSON-ready), for expected files."""
        data = self.model_dump(
            mode="json",
            exclude={
                "id",
                "description",
                "render",
                "social_worker_history",
                "neet_barriers",
                "custody_remand",
                "expect",
            },
        )
        return data


def load_spec(path: Path) -> CaseSpec:
    """Read and validate a case spec; a bad spec is a `ConfigError` naming the field."""
    try:
        raw = yaml_load.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"{path.name}: not a readable YAML case spec ({exc.__class__.__name__})"
        ) from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path.name}: a case spec must be a mapping of fields")
    raw.setdefault("id", path.stem)
    try:
        return CaseSpec.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{path.name}: {where}: {first['msg']}") from None
