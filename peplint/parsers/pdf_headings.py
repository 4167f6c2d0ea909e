"""Where PDF headings are recognised: larger type, bold, capitals, filled bands.

Pure geometry over `TextLine`s and plain rectangle dictionaries (``x0``,
``x1``, ``top``, ``bottom``, ``fill``: the fill's lightness or None), so a
reader on another PDF library can reuse it. False positives are kept low: a
line split at a wide gap (a label and its value, a table's header row) is not
a heading, nor is a line that ends like a sentence or a form prompt.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from peplint.parsers.pdf_lines import TextLine

Rect = dict[str, float | None]

SIZE_RATIO = 1.15  # type this much larger than the body is a heading size
_PROMPT_END = (".", ",", ";", ":")
# "3. My education", "4) Attendance", "Section 2 - Views", "Part B: Targets"
_NUMBERED = re.compile(
    r"^(\d{1,2}[.)]\s+|(section|part)\s+(\d{1,2}|[A-H])\b\s*[-–:.]?\s*)[A-Z]", re.I
)


def body_size(lines: Iterable[TextLine]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[line.size] += len(line.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def mark_bands(lines: list[TextLine], rects: list[Rect]) -> None:
    """Record on each line the lightness of a filled band drawn behind it.

    A band is a filled rectangle that holds the whole line and is not much
    taller than it (a shaded box around a paragraph is not a band)."""
    bands = sorted(
        (r for r in rects if r.get("fill") is not None and _band_shaped(r)),
        key=lambda r: float(r["top"] or 0.0),
    )
    if not bands:
        return
    tops = [float(r["top"] or 0.0) for r in bands]
    for line in lines:
        height = line.bottom - line.top
        # Bands start above the line's top and no more than a few lines above it.
        end = bisect_right(tops, line.top + 1.5)
        for rect in reversed(bands[:end]):
            top = float(rect["top"] or 0.0)
            if line.top - top > 4 * max(height, 6.0):
                break
            if _holds(rect, line) and float(rect["bottom"] or 0.0) - top <= 3.5 * max(height, 6.0):
                line.band = float(rect["fill"] or 0.0)
                break


def _band_shaped(rect: Rect) -> bool:
    width = float(rect["x1"] or 0.0) - float(rect["x0"] or 0.0)
    height = float(rect["bottom"] or 0.0) - float(rect["top"] or 0.0)
    return width >= 40 and 6 <= height <= 80 and width > 2.5 * height


def _holds(rect: Rect, line: TextLine, pad: float = 1.5) -> bool:
    return (
        float(rect["x0"] or 0.0) - pad <= line.x0
        and line.x1 <= float(rect["x1"] or 0.0) + pad
        and float(rect["top"] or 0.0) - pad <= line.top
        and line.bottom <= float(rect["bottom"] or 0.0) + pad
    )


def heading_cue(line: TextLine, body: float) -> str | None:
    """Why `line` is a heading ("band", "font-size", "bold", "numbered", "caps"), or None."""
    text = line.text.strip()
    if not any(c.isalpha() for c in text) or len(text) > 120:
        return None
    single = len(line.segments) == 1
    if line.band is not None and len(text) <= 100 and single:
        inverted = line.colour - line.band >= 0.3  # light text on a darker band
        if inverted or (line.band < 0.97 and (line.bold or line.caps)):
            return "band"
    if not single or text.endswith((",", ";")):
        return None
    if line.size >= body * SIZE_RATIO:
        return "font-size"
    if line.size < body * 0.98 or len(text) > 80 or text.endswith(_PROMPT_END):
        return None
    # LibreOffice prints Word's "Heading 3" in bold at the body size.
    if line.bold:
        return "bold"
    if _NUMBERED.match(text) and len(text) <= 60 and len(text.split()) <= 8:
        return "numbered"
    if line.caps and len(text) <= 60 and len(text.split()) <= 8 and _caps_letters(text) >= 5:
        return "caps"
    return None


def _caps_letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


@dataclass(frozen=True)
class HeadingStyle:
    """What distinguishes one kind of heading from another (for its level)."""

    size: float
    band: bool
    bold: bool
    caps: bool
    numbered: bool = False


def style_of(line: TextLine, body: float) -> HeadingStyle:
    """The heading style of a line (sizes near the body size count as the body size)."""
    size = line.size if line.size >= body * SIZE_RATIO else body
    numbered = bool(_NUMBERED.match(line.text.strip()))
    return HeadingStyle(
        size=size, band=line.band is not None, bold=line.bold, caps=line.caps, numbered=numbered
    )


def heading_levels(styles: list[HeadingStyle], body: float) -> dict[HeadingStyle, int]:
    """Levels for the heading styles a document uses: each larger type size first
    (weight aside), then at the body size bands, numbered headings, bold capitals,
    bold, and capitals; at most four levels."""
    sizes = sorted({s.size for s in styles if s.size > body}, reverse=True)

    def key(s: HeadingStyle) -> tuple[bool, bool, bool, bool]:
        return s.band, s.numbered, s.bold, s.caps

    at_body = sorted(
        {key(s) for s in styles if s.size <= body},
        key=lambda k: (not k[0], not k[1], not (k[2] and k[3]), not k[2], not k[3]),
    )
    levels: dict[HeadingStyle, int] = {}
    for style in set(styles):
        if style.size > body:
            rank = sizes.index(style.size)
        else:
            rank = len(sizes) + at_body.index(key(style))
        levels[style] = min(rank + 1, 4)
    return levels
