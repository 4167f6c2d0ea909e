"""Whether a target's text is a target's words, so a rule may judge it.

A reader that takes a form's layout the wrong way can hand the rules a "target" whose
text is the form's own label ("Who is responsible", "Progress review"), a heading
("7. Targets", "Target 2"), a question with its tick boxes ("Emergency placement?
☐ Yes ☒ No") or nothing. Judging such a text gives a "no" with no
evidence behind it; the rules answer "unclear" for it instead.
"""

from __future__ import annotations

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


def unjudged_targets(pep: Pep) -> list[int]:
    """The positions (from 0) of the targets whose text cannot be judged."""
    return [i for i, target in enumerate(pep.targets) if why_not_a_target(target.text)]
