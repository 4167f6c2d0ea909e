"""Where Word (.docx) files are read: an XML walker producing the block stream.

python-docx opens the package and gives the styles and numbering parts; the
body is walked as XML because the paragraph/table API drops text inside
content controls (`w:sdt`) and text boxes, loses checkbox state and repeats
merged cells. The walker keeps tracked insertions, skips deletions and
moved-from text, turns content-control, legacy form-field and symbol-font
checkboxes into glyphs, honours `gridSpan`/`vMerge`, reads each text box once
(DrawingML or its VML fallback, never both), makes titled content controls
label-value blocks, and never reads headers or footers. Which paragraphs are
headings is decided from styles and from how they look (see `docx_headings`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peplint.model.document import Block, BlockKind, Document, Table
from peplint.parsers.docx_controls import ControlInfo, control_info, control_value, is_placeholder
from peplint.parsers.docx_glyphs import (
    ALL_GLYPHS,
    CHECKBOX_LINE,
    CROSSED,
    line_state,
    symbol_glyph,
    symbol_text,
)
from peplint.parsers.docx_headings import (
    BOLD_STRENGTH,
    KEYWORD_NUMBERED,
    KEYWORD_STRENGTH,
    MARK_STRENGTH,
    NUMBER_STRENGTH,
    QUESTION_STRENGTH,
    STYLE,
    HeadingCandidate,
    caps_text,
    heading_like,
    numbering_depth,
    settle,
)
from peplint.parsers.docx_styles import (
    PLAIN,
    VAL,
    ParagraphStyle,
    RunLook,
    StyleSheet,
    child_of,
    filled,
    numbering_of,
    outline_level,
    q,
    run_look,
)

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
P, TBL, TR, TC, SDT, SDT_CONTENT, R = (
    q("p"),
    q("tbl"),
    q("tr"),
    q("tc"),
    q("sdt"),
    q("sdtContent"),
    q("r"),
)
PPR, RPR, TCPR, RSTYLE = q("pPr"), q("rPr"), q("tcPr"), q("rStyle")
RFONTS, ASCII, HANSI = q("rFonts"), q("ascii"), q("hAnsi")
PSTYLE, TRPR, VMERGE, TYPE = q("pStyle"), q("trPr"), q("vMerge"), q("type")
GRID_SPAN, GRID_BEFORE, WRAPPERS = q("gridSpan"), q("gridBefore"), (q("customXml"), q("ins"))
T, TAB, BR, CR, DEL, MOVE_FROM = q("t"), q("tab"), q("br"), q("cr"), q("del"), q("moveFrom")
FLD_CHAR, INSTR, DEL_TEXT, SYM = q("fldChar"), q("instrText"), q("delText"), q("sym")
LAST_RENDERED_BREAK, TXBX_CONTENT = q("lastRenderedPageBreak"), q("txbxContent")
ALTERNATE, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
SKIP_TAGS = {
    DEL,
    MOVE_FROM,
    INSTR,
    DEL_TEXT,
    PPR,
    RPR,
    q("sdtPr"),
    q("sdtEndPr"),
    TCPR,
    q("trPr"),
    q("tblPr"),
    q("tblGrid"),
    q("sectPr"),
    q("commentReference"),
    q("footnoteReference"),
    q("endnoteReference"),
}
CHECKED, UNCHECKED = "☒", "☐"
_GLYPH_SET = frozenset(ALL_GLYPHS)


@dataclass(slots=True)
class _ParagraphReading:
    """What reading one paragraph's runs found besides its text."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[int, RunLook]] = field(default_factory=list)  # (visible chars, look)
    boxes: list[tuple[bool, list[Block]]] = field(default_factory=list)  # (after text, blocks)
    controls: list[Block] = field(default_factory=list)  # titled controls' label-values
    base: RunLook = PLAIN
    looks: bool = False  # whether the runs' formatting is wanted (it costs time)
    shaded: bool = False  # a paragraph of it has a fill (for table cells)


