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

from peplint.parsers.pdf_lines import Segment, TextLine, Word, split_segments

HEADER_GAP = 0.9  # header cells are separated by gaps wider than this many font sizes
MAX_CELL_WORDS = 6
WRAP_GAP = 0.35  # lines of one wrapped cell sit closer than this many font sizes apart
Interval = tuple[float, float]
Box = tuple[float, float, float, float]
CellJoiner = Callable[[list[list[Word]], Box], str]  # a cell's lines of words and box -> text


def join_words(lines: list[list[Word]], box: Box) -> str:
    """A cell's text: its lines' words joined by spaces."""
    return " ".join(w["text"] for line in lines for w in line)


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
    lines: list[TextLine],
    start: int,
    stops: Callable[[TextLine], bool],
    join: CellJoiner = join_words,
) -> UnruledTable | None:
    """The unruled table headed by `lines[start]`, or None. `stops(line)` says a line
    cannot be part of a table (a heading); `join` makes a cell's text from its lines
    of words and its box."""
    head = lines[start]
    header_lines = [head]
    spans = [(c.x0, c.x1) for c in header_cells(head)]
    if not spans:
        # A bold header whose cells sit at different heights (wrapped and centred):
        # lines that overlap the first one vertically, taken together.
        header_lines = _overlapping_header(lines, start)
        spans = _column_spans(header_lines) if len(header_lines) > 1 else []
        if len(spans) < 2:
            return None
    strips: list[list[Interval]] = [[(a[1], b[0])] for a, b in pairwise(spans)]
    body_lines: list[TextLine] = []
    for line in lines[start + len(header_lines) :]:
        previous = (body_lines or header_lines)[-1]
        if line.page != head.page or line.top - previous.bottom > 2.5 * max(line.size, 6.0):
            break
        # Lines in a bold header's style (header cells wrapped onto more lines, or a
        # grouping row above the real header) belong to the header, even where they
        # would pass for headings on their own.
        wrapped_header = not body_lines and (head.bold or stops(line)) and _same_style(line, head)
        if not wrapped_header and stops(line):
            break
        if body_lines and abs(line.size - body_lines[0].size) > 0.6:
            break  # the rows of a table share their type size
        narrowed = _fits(line, strips)
        if narrowed is None:
            break
        strips = narrowed
        (header_lines if wrapped_header else body_lines).append(line)
    if not body_lines:
        return None
    strips = _finest_columns(header_lines, body_lines, strips)
    trailing = _headless_column(spans[-1][1], body_lines)
    if trailing is not None:
        strips = [*strips, [trailing]]
    cuts = [max(free, key=lambda iv: iv[1] - iv[0]) for free in strips]
    positions = [(a + b) / 2 for a, b in cuts]
    spread = [_columns_of(ln, positions) for ln in body_lines]
    one_column = max(sum(1 for c in cols if c) for cols in spread) < 2
    if one_column and all(cols[0] for cols in spread):
        return None  # every body line sits in the first column: text under a gapped line
    edges = _edges(positions, [*header_lines, *body_lines])
    header_cells_lines = [_columns_of(h, positions) for h in header_lines]
    header = [
        join([ln for ln in lines_ if ln], _box(edges, j, header_lines))
        for j, lines_ in enumerate(zip(*header_cells_lines, strict=False))
    ]
    rows = [header, *_rows(body_lines, spread, edges, join)]
    return UnruledTable(
        rows=rows,
        cuts=positions,
        lines_used=len(header_lines) + len(body_lines),
        header_distinct=not _same_style(head, body_lines[0]),
        header_rows=len(header_lines),
    )


def _headless_column(header_end: float, body_lines: list[TextLine]) -> Interval | None:
    """The gutter before a last column whose header cell is blank (a print view's "Edit
    Delete" actions, a tick column): a strip right of the header's last cell, free on every
    body line and as wide as the gaps between header cells, with words after it on at
    least half the lines; None when there is no such strip."""
    right = max(line.x1 for line in body_lines)
    free: list[Interval] = [(header_end, right)]
    for line in body_lines:
        for word in line.words:
            free = _subtract(free, float(word["x0"]), float(word["x1"]))
        if not free:
            return None
    size = max(line.size for line in body_lines) or 10.0
    for a, b in sorted(free, key=lambda iv: iv[0]):
        after = sum(1 for line in body_lines if any(float(w["x0"]) >= b for w in line.words))
        if b - a >= HEADER_GAP * size and after * 2 >= len(body_lines):
            return (a, b)
    return None


def _overlapping_header(lines: list[TextLine], start: int) -> list[TextLine]:
    """The bold lines from `start` on that overlap the one before them vertically."""
    out = [lines[start]]
    for line in lines[start + 1 :]:
        if not (
            line.bold and out[0].bold and line.page == out[0].page and line.top < out[-1].bottom
        ):
            break
        out.append(line)
    return out


