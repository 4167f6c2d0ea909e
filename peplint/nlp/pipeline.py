"""Building the spaCy pipeline once per process.

A blank English pipeline with a sentencizer and the rule-based lemmatizer, plus
Matchers built from `patterns`. If a trained English model happens to be
installed (``PEPLINT_SPACY_MODEL``), it is used for tokenisation and sentences;
it is never required and never downloaded.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

from peplint.nlp import patterns
from peplint.nlp.lemmas import register_component
from peplint.nlp.spacy_quick import Language, Matcher, spacy


@dataclass(frozen=True)
class Pipeline:
    """The loaded pipeline and its matchers."""

    nlp: Language
    deadline: Matcher
    non_deadline: Matcher
    measure: Matcher
    actor: Matcher
    action: Matcher


def _load_language() -> Language:
    model = os.environ.get("PEPLINT_SPACY_MODEL")
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer"])
        except OSError:
            nlp = spacy.blank("en")
    else:
        nlp = spacy.blank("en")
    if (
        not nlp.has_pipe("sentencizer")
        and not nlp.has_pipe("parser")
        and not nlp.has_pipe("senter")
    ):
        nlp.add_pipe("sentencizer")
    nlp.add_pipe(register_component())
    return nlp


def _matcher(nlp: Language, groups: dict[str, list[patterns.Pattern]]) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for label, pats in groups.items():
        matcher.add(label, pats)
    return matcher


@functools.cache
def get_pipeline() -> Pipeline:
    """The process-wide pipeline (built on first use)."""
    nlp = _load_language()
    return Pipeline(
        nlp=nlp,
        deadline=_matcher(nlp, patterns.DEADLINE),
        non_deadline=_matcher(nlp, {"NON_DEADLINE": patterns.NON_DEADLINE}),
        measure=_matcher(nlp, patterns.MEASURE),
        actor=_matcher(nlp, patterns.ACTOR),
        action=_matcher(nlp, {"ACTION": patterns.ACTION}),
    )
