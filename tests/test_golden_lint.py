"""Golden tests: every committed fixture's checklist answers and findings, both formats.

The expectations come from the case specs (`expect:`), written by the spec's
author, not from peplint's output. PDFs from other producers must give the
same answers as the generated ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.lint import LintSetup, lint_file
from tests.conftest import GENERATED, OTHER_PRODUCERS, expected_files, load_expected

SETUP = LintSetup.default()
DOCS = [
    GENERATED / f"{load_expected(p)['id']}.{fmt}"
    for p in expected_files()
    for fmt in ("docx", "pdf")
]
DOCS += sorted(OTHER_PRODUCERS.glob("*.pdf"))


def _expect(doc: Path) -> dict:  # type: ignore[type-arg]
    spec_id = doc.stem.split("-", 1)[1] if doc.parent == OTHER_PRODUCERS else doc.stem
    return load_expected(GENERATED / f"{spec_id}.expected.json")["expect"]


@pytest.mark.parametrize("doc", DOCS, ids=[f"{d.parent.name}/{d.name}" for d in DOCS])
def test_checklist_and_findings_match_the_spec(doc: Path) -> None:
    expect = _expect(doc)
    report = lint_file(doc, SETUP)
    assert report.status == "ok"
    assert report.checklist is not None
    answers = {item.id: item.answer for item in report.checklist.items}
    assert answers == expect["checklist"]
    found = sorted({f.rule for f in report.findings if f.severity in ("error", "warning")})
    assert found == sorted(expect["findings"])
    assert report.checklist.overall.meets is all(a == "yes" for a in expect["checklist"].values())


def test_fixture_set_fails_each_checklist_item_and_passes_all_in_both_templates() -> None:
    specs = [load_expected(p) for p in expected_files()]
    for item in ("D1", "D2", "D3", "D4", "D5", "D6", "D7"):
        assert any(s["expect"]["checklist"][item] == "no" for s in specs), item
    passing = {s["template"] for s in specs if set(s["expect"]["checklist"].values()) == {"yes"}}
    assert passing == {"walsall-post16", "secondary"}
