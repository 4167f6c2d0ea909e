"""Markdown that reads well when pasted, rule ids on every finding, readable evidence,
reading warnings shown (issue 13 defect 10)."""

from __future__ import annotations

import pytest

from peplint.checklist.model import Evidence
from peplint.lint import LintSetup, lint_file
from peplint.plugins.manager import collect, default_manager
from peplint.report import Report
from peplint.reporters.templated import markdown_escape
from peplint.reporters.view import evidence_text
from tests.conftest import GENERATED

REPORTERS = collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter")
SETUP = LintSetup.default()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Seen by [CHILD] (page 2)", "Seen by [CHILD] (page 2)"),
        ("Year 10 #1 goal! {ok} + more", "Year 10 #1 goal! {ok} + more"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("a *bold* claim", "a \\*bold\\* claim"),
        ("[click](http://x)", "[click\\](http://x)"),
        ("<b>x</b>", "\\<b\\>x\\</b\\>"),
        ("# not a heading", "\\# not a heading"),
        ("a | b", "a \\| b"),
        ("_emphasis_", "\\_emphasis\\_"),
    ],
)
def test_markdown_escapes_only_what_would_become_markup(text: str, shown: str) -> None:
    assert markdown_escape(text) == shown


def report() -> Report:
    entry = lint_file(GENERATED / "walsall-weak-targets.docx", SETUP)
    entry.pep.warnings.append("Page 3 was repaired before reading.")  # type: ignore[union-attr]
    return Report(pack=SETUP.pack, files=[entry])


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_findings_carry_rule_ids_and_warnings_are_listed(fmt: str) -> None:
    rendered = REPORTERS[fmt].render(report()).decode()
    for rule in ("smart-time-bound", "targets-short-and-long-term", "attendance-threshold"):
        assert rule in rendered
    assert "Reading notes" in rendered and "Page 3 was repaired" in rendered
    assert "No target works towards the young person" in rendered.split("Draft feedback")[0]


def test_yes_evidence_is_a_sentence_not_a_dump_of_cells() -> None:
    cells = Evidence(
        text="Name | Jamie Rowe | Date of birth | 01/02/2010 | Carer | Sam Green",
        section="personal_care",
        page=1,
    )
    assert evidence_text(cells) == "Recorded in Personal / Care Information, page 1."
    prose = Evidence(
        text="Outcome | How | Jamie, you are doing really well in English this term. More text.",
        section="attainment_progress",
        page=2,
    )
    assert evidence_text(prose) == (
        'Recorded in Attainment and Progress, page 2: "Jamie, you are doing really well in '
        'English this term."'
    )
    finding = Evidence(text="No deadline.", rule="smart-time-bound")
    assert evidence_text(finding) == "No deadline."
