"""Waivers: an accepted finding stays accepted for that child and rule until the PEP
changes where it was found; shown with --show-waived; counted apart in bulk."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.cli import main
from peplint.generate.render import render_spec
from peplint.generate.spec import CaseSpec, load_spec
from tests.conftest import SPECS

RULE = "attendance-threshold"


def write_pep(folder: Path, name: str, change: dict | None = None) -> Path:  # type: ignore[type-arg]
    spec = load_spec(SPECS / "walsall-weak-targets.yaml")
    for dotted, value in (change or {}).items():
        target: object = spec
        *parents, last = dotted.split(".")
        for part in parents:
            target = getattr(target, part)
        setattr(target, last, value)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(render_spec(CaseSpec.model_validate(spec.model_dump()), "docx"))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def report(path: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run("lint", str(path), "--format", "json", *extra)
    assert code in (0, 1), err
    return json.loads(out)["files"][0]  # type: ignore[no-any-return]


def rules(entry: dict) -> list[str]:  # type: ignore[type-arg]
    return [f["rule"] for f in entry["findings"]]


@pytest.fixture(scope="module")
def term(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("autumn")
    pep = write_pep(folder / "Oakfield", "pep.docx")
    code, out, _ = run(
        "waive",
        str(pep),
        "--rule",
        RULE,
        "--reason",
        "Plan agreed",
        "--waivers",
        str(folder / "peplint-waivers.yaml"),
    )
    assert code == 0 and "waived 1" in out
    return folder


def test_a_waived_finding_is_not_raised_again(term: Path) -> None:
    entry = report(term / "Oakfield" / "pep.docx")
    assert RULE not in rules(entry)
    assert [f["rule"] for f in entry["waived"]] == [RULE]
    assert entry["waived"][0]["waiver"] == "Plan agreed"
    _, out, _ = run("check", str(term / "Oakfield" / "pep.docx"))
    assert (
        "Attendance is 72%" not in out.split("You could also")[0] and "1 finding(s) waived" in out
    )


def test_it_stays_waived_when_other_parts_change(term: Path) -> None:
    later = write_pep(
        term / "Oakfield",
        "spring.docx",
        {
            "young_persons_views": "I want to do Social Care at college next year and I like my tutor."
        },
    )
    assert RULE not in rules(report(later))


def test_it_is_raised_again_when_the_pep_changes_in_that_place(term: Path) -> None:
    changed = write_pep(term / "Oakfield", "changed.docx", {"meeting.attendance_percent": 65})
    assert RULE in rules(report(changed))


def test_another_child_is_not_covered(term: Path) -> None:
    other = write_pep(term / "Castle", "other.docx", {"child.name": "Sam Other"})
    assert RULE in rules(report(other))


def test_show_waived_lists_them_with_the_reason(term: Path) -> None:
    _, plain, _ = run("lint", str(term / "Oakfield" / "pep.docx"))
    assert "1 finding(s) waived" in plain and "Plan agreed" not in plain
    _, shown, _ = run("lint", str(term / "Oakfield" / "pep.docx"), "--show-waived")
    assert "waived: Plan agreed" in shown
    _, md, _ = run(
        "lint", str(term / "Oakfield" / "pep.docx"), "--show-waived", "--format", "markdown"
    )
    assert "## Waived" in md and "attendance-threshold" in md.split("## Waived")[1]


def test_bulk_counts_waived_findings_apart(term: Path, tmp_path: Path) -> None:
    write_pep(term / "Castle", "other.docx", {"child.name": "Sam Other"})  # not waived
    out = tmp_path / "out"
    code, stdout, _ = run("bulk", str(term), "-o", str(out), "--quiet")
    assert code == 0 and "findings are waived" in stdout
    rows = {r["file"]: r for r in csv.DictReader((out / "summary.csv").open())}
    assert rows["Oakfield/pep.docx"]["waived"] == "1"
    assert rows["Castle/other.docx"]["waived"] == "0"
    assert json.loads((out / "summary.json").read_text())["aggregates"]["waived"] >= 1


def test_a_waivers_file_beside_the_pack_is_used(tmp_path: Path, term: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "my-la.yaml").write_text("pack: my-la\nextends: [section-d]\n")
    (packs / "peplint-waivers.yaml").write_text((term / "peplint-waivers.yaml").read_text())
    elsewhere = write_pep(tmp_path / "elsewhere", "pep.docx")
    assert RULE in rules(report(elsewhere))
    assert RULE not in rules(report(elsewhere, "--pack", str(packs / "my-la.yaml")))


def test_a_broken_waivers_file_is_a_usage_error(tmp_path: Path) -> None:
    pep = write_pep(tmp_path, "pep.docx")
    (tmp_path / "peplint-waivers.yaml").write_text("waivers:\n  - rule: x\n")
    code, _, err = run("lint", str(pep))
    assert code == 2 and "peplint-waivers.yaml" in err