def _column_spans(header_lines: list[TextLine]) -> list[Interval]:
    """The x extents of a header's columns: its lines' segments merged where they overlap."""
    spans: list[Interval] = []
    for seg in sorted((s for h in header_lines for s in h.segments), key=lambda s: s.x0):
        if spans and seg.x0 <= spans[-1][1] + 1.0:
            spans[-1] = (spans[-1][0], max(spans[-1][1], seg.x1))
        else:
            spans.append((seg.x0, seg.x1))
    if any(b[0] - a[1] < MIN_GUTTER for a, b in pairwise(spans)):
        return []
    return spans


def _finest_columns(
    header_lines: list[TextLine], body_lines: list[TextLine], strips: list[list[Interval]]
) -> list[list[Interval]]:
    """Column strips from where the cells of all the header's lines start (a header
    whose first line groups columns, "Autumn" over three; header cells wrapped or
    centred at different heights), kept where no word of the table crosses them;
    the first line's strips when that gives no more columns."""
    if len(header_lines) == 1:
        return strips
    cells = [c for h in header_lines for c in split_segments(h.words, HEADER_GAP)]
    starts: list[float] = []
    for x0 in sorted(c.x0 for c in cells):
        if not starts or x0 - starts[-1] > 2.0:
            starts.append(x0)
    candidates: list[list[Interval]] = []
    for left, right in pairwise(starts):
        end = max(c.x1 for c in cells if left - 0.5 <= c.x0 < right - 0.5)
        if end < right:
            candidates.append([(end, right)])
    for line in [*header_lines, *body_lines]:
        kept = []
        for free in candidates:
            for word in line.words:
                free = _subtract(free, float(word["x0"]), float(word["x1"]))
                if not free:
                    break
            if free:
                kept.append(free)
        candidates = kept
    return candidates if len(candidates) > len(strips) else strips


def _edges(cuts: list[float], lines: list[TextLine]) -> list[float]:
    """Column edges: the table's left edge, the cuts, and its right edge."""
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    return [left, *cuts, right]


def _box(edges: list[float], column: int, lines: list[TextLine]) -> Box:
    return (edges[column], lines[0].top, edges[column + 1], lines[-1].bottom)


def _columns_of(line: TextLine, cuts: list[float]) -> list[list[Word]]:
    """A line's words per column, placed by bisecting the column cuts."""
    cols: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
    for word in line.words:
        centre = (float(word["x0"]) + float(word["x1"])) / 2
        cols[bisect_right(cuts, centre)].append(word)
    return cols


def _rows(
    lines: list[TextLine], spread: list[list[list[Word]]], edges: list[float], join: CellJoiner
) -> list[list[str]]:
    """Body lines grouped into rows (by the larger gaps between rows when the spacing
    varies, else a line with text in the first column starts a row), cells joined."""
    gaps = [b.top - a.bottom for a, b in pairwise(lines)]
    varied = bool(gaps) and max(gaps) - min(gaps) > 1.5
    size = max((line.size for line in lines), default=10.0)
    # Lines of one wrapped cell sit closer than a third of the type size apart.
    threshold = min((max(gaps) + min(gaps)) / 2, WRAP_GAP * size) if varied else 0.0
    grouped: list[tuple[list[TextLine], list[list[list[Word]]]]] = []
    for index, cols in enumerate(spread):
        if index == 0:
            new_row = True
        elif varied:
            new_row = gaps[index - 1] > threshold
        else:
            new_row = bool(cols[0]) and not (
                gaps[index - 1] < WRAP_GAP * size and _wraps(spread[index - 1], cols, edges)
            )
        if new_row:
            grouped.append(([lines[index]], [[c] if c else [] for c in cols]))
        else:
            grouped[-1][0].append(lines[index])
            for cell, words in zip(grouped[-1][1], cols, strict=False):
                if words:
                    cell.append(words)
    return [
        [join(cell, _box(edges, j, row_lines)) for j, cell in enumerate(cells)]
        for row_lines, cells in grouped
    ]


def _wraps(above: list[list[Word]], cols: list[list[Word]], edges: list[float]) -> bool:
    """Whether a line's cells go on the cells of the line above (one wrapped cell, "Combined"
    over "Science"): each of its cells has text above it, and its first word could not have
    been set after that text within the column (it runs past the gutter's middle)."""
    filled = [j for j, words in enumerate(cols) if words]
    if not filled:
        return False
    for j in filled:
        if not above[j]:
            return False
        last, first = above[j][-1], cols[j][0]
        space = 0.25 * float(last.get("size") or 10.0)
        width = float(first["x1"]) - float(first["x0"])
        if float(last["x1"]) + space + width <= edges[j + 1]:
            return False
    return True


def continue_table(
    lines: list[TextLine],
    cuts: list[float],
    stops: Callable[[TextLine], bool],
    join: CellJoiner = join_words,
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
    return _rows(taken, spread, _edges(cuts, taken), join), len(taken)
