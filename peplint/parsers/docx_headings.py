"""Which Word paragraphs are headings by how they look, and at what level.

Heading styles and outline levels are trusted as they are. Other headings are
read from visual cues: a short paragraph that is numbered ("3. My education",
"Section 4 - Attendance", "Part B:"), in capitals, larger than the body text,
shaded as a band or wholly bold; a table's merged or shaded title row; a lone
title in a text box. Visual headings are ranked by prominence: type size first,
then the cue ("Section 4" / "Part B" numbering, other numbering, bands / caps /
title rows / text boxes, bold, bold questions, bold lines that label a field).
Each rank sits one level deeper than the one above it, starting one level below
the styled heading above (level 2 when there is none). So a bold prompt inside a
styled or numbered section is a sub-heading of it, and 18, 15 and 13 pt headings
keep their order. Context then drops what is not a heading after all: a plain
numbered line neither over a table nor in the sequence of numbered headings, the
value under a "Label:" line, a lone word in capitals under its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peplint.model.document import Block, BlockKind
from peplint.parsers.docx_glyphs import ALL_GLYPHS, TICK_MARKS, UNTICKED, line_state

KEYWORD_NUMBERED = re.compile(
    r"(?i)(?:section|part|step|stage|appendix)\s+(?:\d{1,2}|[a-h]|[ivx]{1,4})\b"
    r"\s*(?:$|[:.\-–—)]\s*(?:\S.*)?$|\s+\S.*$)"
)
BARE_NUMBERED = re.compile(
    r"(\d{1,2}(?:\.\d{1,2}){0,3}|[A-H])[.)]\s+\S|(\d{1,2}(?:\.\d{1,2}){1,3})\s+\S"
)
_VALUE_WORDS = {
    "yes", "no", "n/a", "na", "none", "nil", "true", "false", "y", "n", "tbc", "unknown",
    "not applicable", "not known", "ok",
}  # fmt: skip
_LOOKS_LIKE_VALUE = re.compile(r"[\d\s/.\-:%£,]+|\S+@\S+|\+?[\d\s()]{7,}")
MAX_WORDS, MAX_CHARS = 12, 90

# How strong a visual cue is, after type size (style headings keep their own level).
# A bold question ranks below other bold lines, and a bold line that turns out to
# label a field ranks lowest: a sub-heading (label and value) unless its words match.
STYLE, LABEL_STRENGTH, QUESTION_STRENGTH, BOLD_STRENGTH, MARK_STRENGTH = -1, 0, 1, 2, 3
NUMBER_STRENGTH, KEYWORD_STRENGTH = 4, 5


@dataclass
class HeadingCandidate:
    """Why a block was made a heading, before levels are settled."""

    strength: int  # STYLE, or how strong the visual cue is
    size: int = 0  # type size in half-points (0 when unknown)
    depth: int = 0  # extra levels from numbering depth ("3.1", ilvl 1)
    needs_table_after: bool = False  # a plain number: a heading above a table or in sequence
    demotable: bool = True  # a value after a "Label:" paragraph, or a label over a value
    lone_word: bool = False  # one plain word in capitals: a value when a label is above it


def heading_like(text: str, allow_colon: bool = False, allow_question: bool = False) -> bool:
    """Whether `text` is short and shaped like a title rather than a sentence or value.

    A question passes only with `allow_question`.
    """
    text = text.strip()
    if not text or "\n" in text or len(text) > MAX_CHARS or len(text.split()) > MAX_WORDS:
        return False
    if text.endswith("?") and allow_question:
        text = text[:-1].rstrip()
    if not text or (text[-1] in ".;,!?" and not re.search(r"\b(?:[A-Za-z]|etc|no)\.$", text)):
        return False
    if text.endswith(":") and not allow_colon:
        return False
    if any(ch in ALL_GLYPHS for ch in text) or not any(ch.isalpha() for ch in text):
        return False
    if is_value(text.rstrip(":")):
        return False
    # "Label: value" or "Label<tab>value" on one line is a field, not a title
    return allow_colon or not (re.search(r":\s+\S", text) or "\t" in text)


def caps_text(text: str) -> bool:
    """Whether `text` is written in capitals and long enough not to be an acronym."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4 or any(ch.islower() for ch in letters):
        return False
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return len(words) >= 2 or len(letters) >= 6


