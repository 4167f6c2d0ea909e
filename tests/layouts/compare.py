"""What a variant must yield: every field its spec holds, and the spec's checklist answers.

Fields are compared the way tests/test_parse_fixtures.py compares with the
.expected.json files (`tests.conftest.field_differences`), one leaf at a time so
a gap can be named and ratcheted: "child.name", "targets[1].deadline_text",
"meeting.attendees[0].attended". A record missing from a list fails each of its
leaves; extra records read from the layout are not counted.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from peplint.generate.spec import CaseSpec
from peplint.lint import LintSetup, lint_file
from peplint.model.pep import Pep
from tests.conftest import field_differences

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def spec_leaves(data: Any, where: str = "") -> dict[str, Any]:
    """Every non-null leaf of the spec's fields, by dotted path (lists indexed)."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(spec_leaves(value, f"{where}.{key}" if where else key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out.update(spec_leaves(value, f"{where}[{index}]"))
    elif data is not None:
        out[where] = data
    return out


def value_at(data: Any, path: str) -> Any:
    """The value at a dotted path, or None where any step is missing."""
    for name, index in _STEP.findall(path):
        if name:
            data = data.get(name) if isinstance(data, dict) else None
        else:
            position = int(index)
            data = data[position] if isinstance(data, list) and position < len(data) else None
    return data


def expected_fields(spec: CaseSpec) -> dict[str, Any]:
    """The fields a variant of `spec` must yield, by path."""
    return spec_leaves(spec.pep_fields())


def wrong_fields(spec: CaseSpec, pep: Pep) -> list[str]:
    """The paths of the spec's fields that `pep` does not hold with the spec's value."""
    actual = pep.model_dump(mode="json")
    return [
        path
        for path, value in expected_fields(spec).items()
        if field_differences(value, value_at(actual, path), path)
    ]


@cache
def lint_setup() -> LintSetup:
    """The default pack's setup, made once."""
    return LintSetup.default()


def assess(spec: CaseSpec, document: Path) -> tuple[list[str], list[str]]:
    """Lint `document` once: (the spec's fields it gets wrong, the checklist items it answers
    differently from the spec's `expect:`). A file that cannot be read gets everything wrong."""
    wrong, answers = assess_answers(spec, document)
    expected: dict[str, str] = spec.expect.get("checklist", {})
    return wrong, [item for item, answer in sorted(expected.items()) if answers.get(item) != answer]


def assess_answers(spec: CaseSpec, document: Path) -> tuple[list[str], dict[str, str]]:
    """Lint `document` once: (the spec's fields it gets wrong, every checklist answer given)."""
    report = lint_file(document, lint_setup())
    if report.pep is None or report.checklist is None:
        return sorted(expected_fields(spec)), {}
    answers = {item.id: item.answer for item in report.checklist.items}
    return wrong_fields(spec, report.pep), answers


def false_answers(spec: CaseSpec, answers: dict[str, str]) -> list[str]:
    """Items answered the opposite way to the spec: "no" where it expects "yes" (a false
    "no", the worst error), or "yes" where it expects "no"."""
    expected: dict[str, str] = spec.expect.get("checklist", {})
    flipped = {("yes", "no"), ("no", "yes")}
    return [item for item, want in sorted(expected.items()) if (want, answers.get(item)) in flipped]
