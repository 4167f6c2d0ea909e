"""Where PDFs are read: pdfplumber pages to the block stream.

Per page: words are extracted once (no layout analysis, which is superlinear),
drawn checkboxes become glyph pseudo-words, ruled tables are read from word
positions, and the remaining lines become headings (larger or bold type than
the body) and paragraphs. Running headers and footers are dropped, tables that
continue onto the next page are joined. Every page is closed as soon as it is read
and, past the first few, waits packed until the document's end (pdf_pages), so
memory stays flat on long files.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from peplint import errors
from peplint.model.document import Block, BlockKind, Document, Table
from peplint.parsers.pdf_checkboxes import checkbox_words, is_box, is_box_mark
from peplint.parsers.pdf_columns import UnruledTable, continue_table, find_table
from peplint.parsers.pdf_fields import (
    PairColumns,
    below,
    gap_pairs,
    is_form_label,
    label_above_pairs,
    label_row,
    label_text,
    under_labels,
)
from peplint.parsers.pdf_headings import (
    HeadingStyle,
    body_size,
    heading_cue,
    heading_levels,
    mark_bands,
    style_of,
)
from peplint.parsers.pdf_lines import (
    TextLine,
    group_text_lines,
    luminance,
    split_at_columns,
)
from peplint.parsers.pdf_open import lay_out
from peplint.parsers.pdf_pages import KEEP_UNPACKED, Pages, PageStore
from peplint.parsers.pdf_running import MarginText, in_running_band, running_texts
from peplint.parsers.pdf_struck import without_struck
from peplint.parsers.pdf_tables import (
    TABLE_SETTINGS,
    RawCell,
    RawTable,
    finish_table,
    healed_across,
    join_cell,
    read_table,
)


@dataclass
class _PageItems:
    number: int
    height: float
    items: list[tuple[float, TextLine | RawTable]] = field(default_factory=list)


def _plain_words(words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """pdfplumber's words cut down to what the reader uses (text, box, font, size) with
    their fill colour reduced to a lightness (``colour``), each distinct colour reckoned
    once (a page uses a handful). Every page's words are held until the whole document
    has been seen (running headers, the body size and heading levels are the document's),
    so the keys nothing reads (doctop, upright, height, width, direction) are not kept:
    they were over half of what a page held."""
    known: dict[Any, float] = {}
    plain: list[dict[str, Any]] = []
    for word in words:
        colour = word.get("non_stroking_color")
        try:
            lightness = known.get(colour)
        except TypeError:  # a colour as a list: not a key
            lightness = luminance(colour)
        else:
            if lightness is None:
                lightness = known[colour] = luminance(colour)
        plain.append(
            {
                "text": word["text"],
                "x0": word["x0"],
                "x1": word["x1"],
                "top": word["top"],
                "bottom": word["bottom"],
                "fontname": word.get("fontname"),
                "size": word.get("size"),
                "colour": lightness,
            }
        )
    return plain


def _plain_rects(page: Any) -> list[dict[str, float | None]]:
    """The page's filled rectangles as plain boxes with the fill's lightness.

    Filled curves count too: a text box or a rounded band (LibreOffice draws a Word text
    box as a closed curve) is a filled shape behind its line like any rectangle."""
    return [
        {
            "x0": float(r["x0"]),
            "x1": float(r["x1"]),
            "top": float(r["top"]),
            "bottom": float(r["bottom"]),
            "fill": luminance(r.get("non_stroking_color")),
        }
        for r in list(page.rects) + list(page.curves)
        if r.get("fill")
    ]


def _without_shapes(page: Any, keep: Callable[[dict[str, Any]], bool]) -> Any:
    """The page with all its characters and only the shapes (rectangles, lines, curves)
    `keep` accepts. A PDFium page keeps its characters unbuilt (`without_shapes`)."""
    narrowed = getattr(page, "without_shapes", None)
    if narrowed is not None:
        return narrowed(keep)
    # A character is never a box's object (those are rectangles, lines and curves).
    return page.filter(lambda o: o.get("object_type") == "char" or keep(o))


def _char_count(page: Any) -> int:
    """How many characters the page has (a PDFium page counts them without building them)."""
    count = getattr(page, "char_count", None)
    return len(page.chars) if count is None else int(count)


def _read_page(page: Any, number: int) -> tuple[_PageItems, int, int]:
    """A page's lines and tables; also its character count and image count."""
    lay_out(page)
    box_words, box_objects = checkbox_words(page)
    if box_objects:
        ids = {id(o) for o in box_objects}
        clean_page = _without_shapes(
            page, lambda o: id(o) not in ids and not is_box(o) and not is_box_mark(o, [])
        )
    else:
        clean_page = page
    clean_page = without_struck(clean_page)  # deleted text, as tracked changes print
    words = _plain_words(
        clean_page.extract_words(
            extra_attrs=["fontname", "size", "non_stroking_color"], keep_blank_chars=False
        )
    )
    words += box_words
    out = _PageItems(number=number, height=float(page.height))
    remaining = words
    for found in clean_page.find_tables(TABLE_SETTINGS):
        table, used = read_table(found, remaining)
        used_ids = {id(w) for w in used}
        remaining = [w for w in remaining if id(w) not in used_ids]
        if any(any(c is not None and c.lines for c in row) for row in table.rows):
            out.items.append((float(found.bbox[1]), table))
    lines = [TextLine(words=ws, page=number) for ws in group_text_lines(remaining)]
    split_at_columns(lines)
    mark_bands(lines, _plain_rects(clean_page))
    out.items.extend((line.top, line) for line in lines)
    out.items.sort(key=lambda item: item[0])
    return out, _char_count(page), len(page.images)


def _apart(page: _PageItems, index: int) -> float | None:
    """The blank between a margin line and the page's next line inward (below it in the
    top half, above it in the bottom half); None when a table or nothing is there."""
    line = page.items[index][1]
    assert isinstance(line, TextLine)
    at_top = line.top < page.height / 2
    step = 1 if at_top else -1
    j = index + step
    while 0 <= j < len(page.items):
        other = page.items[j][1]
        if not isinstance(other, TextLine):  # a ruled table: only its top is known here
            return page.items[j][0] - line.bottom if at_top else None
        if other.bottom <= line.top or other.top >= line.bottom:  # not on the same line
            return other.top - line.bottom if at_top else line.top - other.bottom
        j += step
    return None


# A margin line's segment as read: the margin text, and where its words are (the page's
# index in the document, the line's index among the page's items, the words' indices in
# the line), so it can be found again in a page that was packed and unpacked since.
_Margin = tuple[MarginText, int, int, frozenset[int]]


def _margins(page: _PageItems, page_index: int) -> list[_Margin]:
    """The segments of the page's lines in the running bands (top and bottom margins)."""
    out: list[_Margin] = []
    for index, (_, item) in enumerate(page.items):
        if not (isinstance(item, TextLine) and in_running_band(item.top, item.bottom, page.height)):
            continue
        position = {id(w): i for i, w in enumerate(item.words)}
        for seg in item.segments:
            margin = MarginText(
                page.number,
                seg.text,
                item.top,
                page.height,
                seg.x0,
                seg.x1,
                alone=len(item.segments) == 1,
                at_end=seg is item.segments[0] or seg is item.segments[-1],
                height=item.bottom - item.top,
                apart=_apart(page, index),
            )
            out.append((margin, page_index, index, frozenset(position[id(w)] for w in seg.words)))
    return out


def _running_words(margins: list[_Margin], page_count: int) -> dict[int, dict[int, set[int]]]:
    """The running headers' and footers' words: page index -> line index -> word indices."""
    drop = running_texts([m for m, _, _, _ in margins], page_count)
    dropped: dict[int, dict[int, set[int]]] = {}
    for margin, page_index, line_index, indices in margins:
        if margin in drop:
            dropped.setdefault(page_index, {}).setdefault(line_index, set()).update(indices)
    return dropped


def _drop_words(page: _PageItems, lines: dict[int, set[int]]) -> None:
    """Remove the given words of the page's lines (segment by segment; an emptied line goes)."""
    kept: list[tuple[float, TextLine | RawTable]] = []
    for index, (top, item) in enumerate(page.items):
        gone = lines.get(index)
        if gone and isinstance(item, TextLine):
            words = [w for i, w in enumerate(item.words) if i not in gone]
            if not words:
                continue
            band = item.band
            item = TextLine(words=words, page=item.page)
            item.band = band
        kept.append((top, item))
    page.items = kept


@dataclass
class _Reader:
    """The document-wide state of turning pages of lines and tables into blocks."""

    body: float
    cues: dict[int, str]  # id(line) -> heading cue
    levels: dict[HeadingStyle, int]
    vocabulary: set[str]
    blocks: list[Block] = field(default_factory=list)
    previous_line: TextLine | None = None
    table_end_page: int = 0  # the page the last table block ends on
    unruled: tuple[Block, list[float]] | None = None  # the last unruled table and its cuts
    pair_columns: PairColumns | None = None  # the columns of the last label/value line
    right: float = 0.0  # the right edge of the text in the current run of lines

    def stops(self, line: TextLine) -> bool:
        """Whether a line is a heading (so no table runs through it)."""
        return id(line) in self.cues

    def join(
        self, lines: list[list[dict[str, Any]]], box: tuple[float, float, float, float]
    ) -> str:
        """An unruled cell's text, healed like a ruled cell's (words broken by narrow
        columns, items on their own lines)."""
        return join_cell(RawCell(lines=lines, bbox=box), self.vocabulary)


def _lines(page: _PageItems) -> Iterator[TextLine]:
    return (item for _, item in page.items if isinstance(item, TextLine))


def _to_blocks(pages: Pages[_PageItems], margins: list[_Margin] | None = None) -> list[Block]:
    """The document's blocks, in three passes over its pages (each packed page unpacked
    in turn): its body size; then its heading styles and vocabulary; then its blocks,
    page by page. `margins`: the pages' margin lines, as read (found here if not given)."""
    if margins is None:
        margins = [m for index, page in enumerate(pages) for m in _margins(page, index)]
    running = _running_words(margins, len(pages))

    def lines_without_running() -> Iterator[TextLine]:
        # The first pass drops the running headers and footers as it visits each page.
        for index, page in enumerate(pages):
            if index in running:
                _drop_words(page, running[index])
                pages[index] = page
            yield from _lines(page)

    body = body_size(lines_without_running())
    styles: list[HeadingStyle] = []
    vocabulary: set[str] = set()
    page_cues: list[dict[int, str]] = []  # per page: a heading line's place among its lines
    for page in pages:
        found: dict[int, str] = {}
        for place, line in enumerate(_lines(page)):
            cue = heading_cue(line, body)
            if cue is not None:
                found[place] = cue
                styles.append(style_of(line, body))
            vocabulary.update(w.lower().strip(".,;:!?()'\"") for w in line.text.split())
        page_cues.append(found)
    reader = _Reader(body=body, cues={}, levels=heading_levels(styles, body), vocabulary=vocabulary)
    previous: tuple[_PageItems, dict[int, str]] | None = None
    for page, found in zip(pages, page_cues, strict=True):
        # A packed page comes back as new lines: its cues are found by their places.
        cues = {id(ln): found[i] for i, ln in enumerate(_lines(page)) if i in found}
        # The previous page's cues stay known (its lines may still be looked at), and
        # that page stays alive while they do, so no id in the table is reused meanwhile.
        reader.cues = {**previous[1], **cues} if previous else cues
        _read_items(reader, page)
        previous = (page, cues)
    return _labels_over_a_page_break(reader.blocks)


def _labels_over_a_page_break(blocks: list[Block]) -> list[Block]:
    """A bold label that ends a page inside a run of label-above pairs, over a one-line
    value at the top of the next page, is a pair (not a heading): its value was read on
    the next page, where the label's line was out of reach."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        before = out[-1] if out else None
        value = blocks[i + 1] if i + 1 < len(blocks) else None
        after = blocks[i + 2] if i + 2 < len(blocks) else None
        if (
            block.kind == BlockKind.HEADING
            and block.cue == "bold"
            and (block.level or 0) >= 3
            and before is not None
            and before.cue == "label-above"
            and before.page == block.page
            and value is not None
            and value.kind == BlockKind.PARAGRAPH
            and value.page == block.page + 1
            and len(value.text) <= 60
            and not value.text.rstrip().endswith((".", ":"))
            and (after is None or after.cue == "label-above")
        ):
            out.append(_pair(label_text(block.text), value.text, block.page, "label-above"))
            i += 2
            continue
        out.append(block)
        i += 1
    return out


def _read_items(reader: _Reader, page: _PageItems) -> None:
    items = [item for _, item in page.items]
    index = 0
    while index < len(items):
        item = items[index]
        first_on_page = index == 0
        if isinstance(item, RawTable):
            table = finish_table(item, reader.vocabulary)
            continues = first_on_page and reader.table_end_page == page.number - 1
            _add_table(reader.blocks, table, page.number, continues)
            reader.table_end_page = page.number
            reader.previous_line, reader.unruled = None, None
            index += 1
            continue
        run = _line_run(items, index)
        index += _read_lines(reader, run, page.number, first_on_page)


def _line_run(items: list[TextLine | RawTable], start: int) -> list[TextLine]:
    run: list[TextLine] = []
    for item in items[start:]:
        if not isinstance(item, TextLine):
            break
        run.append(item)
    return run


def _read_lines(reader: _Reader, lines: list[TextLine], page: int, first_on_page: bool) -> int:
    """Blocks from a run of lines between ruled tables; returns how many lines were used."""
    reader.right = max((ln.x1 for ln in lines), default=0.0)
    i = 0
    if (
        first_on_page
        and reader.unruled is not None
        and reader.table_end_page == page - 1
        and reader.blocks
        and reader.blocks[-1] is reader.unruled[0]
    ):
        block, cuts = reader.unruled
        repeated = find_table(lines, 0, reader.stops, reader.join)
        header_again = (
            repeated is not None
            and block.table is not None
            and _map_columns(block.table.rows, [_cells(repeated.rows[0]), []]) is not None
        )
        rows, used = (
            ([], 0) if header_again else continue_table(lines, cuts, reader.stops, reader.join)
        )
        if used and block.table is not None:
            block.table.rows.extend(list(r) for r in rows)
            reader.table_end_page = page
            i = used
    while i < len(lines):
        line = lines[i]
        if _is_empty_in_list(reader, lines, i, at_page_top=first_on_page and i == 0):
            reader.blocks.append(_pair(label_text(line.text), "", page, "gap"))
            i += 1 + _continue_pair(reader, lines, i + 1, line)
            continue
        overlapped = i + 1 < len(lines) and lines[i + 1].top < line.bottom
        if reader.cues.get(id(line)) == "bold" and overlapped:
            # A header cell set higher than its neighbours (wrapped and centred).
            found = find_table(lines, i, reader.stops, reader.join)
            used = _add_unruled(reader, found, lines, i, page, i == 0) if found else 0
            if used:
                i += used
                continue
        if id(line) in reader.cues:
            used = _bold_label_over_value(reader, lines, i)
            if used:
                i += used
                continue
            _add_heading(reader, line)
            i += 1
            continue
        labelled = _labels_over_values(reader, lines, i)
        if labelled:
            i += labelled
            continue
        # A label and its value beside it start no table (label/value lists are
        # read line by line).
        found = None if gap_pairs(line) else find_table(lines, i, reader.stops, reader.join)
        if found is not None:
            used = _add_unruled(reader, found, lines, i, page, first_on_page=i == 0)
            if used:
                i += used
                continue
        i += _add_plain_line(reader, lines, i)
    return len(lines)


def _labels_over_values(reader: _Reader, lines: list[TextLine], i: int) -> int:
    """A line of two or three form labels over a line of their values (or over
    nothing: empty values) as label-above pairs; returns the lines used."""
    line = lines[i]
    if not 2 <= len(line.segments) <= 3 or not label_row(line):
        return 0
    following = lines[i + 1] if i + 1 < len(lines) else None
    if following is not None and _in_value_place(following, line, reader):
        return 0  # a heading-styled line where the values go: no evidence they are empty
    if (
        following is None
        or (id(following) in reader.cues and not _value_styled(following, line, reader))
        or label_row(following)
        or following.top - line.bottom > 2.5 * max(line.size, 6.0)
    ):
        for segment in line.segments:
            reader.blocks.append(_pair(label_text(segment.text), "", line.page, "label-above"))
        reader.previous_line = None
        return 1
    pairs = label_above_pairs(line, following, allow_bold=False)
    if not pairs:
        return 0
    values = [value for _, value in pairs]
    used = 2
    previous = following
    for more in lines[i + 2 :]:
        # The values' wrapped lines, each part under its label's column.
        if (
            (id(more) in reader.cues and not _value_runs_on(more, [previous], reader))
            or label_row(more)
            or more.top - previous.bottom >= 0.45 * max(more.size, 6.0)
        ):
            break
        parts = under_labels(line, more)
        if parts is None:
            break
        for index, segments in parts.items():
            values[index] = " ".join([values[index], *(seg.text for seg in segments)]).strip()
        previous = more
        used += 1
    after = lines[i + used] if i + used < len(lines) else None
    if after is not None and _same_columns(after, following):
        return 0  # more rows like the first: a table with a header in a label style
    for (label, _), value in zip(pairs, values, strict=True):
        reader.blocks.append(_pair(label, value, line.page, "label-above"))
    reader.previous_line = None
    return used


def _same_columns(line: TextLine, other: TextLine) -> bool:
    """Whether two lines are rows of one table: same style, segments starting alike."""
    starts = {round(s.x0) for s in other.segments}
    return (
        line.bold == other.bold
        and abs(line.colour - other.colour) < 0.15
        and len(line.segments) >= 2
        and all(any(abs(round(s.x0) - x) <= 2 for x in starts) for s in line.segments)
    )


def _add_unruled(
    reader: _Reader,
    found: UnruledTable,
    lines: list[TextLine],
    i: int,
    page: int,
    first_on_page: bool,
) -> int:
    """Add an unruled table (or the label/value pairs it really is); returns the lines
    used, 0 when the lines are label/value lines to read one by one."""
    if found.lines_used == 2 and found.header_rows == 1:
        pairs = label_above_pairs(lines[i], lines[i + 1], allow_bold=False)
        if pairs:
            for label, value in pairs:
                reader.blocks.append(_pair(label, value, page, "label-above"))
            reader.previous_line = None
            return 2
    if len(found.cuts) == 1 and not found.header_distinct:
        return 0  # two columns in one style: a list of labels and values, not a table
    table = Table(rows=[_cells(r) for r in found.rows])
    continues = first_on_page and reader.table_end_page == page - 1
    _add_table(reader.blocks, table, page, continues)
    reader.table_end_page = page
    last = reader.blocks[-1]
    reader.unruled = (last, found.cuts) if last.table is not None else None
    reader.previous_line = None
    return found.lines_used


def _cells(row: list[str]) -> list[str | None]:
    return list(row)


def _pair(label: str, value: str, page: int, cue: str) -> Block:
    return Block(kind=BlockKind.LABEL_VALUE, label=label, text=value, page=page, cue=cue)


def _bold_label_over_value(reader: _Reader, lines: list[TextLine], i: int) -> int:
    """A short bold line over a one-line value (a date, a name, ticked options) is
    a label and its value, not a heading, where the document's sections are marked
    by two styles ranked above that bold (a title and numbered or larger headings);
    returns the lines used (0: a heading after all)."""
    line = lines[i]
    if reader.cues.get(id(line)) != "bold" or i + 1 >= len(lines):
        return 0
    level = reader.levels.get(style_of(line, reader.body), 3)
    if sum(1 for v in set(reader.levels.values()) if v < level) < 2:
        return 0
    value = lines[i + 1]
    after = lines[i + 2] if i + 2 < len(lines) else None
    text = value.text.strip()
    last = reader.blocks[-1] if reader.blocks else None
    if (
        reader.cues.get(id(value)) == "bold"
        and last is not None
        and last.cue == "label-above"
        and abs(value.x0 - line.x0) <= 1.5
        and value.page == line.page
        and value.top - line.bottom <= 1.6 * max(line.size, 6.0)
    ):
        # Inside a run of labels and values, a label straight over the next label is empty.
        reader.blocks.append(_pair(label_text(line.text), "", line.page, "label-above"))
        reader.previous_line = None
        return 1
    if (
        id(value) in reader.cues
        or value.page != line.page
        or not 0 <= value.top - line.bottom <= 1.6 * max(line.size, 6.0)
        or abs(value.x0 - line.x0) > 0.8 * max(line.size, 6.0)
        or len(text) > 60
        or text.endswith((".", ":"))
        or ":" in text
        or (after is not None and after.top - value.bottom < 0.45 * max(value.size, 6.0))
    ):
        return 0
    reader.blocks.append(_pair(label_text(line.text), text, line.page, "label-above"))
    reader.previous_line = None
    return 2


def _wrapped(previous: TextLine, line: TextLine, right: float) -> bool:
    """Whether `line` carries on `previous` (no room was left for its first word, or
    both are centred on one axis); else two short lines, such as two empty labels."""
    first = line.words[0]
    width = float(first["x1"]) - float(first["x0"])
    if previous.x1 + width >= right - 1.5 * max(line.size, 6.0):
        return True
    centre = abs((previous.x0 + previous.x1) / 2 - (line.x0 + line.x1) / 2) < 3.0
    return centre and abs(previous.x0 - line.x0) > 3.0


# Boxes and ticks that answer a question on the line (not bullets, which start lines).
OPTION_MARKS = "☐☒☑□◻✓✔✗✘☓⊗"


def _asks(line: TextLine) -> bool:
    """Whether a line is a question with its options ("Type of PEP ☐ Initial ☒ Review"):
    text, then boxes or ticks."""
    text = line.text.strip()
    return text[:1] not in OPTION_MARKS and any(c in OPTION_MARKS for c in text)


def _options_apart(previous: TextLine, line: TextLine) -> bool:
    """Whether a question with its options stands apart from the line above or below it:
    it is a whole form item, so the next line starts anew unless it carries on the
    options (it starts with a box). A run of short form lines gives no right edge to
    judge a wrap by (its widest line is one of them); the options tell instead."""
    if line.text.strip()[:1] in OPTION_MARKS:
        return False
    return _asks(previous) or _asks(line)


def _add_heading(reader: _Reader, line: TextLine) -> None:
    text = line.text.strip()
    cue = reader.cues[id(line)]
    level = reader.levels.get(style_of(line, reader.body), 3)
    previous = reader.previous_line
    prev_block = reader.blocks[-1] if reader.blocks else None
    if (
        previous is not None
        and prev_block is not None
        and prev_block.kind == BlockKind.HEADING
        and prev_block.cue == cue
        and previous.size == line.size
        and line.top - previous.bottom < line.size * 0.8
        and _wrapped(previous, line, reader.right)
    ):
        prev_block.text += " " + text  # a heading wrapped onto two lines
    else:
        reader.blocks.append(
            Block(kind=BlockKind.HEADING, text=text, level=level, page=line.page, cue=cue)
        )
    reader.previous_line = line


def _add_plain_line(reader: _Reader, lines: list[TextLine], i: int) -> int:
    """A line as label/value pairs, a checkbox, or paragraph text; returns lines used."""
    line = lines[i]
    text = line.text.strip()
    following = lines[i + 1] if i + 1 < len(lines) else None
    pairs = label_above_pairs(line, following) if following is not None else []
    if pairs:
        for label, value in pairs:
            reader.blocks.append(_pair(label, value, line.page, "label-above"))
        reader.previous_line = None
        return 2
    pairs = gap_pairs(line)
    if pairs:
        for label, value in pairs:
            reader.blocks.append(_pair(label, value, line.page, "gap"))
        reader.previous_line = None
        if len(pairs) != 1:
            return 1
        last_row = reader.pair_columns
        value_x0 = line.segments[1].x0
        # Where values wrap: the right edge of the value column's lines (a high
        # percentile, so one line overflowing the column does not move it).
        ends = sorted(
            ln.x1 for ln in lines if any(abs(seg.x0 - value_x0) < 2.0 for seg in ln.segments)
        )
        reader.pair_columns = PairColumns.of(line, ends[int(0.8 * (len(ends) - 1))])
        if last_row is not None and last_row.page == line.page:
            gap = line.top - last_row.bottom
            if 0 <= gap < 2.5 * last_row.size:
                reader.pair_columns.row_gap = gap
        return 1 + _continue_pair(reader, lines, i + 1)
    if is_form_label(line, reader.body):
        value_lines = _value_below(reader, lines, i)
        if value_lines or _stands_empty(reader, lines, i):
            value = " ".join(v.text.strip() for v in value_lines)
            reader.blocks.append(_pair(label_text(text), value, line.page, "label-above"))
            reader.previous_line = None
            return 1 + len(value_lines)
    checkbox = re.fullmatch(r"([☒☐])\s*([^☒☐]+)", text)
    if checkbox:
        reader.blocks.append(
            Block(
                kind=BlockKind.CHECKBOX,
                text=checkbox.group(2).strip(),
                checked=checkbox.group(1) == "☒",
                page=line.page,
            )
        )
        reader.previous_line = line
        return 1
    previous = reader.previous_line
    prev_block = reader.blocks[-1] if reader.blocks else None
    continues = (
        previous is not None
        and prev_block is not None
        and prev_block.kind == BlockKind.PARAGRAPH
        and previous.page == line.page
        and abs(previous.size - line.size) < 0.6
        and line.top - previous.bottom < line.size * 0.45
        # a line after a short one starts anew (one value per line in a form), unless
        # its first word could not fit on the line above
        and _wrapped(previous, line, reader.right)
        and not _options_apart(previous, line)
    )
    spaced = line.spaced_text.strip()  # wide gaps kept: "Label  value" on one line
    if continues and prev_block is not None:
        # a paragraph that runs on is prose: its wide gaps are only wide spaces
        joiner = "" if prev_block.text.endswith("-") else " "
        prev_block.text = re.sub(r" {2,}", " ", prev_block.text) + joiner + text
    else:
        reader.blocks.append(Block(kind=BlockKind.PARAGRAPH, text=spaced, page=line.page))
    reader.previous_line = line
    return 1


def _value_below(reader: _Reader, lines: list[TextLine], i: int) -> list[TextLine]:
    """The lines of the value written under the form label `lines[i]`."""
    label = lines[i]
    out: list[TextLine] = []
    for line in lines[i + 1 :]:
        if is_form_label(line, reader.body) or (len(line.segments) > 1 and label_row(line)):
            break
        if not out and _next_labelled_line(label, line):
            break
        if not out:
            if not below(label, line) or (
                id(line) in reader.cues and not _value_styled(line, label, reader)
            ):
                break
        elif (id(line) in reader.cues and not _value_runs_on(line, out, reader)) or not (
            line.top - out[-1].bottom < line.size * 0.45 and abs(line.size - out[-1].size) < 0.6
        ):
            break
        out.append(line)
    return out


_LABELLED = re.compile(r"^([A-Z][^:]{1,50}):\s+\S")


def _next_labelled_line(label: TextLine, line: TextLine) -> bool:
    """Whether `line`, under a form label ending with ":", is the next "Label: value" of
    the same list (set at the label's indent, in its style) rather than its value."""
    head = _LABELLED.match(line.text.strip())
    return (
        head is not None
        and label.text.rstrip().endswith(":")
        and len(head.group(1).split()) <= 6
        and abs(line.x0 - label.x0) <= 1.5
        and line.bold == label.bold
        and abs(line.colour - label.colour) < 0.15
    )


def _continue_pair(
    reader: _Reader, lines: list[TextLine], start: int, label_line: TextLine | None = None
) -> int:
    """Join the wrapped lines of the last label/value pair to it; returns lines used."""
    columns = reader.pair_columns
    block = reader.blocks[-1]
    if columns is None or block.label is None:
        return 0
    if label_line is not None:
        columns.page, columns.bottom = label_line.page, label_line.bottom
        columns.label_end, columns.value_end = label_line.x1, None
    used = 0
    for line in lines[start:]:
        cue = reader.cues.get(id(line))
        if cue == "band" or (cue == "font-size" and not columns.in_value_type(line)):
            break
        parts = columns.continues(line)
        if parts is None:
            break
        label_more, value_more = parts
        block.label = f"{block.label} {label_more}".strip() if label_more else block.label
        block.label = label_text(block.label)
        block.text = f"{block.text} {value_more}".strip() if value_more else block.text
        columns.bottom = line.bottom
        used += 1
    return used


def _is_empty_in_list(
    reader: _Reader, lines: list[TextLine], i: int, at_page_top: bool = False
) -> bool:
    """A label with nothing beside it inside a list of label/value lines: the value
    is empty (even when, on its own, the label would pass for a bold heading)."""
    columns = reader.pair_columns
    last = reader.blocks[-1] if reader.blocks else None
    if columns is None or last is None or last.cue != "gap" or last.label is None:
        return False
    line = lines[i]
    if reader.cues.get(id(line)) in {"band", "font-size", "caps"} or not columns.empty_label(
        line, at_page_top
    ):
        return False
    if i + 1 >= len(lines):
        return True
    following = lines[i + 1]
    columns = replace(columns, page=line.page, bottom=line.bottom)
    return (
        id(following) in reader.cues
        or bool(gap_pairs(following))
        or columns.empty_label(following)
        or following.top - line.bottom > 2.5 * columns.size
        or columns.continues(following) is not None
    )


def _value_styled(line: TextLine, label: TextLine, reader: _Reader) -> bool:
    """Whether a line with a heading cue right under a form label is its value rather
    than a heading: a value set in bold or in capitals, or in larger type than the label.

    Larger type is a heading size only against the body size, and where tables and small
    labels outweigh the free text, the free text's own size reads as a heading size; a
    heading has room above it, so a line with none under a label is the label's value."""
    cue = reader.cues.get(id(line))
    if line.top - label.bottom > 0.8 * max(label.size, 6.0):
        return False
    if cue in {"bold", "caps"}:
        return len(line.text) <= 60
    return cue == "font-size" and line.size > label.size and (not line.bold or len(line.text) <= 60)


def _value_runs_on(line: TextLine, out: list[TextLine], reader: _Reader) -> bool:
    """Whether a line with a larger-type cue carries on the value above it, set in the
    same type (a value larger than the body, wrapped: a short last line passes for a
    heading on its own, but a heading in the value's type would not follow it with no
    gap; the caller checks the gap)."""
    last = out[-1]
    return (
        reader.cues.get(id(line)) == "font-size"
        and line.size == last.size
        and line.bold == last.bold
        and abs(line.colour - last.colour) < 0.15
        and abs(line.x0 - out[0].x0) <= 0.8 * max(line.size, 6.0)
    )


def _in_value_place(line: TextLine, label: TextLine, reader: _Reader) -> bool:
    """Whether a heading-styled line that is not read as the label's value sits right
    where that value goes (under the label with no room between): then nothing shows the
    value is empty, so the label is not read as an empty field."""
    return (
        id(line) in reader.cues
        and not _value_styled(line, label, reader)
        and line.page == label.page
        and 0 <= line.top - label.bottom <= 0.8 * max(label.size, 6.0)
        and abs(line.x0 - label.x0) <= 0.8 * max(label.size, 6.0)
    )


def _stands_empty(reader: _Reader, lines: list[TextLine], i: int) -> bool:
    """Whether the form label `lines[i]` has no value: next comes another label,
    a heading set apart from it, a wide blank space, or nothing. Emptiness needs that
    evidence: a heading-styled line right where the value goes is none."""
    label = lines[i]
    if i + 1 >= len(lines):
        return True
    following = lines[i + 1]
    return (
        (id(following) in reader.cues and not _in_value_place(following, label, reader))
        or is_form_label(following, reader.body)
        or _next_labelled_line(label, following)
        or following.top - label.bottom > 2.5 * max(label.size, 6.0)
    )


def _add_table(blocks: list[Block], table: Table, page: int, may_continue: bool) -> None:
    """Append a table, or join it to the previous block when it is that table's
    continuation (first on the page after the one the previous table ended on)."""
    previous = blocks[-1] if blocks else None
    if may_continue and previous is not None and previous.table is not None:
        old = previous.table.rows
        rows = table.rows
        if previous.table.width != table.width:
            mapped = _map_columns(old, rows)
            if mapped is None:
                blocks.append(Block(kind=BlockKind.TABLE, table=table, page=page))
                return
            old.extend(mapped)
            return
        k = 0  # header rows repeated at the top of the continuation
        while k < min(len(rows), len(old)) and rows[k] == old[k]:
            k += 1
        rows = rows[k:]
        if rows and old and _continues_row(old[-1], rows[0]):
            old[-1] = [_join_cells(a, b) for a, b in zip(old[-1], rows[0], strict=False)]
            rows = rows[1:]
        old.extend(rows)
        return
    blocks.append(Block(kind=BlockKind.TABLE, table=table, page=page))


def _norm(cell: str | None) -> str:
    return " ".join((cell or "").lower().split())


def _map_columns(
    old: list[list[str | None]], new: list[list[str | None]]
) -> list[list[str | None]] | None:
    """The rows of a continuation whose repeated header names some of the old
    header's columns (an action column dropped), placed under those columns;
    None when its header does not match (a blank cell matches only a blank one)."""
    if not old or not new:
        return None
    old_header = [_norm(c) for c in old[0]]
    mapping: list[int] = []
    position = 0
    for cell in new[0]:
        name = _norm(cell)  # a blank header cell goes under the old header's next blank one
        try:
            position = old_header.index(name, position)
        except ValueError:
            return None
        mapping.append(position)
        position += 1
    width = len(old[0])
    out: list[list[str | None]] = []
    for row in new[1:]:
        placed: list[str | None] = [""] * width
        for j, cell in enumerate(row[: len(mapping)]):
            placed[mapping[j]] = cell
        out.append(placed)
    return out


def _continues_row(last: list[str | None], first: list[str | None]) -> bool:
    """Whether a page's first table row is the rest of a row split by the page break."""
    if [c is None for c in last] != [c is None for c in first]:
        return False
    text = next((c for c in first if c), "")
    return text[:1].islower()


def _join_cells(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a if b is None else b
    return healed_across(a, b) if b else a


def was_repaired(pdf: Any) -> bool:
    """Whether pdfminer had to rebuild the cross-reference table (a damaged file)."""
    from pdfminer.pdfdocument import PDFXRefFallback

    return any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))


PDF_ENGINE_VARIABLE = "PEPLINT_PDF_ENGINE"
PDF_ENGINES = ("pdfium", "pdfplumber")


def pdf_engine() -> str:
    """The engine that reads PDF pages: `pdfium` (the default) or `pdfplumber` (pdfminer),
    from the PEPLINT_PDF_ENGINE setting (both give the same blocks and fields; tests
    compare them). An unknown name means the default."""
    engine = os.environ.get(PDF_ENGINE_VARIABLE, "pdfium").strip().lower()
    return engine if engine in PDF_ENGINES else "pdfium"


@contextlib.contextmanager
def _open_pages(
    path: Path, password: str | None, engine: str
) -> Iterator[tuple[int, Iterable[Any], bool]]:
    """(page count, pages, repaired) from the chosen engine."""
    if engine == "pdfium":
        from peplint.parsers.pdf_damage import xref_is_sound
        from peplint.parsers.pdfium_page import open_pdfium

        with open_pdfium(path, password) as document:
            repaired = document.damaged_streams or not xref_is_sound(path)
            yield document.page_count, document.pages, repaired
        return
    from peplint.parsers.pdf_open import open_pdf

    with open_pdf(path, password) as pdf:
        yield len(pdf.pages), pdf.pages, was_repaired(pdf)


def read_pdf(
    path: Path,
    password: str | None = None,
    engine: str | None = None,
    keep_unpacked: int = KEEP_UNPACKED,
) -> Document:
    """Parse a PDF into a `Document`. Raises only `InputError`. Pages after the first
    `keep_unpacked` wait packed until the document's end (pdf_pages)."""
    from peplint.parsers.pdf_open import DAMAGE, input_error_inside

    pages: PageStore[_PageItems] = PageStore(keep_unpacked)
    margins: list[_Margin] = []
    chars = images = 0
    cid_chars = 0
    warnings_before = DAMAGE.count
    with _open_pages(path, password, engine or pdf_engine()) as (page_count, source, degraded):
        for number, page in enumerate(source, start=1):
            try:
                items, n_chars, n_images = _read_page(page, number)
            except errors.InputError:
                raise
            except Exception as exc:  # a limit hit inside pdfminer arrives wrapped
                raise input_error_inside(exc) or errors.corrupt(
                    f"page {number} could not be read"
                ) from None
            finally:
                page.close()
            chars += n_chars
            images += n_images
            cid_chars += sum(len(ln.text) for ln in _lines(items) if "(cid:" in ln.text)
            margins.extend(_margins(items, len(pages)))
            pages.append(items)
    if chars == 0:
        raise errors.no_text()
    degraded = degraded or DAMAGE.count > warnings_before
    blocks = _to_blocks(pages, margins)
    text_len = sum(len(b.text) for b in blocks) or 1
    if cid_chars / text_len > 0.3:
        raise errors.InputError(
            "no-text",
            "This PDF's fonts have no character map, so its text "
            "cannot be read; export it again or run OCR.",
        )
    warnings = (
        [
            "This PDF was damaged and was repaired while reading; check the results against the original."
        ]
        if degraded
        else []
    )
    return Document(
        format="pdf", pages=page_count, blocks=blocks, warnings=warnings, degraded=degraded
    )
