"""`peplint inspect FILE`: how peplint read a file, for a person onboarding a new layout.

It shows the template detected, each section with the heading that opened it (and its
classification score where the reader gives one), each field the checklist needs or the
reader placed, with its value and provenance, the labels seen but placed nowhere and the
headings not recognised, and the layout coverage. Everything comes from the `Pep` the
isolated worker returns, so inspect reads a file exactly as lint does.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from peplint.checklist.coverage import layout_coverage
from peplint.checklist.model import Coverage
from peplint.lint import LintSetup
from peplint.model.pep import FieldState, Pep
from peplint.rules.base import field_state, without_provenance

VALUE_LIMIT = 80
SECTION_PREFIX = "sections."  # provenance of the heading that opened a section


def _section_score(pep: Pep, key: str) -> float | None:
    entry = pep.provenance.get(SECTION_PREFIX + key)
    return entry.score if entry is not None else None


class SectionReading(BaseModel):
    """A recognised section and the heading that opened it."""

    model_config = ConfigDict(extra="forbid")

    key: str
    heading: str
    page: int
    score: float | None = None  # how surely an unknown heading was classified, 0..1


class FieldReading(BaseModel):
    """One field: its value and where it came from."""

    model_config = ConfigDict(extra="forbid")

    path: str
    state: FieldState
    value: Any = None
    label: str | None = None
    section: str | None = None
    page: int | None = None
    how: str | None = None
    score: float | None = None
    needed: bool = False  # the active checklist reads it


class Inspection(BaseModel):
    """How one file was read."""

    model_config = ConfigDict(extra="forbid")

    path: str
    format: str
    pages: int
    template: str
    sections: list[SectionReading] = Field(default_factory=list)
    fields: list[FieldReading] = Field(default_factory=list)
    unplaced_labels: list[str] = Field(default_factory=list)
    unrecognised_headings: list[str] = Field(default_factory=list)
    coverage: Coverage
    provenance_recorded: bool = True  # False: the reader recorded none; fields shown as read
    warnings: list[str] = Field(default_factory=list)


def value_at(pep: Pep, path: str) -> Any:
    """The value at a dotted field path ("targets[1].who"; "targets[].who": every record's)."""
    data: Any = pep.model_dump(mode="json")
    parts = re.findall(r"[^.\[\]]+|\[\d*\]", path)
    return _walk(data, parts)


def _walk(data: Any, parts: list[str]) -> Any:
    for index, part in enumerate(parts):
        if part == "[]":
            return [_walk(item, parts[index + 1 :]) for item in data or []]
        if part.startswith("["):
            position = int(part[1:-1])
            data = data[position] if isinstance(data, list) and position < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
        if data is None:
            return None
    return data


def _clip(value: Any) -> Any:
    if isinstance(value, str):
        text = " ".join(value.split())
        return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return f"{len(value)} record(s)"
        return [_clip(v) for v in value]
    if isinstance(value, dict):
        return "…"
    return value


def inspect_pep(pep: Pep, setup: LintSetup) -> Inspection:
    """The inspection of a PEP read with `setup`'s pack."""
    coverage = layout_coverage(pep, setup.checklist, setup.rules, setup.config)
    paths = list(coverage.needed) + sorted(
        p for p in pep.provenance if p not in coverage.needed and not p.startswith(SECTION_PREFIX)
    )
    fields: list[FieldReading] = []
    for path in paths:
        entry = pep.provenance.get(path)
        state = field_state(pep, path)
        details = entry.model_dump(exclude={"state"}) if entry else {}
        fields.append(
            FieldReading(
                path=path,
                state=state,
                value=_clip(value_at(pep, path)) if state != "not_found" else None,
                needed=path in coverage.needed,
                **details,
            )
        )
    sections = [
        SectionReading(key=key, heading=s.heading, page=s.page, score=_section_score(pep, key))
        for key, s in pep.sections.items()
    ]
    return Inspection(
        path=pep.source.path,
        format=pep.source.format,
        pages=pep.source.pages,
        template=pep.template,
        sections=sections,
        fields=fields,
        unplaced_labels=list(pep.unplaced_labels),
        unrecognised_headings=list(pep.unrecognised_headings),
        coverage=coverage,
        provenance_recorded=not without_provenance(pep),
        warnings=list(pep.warnings),
    )


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(blank)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value)
    return str(value)


def to_text(inspection: Inspection) -> str:
    """The inspection as text a person reads top to bottom."""
    out = [
        f"# {inspection.path} ({inspection.format}, {inspection.pages} page(s))",
        f"template: {inspection.template}",
        f"layout coverage (fields the checklist needs): {inspection.coverage.summary()}",
    ]
    if inspection.coverage.message:
        out.append(f"! {inspection.coverage.message}")
    if not inspection.provenance_recorded:
        out.append("provenance: not recorded by this reader; every field is shown as read")
    out += ["", "sections (heading that opened each):"]
    for s in inspection.sections:
        score = f"  score {s.score:.2f}" if s.score is not None else ""
        out.append(f'  {s.key:28} "{s.heading}"  p.{s.page}{score}')
    if not inspection.sections:
        out.append("  none recognised")
    out += ["", "fields (* the checklist needs it):"]
    for f in inspection.fields:
        mark = "*" if f.needed else " "
        where = ", ".join(
            part
            for part in (
                f'label "{f.label}"' if f.label else "",
                f.section or "",
                f"p.{f.page}" if f.page else "",
                f.how or "",
                f"score {f.score:.2f}" if f.score is not None else "",
            )
            if part
        )
        shown = "" if f.state == "not_found" else f" = {_clip(_show(f.value))}"
        out.append(f"{mark} {f.path:44} {f.state:9}{shown}" + (f"  [{where}]" if where else ""))
    out += ["", "labels seen but not placed (map them with `peplint template learn`):"]
    out += [f'  "{label}"' for label in inspection.unplaced_labels] or ["  none"]
    out += ["", "headings not recognised:"]
    out += [f'  "{h}"' for h in inspection.unrecognised_headings] or ["  none"]
    if inspection.warnings:
        out += ["", "warnings:"] + [f"  {w}" for w in inspection.warnings]
    return "\n".join(out) + "\n"
