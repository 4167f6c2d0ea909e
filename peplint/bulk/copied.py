"""Copied text across PEPs: targets or paragraphs repeated near-verbatim in different
children's PEPs (generic targets are a known quality problem).

Texts are normalised (lower case, the child's own names removed) and compared by
word 4-gram shingles; a pair is reported when its Jaccard similarity reaches the
threshold. An inverted index of shingles keeps the comparison near linear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from peplint.report import FileReport

MIN_WORDS = 8
SHINGLE = 4


@dataclass(frozen=True)
class Passage:
    """A piece of writing in one PEP."""

    file: str
    report: str
    where: str
    text: str


@dataclass
class CopiedGroup:
    """Near-identical passages found in different children's PEPs."""

    text: str
    passages: list[Passage]


def _passages(relative: str, report_key: str, entry: FileReport) -> list[Passage]:
    pep = entry.pep
    if pep is None:
        return []
    out = [
        Passage(relative, report_key, f"target {i}", t.text)
        for i, t in enumerate(pep.targets, start=1)
    ]
    for label, text in (
        ("attainment overview", pep.attainment.overview),
        ("aspirations", pep.aspirations),
        ("summary of discussion", pep.meeting.discussion),
    ):
        if text:
            out.append(Passage(relative, report_key, label, text))
    out += [
        Passage(relative, report_key, f"{s.subject} intervention", s.intervention)
        for s in pep.attainment.subjects
        if s.intervention
    ]
    return out


def _normal(text: str, names: list[str]) -> list[str]:
    lowered = text.lower()
    for name in names:
        lowered = re.sub(rf"\b{re.escape(name.lower())}\b", " ", lowered)
    return re.findall(r"[a-z0-9']+", lowered)


def find_copied(
    items: list[tuple[str, str, FileReport]], threshold: float = 0.8
) -> list[CopiedGroup]:
    """Groups of near-identical passages from different children's PEPs."""
    passages: list[Passage] = []
    shingles: list[set[tuple[str, ...]]] = []
    owner: list[str] = []
    for relative, key, entry in items:
        names = [
            part
            for part in ((entry.pep.child.name or "").split() if entry.pep else [])
            if len(part) > 1
        ]
        child = (entry.pep.child.name or relative) if entry.pep else relative
        for passage in _passages(relative, key, entry):
            words = _normal(passage.text, names)
            if len(words) < MIN_WORDS:
                continue
            passages.append(passage)
            shingles.append(
                {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
            )
            owner.append(child.lower())
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, grams in enumerate(shingles):
        for gram in grams:
            index[gram].append(number)
    parent = list(range(len(passages)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for number, grams in enumerate(shingles):
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for other in index[gram]:
                if other > number:
                    shared[other] += 1
        for other, common in shared.items():
            if owner[other] == owner[number]:
                continue
            union = len(grams) + len(shingles[other]) - common
            if union and common / union >= threshold:
                parent[find(other)] = find(number)
    groups: dict[int, list[int]] = defaultdict(list)
    for number in range(len(passages)):
        groups[find(number)].append(number)
    out = []
    for members in groups.values():
        if len({owner[m] for m in members}) < 2:
            continue
        chosen = [
            passages[m]
            for m in sorted(members, key=lambda m: (passages[m].file, passages[m].where))
        ]
        out.append(CopiedGroup(text=chosen[0].text, passages=chosen))
    return sorted(out, key=lambda g: (-len(g.passages), g.text))
