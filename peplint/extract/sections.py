"""Splitting the block stream into canonical sections by their headings."""

from __future__ import annotations

from dataclasses import dataclass, field

from peplint.extract.profiles import TemplateProfile, normalise_heading
from peplint.model.document import Block, BlockKind, Document


@dataclass
class Section:
    """The blocks under one recognised heading (several headings may share a key)."""

    key: str
    heading: str
    page: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class SectionedDocument:
    """A document cut into sections, with the profile that matched."""

    profile: TemplateProfile
    matched: bool  # whether any heading of the profile was found
    sections: dict[str, Section]
    preamble: list[Block]
    unrecognised_headings: list[str]


def detect_profile(document: Document, profiles: list[TemplateProfile]) -> TemplateProfile:
    """The profile whose headings the document uses most (the first on a tie)."""
    headings = {normalise_heading(b.text) for b in document.blocks if b.kind == BlockKind.HEADING}

    def score(profile: TemplateProfile) -> int:
        return len(headings & set(profile.heading_map()))

    return max(profiles, key=score)


def split_sections(
    document: Document,
    profiles: list[TemplateProfile],
    extra_aliases: dict[str, list[str]] | None = None,
) -> SectionedDocument:
    """Assign each block to the section of the heading above it.

    A heading is looked up in the matched profile, then in every other profile;
    a deeper heading that matches nothing is a sub-heading of the current
    section, any other unmatched heading is reported as unrecognised.
    """
    profile = detect_profile(document, profiles)
    lookup: dict[str, str] = {}
    for other in reversed(profiles):
        lookup.update(other.heading_map())
    lookup.update(profile.heading_map())
    for extra_key, aliases in (extra_aliases or {}).items():
        lookup.update({normalise_heading(a): extra_key for a in aliases})

    sections: dict[str, Section] = {}
    preamble: list[Block] = []
    unrecognised: list[str] = []
    current: Section | None = None
    current_level = 0
    for block in document.blocks:
        if block.kind == BlockKind.HEADING:
            key = lookup.get(normalise_heading(block.text))
            level = block.level or 3
            if key is not None:
                current = sections.get(key)
                if current is None:
                    current = sections[key] = Section(key, block.text, block.page)
                current_level = level
                continue
            if any(p.is_structural(block.text) for p in profiles):
                current, current_level = None, 0
                continue
            if current is not None and level > current_level:
                current.blocks.append(block)  # a sub-heading inside the section
                continue
            unrecognised.append(block.text)
            current, current_level = None, 0
            continue
        (current.blocks if current is not None else preamble).append(block)
    return SectionedDocument(profile, bool(sections), sections, preamble, unrecognised)
