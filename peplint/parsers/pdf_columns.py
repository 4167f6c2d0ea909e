"""Where PDF tables without ruled lines are read: columns from aligned words.

A header line of short cells separated by gaps opens a candidate table. The
lines below belong to it while none of their words crosses every free strip
of a gap between two header cells; a column boundary is placed in the strip
that stays free. Words then go to columns by bisecting the boundaries, and
lines to rows by the vertical rhythm (rows are further apart than the lines
of one wrapped cell). Pure geometry over `TextLine`s.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from peplint.parsers.pdf_lines import Segment, TextLine, split_segments

HEADER_GAP = 0.9  # header cells are separated by gaps wider than this many font sizes
MAX_CELL_WORDS = 6
Interval = tuple[float, float]


@dataclass
class UnruledTable:
    """A table found from word alignment, with where its columns are cut."""

    rows: list[list[str]]
    cuts: list[float]  # x positions between columns, left to right
    lines_used: int  # how many lines (header included) it took
    header_distinct: bool  # whether the header row looks different from the body rows
    header_rows: int = 1


def header_cells(line: TextLine) -> list[Segment]:
    """A line's cells if it could head a table: two or more short cells."""
    cells = split_segments(line.words, HEADER_GAP)
    if len(cells) < 2:
        return []
    if any(len(c.words) > MAX_CELL_WORDS or len(c.text) > 40 for c in cells):
        return []
    if any(c.text.rstrip().endswith((".", ",")) for c in cells):
        return []
    return cells


MIN_GUTTER = 4.0  # a column boundary needs a free strip at least this wide (a word space is less)


def _subtract(free: list[Interval], x0: float, x1: float) -> list[Interval]:
    out: list[Interval] = []
    for a, b in free:
        if x1 <= a or x0 >= b:
            out.append((a, b))
            continue
        if x0 - a >= MIN_GUTTER:
            out.append((a, x0))
        if b - x1 >= MIN_GUTTER:
            out.append((x1, b))
    return out


def _fits(line: TextLine, strips: list[list[Interval]]) -> list[list[Interval]] | None:
    """The free strips left once `line`'s words are laid over them, or None when a
    word closes a strip (the line runs across a column boundary)."""
    out = []
    for free in strips:
        for word in line.words:
            free = _subtract(free, float(word["x0"]), float(word["x1"]))
            if not free:
                return None
        out.append(free)
    return out


def _same_style(a: TextLine, b: TextLine) -> bool:
    return a.bold == b.bold and abs(a.colour - b.colour) < 0.2 and abs(a.size - b.size) < 0.6


def find_table(
    lines: list[TextLine], start: int, stops: Callable[[TextLine], bool]
) -> UnruledTable | None:
    """The unruled table headed by `lines[start]`, or None. `stops(line)` says a line
    cannot be part of a table (a heading)."""
    head = lines[start]
    cells = header_cells(head)
    if not cells:
        return None
    strips: list[list[Interval]] = [[(left.x1, right.x0)] for left, right in pairwise(cells)]
    header_lines = [head]
    body_lines: list[TextLine] = []
    for line in lines[start + 1 :]:
        previous = (body_lines or header_lines)[-1]
        if line.page != head.page or line.top - previous.bottom > 2.5 * max(line.size, 6.0):
            break
        # Header cells wrapped onto more lines in the header's style (which may look
        # like headings on their own) belong to the header.
        wrapped_header = (
            not body_lines
            and (head.bold or stops(line))
            and _same_style(line, head)
            and line.top - previous.bottom < 0.6 * max(line.size, 6.0)
        )
        if not wrapped_header and stops(line):
            break
        narrowed = _fits(line, strips)
        if narrowed is None:
            break
        strips = narrowed
        (header_lines if wrapped_header else body_lines).append(line)
    if not body_lines:
        return None
    cuts = [max(free, key=lambda iv: iv[1] - iv[0]) for free in strips]
    positions = [(a + b) / 2 for a, b in cuts]
    header_rows = len(header_lines)
    spread = [_columns_of(ln, positions) for ln in body_lines]
    one_column = max(sum(1 for c in cols if c) for cols in spread) < 2
    if one_column and all(cols[0] for cols in spread):
        return None  # every body line sits in the first column: text under a gapped line
    header = [
        " ".join(p for p in parts if p)
        for parts in zip(*(_columns_of(h, positions) for h in header_lines), strict=False)
    ]
    rows = [header, *_rows(body_lines, spread)]
    return UnruledTable(
        rows=rows,
        cuts=positions,
        lines_used=len(header_lines) + len(body_lines),
        header_distinct=not _same_style(head, body_lines[0]),
        header_rows=header_rows,
    )


def _columns_of(line: TextLine, cuts: list[float]) -> list[str]:
    """A line's text per column, words placed by bisecting the column cuts."""
    cols: list[list[str]] = [[] for _ in range(len(cuts) + 1)]
    for word in line.words:
        centre = (float(word["x0"]) + float(word["x1"])) / 2
        cols[bisect_right(cuts, centre)].append(word["text"])
    return [" ".join(c) for c in cols]


def _rows(lines: list[TextLine], spread: list[list[str]]) -> list[list[str]]:
    """Body lines grouped into rows: by the larger gaps between rows when the spacing
    varies, else a line with text in the first column starts a row."""
    gaps = [b.top - a.bottom for a, b in pairwise(lines)]
    varied = bool(gaps) and max(gaps) - min(gaps) > 1.5
    threshold = (max(gaps) + min(gaps)) / 2 if varied else 0.0
    rows: list[list[str]] = []
    for index, cols in enumerate(spread):
        new_row = index == 0 or (gaps[index - 1] > threshold if varied else bool(cols[0]))
        if new_row:
            rows.append(list(cols))
        else:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cols, strict=False)]
    return rows


def continue_table(
    lines: list[TextLine], cuts: list[float], stops: Callable[[TextLine], bool]
) -> tuple[list[list[str]], int]:
    """Rows at the top of a page that continue a table cut at `cuts`, and how many
    lines they took ((``[]``, 0) when the page does not start with such rows)."""
    strips: list[list[Interval]] = [[(c - MIN_GUTTER, c + MIN_GUTTER)] for c in cuts]
    taken: list[TextLine] = []
    for line in lines:
        if stops(line) or (taken and line.top - taken[-1].bottom > 2.5 * max(line.size, 6.0)):
            break
        narrowed = _fits(line, strips)
        if narrowed is None:
            break
        strips = narrowed
        taken.append(line)
    spread = [_columns_of(ln, cuts) for ln in taken]
    if not taken or max(sum(1 for c in cols if c) for cols in spread) < 2:
        return [], 0
    return _rows(taken, spread), len(taken)
