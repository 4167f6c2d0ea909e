"""Copied text across PEPs: targets or paragraphs repeated near-verbatim in different
children's PEPs (generic targets are a known quality problem).

Texts are normalised (lower case, the child's own names removed) and compared by
word 4-gram shingles; a pair is reported when its Jaccard similarity reaches the
threshold. Identical passages are merged first, and an inverted index of the shingles
that are not stock phrases finds the candidates, so the work grows linearly with the
number of passages and has a fixed bound per passage.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from peplint.report import FileReport

MIN_WORDS = 8
SHINGLE = 4
COMMON = 64  # a shingle in more passages than this is a stock phrase, not a sign of copying
MAX_CANDIDATES = 32  # near neighbours compared exactly, per passage


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


@dataclass(frozen=True)
class CopySource:
    """What copied-text detection needs of one PEP: whose it is, the names to leave out of
    its texts, and its passages."""

    owner: str  # the child (lower case), or the file when the child is not named
    names: tuple[str, ...]
    passages: tuple[Passage, ...]


def copy_source(relative: str, report_key: str, entry: FileReport) -> CopySource:
    """One PEP's passages for copied-text detection."""
    names = tuple(
        part
        for part in ((entry.pep.child.name or "").split() if entry.pep else [])
        if len(part) > 1
    )
    child = (entry.pep.child.name or relative) if entry.pep else relative
    return CopySource(child.lower(), names, tuple(_passages(relative, report_key, entry)))


def find_copied(
    items: list[tuple[str, str, FileReport]], threshold: float = 0.8
) -> list[CopiedGroup]:
    """Groups of near-identical passages from different children's PEPs (see
    `find_copied_in`), from (relative path, report key, report) triples."""
    return find_copied_in([copy_source(*item) for item in items], threshold)


def find_copied_in(sources: list[CopySource], threshold: float = 0.8) -> list[CopiedGroup]:
    """Groups of near-identical passages from different children's PEPs.

    Near-linear and bounded: identical passages (after normalising) are one entry;
    a shingle shared by more than COMMON entries is a stock phrase and does not make
    candidates (the entries it joins share rarer shingles too, or are identical); and
    each entry is compared with at most MAX_CANDIDATES others, those sharing most.
    The work is at most (shingles x COMMON) steps, whatever the number of PEPs.
    """
    passages: list[Passage] = []
    owners: list[str] = []
    entry_of: dict[frozenset[tuple[str, ...]], int] = {}
    entries: list[frozenset[tuple[str, ...]]] = []
    members: list[list[int]] = []  # the passages of each entry
    for source in sources:
        for passage in source.passages:
            words = _normal(passage.text, list(source.names))
            if len(words) < MIN_WORDS:
                continue
            grams = frozenset(
                tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)
            )
            number = len(passages)
            passages.append(passage)
            owners.append(source.owner)
            if grams not in entry_of:
                entry_of[grams] = len(entries)
                entries.append(grams)
                members.append([])
            members[entry_of[grams]].append(number)
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for number, grams in enumerate(entries):
        for gram in grams:
            posting = index[gram]
            if len(posting) <= COMMON:  # one past COMMON marks a stock phrase
                posting.append(number)
    entry_owners = [{owners[m] for m in group} for group in members]
    for number, grams in enumerate(entries):
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            posting = index[gram]
            if len(posting) > COMMON:
                continue
            for other in posting:
                if other > number:
                    shared[other] += 1
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
        for other, _ in best:
            if len(entry_owners[number] | entry_owners[other]) < 2:
                continue  # the same child's own passages
            common = len(grams & entries[other])
            union = len(grams) + len(entries[other]) - common
            if union and common / union >= threshold:
                parent[find(other)] = find(number)
    groups: dict[int, list[int]] = defaultdict(list)
    for number in range(len(entries)):
        groups[find(number)].extend(members[number])
    out = []
    for group in groups.values():
        if len({owners[m] for m in group}) < 2:
            continue
        chosen = [
            passages[m] for m in sorted(group, key=lambda m: (passages[m].file, passages[m].where))
        ]
        out.append(CopiedGroup(text=chosen[0].text, passages=chosen))
    return sorted(out, key=lambda g: (-len(g.passages), g.text))
