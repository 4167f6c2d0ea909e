"""Characters struck through on a PDF page: a deleted passage, as Word and LibreOffice
print tracked deletions (the old attendance figure, a target taken out). Struck text is
not the document's text: read as live, old and new values run together ("78%94%",
"RedAmber") and a deleted target is judged as a target.

A character is struck when a thin horizontal line or rule crosses its middle (between a
third and three quarters of its height, so an underline is not one) along at least half
its width. A rule that meets a vertical one at either end is a table's border, never a
strike (and most pages then have no stroke to test their characters against).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

THIN = 1.5  # points: a rule this thin is a stroke, not a filled box
Struck = Callable[[float, float, float, float], bool]  # (x0, top, bottom, x1) -> struck


def _strokes(page: Any) -> list[tuple[float, float, float]]:
    """(height, x0, x1) of each thin horizontal line or rule on the page that is no
    table's border (neither end meets a vertical rule), by height."""
    across, down = [], []
    for shape in [*page.lines, *page.rects]:
        x0, x1 = float(shape["x0"]), float(shape["x1"])
        top, bottom = float(shape["top"]), float(shape["bottom"])
        if bottom - top <= THIN and x1 - x0 > THIN:
            across.append(((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= THIN and bottom - top > THIN:
            down.append(((x0 + x1) / 2, top, bottom))
    down.sort()
    xs = [d[0] for d in down]

    def meets(x: float, y: float) -> bool:
        near = down[bisect_left(xs, x - THIN) : bisect_right(xs, x + THIN)]
        return any(top - THIN <= y <= bottom + THIN for _, top, bottom in near)

    return sorted(s for s in across if not (meets(s[1], s[0]) or meets(s[2], s[0])))


def struck_test(page: Any) -> Struck | None:
    """Whether a character's box is struck through on `page`; None when nothing on the
    page could strike one (no thin horizontal stroke)."""
    strokes = _strokes(page)
    if not strokes:
        return None
    heights = [s[0] for s in strokes]

    def struck(x0: float, top: float, bottom: float, x1: float) -> bool:
        low, high = top + (bottom - top) / 3, top + (bottom - top) * 0.75
        half = max(x1 - x0, 0.1) / 2
        return any(
            min(x1, right) - max(x0, left) >= half
            for _, left, right in strokes[bisect_left(heights, low) : bisect_right(heights, high)]
        )

    return struck


def without_struck(page: Any) -> Any:
    """The page without its struck-through characters (the same page if it has none)."""
    struck = struck_test(page)
    if struck is None:
        return page
    narrowed = getattr(page, "without_chars", None)
    if narrowed is not None:  # a PDFium page filters its character rows
        return narrowed(struck)
    return page.filter(
        lambda o: (
            o.get("object_type") != "char"
            or not struck(float(o["x0"]), float(o["top"]), float(o["bottom"]), float(o["x1"]))
        )
    )
