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
from peplint.module_files import english_stop_words

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
UNREAD_LINE_WORDS = 4  # a line with this many meaningful words no target holds was missed
# Words of a form's guidance ("Targets should be SMART"), which tells, where targets state.
_GUIDANCE = re.compile(r"(?i)\b(should|must|smart|specific, measurable)\b")


def _meaningful(text: str | None) -> list[str]:
    stop = english_stop_words()
    return [w for w in _WORD.findall((text or "").lower()) if w not in stop]


def unread_target_lines(pep: Pep) -> list[str]:
    """Lines of the targets section that read as text (four meaningful words or more, not
    the form's labels or guidance) and that no one target read from it holds (half their
    meaningful words): a target row split over a page, a table the reader did not take
    as targets. A count of the targets, or a
    judgement of what they cover, would rest on only part of them."""
    section = pep.sections.get("smart_targets")
    if section is None:
        return []
    held = [
        {
            w
            for part in (t.text, t.who, t.strategy, t.deadline_text, t.review)
            for w in _meaningful(part)
        }
        for t in pep.targets
    ]
    missed = []
    labels = builtin_catalogue()
    for line in section.text.splitlines():
        if _GUIDANCE.search(line):
            continue
        # A table row's cells, less the form's own labels (a header row, a prompt)
        cells = [c for c in line.split(" | ") if labels.part_label(c.strip(), "targets") is None]
        words = [w for cell in cells for w in _meaningful(cell)]
        if len(words) < UNREAD_LINE_WORDS:
            continue
        if not any(sum(w in one for w in words) * 2 >= len(words) for one in held):
            missed.append(" ".join(line.split()))
    return missed


def unjudged_targets(pep: Pep) -> list[int]:
    """The positions (from 0) of the targets whose text cannot be judged."""
    return [i for i, target in enumerate(pep.targets) if why_not_a_target(target.text)]
