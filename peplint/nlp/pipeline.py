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
from typing import TYPE_CHECKING

from peplint.nlp import patterns
from peplint.nlp.lemmas import register_component
from peplint.nlp.spacy_quick import Language, Matcher, spacy

if TYPE_CHECKING:
    from spacy.tokens import Doc

GROUPS = ("deadline", "non_deadline", "measure", "actor", "action")


@dataclass(frozen=True)
class Pipeline:
    """The loaded pipeline and one Matcher holding every group's patterns, each label
    keyed by its group (one pass over a doc instead of one per group)."""

    nlp: Language
    matcher: Matcher
    group_of: dict[int, tuple[str, str]]  # match id: (group, label)

    def spans(self, doc: Doc) -> dict[str, list[tuple[int, int, str]]]:
        """Each group's matches in `doc` as (start, end, label), in the order the group's
        own Matcher would give them (a Matcher's states advance independently, so other
        patterns in the same Matcher do not reorder a group's matches)."""
        found: dict[str, list[tuple[int, int, str]]] = {group: [] for group in GROUPS}
        group_of = self.group_of
        for key, start, end in self.matcher(doc):
            group, label = group_of[key]
            found[group].append((start, end, label))
        return found


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


def _matcher(
    nlp: Language, groups: dict[str, dict[str, list[patterns.Pattern]]]
) -> tuple[Matcher, dict[int, tuple[str, str]]]:
    matcher = Matcher(nlp.vocab)
    group_of: dict[int, tuple[str, str]] = {}
    for group, labels in groups.items():
        for label, pats in labels.items():
            key = f"{group}:{label}"
            matcher.add(key, pats)
            group_of[nlp.vocab.strings[key]] = (group, label)
    return matcher, group_of


@functools.cache
def get_pipeline() -> Pipeline:
    """The process-wide pipeline (built on first use)."""
    nlp = _load_language()
    matcher, group_of = _matcher(
        nlp,
        {
            "deadline": patterns.DEADLINE,
            "non_deadline": {"NON_DEADLINE": patterns.NON_DEADLINE},
            "measure": patterns.MEASURE,
            "actor": patterns.ACTOR,
            "action": {"ACTION": patterns.ACTION},
        },
    )
    return Pipeline(nlp=nlp, matcher=matcher, group_of=group_of)
