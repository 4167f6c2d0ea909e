"""Layout axes recombined into a layout no variant uses read as well as the variants.

Four-cell label/value rows (docx-numbered-4cell) with targets as repeated label/value
blocks under another authority's target labels: each block's first row ("Target | ... |
Strategies and support | ...") names two target columns, and was once taken for a
header row, so the labels below it became the targets' text and D6/D7 said "no".
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from peplint.lint import lint_file
from tests.layouts import vocab
from tests.layouts.compare import assess, expected_fields, lint_setup
from tests.layouts.corpus import specs
from tests.layouts.variants import BY_NAME, Variant, render

RECOMBINED = [
    dataclasses.replace(
        BY_NAME["docx-numbered-4cell"],
        name=f"docx-numbered-4cell-{authority.name}-blocks",
        authority=authority,
        dates=dates,
        targets="blocks",
        checkbox="glyph",
    )
    for authority, dates in ((vocab.DUDLEY, "ordinal"), (vocab.MY_PEP, "numeric"))
]
CASES = [(v, s) for v in RECOMBINED for s in ("walsall-good", "secondary-good")]


@pytest.mark.parametrize(("variant", "spec_id"), CASES, ids=[f"{v.name}--{s}" for v, s in CASES])
def test_four_cell_target_blocks_read_every_field_and_say_no_false_no(
    variant: Variant, spec_id: str, tmp_path: Path
) -> None:
    spec = next(s for s in specs() if s.id == spec_id)
    assert set(spec.expect["checklist"].values()) == {"yes"}  # any "no" would be false
    wrong, answers_wrong = assess(spec, render(variant, spec, tmp_path))
    assert wrong == [], f"{len(wrong)} of {len(expected_fields(spec))} fields wrong"
    assert answers_wrong == []


INLINE_ACTION_PLAN = dataclasses.replace(
    BY_NAME["docx-styles-inline"],
    name="docx-styles-inline-southampton-numbered",
    authority=vocab.SOUTHAMPTON,
    dates="numeric",
    targets="numbered",
    checkbox="glyph",
)


@pytest.mark.parametrize("spec_id", ["walsall-good", "secondary-good"])
def test_targets_under_a_heading_another_profile_gives_the_meeting_are_read(
    spec_id: str, tmp_path: Path
) -> None:
    """ "Review and Action Plan" is the meeting's section in the secondary profile; the
    numbered targets under it are the targets, not a tick-box line of the personal details
    that a "Date of last PEP" line follows."""
    spec = next(s for s in specs() if s.id == spec_id)
    document = render(INLINE_ACTION_PLAN, spec, tmp_path)
    wrong, _ = assess(spec, document)
    assert [path for path in wrong if path.startswith("targets")] == []
    report = lint_file(document, lint_setup())
    assert report.checklist is not None
    assert not [i.id for i in report.checklist.items if i.answer == "no"]
