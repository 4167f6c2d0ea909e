"""Each rule's passing and failing examples, kept as YAML beside the rules.

``peplint/rules/examples/<rule-id>.yaml`` holds ``pass:`` and ``fail:`` lists of
cases (as sqlfluff keeps per-rule cases). A case gives a name, the PEP fields
that make it pass or fail (merged onto ``_baseline.yaml``, a complete PEP that
passes every rule), optional ``params`` and, for failing cases, optionally how
many findings to expect. The same cases feed `peplint rules explain` and the tests.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from peplint.model.pep import Pep

EXAMPLES_PACKAGE = "peplint.rules.examples"


@dataclass
class RuleCase:
    """One example: a PEP (as changes to the baseline) and what the rule should say."""

    name: str
    changes: dict[str, Any]
    params: dict[str, Any] = field(default_factory=dict)
    count: int | None = None

    def pep(self) -> Pep:
        """The full example PEP."""
        data = merge(copy.deepcopy(baseline()), self.changes)
        data.setdefault(
            "source", {"path": "example.docx", "sha256": "0" * 64, "format": "docx", "pages": 1}
        )
        data.setdefault("template", "example")
        return Pep.model_validate(data)


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
    return yaml.safe_load(text)


def _case(raw: dict[str, Any]) -> RuleCase:
    return RuleCase(
        name=raw["name"],
        changes=raw.get("pep") or {},
        params=raw.get("params") or {},
        count=raw.get("count"),
    )


def load_examples(rule_id: str) -> RuleExamples | None:
    """The examples of `rule_id`, or None when it has none."""
    resource = resources.files(EXAMPLES_PACKAGE).joinpath(f"{rule_id}.yaml")
    if not resource.is_file():
        return None
    raw = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
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
