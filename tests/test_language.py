"""The language layer on realistic sentences, with no trained model installed."""

from __future__ import annotations

import pytest

from peplint.nlp import analyse, analyse_many
from peplint.nlp.pipeline import get_pipeline


def test_pipeline_is_blank_english_with_rule_components() -> None:
    nlp = get_pipeline().nlp
    assert nlp.lang == "en"
    assert {"sentencizer", "peplint_lemmatizer"} <= set(nlp.pipe_names)
    assert get_pipeline() is get_pipeline()  # loaded once per process


@pytest.mark.parametrize(
    "text",
    [
        "By 13 February 2027",
        "14/10/2026",
        "By the end of Spring term 2027",
        "by Easter",
        "Before the next PEP",
        "end of this term",
        "within 6 weeks",
        "by July",
        "Autumn 2026",
        "by the end of Year 11",
    ],
)
def test_deadlines(text: str) -> None:
    assert analyse(text).has_deadline


@pytest.mark.parametrize(
    "text", ["Ongoing", "Regularly", "As required", "When possible", "throughout the year"]
)
def test_non_deadlines(text: str) -> None:
    facts = analyse(text)
    assert not facts.has_deadline
    assert facts.non_deadlines


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("You will score at least 6 out of 10 on each quiz.", True),
        ("You will read for 20 minutes twice a week.", True),
        ("Attend 95% of lessons.", True),
        ("You will reach grade 5 in maths.", True),
        ("You will attend homework club every Tuesday.", True),
        (
            "Jamie will improve his confidence in Psychology by 13 February 2027.",
            False,
        ),  # a date is not a measure
        ("Read more by Easter 2027.", False),
        ("Aaliyah to work harder in lessons.", False),
    ],
)
def test_measures(text: str, measured: bool) -> None:
    assert bool(analyse(text).measures) is measured


def test_actors() -> None:
    assert analyse("You will meet Mrs Patel every week.").actors == ["You", "Mrs Patel"]
    assert "tutor" in analyse("Your tutor will check your planner.").actors


def test_person_counts() -> None:
    third = analyse(
        "Jamie has settled well. His strengths are his essays; you can see he works hard."
    )
    assert third.third_person == 3 and third.second_person == 1
    assert analyse("I like art and my teacher helps me.").first_person == 3


def test_list_items_are_not_joined_into_one_sentence() -> None:
    facts = analyse("Maths - fractions\nEnglish - spelling\nScience")
    assert len(facts.sentences) == 3


def test_lemmas_relate_forms() -> None:
    assert {"friendship", "worry", "attend"} <= analyse("friendships worries attended").lemmas


def test_batches_are_cached() -> None:
    first = analyse_many(["One text here.", "Another text."])
    assert analyse_many(["One text here."])[0] is first[0]


GROUP_TEXTS = [
    "By the end of spring term 2027 Mrs Ward will read with him 3 times a week, ongoing.",
    "He will improve his reading age by 12 months; she to attend 95% of sessions by Easter.",
    "You will complete grade 5 work before the next half term. As required, we can help.",
    "Tyler will be on time 4 days in 5. Mr. Patel to check in weekly by July, on going.",
]


@pytest.mark.parametrize("text", GROUP_TEXTS)
def test_one_matcher_gives_each_group_its_own_matches(text: str) -> None:
    """The pipeline's single Matcher yields, per group, what that group's patterns alone
    would match, in the same order."""
    from spacy.matcher import Matcher

    from peplint.nlp import patterns

    pipe = get_pipeline()
    doc = pipe.nlp(text)
    groups = {
        "deadline": patterns.DEADLINE,
        "non_deadline": {"NON_DEADLINE": patterns.NON_DEADLINE},
        "measure": patterns.MEASURE,
        "actor": patterns.ACTOR,
        "action": {"ACTION": patterns.ACTION},
    }
    found = pipe.spans(doc)
    assert set(found) == set(groups)
    for group, labels in groups.items():
        alone = Matcher(pipe.nlp.vocab)
        for label, pats in labels.items():
            alone.add(label, pats)
        expected = [(s, e, doc.vocab.strings[k]) for k, s, e in alone(doc)]
        assert found[group] == expected
    assert found["deadline"] and found["measure"] and found["actor"] and found["action"]


def test_the_matcher_runs_only_for_the_texts_asked_what_it_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Words and sentences come from the one pass; deadlines, measures, actors and
    actions are found the first time any of them is asked for, and then kept."""
    from peplint.nlp import analysis, matched

    calls: list[str] = []
    find = matched.find

    def counted(doc: object) -> matched.Matched:
        calls.append(str(doc))
        return find(doc)  # type: ignore[arg-type]

    monkeypatch.setattr(matched, "find", counted)
    text = "Ms Okafor will read with Jaden for 20 minutes 3 times a week by July 2027."
    analysis._CACHE.pop(text, None)
    facts = analyse(text)
    assert "jaden" in facts.words and len(facts.sentences) == 1
    assert not calls
    assert facts.has_deadline and "July 2027" in " ".join(facts.deadlines)
    assert facts.measures and facts.actors and facts.actions
    assert len(calls) == 1
