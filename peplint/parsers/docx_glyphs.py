"""Checkbox and tick glyphs in Word text, including those drawn with symbol fonts.

Forms mark answers with real glyphs (☒ ☐ ✓ ✗ ○ ●), with Wingdings characters
(a "þ" in Wingdings is a ticked box), or with `w:sym` elements. All of them
become the Unicode glyph they show, and each glyph keeps its meaning: a cross
(✗) is not turned into a tick, because some forms use it for "no".
"""

from __future__ import annotations

import re

TICKED = "☒☑✓✔■●◉⦿"
UNTICKED = "☐□○◯◻⊖"
CROSSED = "✗✘☓⊗"
TICK_MARKS = "✓✔"  # a document using these alongside crosses means a cross is "no"
ALL_GLYPHS = TICKED + UNTICKED + CROSSED

_WINGDINGS = {
    0xFB: "✗",
    0xFC: "✓",
    0xFD: "☒",
    0xFE: "☑",
    0xA8: "☐",
    0x6F: "☐",
    0x71: "☐",
    0x78: "☒",
    0x6C: "●",
    0xA1: "○",
}
_WINGDINGS_2 = {
    0x4F: "✗",
    0x50: "✓",
    0x51: "✗",
    0x52: "☑",
    0x53: "☒",
    0x54: "☒",
    0xA3: "☐",
    0x2A: "☐",
}
CHECKBOX_LINE = re.compile(rf"([{ALL_GLYPHS}])\s*([^{ALL_GLYPHS}]+)")


def symbol_glyph(font: str, code: int) -> str | None:
    """The glyph a symbol-font character draws, if it is a box, tick, cross or dot."""
    name = font.lower()
    if "wingdings" not in name:
        return None
    table = _WINGDINGS_2 if "wingdings 2" in name else _WINGDINGS
    return table.get(code & 0xFF)


def symbol_text(font: str, text: str) -> str:
    """Text typed in a symbol font as the glyphs it shows (other pictures dropped)."""
    return "".join(symbol_glyph(font, ord(ch)) or "" for ch in text)


def line_state(glyph: str, crosses_mean_no: bool | None) -> bool | None:
    """Whether a checkbox line's leading glyph marks it ticked; `None` if it cannot say.

    A cross is "no" in a document that also uses tick marks, the chosen mark in
    one whose other options are empty boxes, and undecided otherwise.
    """
    if glyph in TICKED:
        return True
    if glyph in UNTICKED:
        return False
    if crosses_mean_no is None:
        return None
    return not crosses_mean_no
