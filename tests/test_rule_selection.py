"""Rule selection like ruff's (--select, --extend-select, --ignore), --statistics and
--fail-on on check and bulk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.cli import main
from peplint.errors import ConfigError
from peplint.lint import LintSetup
from peplint.selection import Selection, apply_selection, statistics
from tests.conftest import GENERATED

WEAK = GENERATED / "walsall-weak-targets.docx"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def rules_of(args: list[str]) -> set[str]:
    code, out, _ = run("lint", str(WEAK), "--format", "json", *args)
    assert code in (0, 1)
    return {x["rule"] for f in json.loads(out)["files"] for x in f["findings"]}


def test_select_runs_only_the_rules_named_or_prefixed() -> None:
    assert rules_of(["--select", "smart-"]) == {
        "smart-measurable",
        "smart-strategy",
        "smart-time-bound",
    }
    assert rules_of(["--select", "targets-present,attendance-threshold"]) == {
        "targets-present",
        "attendance-threshold",
    }


def test_ignore_and_extend_select() -> None:
    everything = rules_of([])
    assert "smart-time-bound" in everything
    assert rules_of(["--ignore", "smart-time-bound"]) == everything - {"smart-time-bound"}
    assert rules_of(["--select", "smart-", "--extend-select", "targets-present"]) == {
        "smart-measurable",
        "smart-strategy",
        "smart-time-bound",
        "targets-present",
    }


def test_extend_select_switches_on_a_rule_the_pack_turned_off() -> None:
    setup = LintSetup.default()
    from peplint.engine import RuleSettings

    setup.config.rules["placeholder-text"] = RuleSettings(enabled=False)
    apply_selection(setup, Selection.parse(extend_select=["placeholder-text"]))
    assert setup.config.rules["placeholder-text"].enabled


def test_an_unknown_id_suggests_the_nearest() -> None:
    with pytest.raises(ConfigError, match="Did you mean 'smart-time-bound'"):
        apply_selection(LintSetup.default(), Selection.parse(select=["smart-time-bund"]))
    code, _, err = run("check", str(WEAK), "--ignore", "no-such-rule")
    assert code == 2 and "no such rule" in err


def test_statistics_counts_findings_per_rule() -> None:
    code, out, _ = run("lint", str(WEAK), "--statistics")
    assert code == 1
    rows = {line.split()[1]: int(line.split()[0]) for line in out.strip().splitlines()}
    assert rows["smart-time-bound"] == 2 and rows["targets-present"] == 1
    assert "Section D" not in out  # the counts instead of the report


def test_statistics_helper_orders_by_count() -> None:
    from peplint.model.findings import Finding

    found = [Finding(rule="a", severity="error", message="m")] + [
        Finding(rule="b", severity="warning", message="m")
    ] * 2
    assert statistics(found) == [("b", "warning", 2), ("a", "error", 1)]


def test_check_fail_on() -> None:
    assert run("check", str(WEAK))[0] == 1
    assert run("check", str(WEAK), "--fail-on", "never")[0] == 0
    good = str(GENERATED / "secondary-good.docx")
    assert run("check", good)[0] == 0
    assert (
        run("check", str(WEAK), "--select", "targets-short-and-long-term", "--fail-on", "warning")[
            0
        ]
        == 1
    )
    assert (
        run("check", str(WEAK), "--select", "targets-short-and-long-term", "--fail-on", "error")[0]
        == 0
    )


def test_bulk_fail_on_statistics_and_selection(tmp_path: Path) -> None:
    peps = tmp_path / "peps"
    peps.mkdir()
    shutil.copy(WEAK, peps / "a.docx")
    out = tmp_path / "out"
    code, _, _ = run("bulk", str(peps), "-o", str(out), "--quiet")
    assert code == 0  # --fail-on never by default
    code, stdout, _ = run(
        "bulk",
        str(peps),
        "-o",
        str(out),
        "--quiet",
        "--resume",
        "--fail-on",
        "error",
        "--statistics",
    )
    assert code == 1 and "smart-time-bound" in stdout
    code, stdout, _ = run(
        "bulk",
        str(peps),
        "-o",
        str(out),
        "--quiet",
        "--resume",
        "--select",
        "targets-short-",
        "--fail-on",
        "error",
        "--statistics",
    )
    assert code == 0  # a different selection is not served from the cache
    assert "smart-time-bound" not in stdout and "targets-short-and-long-term" in stdout
