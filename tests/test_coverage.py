"""Layout coverage: found / needed fields of the active checklist, the warning line every
output carries below the pack's threshold, and bulk's coverage column."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import pytest

from peplint.bulk.summary import aggregate, flagged_rules, row_for, to_csv
from peplint.checklist.coverage import layout_coverage, needed_fields
from peplint.checklist.evaluate import evaluate
from peplint.checklist.model import ChecklistSpec, ItemSpec
from peplint.engine import registered_rules, run_rules
from peplint.feedback import compose_feedback
from peplint.lint import LintSetup
from peplint.model.pep import Pep
from peplint.packs.resolve import resolve_pack
from peplint.plugins.manager import collect, default_manager
from peplint.report import FileReport, Report
from peplint.rules.examples_loader import RuleCase, field_paths

RULES = registered_rules()
SETUP = LintSetup.default()
REPORTERS = collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter")


def _pep(provenance: dict[str, str] | None = None, **changes: object) -> Pep:
    return RuleCase("case", dict(changes), provenance=provenance or {}).pep()


def _without(fraction: float) -> dict[str, str]:
    """Mark the first `fraction` of the checklist's needed fields as not found."""
    needed = list(
        dict.fromkeys(p for ps in needed_fields(SETUP.checklist, RULES).values() for p in ps)
    )
    return {p: "not_found" for p in needed[: round(len(needed) * fraction)]} or {
        "pep_type": "found"
    }


def _entry(pep: Pep, setup: LintSetup = SETUP) -> FileReport:
    findings = run_rules(pep, setup.rules, setup.config)
    checklist = evaluate(setup.checklist, findings, pep)
    return FileReport(
        path="x.docx",
        sha256=pep.source.sha256,
        status="ok",
        pep=pep,
        checklist=checklist,
        coverage=layout_coverage(pep, setup.checklist, setup.rules, setup.config),
        findings=findings,
        feedback=compose_feedback(pep, checklist, findings),
    )


def test_needed_fields_come_from_the_rules_of_each_item() -> None:
    needed = needed_fields(SETUP.checklist, RULES)
    assert "sign_offs.social_worker.next_pep_date" in needed["D1"]
    assert needed["D4"] == ["young_persons_views"]
    assert "targets[].deadline_text" in needed["D7"]
    own = ChecklistSpec(title="t", items=[ItemSpec(id="V", question="q", rules=["voice-present"])])
    assert needed_fields(own, RULES) == {"V": ["young_persons_views"]}


def test_a_rule_off_by_default_counts_only_when_switched_on() -> None:
    from peplint.engine import EngineConfig, RuleSettings
    from peplint.rules.criteria import PupilPremiumPlusCosted

    class Reads(PupilPremiumPlusCosted):  # an other-authorities criterion that reads a field
        fields = ("young_persons_views",)

    rules = {**RULES, "pp-plus-costed": Reads()}
    own = ChecklistSpec(title="t", items=[ItemSpec(id="P", question="q", rules=["pp-plus-costed"])])
    assert needed_fields(own, rules) == {"P": []}  # run_rules would not run it either
    on = EngineConfig(rules={"pp-plus-costed": RuleSettings(enabled=True)})
    assert needed_fields(own, rules, on) == {"P": ["young_persons_views"]}


def test_every_declared_field_is_a_field_of_the_pep() -> None:
    known = {p for p in field_paths(RuleCase("baseline", {}).pep())}
    known |= {__import__("re").sub(r"\[\d+\]", "[]", p) for p in known}
    for rule in RULES.values():
        for path in rule.fields:
            assert path in known, f"{rule.id}: {path}"


def test_a_layout_read_fully_has_full_coverage_and_no_warning() -> None:
    coverage = _entry(_pep({"pep_type": "found"})).coverage
    assert coverage is not None
    assert coverage.ratio == 1.0 and coverage.well_read and coverage.message is None
    assert coverage.summary().endswith("(100%)")


