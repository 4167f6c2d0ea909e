"""Rule packs: declarative types, validation messages, precedence, scales, pack tests,
regex time limits, config files and aliases."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.checklist.scales import GOLD_GREEN_AMBER_RED, RAG, YES_NO
from peplint.cli import main
from peplint.engine import registered_rules, run_rules
from peplint.errors import ConfigError
from peplint.extract.build import build_pep
from peplint.model.document import Block, BlockKind, Document
from peplint.model.pep import Source
from peplint.packs.discovery import find_config
from peplint.packs.resolve import resolve_pack, setup_for
from peplint.packs.yaml_source import PackError
from peplint.reading import profiles
from peplint.rules.examples_loader import RuleCase, baseline, merge

RULES = registered_rules()


def write_pack(folder: Path, body: str, name: str = "test-la") -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(f"pack: {name}\n" + textwrap.dedent(body))
    return path


def findings_for(pack: Path, changes: dict) -> list:  # type: ignore[type-arg]
    effective = resolve_pack(str(pack))
    setup = effective.setup(RULES)
    import copy

    pep = RuleCase("case", merge(copy.deepcopy(baseline()), changes)).pep()
    return run_rules(pep, setup.rules, setup.config)


# -- declarative rule types ------------------------------------------------------------
DECLARATIVE = {
    "require": (
        """
        rules:
          pp-plus:
            type: require
            section: smart_targets
            pattern: "(?i)pupil premium"
            message: Say how Pupil Premium Plus is used.
        """,
        {},
        {"targets": [{"text": "You will read 3 books.", "who": "You", "strategy": "Library."}]},
    ),
    "forbid": (
        """
        rules:
          no-initials:
            type: forbid
            field: young_persons_views
            pattern: "\\\\b[A-Z]\\\\.[A-Z]\\\\."
            message: Write names in full, not initials.
        """,
        {},
        {"young_persons_views": "I like living with S.W. and I want to stay at my school."},
    ),
    "lexicon": (
        """
        rules:
          our-words:
            type: lexicon
            section: pep_meeting
            terms: {"service user": "young person"}
            message: Use our wording
        """,
        {},
        {
            "meeting": {
                "discussion": "The service user said college is going well and wants help with maths."
            }
        },
    ),
    "threshold": (
        """
        rules:
          attendance-95:
            type: threshold
            field: meeting.attendance_percent
            min: 95
            message: Attendance is below 95%.
        """,
        {"meeting": {"attendance_percent": 96.5}},
        {"meeting": {"attendance_percent": 93}},
    ),
    "deadline": (
        """
        rules:
          sw-sign-off-3-days:
            type: deadline
            field: sign_offs.social_worker.date
            after: meeting.date
            working_days: 3
            message: The social worker signs off within 3 working days.
        """,
        {},
        {"meeting": {"date": "2026-10-14"}, "sign_offs": {"social_worker": {"date": "2026-10-21"}}},
    ),
    "pattern": (
        """
        rules:
          targets-costed:
            type: pattern
            each: targets
            field: strategy
            pattern: "(?i)pupil premium|£\\\\d+"
            message: Each target's strategy says what it costs.
        """,
        {
            "targets": [
                {"text": "You will read 3 books.", "who": "You", "strategy": "£40 of books."}
            ]
        },
        {
            "targets": [
                {"text": "You will read 3 books.", "who": "You", "strategy": "Library visits."}
            ]
        },
    ),
}


@pytest.mark.parametrize("kind", list(DECLARATIVE))
def test_declarative_rule_passes_and_fails(tmp_path: Path, kind: str) -> None:
    body, passing, failing = DECLARATIVE[kind]
    pack = write_pack(tmp_path, "extends: [section-d]\n" + textwrap.dedent(body))
    rule_id = next(
        line.strip()[:-1]
        for line in textwrap.dedent(body).splitlines()
        if line.startswith("  ") and line.strip().endswith(":") and not line.startswith("    ")
    )
    assert [f for f in findings_for(pack, passing) if f.rule == rule_id] == []
    failed = [f for f in findings_for(pack, failing) if f.rule == rule_id]
    assert len(failed) == 1
    assert not failed[0].unclear


def test_catastrophic_pattern_is_stopped_and_reported(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        """
        rules:
          slow:
            type: require
            field: young_persons_views
            pattern: "(a|aa)+$"
            message: never mind
        """,
    )
    found = findings_for(pack, {"young_persons_views": "a" * 60 + "b"})
    slow = [f for f in found if f.rule == "slow"]
    assert len(slow) == 1 and slow[0].unclear
    assert "took too long" in slow[0].message


# -- validation --------------------------------------------------------------------------
BAD_PACKS = [
    ("colour: red\n", 2, "unknown key 'colour'"),
    (
        "rules:\n  smart-time-bund: off\n",
        3,
        "unknown rule id 'smart-time-bund'; did you mean 'smart-time-bound'?",
    ),
    (
        'rules:\n  mine:\n    type: require\n    section: smart_targets\n    pattern: "(unclosed"\n    message: m\n',
        6,
        "the pattern is not a valid regular expression",
    ),
    (
        "settings:\n  attendance_threshold: high\n",
        3,
        "setting 'attendance_threshold' should be int, not str",
    ),
    (
        "settings:\n  attendance_treshold: 90\n",
        3,
        "unknown setting 'attendance_treshold'; did you mean 'attendance_threshold'?",
    ),
    ("aliases:\n  my_views: [Pupil voice]\n", 3, "unknown section key 'my_views'"),
    (
        "rules:\n  mine:\n    type: threshold\n    field: young_persons_views\n    min: 3\n    message: m\n",
        5,
        "a 'threshold' rule needs a numeric 'field'",
    ),
    (
        "rules:\n  mine:\n    type: pattern\n    section: smart_targets\n    pattern: x\n    message: m\n",
        4,
        "a 'pattern' rule checks each item of a list",
    ),
    (
        "rules:\n  mine:\n    type: require\n    sektion: smart_targets\n    pattern: x\n    message: m\n",
        5,
        "unknown key 'sektion' in rule 'mine'; did you mean 'section'?",
    ),
    ("rules:\n  voice-present: {severity: fatal}\n", 3, "rules.voice-present"),
    (
        "rules:\n  voice-present: {min_word: 3}\n",
        3,
        "rule 'voice-present' has no setting 'min_word'; did you mean 'voice_min_words'?",
    ),
    (
        "checklist:\n  title: T\n  items:\n    - {id: A, question: Q, rules: [no-such-rule]}\n",
        5,
        "checklist item A names unknown rule",
    ),
    ("extends: [no-such-pack]\n", 2, "cannot extend 'no-such-pack'"),
    ("rules: [oops\n", 3, "this is not valid YAML"),
]


@pytest.mark.parametrize(
    ("body", "line", "message"), BAD_PACKS, ids=[m[:40] for _, _, m in BAD_PACKS]
)
def test_validation_errors_name_file_line_and_fix(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    pack = write_pack(tmp_path, body)
    with pytest.raises(PackError) as caught:
        resolve_pack(str(pack))
    error = caught.value
    assert error.path == pack
    assert error.line == line
    assert message in str(error)
    assert error.fix


def test_validate_command_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    pack = write_pack(tmp_path, "rules:\n  smart-time-bund: off\n")
    result = CliRunner().invoke(main, ["pack", "validate", str(pack)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and f"{pack}:3:" in result.output


def test_extends_loop_is_an_error(tmp_path: Path) -> None:
    write_pack(tmp_path, "extends: [b.yaml]\n", name="a")
    write_pack(tmp_path, "extends: [a.yaml]\n", name="b")
    with pytest.raises(ConfigError, match="loop"):
        resolve_pack(str(tmp_path / "a.yaml"))


# -- inheritance and override order -----------------------------------------------------------
def test_child_overrides_parent_and_config_file_overrides_pack(tmp_path: Path) -> None:
    write_pack(
        tmp_path,
        "extends: [section-d]\nsettings: {attendance_threshold: 85, min_targets: 4}\n"
        "rules: {placeholder-text: off, voice-first-person: error}\n",
        name="parent",
    )
    write_pack(
        tmp_path,
        "extends: [parent.yaml]\nsettings: {attendance_threshold: 90}\n"
        "rules: {placeholder-text: on}\n",
        name="child",
    )
    (tmp_path / "peplint.toml").write_text('pack = "child.yaml"\n[settings]\nmin_targets = 5\n')
    setup, effective = setup_for(None, cwd=tmp_path)
    assert effective.chain == ["language-that-cares", "section-d", "parent", "child"]
    assert setup.config.settings["attendance_threshold"] == 90  # child over parent
    assert setup.config.settings["sign_off_working_days"] == 5  # from section-d
    assert setup.config.settings["min_targets"] == 5  # config file over packs
    assert setup.config.rules["placeholder-text"].enabled is True  # child switched it back on
    assert setup.config.rules["voice-first-person"].severity == "error"  # inherited
    assert "config file" in effective.provenance["settings.min_targets"]
    assert "child" in effective.provenance["settings.attendance_threshold"]


def test_config_in_pyproject_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.peplint]\npack = "example-rag"\n')
    sub = tmp_path / "term" / "autumn"
    sub.mkdir(parents=True)
    config = find_config(sub)
    assert config.pack == "example-rag" and config.path == tmp_path / "pyproject.toml"


def test_show_config_says_where_each_setting_came_from() -> None:
    result = CliRunner().invoke(main, ["pack", "show-config", "--pack", "example-rag"])
    assert result.exit_code == 0, result.output
    assert "attendance_threshold = 90    [pack example-rag" in result.output
    assert "emergency_pep_working_days = 10    [pack section-d" in result.output
    assert "pp-plus-linked" in result.output


def test_messages_override_the_wording(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path, "extends: [section-d]\nmessages: {voice-present: Please add the pupil's voice.}\n"
    )
    found = [
        f for f in findings_for(pack, {"young_persons_views": "N/A"}) if f.rule == "voice-present"
    ]
    assert found[0].message == "Please add the pupil's voice."


def test_pack_lexicon_adds_terms(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        "extends: [section-d]\nlexicon: {contact: family time, 'service user': young person}\n",
    )
    found = findings_for(
        pack, {"meeting": {"discussion": "The service user said college is going well for her."}}
    )
    assert any(f.rule == "language-that-cares" and "service user" in f.message for f in found)


def test_pack_aliases_map_a_local_heading() -> None:
    doc = Document(
        format="docx",
        blocks=[
            Block(kind=BlockKind.HEADING, text="Pupil voice", level=2),
            Block(
                kind=BlockKind.PARAGRAPH, text="I like drama and I want to be in the school play."
            ),
        ],
    )
    source = Source(path="x.docx", sha256="0" * 64, format="docx")
    plain = build_pep(doc, source, profiles())
    assert "young_persons_views" in plain.sections  # a built-in alias
    doc.blocks[0].text = "What I think"
    assert build_pep(doc, source, profiles()).unrecognised_headings == ["What I think"]
    aliased = build_pep(doc, source, profiles(), {"young_persons_views": ["What I think"]})
    assert aliased.young_persons_views == "I like drama and I want to be in the school play."


def test_settings_shared_by_several_rules_mean_the_same_thing() -> None:
    defaults: dict[str, object] = {}
    for rule in RULES.values():
        for name, value in rule.params.items():
            assert defaults.setdefault(name, value) == value, name


# -- scales ------------------------------------------------------------------------------
def test_yes_no_scale() -> None:
    assert YES_NO.rate_item({"errors": 1}) == "no"
    assert YES_NO.rate_item({"unclear": 1}) == "unclear"
    assert YES_NO.rate_item({"warnings": 3}) == "yes"
    assert YES_NO.rate_overall(["yes"] * 7) == "meets"
    assert YES_NO.rate_overall(["yes"] * 6 + ["unclear"]) == "does-not-meet"


def test_rag_scale() -> None:
    assert RAG.rate_item({"errors": 1}) == "red"
    assert RAG.rate_item({"warnings": 1}) == "amber"
    assert RAG.rate_item({}) == "green"
    assert RAG.rate_overall(["green", "amber", "green"]) == "amber"
    assert RAG.rate_overall(["green", "amber", "red"]) == "red"
    assert RAG.rate_overall(["green"] * 5) == "green"


@pytest.mark.parametrize(
    ("areas", "overall"),
    [
        (["gold"] * 8, "gold"),
        (["gold"] * 7 + ["green"], "gold"),
        (["gold"] * 6 + ["green"] * 2, "green"),
        (["green"] * 7 + ["amber"], "green"),
        (["gold"] * 6 + ["amber"] * 2, "amber"),
        (["gold"] * 7 + ["red"], "red"),
    ],
)
def test_gold_green_amber_red_count_rules(areas: list[str], overall: str) -> None:
    assert GOLD_GREEN_AMBER_RED.rate_overall(areas) == overall


# -- pack tests --------------------------------------------------------------------------
def test_pack_test_fails_when_it_should(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        """
        extends: [section-d]
        tests:
          - name: right
            pep: {young_persons_views: "N/A"}
            expect: {findings: [voice-present], checklist: {D4: "no"}}
          - name: wrong on purpose
            pep: {}
            expect: {findings: [voice-present], meets: false}
        """,
    )
    result = CliRunner().invoke(main, ["pack", "test", str(pack), "--own-only"])
    assert result.exit_code == 1
    assert "PASS test-la: right" in result.output
    assert "FAIL test-la: wrong on purpose" in result.output
    assert "expected a finding from 'voice-present', got none" in result.output
    assert result.output.strip().endswith("1 passed, 1 failed")


def test_pack_test_can_use_a_fixture_file(tmp_path: Path) -> None:
    fixture = (
        Path(__file__).resolve().parent.parent
        / "fixtures"
        / "generated"
        / "walsall-weak-targets.pdf"
    )
    pack = write_pack(
        tmp_path,
        f"""
        extends: [section-d]
        tests:
          - name: the weak-targets fixture fails D7
            fixture: {fixture}
            expect: {{checklist: {{D7: "no"}}, findings: [smart-time-bound]}}
        """,
    )
    result = CliRunner().invoke(main, ["pack", "test", str(pack), "--own-only"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "name", ["section-d", "language-that-cares", "example-rag", "example-gold-scale"]
)
def test_builtin_packs_pass_their_own_tests(name: str) -> None:
    result = CliRunner().invoke(main, ["pack", "test", name])
    assert result.exit_code == 0, result.output


def test_init_scaffold_validates_and_passes_its_tests(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "my-la.yaml"
    assert runner.invoke(main, ["pack", "init", "my-la", "-o", str(target)]).exit_code == 0
    assert runner.invoke(main, ["pack", "validate", str(target)]).exit_code == 0
    result = runner.invoke(main, ["pack", "test", str(target), "--own-only"])
    assert result.exit_code == 0, result.output
    assert (
        runner.invoke(main, ["pack", "init", "my-la", "-o", str(target)]).exit_code == 2
    )  # no overwrite


def test_lint_with_another_authoritys_pack() -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "generated" / "walsall-good.pdf"
    result = CliRunner().invoke(
        main, ["lint", str(fixture), "--pack", "example-rag", "--format", "json"]
    )
    import json

    data = json.loads(result.stdout)
    assert data["pack"] == {"name": "example-rag", "version": 1}
    assert data["files"][0]["checklist"]["overall"]["rating"] == "green"


def test_validate_reports_every_problem_at_once(tmp_path: Path) -> None:
    pack = write_pack(
        tmp_path,
        "colour: blue\n"  # line 2
        "settings:\n  attendance_treshold: 90\n"  # line 4
        "rules:\n"
        "  smart-time-bund: off\n"  # line 6
        "  my-rule: {type: require, section: smart_targets, pattern: '(unclosed', message: m}\n"
        "aliases: {young_person_view: [Pupil voice]}\n"  # line 8
        "checklist:\n  title: T\n  items:\n    - {id: A, question: Q, rules: [no-such-rule]}\n",
    )
    result = CliRunner().invoke(main, ["pack", "validate", str(pack)])
    assert result.exit_code == 2
    lines = result.stderr.strip().split("\n")
    assert lines[-1].startswith("peplint: 6 problems")
    found = {int(line.split(":")[2]) for line in lines[:-1]}
    assert found == {2, 4, 6, 7, 8, 12}
    assert "did you mean 'attendance_threshold'" in result.stderr
    assert "did you mean 'smart-time-bound'" in result.stderr
