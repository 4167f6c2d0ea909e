"""Where Word (.docx) files are read: an XML walker producing the block stream.

python-docx opens the package and resolves styles; the body is walked as XML
because the paragraph/table API drops text inside content controls (`w:sdt`),
loses checkbox state and repeats merged cells. The walker unwraps
`w:sdtContent`, keeps tracked insertions, skips deletions and moved-from text,
turns content-control and legacy form-field checkboxes into ☒/☐ glyphs, honours
`gridSpan`/`vMerge`, and never reads headers or footers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peplint.model.document import Block, BlockKind, Document, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = (
    _q("p"),
    _q("tbl"),
    _q("tr"),
    _q("tc"),
    _q("sdt"),
    _q("sdtContent"),
)
T, TAB, BR, CR, DEL, MOVE_FROM = _q("t"), _q("tab"), _q("br"), _q("cr"), _q("del"), _q("moveFrom")
FLD_CHAR, INSTR, DEL_TEXT = _q("fldChar"), _q("instrText"), _q("delText")
LAST_RENDERED_BREAK = _q("lastRenderedPageBreak")
SKIP_TAGS = {
    DEL,
    MOVE_FROM,
    INSTR,
    DEL_TEXT,
    _q("pPr"),
    _q("rPr"),
    _q("sdtPr"),
    _q("tcPr"),
    _q("trPr"),
    _q("tblPr"),
    _q("tblGrid"),
    _q("sectPr"),
    _q("commentReference"),
    _q("footnoteReference"),
    _q("endnoteReference"),
}
CHECKED, UNCHECKED = "☒", "☐"


class _Walker:
    """Walks a document body, tracking the page number as it goes."""

    def __init__(self, style_names: dict[str, str]) -> None:
        self.style_names = style_names
        self.page = 1
        self.blocks: list[Block] = []

    # -- body level -------------------------------------------------------
    def walk_body(self, body: Any) -> None:
        for child in self._unwrap(body):
            if child.tag == P:
                self._paragraph(child)
            elif child.tag == TBL:
                self._table(child)

    def _unwrap(self, parent: Any) -> Iterator[Any]:
        """Children of `parent`, with block-level content controls unwrapped."""
        for child in parent:
            if child.tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    yield from self._unwrap(content)
            elif child.tag in (_q("customXml"), _q("ins")):
                yield from self._unwrap(child)
            else:
                yield child

    # -- paragraphs --------------------------------------------------------
    def _paragraph(self, p: Any) -> None:
        page_before = self.page
        text = self.paragraph_text(p)
        stripped = text.strip()
        if not stripped:
            return
        level = self._heading_level(p, stripped)
        if level is not None:
            self.blocks.append(
                Block(kind=BlockKind.HEADING, text=stripped, level=level, page=page_before)
            )
        elif re.fullmatch(r"[☒☐]\s*[^☒☐]+", stripped):
            self.blocks.append(
                Block(
                    kind=BlockKind.CHECKBOX,
                    text=stripped[1:].strip(),
                    checked=stripped[0] == CHECKED,
                    page=page_before,
                )
            )
        else:
            self.blocks.append(Block(kind=BlockKind.PARAGRAPH, text=stripped, page=page_before))

    def _heading_level(self, p: Any, text: str) -> int | None:
        ppr = p.find(_q("pPr"))
        if ppr is not None:
            outline = ppr.find(_q("outlineLvl"))
            if outline is not None:
                return int(outline.get(_q("val"), "0")) + 1
            style = ppr.find(_q("pStyle"))
            if style is not None:
                name = self.style_names.get(style.get(_q("val"), ""), style.get(_q("val"), ""))
                match = re.fullmatch(r"(?i)heading\s*(\d)", name)
                if match:
                    return int(match.group(1))
                if name.lower() in {"title", "subtitle"}:
                    return 1
        return None

    def paragraph_text(self, p: Any) -> str:
        """The visible text of a paragraph, checkboxes as glyphs."""
        parts: list[str] = []
        self._collect(p, parts)
        return "".join(parts)

    def _collect(self, node: Any, parts: list[str]) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIP_TAGS:
                continue
            if tag == T:
                parts.append(child.text or "")
            elif tag == TAB:
                parts.append("\t")
            elif tag in (BR, CR):
                if child.get(_q("type")) == "page":
                    self.page += 1
                else:
                    parts.append("\n")
            elif tag == LAST_RENDERED_BREAK:
                self.page += 1
            elif tag == SDT:
                state = _content_control_checkbox(child)
                if state is not None:
                    parts.append(CHECKED if state else UNCHECKED)
                else:
                    content = child.find(SDT_CONTENT)
                    if content is not None:
                        self._collect(content, parts)
            elif tag == FLD_CHAR:
                state = _legacy_checkbox(child)
                if state is not None:
                    parts.append(CHECKED if state else UNCHECKED)
            elif tag in (P,):
                self._collect(child, parts)
                parts.append("\n")
            else:
                self._collect(child, parts)

    # -- tables --------------------------------------------------------------
    def _table(self, tbl: Any) -> None:
        page = self.page
        rows = self.table_rows(tbl)
        if any(any(c for c in row) for row in rows):
            self.blocks.append(Block(kind=BlockKind.TABLE, table=Table(rows=rows), page=page))

    def table_rows(self, tbl: Any) -> list[list[str | None]]:
        """The table as a grid; merged cells appear once, covered positions are `None`."""
        grid: list[list[str | None]] = []
        for tr in self._unwrap(tbl):
            if tr.tag != TR:
                continue
            row: list[str | None] = []
            trpr = tr.find(_q("trPr"))
            before = _int_val(trpr, "gridBefore") if trpr is not None else 0
            row.extend([""] * before)
            for tc in self._unwrap(tr):
                if tc.tag != TC:
                    continue
                tcpr = tc.find(_q("tcPr"))
                span = max(1, _int_val(tcpr, "gridSpan") or 1) if tcpr is not None else 1
                vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(_q("val"), "continue") == "continue":
                    row.append(None)
                else:
                    row.append(self._cell_text(tc))
                row.extend([None] * (span - 1))
            grid.append(row)
        return grid

    def _cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for child in self._unwrap(tc):
            if child.tag == P:
                text = self.paragraph_text(child).strip()
                if text:
                    lines.append(text)
            elif child.tag == TBL:  # nested table: its rows become lines of this cell
                for row in self.table_rows(child):
                    line = " | ".join(c for c in row if c)
                    if line:
                        lines.append(line)
        return "\n".join(lines)


def _int_val(parent: Any, tag: str) -> int:
    if parent is None:
        return 0
    node = parent.find(_q(tag))
    if node is None:
        return 0
    try:
        return int(node.get(_q("val"), "0"))
    except ValueError:
        return 0


def _content_control_checkbox(sdt: Any) -> bool | None:
    """The state of a `w14:checkbox` content control, or `None` if `sdt` is not one."""
    pr = sdt.find(_q("sdtPr"))
    if pr is None:
        return None
    box = pr.find(f"{{{W14}}}checkbox")
    if box is None:
        return None
    state = box.find(f"{{{W14}}}checked")
    return state is not None and state.get(f"{{{W14}}}val", "0") in {"1", "true"}


def _legacy_checkbox(fld_char: Any) -> bool | None:
    """The state of a legacy FORMCHECKBOX field, or `None` if this field is not one."""
    ff = fld_char.find(_q("ffData"))
    if ff is None:
        return None
    box = ff.find(_q("checkBox"))
    if box is None:
        return None
    for tag in ("checked", "default"):
        node = box.find(_q(tag))
        if node is not None:
            return node.get(_q("val"), "1") in {"1", "true", "on"}
    return False


def read_docx(path: Path) -> Document:
    """Parse a .docx into a `Document`. Raises only `InputError`."""
    from peplint.parsers.docx_package import open_docx

    doc = open_docx(path)
    style_names = {s.style_id: s.name or "" for s in doc.styles if s.style_id}
    walker = _Walker(style_names)
    walker.walk_body(doc.element.body)
    return Document(format="docx", pages=walker.page, blocks=walker.blocks)
