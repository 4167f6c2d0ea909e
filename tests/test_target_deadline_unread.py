"""A target's deadline that reads as a date peplint cannot parse ("Dec '26", "w/c 14.12")
is unclear, not a "no": the target may well have its deadline. A deadline that is no date
at all ("Ongoing") is still a "no"."""

from __future__ import annotations

import pytest

from peplint.engine import EngineConfig, registered_rules, run_rules
from peplint.model.findings import Finding
from peplint.rules.examples_loader import RuleCase

RULE = "smart-time-bound"


def _findings(deadline: str) -> list[Finding]:
    case = RuleCase(
        "one target",
        {
            "targets": [
                {
                    "text": "Leah will read for 20 minutes five nights a week.",
                    "who": "Leah with Mr Lowe",
                    "deadline_text": deadline,
                    "strategy": "Reading record checked weekly by Mr Lowe.",
                }
            ]
        },
    )
    return list(run_rules(case.pep(), {RULE: registered_rules()[RULE]}, EngineConfig()))


@pytest.mark.parametrize("deadline", ["Dec '26", "w/c 14.12", "Mid Nov"])
def test_a_date_peplint_cannot_read_is_unclear(deadline: str) -> None:
    findings = _findings(deadline)
    assert [f.unclear for f in findings] == [True]
    assert "check it by eye" in findings[0].message


@pytest.mark.parametrize("deadline", ["Ongoing", "As required", "Regularly"])
def test_a_deadline_that_is_no_date_is_a_no(deadline: str) -> None:
    findings = _findings(deadline)
    assert [f.unclear for f in findings] == [False]
    assert "is not a deadline" in findings[0].message


def test_a_date_it_reads_passes() -> None:
    assert _findings("18-Dec-2026") == []
