"""Each rule's passing and failing examples, kept as YAML beside the rules.

``peplint/rules/examples/<rule-id>.yaml`` holds ``pass:`` and ``fail:`` lists of
cases (as sqlfluff keeps per-rule cases). A case gives a name, the PEP fields
that make it pass or fail (merged onto ``_baseline.yaml``, a complete PEP that
passes every rule), optional ``params`` and, for failing cases, optionally how
many findings to expect. The same cases feed `peplint rules explain` and the tests.

A case may also state how the layout was read: ``provenance: {path: not_found | empty}``
marks those fields so (a field not found has no value, so its value is emptied) and every
other field of the PEP as found (a case without it has no provenance, and the rules read
every field as before). ``expect: unclear`` says the rule
should answer "could not find", never "no"; ``expect: "no"`` (the default) that it says no.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from peplint import yaml_load
from peplint.model.pep import FieldProvenance, FieldState, Pep

EXAMPLES_PACKAGE = "peplint.rules.examples"


@dataclass
class RuleCase:
    """One example: a PEP (as changes to the baseline) and what the rule should say."""

    name: str
    changes: dict[str, Any]
    params: dict[str, Any] = field(default_factory=dict)
    count: int | None = None
    provenance: dict[str, FieldState] = field(default_factory=dict)
    expect: str = "no"  # for failing cases: "no" (evidence) or "unclear" (not in the layout)

    def pep(self) -> Pep:
        """The full example PEP."""
        data = merge(copy.deepcopy(baseline()), self.changes)
        data.setdefault(
            "source", {"path": "example.docx", "sha256": "0" * 64, "format": "docx", "pages": 1}
        )
        data.setdefault("template", "example")
        for path, state in self.provenance.items():
            if state == "not_found":
                _clear(data, re.findall(r"[a-z_]+|\[\d*\]", path))  # nothing read, no value
        pep = Pep.model_validate(data)
        if self.provenance:
            pep.provenance = stated_provenance(pep, self.provenance)
        return pep


def _clear(data: Any, steps: list[str]) -> None:
    """Empty the value at `steps` of a PEP's data ("[]" steps into every record)."""
    step, rest = steps[0], steps[1:]
    if step.startswith("["):
        records = data if isinstance(data, list) else []
        chosen = records if step == "[]" else records[int(step[1:-1]) : int(step[1:-1]) + 1]
        for record in chosen:
            _clear(record, rest)
    elif isinstance(data, dict) and step in data:
        if rest:
            _clear(data[step], rest)
        else:
            data[step] = [] if isinstance(data[step], list) else None


NOT_FIELDS = frozenset(
    {"source", "template", "sections", "unrecognised_headings", "warnings", "provenance"}
    | {"unplaced_labels"}
)


def field_paths(pep: Pep) -> list[str]:
    """Every dotted field path the PEP holds: leaves, lists as a whole and per record."""
    paths: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}" if path else key)
            return
        paths.append(path)
        if isinstance(value, list):
            for index, record in enumerate(value):
                if isinstance(record, dict):
                    walk(record, f"{path}[{index}]")

    data = pep.model_dump(exclude=set(NOT_FIELDS))
    walk(data, "")
    return paths


def stated_provenance(pep: Pep, states: dict[str, FieldState]) -> dict[str, FieldProvenance]:
    """Provenance with every field of `pep` found, except the `states` a case gives
    (a per-record path with an empty index, "targets[].who", stands for every record)."""
    provenance = {path: FieldProvenance(state="found") for path in field_paths(pep)}
    for wanted, state in states.items():
        pattern = re.escape(wanted).replace(r"\[\]", r"\[\d+\]")
        for path in [p for p in provenance if re.fullmatch(pattern, p)] or [wanted]:
            if state == "not_found":
                provenance.pop(path, None)  # absent means not found
            else:
                provenance[path] = FieldProvenance(state=state)
    return provenance


@dataclass
class RuleExamples:
    """A rule's passing and failing cases."""

    passing: list[RuleCase]
    failing: list[RuleCase]


def merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge `changes` onto `base`: mappings merge, everything else replaces."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value
    return base


@functools.cache
def baseline() -> dict[str, Any]:
    """The baseline example PEP (a complete PEP that passes every rule)."""
    text = resources.files(EXAMPLES_PACKAGE).joinpath("_baseline.yaml").read_text(encoding="utf-8")
    return yaml_load.safe_load(text)


def _case(raw: dict[str, Any]) -> RuleCase:
    return RuleCase(
        name=raw["name"],
        changes=raw.get("pep") or {},
        params=raw.get("params") or {},
        count=raw.get("count"),
        provenance=raw.get("provenance") or {},
        expect=str(raw.get("expect", "no")),
    )


def load_examples(rule_id: str) -> RuleExamples | None:
    """The examples of `rule_id`, or None when it has none."""
    resource = resources.files(EXAMPLES_PACKAGE).joinpath(f"{rule_id}.yaml")
    if not resource.is_file():
        return None
    raw = yaml_load.safe_load(resource.read_text(encoding="utf-8")) or {}
    return RuleExamples(
        passing=[_case(c) for c in raw.get("pass", [])],
        failing=[_case(c) for c in raw.get("fail", [])],
    )


def example_ids() -> list[str]:
    """Rule ids that have an examples file."""
    folder = resources.files(EXAMPLES_PACKAGE)
    return sorted(
        p.name[:-5]
        for p in folder.iterdir()
        if p.name.endswith(".yaml") and not p.name.startswith("_")
    )
