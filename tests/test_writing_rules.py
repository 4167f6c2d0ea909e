"""Rule judgement on real wording: what the YAML examples cannot say (unclear findings,
the thesaurus a pack extends, the attendee marks)."""

from __future__ import annotations

from peplint.engine import EngineConfig, RuleSettings, registered_rules, run_rules
from peplint.model.pep import Attendee
from peplint.nlp.meaning import builtin_thesaurus, stem
from peplint.rules.examples_loader import RuleCase
from peplint.rules.needs import _clauses
from peplint.rules.participation import attendee_attended

RULES = registered_rules()


def _findings(rule_id: str, changes: dict, params: dict | None = None) -> list:  # type: ignore[type-arg]
    config = EngineConfig(rules={rule_id: RuleSettings(params=params or {})})
    return run_rules(RuleCase("t", changes).pep(), {rule_id: RULES[rule_id]}, config)


def test_a_contact_field_the_layout_lacks_is_unclear_with_its_paths() -> None:
    changes = {
        "designated_teacher": {"name": "Mark Ellis", "phone": None, "email": None},
        "provenance": {
            path: {"state": "found"}
            for path in (
                "child.name",
                "child.date_of_birth",
                "child.year_group",
                "child.date_entered_care",
                "carers",
                "carers[0].phone",
                "social_worker.name",
                "social_worker.phone",
                "designated_teacher.name",
                "setting.name",
            )
        },
    }
    [finding] = _findings("care-info-complete", changes)
    assert finding.unclear
    assert finding.not_found == ["designated_teacher.phone", "designated_teacher.email"]
    assert (
        "designated teacher's phone and the designated teacher's email could not be found in this layout"
        in finding.message
    )


def test_an_empty_contact_field_is_missing_not_unclear() -> None:
    changes = {
        "designated_teacher": {"name": "Mark Ellis", "phone": None, "email": None},
        "provenance": {"designated_teacher.phone": {"state": "empty"}},
    }
    findings = _findings("care-info-complete", changes)
    missing = [f for f in findings if not f.unclear]
    assert missing and "designated teacher's phone or email" in missing[0].message


def test_a_pep_without_provenance_counts_every_field_as_read() -> None:
    findings = _findings("care-info-complete", {"social_worker": {"phone": None, "email": None}})
    assert [f.unclear for f in findings] == [False]


def test_word_forms_share_a_stem() -> None:
    assert stem("calmer") == stem("calm")
    assert stem("organising") == stem("organisation")
    assert stem("lunchtimes") == stem("lunchtime")
    assert stem("reading") != stem("ready")


def test_the_thesaurus_is_narrow_where_it_should_be() -> None:
    thesaurus = builtin_thesaurus()
    assert thesaurus.addresses({"nerve"}, {"worry", "exam"})
    assert thesaurus.addresses({"friendship"}, {"join", "club"})
    assert not thesaurus.addresses({"lunchtime"}, {"join", "club"})
    assert not thesaurus.addresses({"lunchtime"}, {"fraction", "group"})
    extended = thesaurus.extended({"related": {"lunchtime": ["club"]}})
    assert extended.addresses({"lunchtime"}, {"club"})
    assert not thesaurus.addresses({"lunchtime"}, {"club"})  # the built-in one is unchanged


def test_attendee_marks() -> None:
    assert attendee_attended(Attendee(name="Priya Kaur ✗", attended=True)) is False
    assert attendee_attended(Attendee(name="Priya", role="SW ☐ Yes ☒ No", attended=True)) is False
    assert attendee_attended(Attendee(name="Priya", role="SW ☒ Yes ☐ No", attended=None)) is True
    assert attendee_attended(Attendee(name="Priya", attended=False)) is False
    assert attendee_attended(Attendee(name="Priya", attended=None)) is None


def test_long_runs_of_spaces_split_into_clauses_without_backtracking() -> None:
    sentence = (
        "An area to develop is"
        + " " * 50_000
        + "your spelling, and you are not yet making progress"
    )
    assert _clauses(sentence) == [
        "An area to develop is your spelling",
        "you are not yet making progress",
    ]


def test_a_sen_need_whose_category_the_layout_lacks_is_unclear_not_unaddressed() -> None:
    # SEN support is read but its area of need is not in this layout: nothing says which
    # words a target would need, so no target can be judged to miss it.
    needs = {"has_needs": True, "sen_status": "sen_support", "category": None}
    found = {"additional_needs.sen_status": {"state": "found"}, "targets": {"state": "found"}}
    findings = _findings("targets-address-needs", {"additional_needs": needs, "provenance": found})
    sen = [f for f in findings if f.location and "additional needs" in f.location]
    assert sen and all(f.unclear for f in sen)
    assert sen[0].not_found == ["additional_needs.category"]


def test_a_sen_need_whose_category_is_empty_is_still_unaddressed() -> None:
    needs = {"has_needs": True, "sen_status": "sen_support", "category": None}
    read = {
        "additional_needs.sen_status": {"state": "found"},
        "additional_needs.category": {"state": "empty"},
        "targets": {"state": "found"},
    }
    findings = _findings("targets-address-needs", {"additional_needs": needs, "provenance": read})
    sen = [f for f in findings if f.location and "additional needs" in f.location]
    assert sen and not any(f.unclear for f in sen)
