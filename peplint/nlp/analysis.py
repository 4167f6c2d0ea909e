"""What the text rules need to know about a piece of text.

`analyse_many` runs texts through the pipeline in one `nlp.pipe` batch and
caches the results, so each text is processed once however many rules ask.
List items and table-cell lines are split before spaCy sees them, since the
sentencizer would join them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peplint.extract.values import DATE_PATTERN
from peplint.nlp import patterns

if TYPE_CHECKING:  # spaCy is imported on first use only, so start-up stays light
    from spacy.tokens import Doc, Span, Token

_CACHE: dict[str, TextFacts] = {}
_CACHE_LIMIT = 20_000
# Longer texts are analysed on their first part only: no PEP field needs more, and
# spaCy's cost and memory grow with length (a hostile file can hold millions of characters).
MAX_ANALYSIS_CHARS = 100_000
_YEAR_GROUP_WORDS = {"year", "yr", "y", "ks", "stage", "nc"}
_NOT_MEASURE_BEFORE = {"in", "at", "across", "for", "with"}
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")


@dataclass
class TextFacts:
    """Facts about one text."""

    text: str
    sentences: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    non_deadlines: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    lemmas: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    first_person: int = 0
    second_person: int = 0
    third_person: int = 0
    capitalised: list[str] = field(default_factory=list)  # title-case words not starting a sentence
    actions: list[str] = field(default_factory=list)  # concrete actions: "will read", "Complete"
    aims: list[str] = field(default_factory=list)  # vague aims: "improve", "be more"

    @property
    def has_deadline(self) -> bool:
        """A date, term or other real deadline is named."""
        return bool(self.deadlines)

    @property
    def word_count(self) -> int:
        """How many words the text has."""
        return len(self.words)

    def mentions(self, name: str | None) -> int:
        """How many times a (first) name appears as a word."""
        if not name:
            return 0
        target = name.lower()
        return sum(1 for w in self.words if w == target or w == target + "'s")


def split_items(text: str) -> str:
    """Put list items and cell lines on their own sentences before the sentencizer joins them."""
    lines = [ln.strip(" \t•-–*") for ln in text.splitlines()]
    return " ".join(
        ln if ln.endswith((".", "!", "?", ":", ";")) else ln + "." for ln in lines if ln
    )


def _facts(text: str, doc: Doc) -> TextFacts:
    from peplint.nlp.pipeline import get_pipeline

    pipe = get_pipeline()
    spans = pipe.spans(doc)
    facts = TextFacts(text=text)
    facts.sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    date_chars: set[int] = set()
    for m in DATE_PATTERN.finditer(doc.text):
        date_chars.update(range(m.start(), m.end()))
        facts.deadlines.append(m.group(0))
    deadline_tokens: set[int] = {t.i for t in doc if t.idx in date_chars}
    for start, end, _ in spans["deadline"]:
        facts.deadlines.append(doc[start:end].text)
        deadline_tokens.update(range(start, end))
    facts.non_deadlines = [doc[s:e].text for s, e, _ in spans["non_deadline"]]
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
            facts.measures.append(doc[start:end].text)
    facts.actors = [doc[s:e].text for s, e, _ in spans["actor"]]
    _actions(doc, spans["action"], facts)
    sentence_starts = {s.start for s in doc.sents}
    for token in doc:
        lower = token.lower_
        if token.is_alpha or "'" in token.text:
            facts.words.append(lower)
            facts.lemmas.add(token.lemma_ or lower)
        if lower in patterns.FIRST_PERSON:
            facts.first_person += 1
        elif lower in patterns.SECOND_PERSON:
            facts.second_person += 1
        elif lower in patterns.THIRD_PERSON:
            facts.third_person += 1
        if token.is_title and token.i not in sentence_starts and token.is_alpha:
            facts.capitalised.append(token.text)
    return facts


def _actions(doc: Doc, found: list[tuple[int, int, str]], facts: TextFacts) -> None:
    """Sort the verbs a target asks for (the action patterns' matches `found`) into
    concrete actions and vague aims."""
    seen: set[int] = set()
    for start, end, _ in sorted(found):
        verb = doc[end - 1]
        if verb.i in seen or (doc[start].lower_ == "to" and verb.lower_.endswith("ing")):
            continue  # "attitude to learning": a noun, not an infinitive
        seen.add(verb.i)
        (facts.aims if verb.lemma_ in patterns.VAGUE_AIMS else facts.actions).append(
            doc[start:end].text
        )
    for sent in doc.sents:
        for first in _openings(sent):
            if first.i in seen:
                continue
            lower = first.lower_
            if lower in patterns.ACTION_START or first.lemma_ in patterns.ACTION_START:
                facts.actions.append(first.text)
            elif first.lemma_ in patterns.VAGUE_AIMS or lower in patterns.VAGUE_AIMS:
                facts.aims.append(first.text)


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


def analyse_many(texts: Iterable[str]) -> list[TextFacts]:
    """Facts for each text, processing the uncached ones in one batch."""
    items = list(texts)
    todo = list(dict.fromkeys(t for t in items if t not in _CACHE))
    if todo:
        from peplint.nlp.pipeline import get_pipeline

        pipe = get_pipeline()
        if len(_CACHE) + len(todo) > _CACHE_LIMIT:
            _CACHE.clear()
        prepared = (split_items(t[:MAX_ANALYSIS_CHARS]) for t in todo)
        for text, doc in zip(todo, pipe.nlp.pipe(prepared), strict=True):
            _CACHE[text] = _facts(text, doc)
    return [_CACHE[t] for t in items]


def analyse(text: str | None) -> TextFacts:
    """Facts for one text (empty facts for `None`)."""
    return analyse_many([text or ""])[0]


def without_quotations(text: str) -> str:
    """The text with quoted passages (a child's own words) removed."""
    return _QUOTE.sub(" ", text)
