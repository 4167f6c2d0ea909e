"""A small rule-based English lemmatizer, so lemmas work with no trained model.

It handles the regular inflections PEP text uses (plurals, -ing, -ed, -ies)
and a table of irregular forms. Enough for matching targets to needs by lemma;
not a general-purpose lemmatizer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline only, so word lemmas stay light
    from spacy.tokens import Doc

IRREGULAR = {
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "been": "be",
    "being": "be",
    "has": "have",
    "had": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "went": "go",
    "gone": "go",
    "children": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
    "feet": "foot",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "felt": "feel",
    "found": "find",
    "made": "make",
    "took": "take",
    "taken": "take",
    "got": "get",
    "gave": "give",
    "given": "give",
    "wrote": "write",
    "written": "write",
    "read": "read",
    "met": "meet",
    "left": "leave",
    "said": "say",
    "thought": "think",
    "taught": "teach",
    "brought": "bring",
    "sat": "sit",
    "kept": "keep",
    "friendships": "friendship",
    "anxieties": "anxiety",
    "worries": "worry",
    "maths": "maths",
    "english": "english",
    "analysis": "analysis",
    "this": "this",
    "his": "his",
    "as": "as",
    "us": "us",
}
_KEEP_S = ("ss", "us", "is", "ics")
_KEEP_ING = {
    "ongoing",
    "spring",
    "string",
    "during",
    "morning",
    "evening",
    "nothing",
    "something",
    "anything",
    "everything",
    "building",
    "meeting",
    "reading",
    "writing",
    "feeling",
    "wellbeing",
    "being",
    "thing",
    "king",
    "bring",
    "sibling",
    "earring",
    "ring",
    "sing",
    "wing",
    "swing",
}


def lemma(word: str) -> str:
    """The lemma of one lower-cased word."""
    w = word.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_KEEP_S):
        return w[:-1]
    if (
        w.endswith("ing")
        and len(w) > 5
        and any(c in "aeiouy" for c in w[:-3])
        and w not in _KEEP_ING
    ):
        stem = w[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]  # running -> run
        return (
            stem + "e"
            if stem.endswith(("at", "iv", "ur", "id", "ag", "ak", "ok", "is", "ap"))
            else stem
        )
    if w.endswith("ied"):
        return w[:-3] + "y"
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]
        return (
            stem + "e"
            if stem.endswith(
                (
                    "at",
                    "iv",
                    "ur",
                    "id",
                    "ag",
                    "ak",
                    "ok",
                    "us",
                    "ov",
                    "ac",
                    "ir",
                    "or",
                    "ar",
                    "ag",
                    "ng",
                    "uc",
                )
            )
            else stem
        )
    return w


def lemmatizer_component(doc: Doc) -> Doc:
    """Set `token.lemma_` for every token from `lemma`."""
    for token in doc:
        token.lemma_ = lemma(token.text)
    return doc


def register_component() -> str:
    """Register the lemmatizer as a spaCy component (once); returns its name."""
    from spacy.language import Language

    name = "peplint_lemmatizer"
    if not Language.has_factory(name):
        Language.component(name, func=lemmatizer_component)
    return name