def numbering_depth(text: str) -> int | None:
    """Extra depth of a typed number ("3." 0, "3.1" 1); `None` when not numbered."""
    match = BARE_NUMBERED.match(text)
    if not match:
        return None
    number = match.group(1) or match.group(2) or ""
    return number.count(".")


def settle(
    blocks: list[Block],
    candidates: dict[int, tuple[Block, HeadingCandidate]],
    crossed: dict[int, tuple[Block, str]],
    glyphs: set[str],
) -> None:
    """Give visual headings their levels and drop the ones their context rules out.

    Also settles checkbox lines led by a cross (`crossed`: block id -> (block, glyph)):
    "no" where the document uses tick marks, ticked where its other boxes are
    empty squares, plain text where nothing says which.
    """
    crosses_mean_no: bool | None = None
    if glyphs & set(TICK_MARKS):
        crosses_mean_no = True
    elif glyphs & set(UNTICKED):
        crosses_mean_no = False
    _accept_numbered_runs(blocks, candidates)
    for position, block in enumerate(blocks):
        if id(block) in crossed:
            glyph = crossed[id(block)][1]
            state = line_state(glyph, crosses_mean_no)
            if state is None:
                block.kind, block.text = BlockKind.PARAGRAPH, f"{glyph} {block.text}"
            block.checked = state
            continue
        entry = _visual(block, candidates)
        if entry is not None and _ruled_out(blocks, position, entry):
            block.kind, block.level, block.cue = BlockKind.PARAGRAPH, None, None
    _rank_labels(blocks, candidates)
    _give_levels(blocks, candidates)


def _accept_numbered_runs(
    blocks: list[Block], candidates: dict[int, tuple[Block, HeadingCandidate]]
) -> None:
    """A plain numbered line not over a table is still a heading when its number
    continues the numbered headings around it ("6." over a table, "7." over a
    numbered list, "8." over a table); the list's own "1.", "2." do not."""
    numbered: list[tuple[int, HeadingCandidate, bool]] = []  # (number, candidate, sure)
    for position, block in enumerate(blocks):
        candidate = _visual(block, candidates)
        number = _leading_number(block.text) if candidate is not None else None
        if candidate is None or number is None or candidate.strength != NUMBER_STRENGTH:
            continue
        after = blocks[position + 1] if position + 1 < len(blocks) else None
        over_table = after is not None and after.kind == BlockKind.TABLE
        if after is not None and _SUB_LINE.match(after.text) and not over_table:
            continue  # a list item with labelled sub-lines ("Success criteria: ...")
        numbered.append((number, candidate, not candidate.needs_table_after or over_table))
    for index, (number, candidate, sure) in enumerate(numbered):
        if sure:
            continue
        before = next((n for n, _, s in reversed(numbered[:index]) if s), None)
        after_number = next((n for n, _, s in numbered[index + 1 :] if s), None)
        if before == number - 1 and after_number in (None, number + 1):
            candidate.needs_table_after = False
            numbered[index] = (number, candidate, True)


_SUB_LINE = re.compile(r"[^:\n]{2,40}:\s+\S")


def _leading_number(text: str) -> int | None:
    match = re.match(r"(\d{1,2})[.)]\s", text)
    return int(match.group(1)) if match else None


def _visual(
    block: Block, candidates: dict[int, tuple[Block, HeadingCandidate]]
) -> HeadingCandidate | None:
    entry = candidates.get(id(block))
    if block.kind != BlockKind.HEADING or entry is None or entry[1].strength == STYLE:
        return None
    return entry[1]


