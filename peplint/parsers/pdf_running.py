"""Where running headers and footers are found in a PDF, generically.

A running header or footer is a line segment near the top or bottom of the
page that repeats, digits aside, at about the same height on most pages (the
child's name, a title, "Printed on 14/10/2026 10:32", "Page 2 of 5"), or that
is a page number or a print stamp in the page margin on any page. Nothing
here knows any producer's wording.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

TOP_BAND, BOTTOM_BAND = 0.12, 0.10  # shares of the page height where running text lives
MARGIN_BAND = 0.06  # the outer margin, where a single page's stamps and numbers sit
_PAGE_NUMBER = re.compile(
    r"(?i)^[-–\s]*(page|p\.|pg\.?)?\s*\d+\s*((of|/|\\)\s*\d+)?[-–\s]*$|^(page|p\.)\s*\d+\b.*$"
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(:\d{2})?\s*(am|pm)?\b", re.I)
_DATE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}(st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+\d{4}\b",
)
_STAMP_WORDS = re.compile(r"(?i)\b(printed|generated|produced|exported|created)\b")


@dataclass(frozen=True)
class MarginText:
    """A segment of text near a page edge: its page, text and height on the page."""

    page: int
    text: str
    top: float
    page_height: float
    x0: float | None = None  # where the text starts and ends across the page (None: unknown)
    x1: float | None = None
    alone: bool = True  # the only segment on its line
    at_end: bool = True  # the first or last segment of its line
    height: float = 0.0  # its line's height
    apart: float | None = None  # blank space to the page's next line inward (None: unknown)

    @property
    def at_top(self) -> bool:
        """Whether it sits in the top band (else the bottom band)."""
        return self.top < self.page_height / 2


def in_running_band(top: float, bottom: float, page_height: float) -> bool:
    """Whether a line lies where running headers and footers live."""
    return top < page_height * TOP_BAND or bottom > page_height * (1 - BOTTOM_BAND)


def is_page_furniture(text: str) -> bool:
    """Page numbers ("3", "Page 3 of 7", "3 / 7", "- 3 -") and print stamps
    ("Printed on 14/10/2026 10:32", "14/10/2026, 10:32")."""
    t = text.strip()
    if _PAGE_NUMBER.match(t):
        return True
    if _TIME.search(t) and _DATE.search(t):
        return True
    return bool(_STAMP_WORDS.search(t) and (_DATE.search(t) or _TIME.search(t)))


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def running_texts(margins: list[MarginText], page_count: int) -> set[MarginText]:
    """The margin texts to drop: repeated at about the same height on at least half
    the pages (and two), digits aside in the outer margin only (so "Section 2" at the
    top of a page is not taken for furniture); page numbers and stamps anywhere in
    the outer margin."""
    by_key: dict[tuple[str, bool], list[MarginText]] = defaultdict(list)
    for item in margins:
        text = _key(item.text) if _outer(item) else " ".join(item.text.split()).lower()
        by_key[(text, item.at_top)].append(item)
    needed = max(2, (page_count + 1) // 2)
    drop: set[MarginText] = set()
    for items in by_key.values():
        if len({i.page for i in items}) >= needed:
            same = _same_place(items)
            if len({i.page for i in same}) >= needed:
                drop.update(same)
    drop |= _after_first_page(margins, page_count)
    for item in margins:
        if not is_page_furniture(item.text) or not _page_number_here(item):
            continue
        if _outer(item) or len(item.text) < 20:
            drop.add(item)
    return drop


def _after_first_page(margins: list[MarginText], page_count: int) -> set[MarginText]:
    """Running text that every page but the first carries ("Different first page": the
    child's name and the form's title over pages 2 on, where the first page has its title
    instead), so in a two-page document it is on one page only. Taken for furniture only
    where it stands outside the first page's text (nothing there sits as near the edge)
    and apart from its own page's text (a blank of more than its height), alone on its
    line in the outer margin."""
    if page_count < 2:
        return set()
    first = [m for m in margins if m.page == 1]
    by_key: dict[tuple[str, bool], list[MarginText]] = defaultdict(list)
    for item in margins:
        apart = item.apart is not None and item.apart > 1.5 * item.height > 0
        if item.page > 1 and item.alone and _outer(item) and apart:
            by_key[(_key(item.text), item.at_top)].append(item)
    drop: set[MarginText] = set()
    for (_, at_top), items in by_key.items():
        same = _same_place(items)
        if len({i.page for i in same}) < page_count - 1:
            continue
        if at_top:
            edge = min(i.top for i in same)
            outside = all(m.top >= edge + m.height for m in first if m.at_top)
        else:
            edge = max(i.top + i.height for i in same)
            outside = all(m.top + m.height <= edge - m.height for m in first if not m.at_top)
        if outside:
            drop.update(same)
    return drop


def _page_number_here(item: MarginText) -> bool:
    """Whether furniture-like text stands as furniture where it is: a bare figure beside
    other text is a page number only at the end of its line and equal to its page's
    number ("6" between "English | KS3" and "Yes" is a table's cell)."""
    if item.alone or not re.fullmatch(r"[-–\s]*\d+[-–\s]*", item.text):
        return True
    return item.at_end and int(re.sub(r"\D", "", item.text)) == item.page


def _outer(item: MarginText) -> bool:
    """Whether the text sits in the outer margin of its page."""
    height = item.page_height
    return item.top < height * MARGIN_BAND or item.top > height * (1 - MARGIN_BAND * 1.5)


def _same_place(items: list[MarginText]) -> list[MarginText]:
    """The repeats that sit where most of them do: within a few points of one height
    (measured from the nearer page edge, so page sizes may differ) and, where known,
    lined up across the page (same start, end or centre). A form's "✓ Yes" that falls
    near the foot of two pages at other places across them is not furniture. Empty
    when the repeats do not agree (with two, both must)."""

    def height(i: MarginText) -> float:
        return i.top if i.at_top else i.page_height - i.top

    ordered = sorted(items, key=height)
    middle = ordered[len(ordered) // 2]
    same = [i for i in items if abs(height(i) - height(middle)) <= 6 and _lined_up(i, middle)]
    return same if len(same) * 2 > len(items) else []


def _lined_up(a: MarginText, b: MarginText) -> bool:
    if a.x0 is None or a.x1 is None or b.x0 is None or b.x1 is None:
        return True
    return (
        abs(a.x0 - b.x0) <= 6
        or abs(a.x1 - b.x1) <= 6
        or abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= 6
    )
