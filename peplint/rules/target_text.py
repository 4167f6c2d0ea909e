"""Whether a target's text is a target's words, so a rule may judge it.

A reader that takes a form's layout the wrong way can hand the rules a "target" whose
text is the form's own label ("Who is responsible", "Progress review"), a heading
("7. Targets", "Target 2"), a question with its tick boxes ("Emergency placement?
☐ Yes ☒ No") or nothing. Judging such a text gives a "no" with no
evidence behind it; the rules answer "unclear" for it instead.
"""

from __future__ import annotations

import re

from peplint.extract.catalogue import builtin_catalogue
from peplint.extract.section_words import classify_heading
from peplint.model.pep import Pep

HEADING_WORDS = 5  # a heading is a few words; a target longer than this is read as text
TICK_BOXES = "☐☑☒"  # ballot boxes: a form's question with its options, never a target's words


def why_not_a_target(text: str | None) -> str | None:
    """Why `text` cannot be a target's words ("it is empty", "it is a label", "it is a
    heading"), or None when it can be judged."""
    line = " ".join((text or "").split())
    if not line:
        return "it is empty"
    if builtin_catalogue().part_label(line, "targets") is not None:
        return "it is a label"
    if any(box in line for box in TICK_BOXES):
        return "it is a form's tick boxes"
    if len(line.split()) <= HEADING_WORDS and not line.endswith((".", "!")):
        heading = classify_heading(line)
        if heading is not None and heading.score >= 1.0:
            return "it is a heading"
    return None


_WORD = re.compile(r"[a-z]{3,}")
UNREAD_LINE_WORDS = 6  # a line this long that no target holds is text the reader missed


def unread_target_lines(pep: Pep) -> list[str]:
    """Lines of the targets section that read as text (six words or more) and that the
    targets read from it do not hold (not half their words): a target row split over a
    page, a table the reader did not take as targets. A count of the targets, or a
    judgement of what they cover, would rest on only part of them."""
    section = pep.sections.get("smart_targets")
    if section is None:
        return []
    held: set[str] = set()
    for target in pep.targets:
        for part in (target.text, target.who, target.strategy, target.deadline_text, target.review):
            held.update(_WORD.findall((part or "").lower()))
    missed = []
    labels = builtin_catalogue()
    for line in section.text.splitlines():
        # A table row's cells, less the form's own labels (a header row, a prompt)
        cells = [c for c in line.split(" | ") if labels.part_label(c.strip(), "targets") is None]
        words = [w for cell in cells for w in _WORD.findall(cell.lower())]
        if len(words) < UNREAD_LINE_WORDS:
            continue
        if sum(word in held for word in words) * 2 < len(words):
            missed.append(" ".join(line.split()))
    return missed


def unjudged_targets(pep: Pep) -> list[int]:
    """The positions (from 0) of the targets whose text cannot be judged."""
    return [i for i, target in enumerate(pep.targets) if why_not_a_target(target.text)]
