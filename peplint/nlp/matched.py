"""What the Matcher finds in a text: its deadlines and non-deadlines, its measures and
actors, and the actions and vague aims a target asks for.

Most texts a lint analyses are asked only for their words, lemmas and sentences, and
the Matcher costs several times the tokeniser per token, so `analysis.TextFacts` finds
these on first use, from the text run through the pipeline again (the first doc is not
kept: a cached doc per text would hold memory for every text analysed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peplint.extract.values import DATE_PATTERN
from peplint.nlp import patterns

if TYPE_CHECKING:  # spaCy is imported on first use only, so start-up stays light
    from spacy.tokens import Doc, Span, Token

_YEAR_GROUP_WORDS = {"year", "yr", "y", "ks", "stage", "nc"}
_NOT_MEASURE_BEFORE = {"in", "at", "across", "for", "with"}


@dataclass
class Matched:
    """The Matcher's facts about one text."""

    deadlines: list[str] = field(default_factory=list)
    non_deadlines: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)  # concrete actions: "will read", "Complete"
    aims: list[str] = field(default_factory=list)  # vague aims: "improve", "be more"


def find(doc: Doc) -> Matched:
    """The Matcher's facts about the text of `doc`."""
    from peplint.nlp.pipeline import get_pipeline

    spans = get_pipeline().spans(doc)
    found = Matched()
    date_chars: set[int] = set()
    for m in DATE_PATTERN.finditer(doc.text):
        date_chars.update(range(m.start(), m.end()))
        found.deadlines.append(m.group(0))
    deadline_tokens: set[int] = {t.i for t in doc if t.idx in date_chars}
    for start, end, _ in spans["deadline"]:
        found.deadlines.append(doc[start:end].text)
        deadline_tokens.update(range(start, end))
    found.non_deadlines = [doc[s:e].text for s, e, _ in spans["non_deadline"]]
    for start, end, _ in spans["measure"]:
        span = doc[start:end]
        is_year = len(span) == 1 and re.fullmatch(r"(19|20)\d\d", span.text) is not None
        if (
            span.text.lower() == "all"
            and start > 0
            and doc[start - 1].lower_ in _NOT_MEASURE_BEFORE
            and not (start > 1 and doc[start - 2].lower_ in {"hand", "handed", "join", "joined"})
        ):
            continue  # "in all subjects" names a scope, not a measure
        if start > 0 and doc[start - 1].lower_ in _YEAR_GROUP_WORDS:
            continue  # "Year 7" names a year group, not a measure
        if not is_year and not any(i in deadline_tokens for i in range(start, end)):
            found.measures.append(doc[start:end].text)
    found.actors = [doc[s:e].text for s, e, _ in spans["actor"]]
    _actions(doc, spans["action"], found)
    return found


def _actions(doc: Doc, matches: list[tuple[int, int, str]], found: Matched) -> None:
    """Sort the verbs a target asks for (the action patterns' `matches`) into concrete
    actions and vague aims."""
    seen: set[int] = set()
    for start, end, _ in sorted(matches):
        verb = doc[end - 1]
        if verb.i in seen or (doc[start].lower_ == "to" and verb.lower_.endswith("ing")):
            continue  # "attitude to learning": a noun, not an infinitive
        seen.add(verb.i)
        (found.aims if verb.lemma_ in patterns.VAGUE_AIMS else found.actions).append(
            doc[start:end].text
        )
    for sent in doc.sents:
        for first in _openings(sent):
            if first.i in seen:
                continue
            lower = first.lower_
            if lower in patterns.ACTION_START or first.lemma_ in patterns.ACTION_START:
                found.actions.append(first.text)
            elif first.lemma_ in patterns.VAGUE_AIMS or lower in patterns.VAGUE_AIMS:
                found.aims.append(first.text)


def _openings(sent: Span) -> list[Token]:
    """The word a sentence starts with, and the word after a short heading ("Reading - read daily")."""
    words = [t for t in sent if t.is_alpha]
    out = words[:1]
    for token in list(sent)[:4]:
        if (
            token.text in {"-", "–", ":"}
            and token.i + 1 < sent.end
            and sent.doc[token.i + 1].is_alpha
        ):
            out.append(sent.doc[token.i + 1])
    return out
