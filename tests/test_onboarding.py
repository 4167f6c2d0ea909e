"""Onboarding a layout: pack `fields:`, `peplint inspect`, `peplint template learn`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from peplint.cli import main
from peplint.engine import registered_rules
from peplint.extract.build import build_pep
from peplint.extract.field_aliases import KNOWN_LABEL
from peplint.inspect import inspect_pep, to_text, value_at
from peplint.learn import draft_fragment, guess_field
from peplint.lint import LintSetup
from peplint.model.document import Block, BlockKind, Document, Table
from peplint.model.pep import FieldProvenance, Pep, SectionText, Source
from peplint.packs.fields import field_paths
from peplint.packs.resolve import resolve_pack
from peplint.packs.yaml_source import PackError
from peplint.reading import profiles
from peplint.rules.examples_loader import RuleCase
from tests.conftest import GENERATED

SETUP = LintSetup.default()
SOURCE = Source(path="sample.docx", sha256="0" * 64, format="docx", pages=2)


def _sample() -> Pep:
    """A PEP as a reader gives it for a layout with labels peplint does not know."""
    pep = Pep(source=SOURCE, template="unknown")
    pep.child.name = "Jamie Rowe"
    pep.young_persons_views = "I like drawing and I want to go to college."
    pep.provenance = {
        "child.name": FieldProvenance(
            state="found", label="Learner", section="personal_care", page=1, how="table-row"
        ),
        "young_persons_views": FieldProvenance(state="found", label="In my words", page=2),
        "meeting.discussion": FieldProvenance(state="empty", label="Notes", page=2),
        "sections.personal_care": FieldProvenance(state="found", label="About me", score=0.7),
    }
    pep.sections = {"personal_care": SectionText(heading="About me", text="...", page=1)}
    pep.unplaced_labels = ["Day of arrival", "Next get-together", "Next PEP on"]
    pep.unrecognised_headings = ["Grown-ups' corner"]
    return pep


def _pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "layout.yaml"
    path.write_text(text)
    return path


# -- pack `fields:` --------------------------------------------------------------------


def test_pack_fields_are_read_into_the_setup(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        "pack: layout\nextends: [section-d]\nfields:\n"
        '  child.date_of_birth: ["Day of arrival"]\n'
        '  targets[].deadline_text: ["Finish by"]\n',
    )
    setup = resolve_pack(str(path)).setup(registered_rules())
    assert setup.field_aliases == {
        "child.date_of_birth": ["Day of arrival"],
        "targets[].deadline_text": ["Finish by"],
    }


def test_an_unknown_field_names_the_line_and_the_fix(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        "pack: layout\nextends: [section-d]\nfields:\n"
        '  child.name: ["Learner"]\n'
        '  child.date_of_brith: ["Day of arrival"]\n',
    )
    with pytest.raises(PackError) as caught:
        resolve_pack(str(path))
    assert caught.value.line == 5
    assert "unknown field 'child.date_of_brith'" in str(caught.value)
    assert "did you mean 'child.date_of_birth'" in str(caught.value)
    result = CliRunner().invoke(main, ["pack", "validate", str(path)])
    assert result.exit_code == 2 and "layout.yaml:5" in result.output


def test_an_empty_label_is_an_error(tmp_path: Path) -> None:
    path = _pack(tmp_path, 'pack: layout\nfields:\n  child.name: ["Learner", " "]\n')
    with pytest.raises(PackError, match="an empty label"):
        resolve_pack(str(path))


def test_every_label_the_relabelling_knows_is_a_field_path() -> None:
    assert set(KNOWN_LABEL) <= set(field_paths())


def test_field_aliases_reach_the_reader() -> None:
    """A label only the pack knows is read as the field it names."""
    document = Document(
        format="docx",
        blocks=[
            Block(kind=BlockKind.HEADING, text="Personal / Care Information", level=2),
            Block(
                kind=BlockKind.TABLE,
                table=Table(
                    rows=[["Young person's name", "Sam Doe"], ["Day of arrival", "04/05/2011"]]
                ),
            ),
        ],
    )
    plain = build_pep(document, SOURCE, profiles())
    mapped = build_pep(
        document, SOURCE, profiles(), field_aliases={"child.date_of_birth": ["Day of arrival"]}
    )
    assert plain.child.date_of_birth is None
    assert mapped.child.date_of_birth is not None
    assert mapped.child.date_of_birth.isoformat() == "2011-05-04"
    assert mapped.child.name == "Sam Doe"


# -- inspect ---------------------------------------------------------------------------


def test_inspect_shows_fields_with_provenance_and_what_was_not_placed() -> None:
    inspection = inspect_pep(_sample(), SETUP)
    by_path = {f.path: f for f in inspection.fields}
    assert by_path["child.name"].state == "found" and by_path["child.name"].value == "Jamie Rowe"
    assert by_path["child.name"].label == "Learner" and by_path["child.name"].how == "table-row"
    assert by_path["meeting.discussion"].state == "empty"
    assert by_path["child.date_of_birth"].state == "not_found"
    assert by_path["child.date_of_birth"].needed and by_path["child.date_of_birth"].value is None
    assert not any(p.startswith("sections.") for p in by_path)
    assert inspection.sections[0].heading == "About me" and inspection.sections[0].score == 0.7
    assert inspection.unplaced_labels[:2] == ["Day of arrival", "Next get-together"]
    text = to_text(inspection)
    assert '"Day of arrival"' in text and "Grown-ups' corner" in text
    assert "does not look like a PEP" in text and "score 0.70" in text


def test_value_at_reads_records() -> None:
    pep = RuleCase("x", {}).pep()
    assert value_at(pep, "targets[0].who") == pep.targets[0].who
    assert value_at(pep, "targets[].who") == [t.who for t in pep.targets]
    assert value_at(pep, "targets[9].who") is None


def test_inspect_command_in_json() -> None:
    result = CliRunner().invoke(
        main, ["inspect", str(GENERATED / "walsall-good.docx"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["template"] == "walsall-post16"
    assert {"sections", "fields", "unplaced_labels", "unrecognised_headings", "coverage"} <= set(
        data
    )
    assert any(s["key"] == "smart_targets" for s in data["sections"])


def test_inspect_reports_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "letter.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(main, ["inspect", str(bad)])
    assert result.exit_code == 3
    assert "Traceback" not in result.output


# -- template learn --------------------------------------------------------------------


def test_the_draft_keeps_labels_and_comments_what_to_assign(tmp_path: Path) -> None:
    text = draft_fragment([_sample()], "my-layout")
    assert "Jamie" not in text  # labels only, never the document's values
    data = yaml.safe_load(text)
    assert data["pack"] == "my-layout" and data["extends"] == ["section-d"]
    assert data["aliases"] == {"personal_care": ["About me"]}
    assert data["fields"] is None  # nothing assigned yet: only commented lines
    assert '#   child.name: ["Learner"]' in text  # read already: listed, not pinned
    assert "sections.personal_care" not in text
    lines = text.splitlines()
    day = next(line for line in lines if '"Day of arrival"' in line)
    assert day.startswith('#?   FIELD: ["Day of arrival"]') and "which field is it?" in day
    meeting = next(line for line in lines if '"Next PEP on"' in line)
    assert "perhaps sign_offs." in meeting and meeting.endswith("next PEP date)")
    corner = next(line for line in lines if "Grown-ups" in line)
    assert corner.startswith("#?   SECTION:")
    resolve_pack(str(_pack(tmp_path, text)))  # the draft as written is a valid pack


def test_filling_in_the_commented_lines_gives_a_valid_pack(tmp_path: Path) -> None:
    text = draft_fragment([_sample(), _sample()], "my-layout")
    assigned = {
        '"Day of arrival"': "child.date_of_birth",
        '"Next get-together"': "sign_offs.social_worker.next_pep_date",
        '"Next PEP on"': "sign_offs.designated_teacher.next_pep_date",
        "Grown-ups": "young_persons_views",
    }
    filled = []
    for line in text.splitlines():
        if line.startswith("#? "):
            target = next(v for k, v in assigned.items() if k in line)
            line = line[3:].replace("FIELD", target).replace("SECTION", target)
        filled.append(line)
    setup = resolve_pack(str(_pack(tmp_path, "\n".join(filled)))).setup(registered_rules())
    assert setup.field_aliases["child.date_of_birth"] == ["Day of arrival"]
    assert setup.aliases["young_persons_views"] == ["Grown-ups' corner"]
    assert "(in 2 of 2)" in text


def test_guesses_name_the_field_a_label_holds() -> None:
    assert guess_field("Learner date of birth") == "child.date_of_birth"
    assert guess_field("Next PEP meeting date", ["sign_offs.social_worker.next_pep_date"]) == (
        "sign_offs.social_worker.next_pep_date"
    )
    assert guess_field("zzz qqq") is None


def test_template_learn_command_writes_the_draft(tmp_path: Path) -> None:
    out = tmp_path / "Oakfield Layout.yaml"
    result = CliRunner().invoke(
        main, ["template", "learn", str(GENERATED / "walsall-good.docx"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text())
    assert data["pack"] == "oakfield-layout"
    assert "smart_targets" in data["aliases"]
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert CliRunner().invoke(main, ["pack", "validate", str(out)]).exit_code == 0
