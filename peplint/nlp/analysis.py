"""What the text rules need to know about a piece of text.

`analyse_many` runs texts through the pipeline in one `nlp.pipe` batch and
caches the results, so each text is processed once however many rules ask; what
the Matcher finds is found only for the texts a rule asks it of (`matched`).
List items and table-cell lines are split before spaCy sees them, since the
sentencizer would join them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peplint.nlp import matched, patterns
from peplint.nlp.matched import Matched

if TYPE_CHECKING:  # spaCy is imported on first use only, so start-up stays light
    from spacy.tokens import Doc

_CACHE: dict[str, TextFacts] = {}
_CACHE_LIMIT = 20_000
# Longer texts are analysed on their first part only: no PEP field needs more, and
# spaCy's cost and memory grow with length (a hostile file can hold millions of characters).
MAX_ANALYSIS_CHARS = 100_000
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,})[\"“”]")


@dataclass
class TextFacts:
    """Facts about one text. What the Matcher finds (deadlines, non-deadlines, measures,
    actors, actions, aims) is found on first use (`peplint.nlp.matched`)."""

    text: str
    sentences: list[str] = field(default_factory=list)
    lemmas: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    first_person: int = 0
    second_person: int = 0
    third_person: int = 0
    capitalised: list[str] = field(default_factory=list)  # title-case words not starting a sentence
    _matched: Matched | None = field(default=None, repr=False, compare=False)

    def _match(self) -> Matched:
        if self._matched is None:
            from peplint.nlp.pipeline import get_pipeline

            self._matched = matched.find(get_pipeline().nlp(prepared(self.text)))
        return self._matched

    @property
    def deadlines(self) -> list[str]:
        """Dates, terms and other real deadlines the text names, in order."""
        return self._match().deadlines

    @property
    def non_deadlines(self) -> list[str]:
        """Words that stand in for a deadline without being one ("ongoing", "as needed")."""
        return self._match().non_deadlines

    @property
    def measures(self) -> list[str]:
        """Numbers, percentages, grades and frequencies the text measures by."""
        return self._match().measures

    @property
    def actors(self) -> list[str]:
        """Who the text says will act ("you", "Mrs Patel", "the tutor")."""
        return self._match().actors

    @property
    def actions(self) -> list[str]:
        """Concrete actions the text asks for: "will read", "Complete"."""
        return self._match().actions

    @property
    def aims(self) -> list[str]:
        """Vague aims the text asks for: "improve", "be more"."""
        return self._match().aims

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


def prepared(text: str) -> str:
    """The text as the pipeline is given it: its first part, list items split."""
    return split_items(text[:MAX_ANALYSIS_CHARS])


def _facts(text: str, doc: Doc) -> TextFacts:
    facts = TextFacts(text=text)
    facts.sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
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


def analyse_many(texts: Iterable[str]) -> list[TextFacts]:
    """Facts for each text, processing the uncached ones in one batch."""
    items = list(texts)
    todo = list(dict.fromkeys(t for t in items if t not in _CACHE))
    if todo:
        from peplint.nlp.pipeline import get_pipeline

        pipe = get_pipeline()
        if len(_CACHE) + len(todo) > _CACHE_LIMIT:
            _CACHE.clear()
        for text, doc in zip(todo, pipe.nlp.pipe(map(prepared, todo)), strict=True):
            _CACHE[text] = _facts(text, doc)
    return [_CACHE[t] for t in items]


def analyse(text: str | None) -> TextFacts:
    """Facts for one text (empty facts for `None`)."""
    return analyse_many([text or ""])[0]


def without_quotations(text: str) -> str:
    """The text with quoted passages (a child's own words) removed."""
    return _QUOTE.sub(" ", text)
