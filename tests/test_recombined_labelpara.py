"""Bold label paragraphs (docx-bold-labelpara) recombined with axes no variant pairs them with
read every field of the spec.

Each label is a bold paragraph with its value in the next. Under tick tables ("columns"
checkboxes) "Attendance (%)" / "96.5%" and "Next PEP (social worker)" / a date sat before
a table and were taken for section headings, so their values were lost or read as the
absence reason; under another authority's "Review and Action Plan" (the meeting section
again) the numbered targets ran on into "Actions agreed"; and "☒ No SEN ☐ SEN Support"
under "SEN status" was read as a label of its own.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.layouts import vocab
from tests.layouts.compare import assess, expected_fields
from tests.layouts.corpus import specs
from tests.layouts.variants import BY_NAME, Variant, render

RECOMBINED = [
    dataclasses.replace(
        BY_NAME["docx-bold-labelpara"],
        name=f"docx-bold-labelpara-{authority.name}-{targets}-{checkbox}",
        authority=authority,
        dates=dates,
        targets=targets,
        checkbox=checkbox,
    )
    for authority, dates, targets, checkbox in (
        (vocab.GATESHEAD, "numeric", "grid", "columns"),
        (vocab.SOUTHAMPTON, "short", "numbered", "glyph"),
    )
]
CASES = [(v, s) for v in RECOMBINED for s in ("walsall-good", "secondary-good")]


@pytest.mark.parametrize(("variant", "spec_id"), CASES, ids=[f"{v.name}--{s}" for v, s in CASES])
def test_bold_label_paragraphs_recombined_read_every_field(
    variant: Variant, spec_id: str, tmp_path: Path
) -> None:
    spec = next(s for s in specs() if s.id == spec_id)
    wrong, answers_wrong = assess(spec, render(variant, spec, tmp_path))
    assert wrong == [], f"{len(wrong)} of {len(expected_fields(spec))} fields wrong"
    assert answers_wrong == []