class _Walker:
    """Walks a document body, tracking the page number as it goes."""

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet
        self.page = 1
        self.blocks: list[Block] = []
        # keyed by id(block); holding the block keeps its id from being reused
        self.candidates: dict[int, tuple[Block, HeadingCandidate]] = {}
        self.crossed: dict[int, tuple[Block, str]] = {}
        self.glyphs: set[str] = set()
        self._reading = _ParagraphReading()
        self._last_size = 0  # type size of the last body paragraph read (for text boxes)
        self._in_control = 0  # depth of run-level content controls being read
        # Tables met inside the table being read, with the outer row holding each
        self._nested: list[tuple[int, list[list[str | None]]]] = []
        self._row = 0  # the row of the table being read (for the tables nested in it)

    # -- body level -------------------------------------------------------
    def walk_body(self, body: Any, sink: list[Block] | None = None) -> None:
        """Read the paragraphs and tables of `body` (or a text box) into `sink`."""
        out = self.blocks if sink is None else sink
        for child in self._unwrap(body, out):
            if child.tag == P:
                self._paragraph(child, out)
            elif child.tag == TBL:
                self._table(child, out)

    def _unwrap(
        self, parent: Any, sink: list[Block] | None = None, cell: bool = False
    ) -> Iterator[Any]:
        """Children of `parent`, block-level content controls unwrapped.

        With a `sink`, a titled control holding only paragraphs becomes one
        label-value block there instead of being unwrapped; in a `cell` it is
        unwrapped (its text is the cell's) and its label-value noted as well.
        """
        for child in parent:
            if child.tag == SDT:
                info = control_info(child)
                content = child_of(child, SDT_CONTENT)
                if content is None or info.skipped_part:
                    continue
                if info.showing_placeholder and not info.label:
                    continue  # an untitled control still showing its prompt holds nothing
                if info.label and (sink is not None or cell) and self._field_control(content):
                    if sink is not None:
                        self._block_control(info, content, sink)
                        continue
                    noted = self._reading.controls
                    self._block_control(info, content, noted)
                yield from self._unwrap(content, sink, cell)
            elif child.tag in WRAPPERS:
                yield from self._unwrap(child, sink, cell)
            else:
                yield child

    def _field_control(self, content: Any) -> bool:
        """Whether a block-level control holds a value (paragraphs, no headings)."""
        paragraphs = [c for c in content if c.tag == P]
        if not paragraphs or len(paragraphs) != len(content) or len(paragraphs) > 30:
            return False
        if any(True for _ in content.iter(SDT)):
            return False  # a group of controls: each is read on its own
        for p in paragraphs:
            ppr = child_of(p, PPR)
            style = self._style_of(ppr)
            if style.heading_level is not None or outline_level(ppr)[1] is not None:
                return False
        return True

    def _block_control(self, info: ControlInfo, content: Any, sink: list[Block]) -> None:
        page = self.page
        lines = [self.paragraph_text(p).strip() for p in content if p.tag == P]
        value = control_value(info, "\n".join(line for line in lines if line))
        sink.append(
            Block(
                kind=BlockKind.LABEL_VALUE,
                label=info.label,
                text=value,
                page=page,
                cue="content-control",
            )
        )

    # -- paragraphs --------------------------------------------------------
    def _style_of(self, ppr: Any) -> ParagraphStyle:
        node = child_of(ppr, PSTYLE) if ppr is not None else None
        return self.sheet.paragraph(node.get(VAL, "") if node is not None else None)

    def _read_runs(self, p: Any, looks: bool = False) -> _ParagraphReading:
        """Collect a paragraph's text and, when `looks`, what its runs look like."""
        outer = self._reading
        reading = self._reading = _ParagraphReading(looks=looks)
        if looks:
            reading.base = self.sheet.base_look(self._style_of(child_of(p, PPR)))
        try:
            self._collect(p, reading.parts)
        finally:
            self._reading = outer
        return reading

    def paragraph_text(self, p: Any) -> str:
        """The visible text of a paragraph, checkboxes as glyphs."""
        text = "".join(self._read_runs(p).parts)
        self._note_glyphs(text)
        return text

    def _note_glyphs(self, text: str) -> None:
        self.glyphs.update(_GLYPH_SET.intersection(text))

    def _paragraph(self, p: Any, sink: list[Block]) -> None:
        page_before = self.page
        reading = self._read_runs(p, looks=True)
        sizes = [look.size or self.sheet.body_size for count, look in reading.runs if count]
        if sizes:
            self._last_size = min(sizes)
        stripped = "".join(reading.parts).strip()
        if is_placeholder(stripped):
            stripped = ""
        self._note_glyphs(stripped)
        for after, boxed in reading.boxes:
            if not after:
                sink.extend(boxed)
        controls = reading.controls
        only_controls = len(controls) == 1 and controls[0].text == stripped
        if stripped and not only_controls:
            sink.append(self._text_block(p, stripped, reading, page_before))
        for block in controls:
            block.page = page_before
        sink.extend(controls)
        for after, boxed in reading.boxes:
            if after:
                sink.extend(boxed)

    def _text_block(self, p: Any, text: str, reading: _ParagraphReading, page: int) -> Block:
        heading = self._heading(p, text, reading)
        if heading is not None:
            level, cue, candidate = heading
            block = Block(kind=BlockKind.HEADING, text=text, level=level, page=page, cue=cue)
            self.candidates[id(block)] = (block, candidate)
            return block
        line = CHECKBOX_LINE.fullmatch(text)
        if line:
            glyph, label = line.group(1), line.group(2).strip()
            block = Block(
                kind=BlockKind.CHECKBOX, text=label, checked=line_state(glyph, None), page=page
            )
            if glyph in CROSSED:
                self.crossed[id(block)] = (block, glyph)
            return block
        return Block(kind=BlockKind.PARAGRAPH, text=text, page=page)

    def _heading(
        self, p: Any, text: str, reading: _ParagraphReading
    ) -> tuple[int, str, HeadingCandidate] | None:
        ppr = child_of(p, PPR)
        style = self._style_of(ppr)
        if style.is_toc:
            return None
        stated, direct_outline = outline_level(ppr)
        if stated and direct_outline is not None:
            return direct_outline + 1, "outline-level", HeadingCandidate(STYLE)
        if not stated:
            if style.heading_level is not None:
                return style.heading_level, "heading-style", HeadingCandidate(STYLE)
            if style.outline_level is not None:
                return style.outline_level + 1, "outline-level", HeadingCandidate(STYLE)
        num_node = ppr.find(q("numPr")) if ppr is not None else None
        numbering = numbering_of(num_node) if num_node is not None else style.numbered
        if numbering is not None and self.sheet.is_bullet(numbering):
            return None
        keyword = KEYWORD_NUMBERED.fullmatch(text) is not None
        if len(text) > 120 or "\n" in text:
            return None
        visible = [look for count, look in reading.runs if count]
        bold = bool(visible) and all(look.bold for look in visible)
        caps = caps_text(text) or (bool(visible) and all(look.caps for look in visible))
        sizes = [look.size or self.sheet.body_size for look in visible]
        large = bool(sizes) and min(sizes) >= max(
            self.sheet.body_size * 1.2, self.sheet.body_size + 3
        )
        typed_depth = numbering_depth(text)
        band = _shaded(ppr) or style.shaded
        if not heading_like(text, allow_colon=keyword, allow_question=True):
            return None
        size = min(sizes) if sizes else self.sheet.body_size
        if keyword:
            return 2, "numbered", HeadingCandidate(KEYWORD_STRENGTH, size, demotable=False)
        if numbering is not None or typed_depth is not None:
            depth = numbering[1] if numbering is not None else typed_depth or 0
            plain = not (bold or caps or large)
            candidate = HeadingCandidate(NUMBER_STRENGTH, size, depth, needs_table_after=plain)
            return 2, "numbered", candidate
        if band:
            return 2, "band", HeadingCandidate(MARK_STRENGTH, size)
        if caps and len(text.split()) <= 8:
            lone = len(text.split()) == 1 and not (bold or large)
            return 2, "caps", HeadingCandidate(MARK_STRENGTH, size, lone_word=lone)
        if large:
            return 2, "font-size", HeadingCandidate(MARK_STRENGTH, size)
        if bold:
            strength = QUESTION_STRENGTH if text.endswith("?") else BOLD_STRENGTH
            return 2, "bold", HeadingCandidate(strength, size)
        return None

    def _collect(self, node: Any, parts: list[str]) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP_TAGS:
                continue
            if tag == T:
                parts.append(child.text or "")
            elif tag == R:
                self._run(child, parts)
            elif tag == TAB:
                parts.append("\t")
            elif tag in (BR, CR):
                if child.get(TYPE) == "page":
                    self.page += 1
                else:
                    parts.append("\n")
            elif tag == LAST_RENDERED_BREAK:
                self.page += 1
            elif tag == SYM:
                glyph = _sym_glyph(child)
                if glyph:
                    parts.append(glyph)
            elif tag == SDT:
                self._inline_control(child, parts)
            elif tag == FLD_CHAR:
                state = _legacy_checkbox(child)
                if state is not None:
                    parts.append(CHECKED if state else UNCHECKED)
            elif tag == ALTERNATE:
                chosen = child.find(CHOICE)
                if chosen is None or not len(chosen):
                    chosen = child.find(FALLBACK)
                if chosen is not None:
                    self._collect(chosen, parts)
            elif tag == TXBX_CONTENT:
                self._text_box(child, parts)
            elif tag == P:
                self._collect(child, parts)
                parts.append("\n")
            else:
                self._collect(child, parts)

    def _run(self, run: Any, parts: list[str]) -> None:
        reading = self._reading
        rpr = run[0] if len(run) and run[0].tag == RPR else None  # rPr comes first
        start = len(parts)
        if rpr is None:
            self._collect(run, parts)
            if reading.looks:
                reading.runs.append((_visible(parts, start), reading.base))
            return
        style_id = ""
        if reading.looks or self._in_control:  # elsewhere the style is not needed
            rstyle = child_of(rpr, RSTYLE)
            style_id = rstyle.get(VAL, "") if rstyle is not None else ""
            if style_id and self.sheet.is_placeholder_style(style_id):
                return  # a content control's prompt text
        self._collect(run, parts)
        # symbol-font boxes and ticks are a character or two; longer runs are not checked
        fonts = child_of(rpr, RFONTS) if sum(map(len, parts[start:])) <= 3 else None
        if fonts is not None:
            font = fonts.get(ASCII) or fonts.get(HANSI) or ""
            if "wingdings" in font.lower():  # its letters are pictures of boxes and ticks
                typed = "".join(parts[start:])
                del parts[start:]
                parts.append(symbol_text(font, typed))
        if reading.looks:
            look = run_look(rpr)
            if style_id:
                look = look.over(self.sheet.char_look(style_id))
            reading.runs.append((_visible(parts, start), look.over(reading.base)))

    def _inline_control(self, sdt: Any, parts: list[str]) -> None:
        info = control_info(sdt)
        if info.checkbox is not None:
            parts.append(CHECKED if info.checkbox else UNCHECKED)
            return
        content = child_of(sdt, SDT_CONTENT)
        if content is None or info.skipped_part:
            return
        inner: list[str] = []
        self._in_control += 1
        try:
            self._collect(content, inner)
        finally:
            self._in_control -= 1
        text = "".join(inner)
        value = control_value(info, text)
        if value == text.strip():
            parts.extend(inner)
        elif value:
            parts.append(value)
        if info.label:
            self._reading.controls.append(
                Block(
                    kind=BlockKind.LABEL_VALUE,
                    label=info.label,
                    text=value,
                    page=self.page,
                    cue="content-control",
                )
            )

    def _text_box(self, content: Any, parts: list[str]) -> None:
        """A text box's paragraphs and tables become blocks of their own."""
        outer = self._reading
        boxed: list[Block] = []
        try:
            self.walk_body(content, boxed)
        finally:
            self._reading = outer
        after_text = bool("".join(parts).strip())
        title = boxed[0] if len(boxed) == 1 and not after_text else None
        if title is not None and title.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            own = self.candidates.get(id(title))
            if own is not None and own[1].strength == STYLE:
                pass  # a styled heading keeps its style's level
            elif own is not None or (heading_like(title.text) and not is_placeholder(title.text)):
                strength = _mark_strength(title.text)
                size = self._last_size or self.sheet.body_size
                if own is not None:
                    strength, size = max(strength, own[1].strength), own[1].size
                title.kind, title.level, title.cue = BlockKind.HEADING, 2, "textbox"
                self.candidates[id(title)] = (title, HeadingCandidate(strength, size))
        outer.boxes.append((after_text, boxed))

    # -- tables --------------------------------------------------------------
    def _table(self, tbl: Any, sink: list[Block]) -> None:
        page = self.page
        controls: list[tuple[int, Block]] = []
        outer_nested, self._nested = self._nested, []
        try:
            rows, looks = self.table_rows(tbl, controls)
            nested = self._nested
        finally:
            self._nested = outer_nested
        if not any(any(c for c in row) for row in rows):
            return
        self._table_parts(rows, looks, controls, nested, page, sink)

    def _table_parts(
        self,
        rows: list[list[str | None]],
        looks: list[_CellLook | None],
        controls: list[tuple[int, Block]],
        nested: list[tuple[int, list[list[str | None]]]],
        page: int,
        sink: list[Block],
    ) -> None:
        """The table as table blocks, split at title rows (each a heading). A table inside
        a cell (a layout table round the carers or targets table) is a table of its own
        too, after the part holding it, so it is in that part's section: its header and
        records are then read as any table's, not only as lines of the outer cell."""
        start = 0
        for index in range(len(rows) + 1):
            title = _title_row(rows, looks, index) if index < len(rows) else None
            if title is None and index < len(rows):
                continue
            self._table_part(rows, start, index, controls, page, sink)
            for row_index, inner in nested:
                if start <= row_index < index and any(any(c for c in r) for r in inner):
                    sink.append(Block(kind=BlockKind.TABLE, table=Table(rows=inner), page=page))
            if title is not None:
                heading = Block(
                    kind=BlockKind.HEADING, text=title, level=2, page=page, cue="table-title-row"
                )
                self.candidates[id(heading)] = (
                    heading,
                    HeadingCandidate(_mark_strength(title), self.sheet.body_size, demotable=False),
                )
                sink.append(heading)
            start = index + 1

    def _table_part(
        self,
        rows: list[list[str | None]],
        start: int,
        end: int,
        controls: list[tuple[int, Block]],
        page: int,
        sink: list[Block],
    ) -> None:
        """Rows `start:end` of a table as a table block, then the titled controls
        in them whose row holds no label but their title."""
        part = rows[start:end]
        if any(any(c for c in row) for row in part):
            sink.append(Block(kind=BlockKind.TABLE, table=Table(rows=part), page=page))
        for row_index, block in controls:
            if start <= row_index < end and all(c == block.text for c in rows[row_index] if c):
                sink.append(block)

    def table_rows(
        self, tbl: Any, controls: list[tuple[int, Block]] | None = None
    ) -> tuple[list[list[str | None]], list[_CellLook | None]]:
        """The table as a grid (merged cells once, covered positions `None`), and
        how each row that may be a title looks (a single cell, or the first row);
        titled controls in cells are added to `controls` with their row."""
        grid: list[list[str | None]] = []
        looks: list[_CellLook | None] = []
        outer_row, self._row = self._row, 0
        for tr in self._unwrap(tbl):
            if tr.tag != TR:
                continue
            row: list[str | None] = []
            trpr = child_of(tr, TRPR)
            before = _int_val(trpr, GRID_BEFORE) if trpr is not None else 0
            row.extend([""] * before)
            cells = [tc for tc in self._unwrap(tr) if tc.tag == TC]
            single = len(cells) == 1 and not before
            watched = single or (not grid and not before)  # a row that may be a title
            look: _CellLook | None = None
            all_shaded = True
            for tc in cells:
                tcpr = child_of(tc, TCPR)
                span = max(1, _int_val(tcpr, GRID_SPAN) or 1) if tcpr is not None else 1
                vmerge = child_of(tcpr, VMERGE) if tcpr is not None else None
                if vmerge is not None and vmerge.get(VAL, "continue") == "continue":
                    row.append(None)
                else:
                    outer = self._reading
                    self._reading = _ParagraphReading(looks=watched)
                    try:
                        row.append(self._cell_text(tc))
                        cell = self._reading
                    finally:
                        self._reading = outer
                    if controls is not None:
                        controls.extend((len(grid), b) for b in cell.controls)
                    if watched:
                        shaded = _shaded(tcpr) or cell.shaded
                        all_shaded = all_shaded and shaded
                    if watched and look is None:
                        look = _CellLook(span, shaded, _all_bold(cell), len(cells))
                row.extend([None] * (span - 1))
            if look is not None and look.cells > 1:
                look = _CellLook(len(row), all_shaded, look.bold, look.cells)
            grid.append(row)
            looks.append(look)
            self._row = len(grid)
        self._row = outer_row
        return grid, looks

    def _cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        cell = self._reading
        for child in self._unwrap(tc, cell=True):
            if child.tag == P:
                reading = self._read_runs(child, cell.looks)
                if cell.looks and _paragraph_shaded(child_of(child, PPR)):
                    cell.shaded = True
                cell.runs.extend(reading.runs)
                cell.controls.extend(reading.controls)
                text = "".join(reading.parts).strip()
                self._note_glyphs(text)
                if text and not is_placeholder(text):
                    lines.append(text)
                for _after, boxed in reading.boxes:  # a text box in a cell is part of it
                    lines.extend(line for b in boxed if (line := _block_line(b)))
            elif child.tag == TBL:  # nested table: its rows become lines of this cell
                holding = self._row  # the outer row, before the inner table is walked
                inner = self.table_rows(child)[0]
                self._nested.append((holding, inner))  # a table of its own too (`_table_parts`)
                for row in inner:
                    line = " | ".join(c for c in row if c)
                    if line:
                        lines.append(line)
        return "\n".join(lines)