def test_below_the_threshold_every_output_says_how_to_map_the_layout() -> None:
    entry = _entry(_pep(_without(0.5)))
    coverage = entry.coverage
    assert coverage is not None and coverage.ratio is not None
    assert 0.4 < coverage.ratio < 0.6 and not coverage.well_read and coverage.looks_like_pep
    assert coverage.message and "not read well" in coverage.message
    assert "peplint template learn" in coverage.message
    report = Report(pack=SETUP.pack, files=[entry])
    for name in ("text", "markdown", "html", "json"):
        text = REPORTERS[name].render(report).decode("utf-8")
        assert "template learn" in text, name
        assert text.count("was not read well") == 1, name
    word = docx.Document(io.BytesIO(REPORTERS["docx"].render(report)))
    assert sum("not read well" in p.text for p in word.paragraphs) == 1
    data = json.loads(REPORTERS["json"].render(report))
    assert data["version"] == 2 and data["files"][0]["coverage"]["well_read"] is False


def test_needs_a_person_is_shown_by_every_reporter() -> None:
    entry = _entry(_pep(_without(0.1)))
    assert entry.checklist is not None and entry.checklist.overall.needs_person
    report = Report(pack=SETUP.pack, files=[entry])
    for name in ("text", "markdown", "html"):
        assert "Needs a person" in REPORTERS[name].render(report).decode("utf-8"), name
    word = docx.Document(io.BytesIO(REPORTERS["docx"].render(report)))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Needs a person" in text and "☒ The PEP does not meet" not in text
    data = json.loads(REPORTERS["json"].render(report))
    assert data["files"][0]["checklist"]["overall"]["needs_person"] is True


def test_almost_nothing_read_does_not_look_like_a_pep() -> None:
    pep = _pep(_without(0.95), sections={})
    coverage = _entry(pep).coverage
    assert coverage is not None and not coverage.looks_like_pep
    assert coverage.message and coverage.message.startswith("This does not look like a PEP")


def test_a_pep_without_provenance_is_not_measured() -> None:
    coverage = _entry(_pep()).coverage
    assert coverage is not None
    assert (
        coverage.ratio is None and coverage.message is None and coverage.summary() == "not measured"
    )


def test_the_pack_sets_the_threshold(tmp_path: Path) -> None:
    pack = tmp_path / "lenient.yaml"
    pack.write_text("pack: lenient\nextends: [section-d]\nsettings: {coverage_threshold: 0.4}\n")
    setup = resolve_pack(str(pack)).setup(RULES)
    coverage = _entry(_pep(_without(0.5)), setup).coverage
    assert coverage is not None and coverage.threshold == 0.4 and coverage.well_read


def test_bulk_summary_has_coverage_and_counts_peps_to_map_per_school() -> None:
    items = [i.id for i in SETUP.checklist.items]
    entries = [_entry(_pep(_without(0.5))), _entry(_pep({"pep_type": "found"}))]
    rows = [row_for(f"f{i}.docx", f"r{i}", e, items) for i, e in enumerate(entries)]
    assert [r.needs_mapping for r in rows] == [True, False]
    assert rows[1].coverage == "100%"
    csv_text = to_csv(rows, items)
    assert "coverage" in csv_text.splitlines()[0].split(",")
    school = rows[0].school
    agg = aggregate(rows, [flagged_rules(e) for e in entries], items, dt.date(2027, 1, 1))
    assert agg.by_school[school]["needs_mapping"] == 1


def test_the_threshold_must_be_a_share(tmp_path: Path) -> None:
    from peplint.packs.yaml_source import PackError

    pack = tmp_path / "bad.yaml"
    pack.write_text("pack: bad\nextends: [section-d]\nsettings: {coverage_threshold: 80}\n")
    with pytest.raises(PackError, match="between 0 and 1"):
        resolve_pack(str(pack))
