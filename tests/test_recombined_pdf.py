"""A layout recombined from the variants' axes that no variant uses: the reportlab print
view with large headings and each label above its value, in MY_PEP's section names and
labels, weekday dates, targets in a grid and drawn checkboxes.

Its grids and small labels outweigh its free text, so the free text's own size reads as
a heading size; every value must still be read under its label, and no checklist item
may answer "no" where the spec's answer is not "no".
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from peplint.lint import lint_file
from tests.layouts import vocab
from tests.layouts.compare import assess, expected_fields, lint_setup
from tests.layouts.corpus import specs
from tests.layouts.variants import BY_NAME, render

RECOMBINED = dataclasses.replace(
    BY_NAME["pdf-large-above"],
    name="pdf-large-above-x1",
    authority=vocab.MY_PEP,
    dates="weekday",
    targets="grid",
    checkbox="drawn",
)


@pytest.mark.parametrize("spec_id", ["walsall-good", "secondary-good"])
def test_the_recombined_print_view_reads_every_field_and_answer(
    tmp_path: Path, spec_id: str
) -> None:
    spec = {s.id: s for s in specs()}[spec_id]
    document = render(RECOMBINED, spec, tmp_path)
    wrong, answers = assess(spec, document)
    assert expected_fields(spec)
    assert wrong == []
    assert answers == []
    report = lint_file(document, lint_setup())
    assert report.checklist is not None
    expected = spec.expect.get("checklist", {})
    false_no = [
        item.id
        for item in report.checklist.items
        if item.answer == "no" and expected.get(item.id, "no") != "no"
    ]
    assert false_no == []