@dataclass(frozen=True)
class _CellLook:
    """How a row that may be a title looks: its first cell, or all its cells."""

    span: int  # grid columns the row's first cell covers (the row's width if several)
    shaded: bool  # the cell is filled (every cell, if several)
    bold: bool  # the first cell's text is bold
    cells: int = 1


def _title_row(
    rows: list[list[str | None]], looks: list[_CellLook | None], index: int
) -> str | None:
    """The title row `index` states: one short cell across the table, first or
    (shaded or bold, with rows after it) a band between parts of the table."""
    look = looks[index]
    text = rows[index][0] if rows[index] else None
    if look is None or not text or not heading_like(text, allow_colon=True):
        return None
    width = max(len(r) for r in rows)
    marked = look.shaded or look.bold
    if look.cells > 1:  # a shaded first row with words in its first cell only
        others_empty = not any(c for c in rows[index][1:])
        return text if index == 0 and look.shaded and others_empty and len(rows) > 1 else None
    if index > 0:
        return (
            text if width >= 2 and look.span >= width and marked and index + 1 < len(rows) else None
        )
    if len(rows) == 1 or width < 2:
        return text if marked else None
    return text if look.span >= width else None


def _block_line(block: Block) -> str:
    if block.table is not None:
        return "\n".join(" | ".join(c for c in row if c) for row in block.table.rows).strip()
    if block.label is not None:
        return f"{block.label}: {block.text}".rstrip(": ")
    return block.text


