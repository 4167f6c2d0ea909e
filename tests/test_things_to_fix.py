"""One definition of "things to fix": the check, the draft feedback and the verdict agree."""

from __future__ import annotations

import re

import pytest

from peplint.engine import registered_rules
from peplint.feedback.compose import compose
from peplint.lint import lint_file
from peplint.packs.discovery import registered_packs
from peplint.packs.resolve import resolve_pack
from peplint.selfcheck import self_check
from tests.conftest import GENERATED

PEPS = ["walsall-weak-targets.docx", "secondary-good.docx", "walsall-late-incomplete.docx"]


@pytest.mark.parametrize("pack", sorted(registered_packs()))
@pytest.mark.parametrize("name", PEPS)
def test_check_feedback_and_verdict_count_the_same_things(pack: str, name: str) -> None:
    setup = resolve_pack(pack).setup(registered_rules())
    entry = lint_file(GENERATED / name, setup)
    assert entry.checklist is not None and entry.pep is not None
    check = self_check(entry)
    feedback = compose(entry.pep, entry.checklist, entry.findings)
    meets = entry.checklist.overall.meets
    assert check.ready == meets
    listed = sum(len(i.points) for i in feedback.items)
    assert len(check.to_fix) == listed
    said = re.search(r"There (?:is|are) (\d+) thing", feedback.opening)
    if meets:
        assert listed == 0 and said is None
    else:
        assert said is not None and int(said.group(1)) == listed
        assert check.verdict.startswith(f"{listed} thing") or listed == 0


def test_a_pack_without_a_checklist_is_judged_on_the_default_form() -> None:
    effective = resolve_pack("language-that-cares")
    assert effective.checklist is not None
    assert "section-d" in effective.provenance["checklist"]
    entry = lint_file(GENERATED / "walsall-weak-targets.docx", effective.setup(registered_rules()))
    assert entry.checklist is not None and not entry.checklist.overall.meets
    assert not self_check(entry).ready
