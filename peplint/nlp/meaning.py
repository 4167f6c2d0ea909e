"""Relating a need's words to a target's: word stems plus a synonym thesaurus kept as data.

`stem` folds word forms together ("calmer" and "calm", "organising" and
"organisation"); `Thesaurus` holds the synonym groups (either way round) and the
one-way related words of ``peplint/data/synonyms.yaml``, which a pack extends
through the `synonyms` parameter of targets-address-needs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from peplint import yaml_load

# (suffix, replacement), longest first; a stem keeps at least four letters.
_SUFFIXES = (
    ("isation", "is"),
    ("ization", "is"),
    ("ically", ""),
    ("ation", ""),
    ("ness", ""),
    ("ment", ""),
    ("ised", "is"),
    ("ized", "is"),
    ("ise", "is"),
    ("ize", "is"),
    ("ous", ""),
    ("ity", ""),
    ("ing", ""),
    ("est", ""),
    ("ly", ""),
    ("er", ""),
    ("ed", ""),
    ("e", ""),
)


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """A matching key for one word: its lemma with common derivational endings removed."""
    from peplint.nlp.lemmas import lemma  # spaCy is imported on first use only

    w = lemma(word.lower().strip("'’"))
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + replacement
    return w


@dataclass
class Thesaurus:
    """Synonym groups (stems that mean the same) and one-way related stems."""

    groups: list[frozenset[str]] = field(default_factory=list)
    related: dict[str, set[str]] = field(default_factory=dict)

    def extended(self, data: Mapping[str, Any] | None) -> Thesaurus:
        """A copy with the groups and related words of `data` (the YAML shape) added."""
        out = Thesaurus(list(self.groups), {k: set(v) for k, v in self.related.items()})
        if not data:
            return out
        for group in data.get("groups") or []:
            out.groups.append(frozenset(stem(str(w)) for w in group))
        for word, words in (data.get("related") or {}).items():
            out.related.setdefault(stem(str(word)), set()).update(stem(str(w)) for w in words)
        return out

    def same(self, stems: Iterable[str]) -> set[str]:
        """The stems plus every stem sharing a group with one of them."""
        out = set(stems)
        for group in self.groups:
            if out & group:
                out |= group
        return out

    def addressing(self, stems: Iterable[str]) -> set[str]:
        """The stems a target may use to address a need with these stems."""
        same = self.same(stems)
        out = set(same)
        for key in same:
            out |= self.related.get(key, set())
        return out

    def addresses(self, need_words: Iterable[str], target_words: Iterable[str]) -> set[str]:
        """The target stems that address the need (empty when none does)."""
        wanted = self.addressing(stem(w) for w in need_words)
        offered = self.same(stem(w) for w in target_words)
        return wanted & offered


@functools.cache
def builtin_thesaurus() -> Thesaurus:
    """The thesaurus of ``peplint/data/synonyms.yaml``."""
    text = resources.files("peplint.data").joinpath("synonyms.yaml").read_text(encoding="utf-8")
    return Thesaurus().extended(yaml_load.safe_load(text))
