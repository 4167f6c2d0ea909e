"""Classifying a heading to a canonical section key by its words, with a score.

Profile aliases name a template's own headings exactly; a heading they do not know is
classified here, from the keyword table ``peplint/data/sections.yaml``. The engine is
generic: a key matches when one of its `words` occurs in the heading, loses when one of
its `not` words does, and scores the share of the heading's words that its words cover.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from peplint import yaml_load
from peplint.extract.words import lemmas
from peplint.model.pep import SECTION_KEYS

MIN_SCORE = 0.34  # below this, a heading is too vague to open a section


@dataclass(frozen=True)
class SectionWords:
    """One section key's keyword entry, as lemma tuples."""

    key: str
    phrases: tuple[str, ...]  # the `words` entries as written in the data file
    words: tuple[tuple[str, ...], ...]
    also: tuple[tuple[str, ...], ...]
    requires: tuple[tuple[str, ...], ...]
    not_words: tuple[tuple[str, ...], ...]


def _phrases(raw: list[str] | None) -> tuple[tuple[str, ...], ...]:
    out = []
    for phrase in raw or []:
        words = lemmas(str(phrase))
        if words:
            out.append(words)
    return tuple(out)


@lru_cache(maxsize=1)
def section_words() -> tuple[SectionWords, ...]:
    """The keyword entries of ``sections.yaml``, one per section key, in file order."""
    text = resources.files("peplint.data").joinpath("sections.yaml").read_text("utf-8")
    raw = yaml_load.safe_load(text)
    unknown = sorted(set(raw) - set(SECTION_KEYS))
    if unknown:
        raise ValueError(f"sections.yaml: unknown section key(s): {', '.join(unknown)}")
    return tuple(
        SectionWords(
            key=key,
            phrases=tuple(str(p) for p in entry.get("words") or []),
            words=_phrases(entry.get("words")),
            also=_phrases(entry.get("also")),
            requires=_phrases(entry.get("requires")),
            not_words=_phrases(entry.get("not")),
        )
        for key, entry in raw.items()
    )


def _find(phrase: tuple[str, ...], words: tuple[str, ...]) -> range | None:
    """Where `phrase` first occurs in `words` (found by its first word: most keys miss)."""
    n = len(phrase)
    first, last = phrase[0], len(words) - n
    start = 0
    while start <= last:
        try:
            start = words.index(first, start, last + 1)
        except ValueError:
            return None
        if n == 1 or words[start : start + n] == phrase:
            return range(start, start + n)
        start += 1
    return None


def _cover(
    phrases: tuple[tuple[str, ...], ...], words: tuple[str, ...], present: frozenset[str]
) -> set[int]:
    """The positions of `words` that `phrases` cover (`present`: the set of `words`)."""
    covered: set[int] = set()
    for phrase in phrases:
        if phrase[0] not in present:
            continue  # most keys' words are not in a given heading
        span = _find(phrase, words)
        if span is not None:
            covered.update(span)
    return covered


@dataclass(frozen=True)
class Classification:
    """A heading's section key by its words, and how well the words fit (0..1)."""

    key: str
    score: float


def classify_heading(heading: str) -> Classification | None:
    """The section key whose words best cover `heading`, or `None` when none fits."""
    words = lemmas(heading)
    if not words:
        return None
    present = frozenset(words)
    best: Classification | None = None
    for entry in section_words():
        core = _cover(entry.words, words, present)
        if not core or _cover(entry.not_words, words, present):
            continue
        if entry.requires and not _cover(entry.requires, words, present):
            continue
        covered = core | _cover(entry.also, words, present)
        score = round(len(covered) / len(words), 3)
        if score >= MIN_SCORE and (best is None or score > best.score):
            best = Classification(entry.key, score)
    return best