def _rank_labels(
    blocks: list[Block], candidates: dict[int, tuple[Block, HeadingCandidate]]
) -> None:
    """Rank bold lines that label fields lowest, below the sections they sit in.

    A label is a bold line over a bare date or number, over a content control
    with the same title, whose words recur as another bold line ("What I will
    do" under each target), or one of a run of bold lines of one size each
    followed by at most one short value ("My name" / "Jamie Rowe" / "School").
    They stay headings, so each still pairs with the text under it.
    """
    bold: dict[int, HeadingCandidate] = {}
    for position, block in enumerate(blocks):
        candidate = _visual(block, candidates)
        if candidate is not None and candidate.strength <= BOLD_STRENGTH:
            bold[position] = candidate
    labels: set[int] = set()
    short: set[int] = set()
    seen: dict[str, list[int]] = {}
    for position, candidate in bold.items():
        seen.setdefault(" ".join(re.findall(r"[a-z]+", blocks[position].text.lower())), []).append(
            position
        )
        after = blocks[position + 1] if position + 1 < len(blocks) else None
        if after is not None and after.kind == BlockKind.LABEL_VALUE:
            if _same_words(after.label or "", blocks[position].text):
                labels.add(position)
        elif (
            after is not None
            and after.kind == BlockKind.PARAGRAPH
            and _LOOKS_LIKE_VALUE.fullmatch(after.text.strip())
        ):
            labels.add(position)
        following = bold.get(position + 1)
        if (
            after is None
            or after.kind == BlockKind.CHECKBOX
            or _short_value(after)
            or (following is not None and following.size == candidate.size)
        ):
            short.add(position)
    labels |= {p for positions in seen.values() if len(positions) > 1 for p in positions}
    for position in short:
        near = (position - 2, position - 1, position + 1, position + 2)
        if any(n in short and bold[n].size == bold[position].size for n in near):
            labels.add(position)
    for position in labels:
        bold[position].strength = LABEL_STRENGTH


def _short_value(block: Block) -> bool:
    text = block.text.strip()
    return (
        block.kind == BlockKind.PARAGRAPH
        and len(text.split()) <= 8
        and "\n" not in text
        and not text.endswith((".", "!", "?", ":"))
    )


def _give_levels(
    blocks: list[Block], candidates: dict[int, tuple[Block, HeadingCandidate]]
) -> None:
    visual = [c for b in blocks if (c := _visual(b, candidates)) is not None]
    tiers = sorted({(c.size, c.strength) for c in visual}, reverse=True)
    tier_of = {prominence: index for index, prominence in enumerate(tiers)}
    base = 2
    for block in blocks:
        if block.kind != BlockKind.HEADING:
            continue
        candidate = _visual(block, candidates)
        if candidate is None:
            base = (block.level or 1) + 1
            continue
        block.level = min(9, base + tier_of[(candidate.size, candidate.strength)] + candidate.depth)


def _ruled_out(blocks: list[Block], position: int, candidate: HeadingCandidate) -> bool:
    after = blocks[position + 1] if position + 1 < len(blocks) else None
    if candidate.needs_table_after and (after is None or after.kind != BlockKind.TABLE):
        return True
    if not candidate.demotable:
        return False
    before = blocks[position - 1] if position > 0 else None
    if before is None or before.kind != BlockKind.PARAGRAPH:
        return False
    if before.text.endswith(":"):
        return True  # the value of the "Label:" above
    return candidate.lone_word and _short_value(before)  # "Gender" / "FEMALE"


def _same_words(a: str, b: str) -> bool:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", text.lower())

    return bool(words(a)) and words(a) == words(b)


def is_value(text: str) -> bool:
    """Whether `text` is a bare value (date, number, yes/no, email, phone), not prose."""
    text = text.strip()
    return text.lower() in _VALUE_WORDS or _LOOKS_LIKE_VALUE.fullmatch(text) is not None
