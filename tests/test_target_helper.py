"""`peplint target`: the answer's shape, its exit code, and agreement with the smart-* rules."""

from __future__ import annotations

import json

from click.testing import CliRunner

from peplint.cli import main
from peplint.engine import registered_rules, run_rules
from peplint.rules.examples_loader import RuleCase
from peplint.rules.smart import target_from_text
from peplint.target_helper import advise

GOOD = (
    "You will read for 20 minutes five evenings a week.\n"
    "Who will help: Sandra will sign your reading record\nBy when: Easter 2027"
)


def test_json_shape_and_exit_code_for_a_smart_target() -> None:
    result = CliRunner().invoke(main, ["target", "--format", "json", GOOD])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"text", "found", "missing", "suggestions"}
    assert set(data["found"]) == {"who", "what", "measure", "deadline", "strategy"}
    assert data["missing"] == [] and data["suggestions"] == []
    assert data["found"]["deadline"] == "Easter 2027"


def test_a_poor_target_exits_1_with_a_suggestion_per_missing_part() -> None:
    result = CliRunner().invoke(
        main, ["target", "--format", "json", "To improve confidence in Maths."]
    )
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["missing"] == ["who", "what", "measure", "deadline", "strategy"]
    assert len(data["suggestions"]) == 5


def test_text_output_names_found_and_missing_parts() -> None:
    result = CliRunner().invoke(main, ["target", "You will hand in all homework on time."])
    assert result.exit_code == 1
    assert "who: You" in result.output
    assert "Missing: deadline, strategy" in result.output


def test_empty_text_is_a_usage_error() -> None:
    assert CliRunner().invoke(main, ["target", "  "]).exit_code == 2


def test_helper_and_rules_agree() -> None:
    rules = registered_rules()
    smart = {
        "who": "smart-specific",
        "measure": "smart-measurable",
        "deadline": "smart-time-bound",
        "strategy": "smart-strategy",
    }
    for text in (
        GOOD,
        "Improve maths.",
        "You will hand in all homework on time.",
        "Attend school more.",
    ):
        advice = advise(text)
        target = target_from_text(text).model_dump()
        pep = RuleCase("t", {"targets": [target]}).pep()
        for part, rule_id in smart.items():
            findings = run_rules(pep, {rule_id: rules[rule_id]})
            assert bool(findings) == (part in advice.missing), (text, part)
