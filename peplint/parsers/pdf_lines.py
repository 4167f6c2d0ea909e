"""Where PDF words become visual lines: small capitals rejoined, styles read.

Everything here works on plain word dictionaries (``text``, ``x0``, ``x1``,
``top``, ``bottom``, ``fontname``, ``size`` and optionally ``colour``, a
luminance from 0 black to 1 white), so any PDF library that gives characters
with their boxes can feed it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

Word = dict[str, Any]

SEGMENT_GAP = 1.6  # a gap wider than this many font sizes splits a line into segments
_BOLD = re.compile(r"(?i)bold|black|heavy|semibold|demi|fauxbold")


def is_bold(fontname: str) -> bool:
    """Whether a font name (or our faux-bold marker for stroked text) is a bold face."""
    return bool(_BOLD.search(fontname))


def luminance(colour: Any) -> float:
    """A fill colour's lightness, 0 black to 1 white (gray, RGB or CMYK tuples)."""
    if colour is None or isinstance(colour, str):
        return 0.0
    values = tuple(colour) if isinstance(colour, list | tuple) else (colour,)
    try:
        nums = [float(v) for v in values]
    except (TypeError, ValueError):
        return 0.0
    if len(nums) == 1:
        return nums[0]
    if len(nums) == 3:
        return 0.299 * nums[0] + 0.587 * nums[1] + 0.114 * nums[2]
    if len(nums) == 4:
        c, m, y, k = nums
        r, g, b = (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
        return 0.299 * r + 0.587 * g + 0.114 * b
    return 0.0


class _Span:
    """Words in reading order along one line: their text and their left and right edges."""

    words: list[Word]

    @property
    def text(self) -> str:
        """The words joined by spaces."""
        return " ".join(w["text"] for w in self.words)

    @property
    def x0(self) -> float:
        """Left edge."""
        return float(self.words[0]["x0"])

    @property
    def x1(self) -> float:
        """Right edge."""
        return float(self.words[-1]["x1"])


@dataclass
class Segment(_Span):
    """The words of a line between two wide gaps (a column of a form or table)."""

    words: list[Word]
    aligned: bool = False  # starts where segments of other lines on the page start

    @property
    def bold(self) -> bool:
        """Whether every text word of the segment is bold."""
        return _all_bold(self.words)

    @property
    def colour(self) -> float:
        """The segment's text lightness (the darkest word)."""
        return min((float(w.get("colour", 0.0)) for w in self.words), default=0.0)


@dataclass
class TextLine(_Span):
    """One visual line of text outside ruled tables, with its style."""

    words: list[Word]
    page: int
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    colour: float = 0.0  # lightness of the text (0 black, 1 white)
    band: float | None = None  # lightness of a filled band behind the line, if any
    segments: list[Segment] = field(default_factory=list)

    def __post_init__(self) -> None:
        words = self.words
        self.top = min(float(w["top"]) for w in words)
        self.bottom = max(float(w["bottom"]) for w in words)
        sizes = [float(w["size"]) for w in words if w.get("size") and w.get("fontname")]
        self.size = round(max(sizes, default=0.0), 1)
        self.bold = _all_bold(words)
        text_words = [w for w in words if w.get("fontname")]
        self.colour = min((float(w.get("colour", 0.0)) for w in text_words), default=0.0)
        self.segments = split_segments(words)

    @property
    def spaced_text(self) -> str:
        """The words joined by spaces, with two where the gap is set wider than the
        line's own spaces ("Current status  In education": a label, then a value)."""
        return spaced(self.words)

    @property
    def caps(self) -> bool:
        """Whether the line is written in capitals (at least four letters, none lower case)."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 4 and all(c.isupper() for c in letters)


WIDE_SPACE = 1.6  # a gap this many times the line's usual space is a wide one
MIN_WIDE_SPACE = 0.4  # ... and at least this many font sizes (a double space or more)


def spaced(words: list[Word]) -> str:
    """Words (sorted left to right) joined by one space, or two across a wide gap: wider
    than `WIDE_SPACE` times the line's median gap (so justified lines, whose every space
    is wide, keep single spaces) and than `MIN_WIDE_SPACE` font sizes."""
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in pairwise(words)]
    if not gaps:
        return " ".join(w["text"] for w in words)
    usual = sorted(gaps)[(len(gaps) - 1) // 2]
    parts = [words[0]["text"]]
    for gap, word in zip(gaps, words[1:], strict=True):
        size = float(word.get("size") or 10.0)
        wide = gap >= MIN_WIDE_SPACE * size and (len(gaps) < 2 or gap >= WIDE_SPACE * usual)
        parts.append(("  " if wide else " ") + word["text"])
    return "".join(parts)


def _all_bold(words: list[Word]) -> bool:
    text_words = [w for w in words if w.get("fontname")]
    return bool(text_words) and all(is_bold(w["fontname"]) for w in text_words)


def split_segments(words: list[Word], gap: float = SEGMENT_GAP) -> list[Segment]:
    """A line's words (sorted left to right) split wherever the gap is wider than
    `gap` font sizes."""
    segments: list[Segment] = []
    for word in words:
        if segments:
            last = segments[-1].words[-1]
            size = float(last.get("size") or word.get("size") or 10.0)
            if float(word["x0"]) - float(last["x1"]) <= gap * size:
                segments[-1].words.append(word)
                continue
        segments.append(Segment([word]))
    return segments


def _same_line(word: Word, anchor: Word) -> bool:
    """Words share a line when their baselines (bottoms) are close for their size."""
    size = max(float(word.get("size") or 0.0), float(anchor.get("size") or 0.0), 6.0)
    return abs(float(word["bottom"]) - float(anchor["bottom"])) <= max(2.5, 0.3 * size)


def group_text_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into visual lines by their baselines, each sorted left to right.

    Baselines rather than tops, so a larger initial capital and the smaller
    capitals after it stay on one line.
    """
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(float(w["bottom"]), 1), float(w["x0"]))):
        if lines and _same_line(word, lines[-1][0]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [rejoin_small_caps(sorted(line, key=lambda w: float(w["x0"]))) for line in lines]


SMALL_CAPS_GAP = 0.12  # an initial this close (in its font sizes) to smaller capitals begins them
LOOSE_SMALL_CAPS_GAP = 0.45  # as far as this when the line repeats the pattern word after word


def _small_caps_pair(left: Word, right: Word, gap_limit: float = SMALL_CAPS_GAP) -> bool:
    """Whether `right` is the small-capital rest of a word `left` began with a larger
    capital ("D" + "ATE"): close spacing and a drop in size from capitals to capitals."""
    a, b = float(left.get("size") or 0.0), float(right.get("size") or 0.0)
    if not (a and b) or not (0.55 * a <= b <= 0.92 * a):
        return False
    gap = float(right["x0"]) - float(left["x1"])
    if gap > gap_limit * a:
        return False
    lt, rt = left["text"], right["text"]
    if gap_limit > SMALL_CAPS_GAP:  # the loose spacing only after a lone initial
        if re.fullmatch(r"\d", lt):  # "1" + "4": the engine shrank the figures too
            return bool(re.fullmatch(r"\d+[.,:;]?", rt))
        if not re.fullmatch(r"[A-Z]", lt):
            return False
    return bool(lt[-1:].isupper() and rt[:1].isupper() and re.fullmatch(r"[A-Z'’-]+[.,:;]?", rt))


def rejoin_small_caps(line: list[Word]) -> list[Word]:
    """A line's words with small-capital fragments joined back into whole words.

    Some print engines set each initial apart from the rest of its word by about a
    space ("P ERSONAL A ND C ARE"); spacing alone cannot tell that from "A NOTE ON
    TERMS", but the pattern can: a lone larger initial before smaller capitals, word
    after word. So such a looser pair joins only where the line has two or more."""
    loose = sum(
        _small_caps_pair(left, right, LOOSE_SMALL_CAPS_GAP) for left, right in pairwise(line)
    )
    limit = LOOSE_SMALL_CAPS_GAP if loose >= 2 else SMALL_CAPS_GAP
    out: list[Word] = []
    for word in line:
        if out and _small_caps_pair(out[-1], word, limit):
            left = out[-1]
            out[-1] = {
                **left,
                "text": left["text"] + word["text"],
                "x1": word["x1"],
                "top": min(left["top"], word["top"]),
                "bottom": max(left["bottom"], word["bottom"]),
            }
        else:
            out.append(word)
    return out


ALIGNED_GAP = 0.5  # a narrower gap still splits a line where a column starts


def _style(word: Word) -> tuple[bool, float]:
    return is_bold(str(word.get("fontname") or "")), round(float(word.get("colour", 0.0)), 1)


def split_at_columns(lines: list[TextLine]) -> None:
    """Split lines also at narrower gaps (or where the style changes) where the next
    word starts at an x position that begins a segment on at least two other lines
    of the page (a column of values whose labels nearly fill their own column)."""
    starts: dict[int, int] = {}
    for line in lines:
        for seg in line.segments[1:]:
            key = round(seg.x0)
            starts[key] = starts.get(key, 0) + 1
    columns = {x for x, n in starts.items() if n >= 2}
    if not columns:
        return

    def at_column(x: float) -> bool:
        key = round(x)
        return key in columns or key - 1 in columns or key + 1 in columns

    for line in lines:
        resplit: list[Segment] = []
        for index, seg in enumerate(line.segments):
            current = Segment([seg.words[0]], aligned=index > 0 and at_column(seg.x0))
            for left, right in pairwise(seg.words):
                size = float(left.get("size") or 10.0)
                gap = float(right["x0"]) - float(left["x1"])
                restyled = gap >= 0.15 * size and _style(left) != _style(right)
                if (gap >= ALIGNED_GAP * size or restyled) and at_column(float(right["x0"])):
                    resplit.append(current)
                    current = Segment([right], aligned=True)
                else:
                    current.words.append(right)
            resplit.append(current)
        line.segments = resplit
