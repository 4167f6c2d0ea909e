"""Splitting the block stream into canonical sections by their headings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peplint.extract.profiles import TemplateProfile, normalise_heading
from peplint.extract.section_words import classify_heading
from peplint.extract.values import parse_date
from peplint.model.document import SECTION_AGAIN, UNRECOGNISED, Block, BlockKind, Document, Table


@dataclass
class Section:
    """The blocks under one recognised heading (several headings may share a key)."""

    key: str
    heading: str
    page: int
    blocks: list[Block] = field(default_factory=list)
    how: str = "alias"  # "alias": a profile names the heading; "words": classified by its words
    score: float = 1.0  # how well the heading's words fit the key (1.0 for an alias)


@dataclass
class SectionedDocument:
    """A document cut into sections, with the profile that matched."""

    profile: TemplateProfile
    matched: bool  # whether any heading of the profile was found
    sections: dict[str, Section]
    preamble: list[Block]
    unrecognised_headings: list[str]


# A deeper heading under a recognised section opens a new one only when its words fit well:
# more than half of them ("What needs to happen", a target's label, is one word of needs).
SUBHEADING_SCORE = 0.5


_NUMBERED = re.compile(
    r"^\s*(?:section\s+)?(\d{1,2}|[A-H])(?:\.\d{1,2})?\s*[.):\-–]\s*(\S.{1,60})$", re.I
)


def numbered_heading(block: Block, lookup: dict[str, str]) -> Block:
    """ "3. Education Provision", "Section 4 - My targets": a short numbered paragraph whose
    words name a section is a heading (the parser may not have seen a cue for it)."""
    if block.kind != BlockKind.PARAGRAPH or "\n" in block.text:
        return block
    match = _NUMBERED.match(block.text)
    if match is None:
        return block
    title = match.group(2).strip()
    if len(title.split()) > 6 or title.endswith((".", ",", ";", "?", "!")):
        return block
    found = classify_heading(title)
    if normalise_heading(title) not in lookup and (found is None or found.score < 0.5):
        return block
    return block.model_copy(
        update={"kind": BlockKind.HEADING, "level": block.level or 2, "cue": "numbered"}
    )


def _merged_title(row: list[str | None]) -> str | None:
    """The text of a row that is one merged cell of a few words, not a question or a
    sentence ("My school", "Carer Details"); None for any other row."""
    title = (row[0] or "").strip()
    if not title or any(c is not None for c in row[1:]):
        return None
    if len(title.split()) > 8 or title.endswith((":", "?", ".")):
        return None
    return title


def split_title_row(block: Block) -> list[Block]:
    """A table whose first row is one merged cell of a few words ("My school") is a
    heading over the rest of the table; every other block is returned as it is."""
    rows = block.table.rows if block.kind == BlockKind.TABLE and block.table else None
    if not rows or len(rows[0]) < 2:
        return [block]
    title = _merged_title(rows[0])
    if title is None:
        return [block]
    heading = Block(
        kind=BlockKind.HEADING, text=title, page=block.page, level=2, cue="table-title-row"
    )
    if len(rows) == 1:
        return [heading]
    rest = block.model_copy(update={"table": Table(rows=rows[1:])})
    return [heading, rest]


def split_band_row(block: Block, lookup: dict[str, str]) -> list[Block]:
    """A table whose last row is one merged cell naming a section ("Carer Details"): a
    tight form's band heading drawn against the boxes above it, read into their table
    (in a one-column table, only under its one row: one answer box). It is the heading
    of what follows; any other last row stays in its table."""
    rows = block.table.rows if block.kind == BlockKind.TABLE and block.table else None
    if not rows or len(rows) < 2 or not rows[-1]:
        return [block]
    title = _merged_title(rows[-1])
    if title is None:
        return [block]
    one_column = all(sum(c is not None for c in row) <= 1 for row in rows)
    if one_column and len(rows) != 2:
        return [block]  # a column of labels or lines: its last row is one of them
    if lookup.get(normalise_heading(title)) is None and classify_heading(title) is None:
        return [block]
    rest = block.model_copy(update={"table": Table(rows=rows[:-1])})
    heading = Block(kind=BlockKind.HEADING, text=title, page=block.page, level=2, cue="band")
    return [rest, heading]


# The most words a value under a label heading has (a name, a date, "A levels: ...").
LABEL_VALUE_WORDS = 12
_FIGURES = re.compile(r"[\d\s/.\-:%£,()+]*\d[\d\s/.\-:%£,()+]*|[^\s@]+@[^\s@]+\.[^\s@]+")
_ANSWER_WORDS = {"yes", "no", "n/a", "none", "nil", "not applicable", "not known", "unknown"}


def bare_value(text: str) -> bool:
    """Whether a line is a value and nothing else: a figure, a date, a percentage, a phone
    number, an email, yes or no - never a title or a sentence introducing what follows."""
    text = text.strip()
    if not text:
        return False
    if text.lower() in _ANSWER_WORDS or _FIGURES.fullmatch(text):
        return True
    return len(text.split()) <= 5 and bool(re.search(r"\d", text)) and parse_date(text) is not None


def labels_a_value(blocks: list[Block], index: int) -> bool:
    """Whether the heading at `index` is a field's label set as a heading ("Social worker"
    in bold over "Priya Kaur"): under it, before the next heading, is one short line or
    ticked boxes, or nothing when the next heading is not deeper (an empty field) - never
    a table or running text. A label-value block is its value when it has the same label;
    after the value, it is the next field. So is a table after a bare value (a date, a
    percentage): "Attendance (%)" / "96.5%" then a tick table asking the next question."""
    level = blocks[index].level or 3
    lines, boxes = 0, False
    value = ""
    for block in blocks[index + 1 :]:
        if block.kind == BlockKind.HEADING:
            return lines > 0 or boxes or (block.level or 3) <= level
        if block.kind == BlockKind.LABEL_VALUE and (lines or boxes):
            return True  # the next field begins
        if block.kind == BlockKind.TABLE and lines == 1 and bare_value(value):
            return True  # a title's words introduce a table; a bare value answers a label
        own_label = normalise_heading(block.label or "") == normalise_heading(blocks[index].text)
        if block.kind == BlockKind.LABEL_VALUE and block.label is not None and not own_label:
            return False  # a title over fields of their own
        if block.kind == BlockKind.CHECKBOX:
            boxes = True
            continue
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LABEL_VALUE):
            return False
        text = value = block.text.strip()
        lines += 1
        if lines > 1 or "\n" in text or len(text.split()) > LABEL_VALUE_WORDS:
            return False
    return True


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

    A heading is looked up in the matched profile, then in every other profile,
    then classified by its words (`section_words`); a deeper heading that fits no
    other section is a sub-heading of the current one, and only a heading that
    matches nothing is reported as unrecognised.
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
    blocks = [
        numbered_heading(part, lookup)
        for block in document.blocks
        for titled in split_title_row(block)
        for part in split_band_row(titled, lookup)
    ]
    unrecognised: list[str] = []
    open_: list[tuple[int, Section]] = []  # the open sections, outermost first, with levels
    for index, block in enumerate(blocks):
        current = open_[-1][1] if open_ else None
        if block.kind != BlockKind.HEADING:
            (current.blocks if current is not None else preamble).append(block)
            continue
        level = block.level or 3
        deeper = current is not None and level > open_[-1][0]
        if deeper and labels_a_value(blocks, index):
            assert current is not None
            current.blocks.append(block)  # a field's label, set as a heading: keep it here
            continue
        key = lookup.get(normalise_heading(block.text))
        how, score = "alias", 1.0
        if key is None:
            if any(p.is_structural(block.text) for p in profiles):
                open_.clear()
                continue
            found = classify_heading(block.text)
            if found is not None and not (deeper and found.score <= SUBHEADING_SCORE):
                key, how, score = found.key, "words", found.score
        same = current is not None and key == current.key and how == "words"
        if current is not None and ((key is None and deeper) or same):
            current.blocks.append(block)  # a sub-heading inside the section
            continue
        while open_ and open_[-1][0] >= level:
            open_.pop()  # a heading closes the sections opened at its level or deeper
        if key is None:
            if open_:
                open_[-1][1].blocks.append(block)  # a sub-heading of the section around it
            else:
                unrecognised.append(block.text)
                if sections:
                    # Past the first section, what follows is read outside any section;
                    # the heading stays, marked, to offer itself as the label of the text
                    # under it ("VIEWS OF THOSE SUPPORTING THE YOUNG PERSON").
                    preamble.append(block.model_copy(update={"cue": UNRECOGNISED}))
            continue
        section = sections.get(key)
        if section is None:
            section = sections[key] = Section(key, block.text, block.page, how=how, score=score)
        else:
            # a heading that opens a section again stays in it as a boundary: without it the
            # text under it would read as the value of the last label before it there
            section.blocks.append(block.model_copy(update={"cue": SECTION_AGAIN}))
        open_.append((level, section))
    return SectionedDocument(profile, bool(sections), sections, preamble, unrecognised)
