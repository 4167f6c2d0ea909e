"""No checklist item is answered "no" without evidence, on any layout variant.

A "no" needs evidence from the document (a field found empty, or a value that fails the
check); a field the reader could not find makes an item "unclear", never "no". The good
specs (`walsall-good`, `secondary-good`) hold every item, so any "no" on their variants is
a reader or rule fault; on the defective specs a "no" is right only where the spec's
`expect:` says "no". `KNOWN_FALSE_NO` lists the false answers not yet fixed, each with its
cause; the test fails when one of them is fixed and still listed (a ratchet).

Besides the variants the reader was built against, the held-out recombined layouts
(tests/layouts/recombined.py: each rendered variant shifted along four axes at once) are
checked the same way: a false "no" on a layout nobody tuned for is still a false "no".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.generate.spec import CaseSpec
from peplint.lint import lint_file
from tests.layouts.compare import lint_setup
from tests.layouts.corpus import committed_path, specs
from tests.layouts.recombined import recombined
from tests.layouts.variants import SPEC_IDS, VARIANTS, Variant, render

GOOD_SPECS = ("walsall-good", "secondary-good")
# "variant--spec" -> {item: cause}: false "no" answers not yet fixed (none today).
KNOWN_FALSE_NO: dict[str, dict[str, str]] = {}

CASES = [
    (variant, spec_id)
    for spec_id in SPEC_IDS
    for variant in (*VARIANTS, *recombined())
    if not variant.committed or committed_path(variant, spec_id).is_file()
]


def _spec(spec_id: str) -> CaseSpec:
    return next(s for s in specs() if s.id == spec_id)


def _path(variant: Variant, spec: CaseSpec, out_dir: Path) -> Path:
    return committed_path(variant, spec.id) if variant.committed else render(variant, spec, out_dir)


@pytest.mark.parametrize(("variant", "spec_id"), CASES, ids=[f"{v.name}--{s}" for v, s in CASES])
def test_no_checklist_item_is_no_without_the_spec_saying_so(
    variant: Variant, spec_id: str, tmp_path: Path
) -> None:
    spec = _spec(spec_id)
    expected: dict[str, str] = spec.expect.get("checklist", {})
    report = lint_file(_path(variant, spec, tmp_path), lint_setup())
    assert report.checklist is not None
    false_no = sorted(
        item.id
        for item in report.checklist.items
        if item.answer == "no" and expected.get(item.id) != "no"
    )
    key = f"{variant.name}--{spec_id}"
    known = sorted(KNOWN_FALSE_NO.get(key, {}))
    unexpected = [i for i in false_no if i not in known]
    fixed = [i for i in known if i not in false_no]
    assert not unexpected, f"{key}: told 'no' without evidence on {unexpected}"
    assert not fixed, f"{key}: {fixed} no longer a false 'no': take them off KNOWN_FALSE_NO"


def test_the_good_specs_expect_yes_everywhere() -> None:
    for spec_id in GOOD_SPECS:
        assert set(_spec(spec_id).expect["checklist"].values()) == {"yes"}


def test_known_false_no_names_real_cases_with_causes() -> None:
    keys = {f"{v.name}--{s}" for v, s in CASES}
    assert set(KNOWN_FALSE_NO) <= keys
    assert all(causes and all(causes.values()) for causes in KNOWN_FALSE_NO.values())