def _mark_strength(text: str) -> int:
    """A title row's or text box's rank: that of its numbering, if it is numbered."""
    if KEYWORD_NUMBERED.fullmatch(text):
        return KEYWORD_STRENGTH
    return NUMBER_STRENGTH if numbering_depth(text) is not None else MARK_STRENGTH


def _visible(parts: list[str], start: int) -> int:
    return 1 if "".join(parts[start:]).strip() else 0


def _shaded(props: Any) -> bool:
    shd = props.find(q("shd")) if props is not None else None
    return shd is not None and filled(shd)


def _paragraph_shaded(ppr: Any) -> bool:
    return ppr is not None and _shaded(ppr)


def _all_bold(reading: _ParagraphReading) -> bool:
    visible = [look for count, look in reading.runs if count]
    return bool(visible) and all(look.bold for look in visible)


def _sym_glyph(sym: Any) -> str | None:
    try:
        code = int(sym.get(q("char"), ""), 16)
    except ValueError:
        return None
    return symbol_glyph(sym.get(q("font"), ""), code)


def _int_val(parent: Any, tag: str) -> int:
    """The integer `w:val` of child `tag` (a Clark name) of `parent`, 0 when absent."""
    if parent is None:
        return 0
    node = child_of(parent, tag)
    if node is None:
        return 0
    try:
        return int(node.get(VAL, "0"))
    except ValueError:
        return 0


def _legacy_checkbox(fld_char: Any) -> bool | None:
    """The state of a legacy FORMCHECKBOX field, or `None` if this field is not one."""
    ff = fld_char.find(q("ffData"))
    if ff is None:
        return None
    box = ff.find(q("checkBox"))
    if box is None:
        return None
    for tag in ("checked", "default"):
        node = box.find(q(tag))
        if node is not None:
            return node.get(VAL, "1") in {"1", "true", "on"}
    return False


def read_docx(path: Path) -> Document:
    """Parse a .docx into a `Document`. Raises only `InputError`."""
    from peplint.parsers.docx_package import open_docx

    parts = open_docx(path)
    sheet = StyleSheet(parts.styles, parts.numbering)
    walker = _Walker(sheet)
    walker.walk_body(parts.body)
    settle(walker.blocks, walker.candidates, walker.crossed, walker.glyphs)
    return Document(format="docx", pages=walker.page, blocks=walker.blocks)
