"""Where drawn checkboxes in PDFs are found.

Word's legacy checkboxes and many platforms' tick boxes print as small squares,
crossed or filled when ticked, with no text at all. They are found here and
turned into ☒/☐ pseudo-words placed where the box is, so the rest of the PDF
reader sees them as the glyph checkboxes other producers write. The same
shapes are removed before tables are found, so they add no phantom columns.
"""

from __future__ import annotations

from typing import Any

MIN_SIDE, MAX_SIDE = 4.0, 14.0
EPSILON = 0.01
MIN_DOT = 1.5  # the side of the smallest filled dot that ticks a box


def is_box(obj: dict[str, Any]) -> bool:
    """Whether a PDF object is a checkbox-sized square rectangle."""
    if obj.get("object_type") != "rect":
        return False
    w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
    low, high = MIN_SIDE - EPSILON, MAX_SIDE + EPSILON  # coordinates carry float noise
    return low <= w <= high and low <= h <= high and abs(w - h) <= 1.5


def _inside(obj: dict[str, Any], box: dict[str, Any], pad: float = 1.0) -> bool:
    return (
        obj["x0"] >= box["x0"] - pad
        and obj["x1"] <= box["x1"] + pad
        and obj["top"] >= box["top"] - pad
        and obj["bottom"] <= box["bottom"] + pad
    )


def _dot(obj: dict[str, Any]) -> bool:
    """A small filled or outlined rectangle that could be a box's tick."""
    w, h = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
    return MIN_DOT <= w <= MAX_SIDE and MIN_DOT <= h <= MAX_SIDE


def _smaller(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["x1"] - a["x0"]) < (b["x1"] - b["x0"]) - 1.0


def is_box_mark(obj: dict[str, Any], boxes: list[dict[str, Any]]) -> bool:
    """Whether a line or curve is the cross or tick drawn inside a checkbox."""
    if obj.get("object_type") not in {"line", "curve"}:
        return False
    return any(_inside(obj, box) for box in boxes)


def checkbox_words(page: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The page's drawn checkboxes as pseudo-words, and the objects that draw them."""
    squares = [r for r in page.rects if is_box(r)]
    if not squares:
        return [], []
    # A smaller filled square drawn inside a box is the box's tick (a dot), not a box.
    inner = [
        r
        for r in page.rects
        if _dot(r) and any(_smaller(r, o) and _inside(r, o, EPSILON) for o in squares)
    ]
    inner_ids = {id(s) for s in inner}
    boxes = [s for s in squares if id(s) not in inner_ids]
    marks = [o for o in list(page.lines) + list(page.curves) if is_box_mark(o, boxes)] + inner
    words: list[dict[str, Any]] = []
    for box in boxes:
        ticked = (bool(box.get("fill")) and not box.get("stroke")) or any(
            _inside(m, box) for m in marks
        )
        words.append(
            {
                "text": "☒" if ticked else "☐",
                "x0": box["x0"],
                "x1": box["x1"],
                "top": box["top"],
                "bottom": box["bottom"],
                "fontname": "",
                "size": box["bottom"] - box["top"],
            }
        )
    return words, boxes + marks
