"""Held-out layouts that once misread: each reads every spec field and gives every checklist
answer the spec expects (the held-out set itself is measured by `bench_layouts.py
--recombined` and kept honest by tests/test_no_false_no.py).

- `pdf-large-above-x1` (MY_PEP, weekday dates, grid targets, drawn boxes): its grids and
  small labels outweigh its free text, whose size then read as a heading size, so the
  labels over the views and the overview were read as empty (a false "no" on D3-D5).
- `docx-numbered-4cell-x1` / `-x4` (Dudley's and My PEP's target labels in four-cell
  blocks): each block's first row of sentences was taken for a header row, and labels
  ("Who is responsible") for targets (a false "no" on D6 and D7).
- `docx-styles-inline-x5` (Southampton's "Review and Action Plan", numbered targets): with
  no targets section, a form question was taken for a target.
- `docx-bold-labelpara-x2` / `-x4` (Southampton, numbered targets, glyphs; welfare-call,
  grid targets, tick tables): a label over a bare value before a tick table reopened a
  section, a reopened section swallowed its lines, and a row of ticked options was read
  as a label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.layouts.compare import assess, expected_fields
from tests.layouts.corpus import specs
from tests.layouts.recombined import recombined
from tests.layouts.variants import render

ONCE_MISREAD = (
    "pdf-large-above-x1",
    "docx-numbered-4cell-x1",
    "docx-numbered-4cell-x4",
    "docx-styles-inline-x5",
    "docx-bold-labelpara-x2",
    "docx-bold-labelpara-x4",
)
BY_NAME = {v.name: v for v in recombined()}
CASES = [(name, spec_id) for name in ONCE_MISREAD for spec_id in ("walsall-good", "secondary-good")]


@pytest.mark.parametrize(("name", "spec_id"), CASES, ids=[f"{n}--{s}" for n, s in CASES])
def test_a_once_misread_layout_reads_every_field_and_answer(
    name: str, spec_id: str, tmp_path: Path
) -> None:
    spec = {s.id: s for s in specs()}[spec_id]
    assert expected_fields(spec)
    wrong_fields, wrong_answers = assess(spec, render(BY_NAME[name], spec, tmp_path))
    assert (wrong_fields, wrong_answers) == ([], [])
