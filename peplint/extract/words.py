"""Words of a label or heading, reduced for matching: tokens and lemmas.

The tables (stop words, abbreviations, one-meaning phrases, irregular lemmas) are data in
``peplint/data/words.yaml``; this module only applies them. Both the heading classifier
and the field catalogue read text through `lemmas`, so they agree on what a word is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from peplint import yaml_load


@dataclass(frozen=True)
class WordTables:
    """The word tables of ``words.yaml``."""

    stop_words: frozenset[str]
    abbreviations: dict[str, str]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    lemmas: dict[str, str]


@lru_cache(maxsize=1)
def tables() -> WordTables:
    """The shared word tables, read once."""
    raw = yaml_load.safe_load(
        resources.files("peplint.data").joinpath("words.yaml").read_text("utf-8")
    )
    phrases = sorted(raw.get("phrases", {}).items(), key=lambda kv: -len(kv[0]))
    return WordTables(
        stop_words=frozenset(str(w) for w in raw.get("stop_words", [])),
        abbreviations={str(k): str(v) for k, v in raw.get("abbreviations", {}).items()},
        phrases=tuple((re.compile(rf"\b{re.escape(k)}\b"), v) for k, v in phrases),
        lemmas={str(k): str(v) for k, v in raw.get("lemmas", {}).items()},
    )


def lemma(word: str) -> str:
    """A word's lemma: the irregular table first, then regular plural rules."""
    table = tables().lemmas
    if word in table:
        return table[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=8192)
def lemmas(text: str) -> tuple[str, ...]:
    """The meaningful words of `text`, lower-cased, abbreviations expanded, one-meaning
    phrases rewritten, stop words dropped (unless there is nothing else) and each word
    reduced to its lemma."""
    t = text.lower().replace("&", " and ").replace("’", "'").replace("‘", "'")
    t = re.sub(r"'s\b|s'(?=\s|$)", "", t)
    t = re.sub(r"[^a-z0-9.\-]+", " ", t)
    words = tables()
    out: list[str] = []
    for raw in t.split():
        raw = raw.strip(".-")
        if not raw:
            continue
        out.extend(words.abbreviations.get(raw, raw.replace("-", " ").replace(".", " ")).split())
    joined = " ".join(out)
    for pattern, replacement in words.phrases:
        joined = pattern.sub(replacement, joined)
    kept = [w for w in joined.split() if not w.isdigit()]
    meaningful = [w for w in kept if w not in words.stop_words]
    # a label made only of stop words ("What I will do") keeps them, so it can still match
    return tuple(lemma(w) for w in (meaningful or kept))
