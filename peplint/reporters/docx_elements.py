"""The sign-off page's paragraphs, runs and tables, made as lxml elements in one pass.

python-docx builds a run or a cell through proxy objects that search the element's
children for where each new child belongs, and walks a row's grid again for every
`row.cells`: most of a Word report's time in a bulk worker. Here each element is made
in document order, with its children in the order of the WordprocessingML schema, so the
XML is the XML python-docx's own calls give (a test builds every report both ways and
compares the documents' bytes): the same elements, attributes in the same order, text
split into `w:t`, `w:tab` and `w:br` as python-docx splits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.shared import Cm, Pt
from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_VAL, _TYPE, _WIDTH = f"{_W}val", f"{_W}type", f"{_W}w"
_P, _PPR, _R, _RPR, _T = f"{_W}p", f"{_W}pPr", f"{_W}r", f"{_W}rPr", f"{_W}t"
_TBL, _TR, _TC, _TCPR = f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}tcPr"
_TABLE_LOOK = (  # python-docx's new table, as Word's "Table Grid" default look
    ("firstColumn", "1"),
    ("firstRow", "1"),
    ("lastColumn", "0"),
    ("lastRow", "0"),
    ("noHBand", "0"),
    ("noVBand", "1"),
    ("val", "04A0"),
)
TICK_SIZE_PT = 12
HEADER_FILL = "D9E2F3"


def _child(parent: Any, tag: str, **attributes: str) -> Any:
    """A new last child `w:tag` with these `w:` attributes, in this order."""
    element = etree.SubElement(parent, f"{_W}{tag}")
    for name, value in attributes.items():
        element.set(f"{_W}{name}", value)
    return element


def run(
    paragraph: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size_pt: float | None = None,
) -> Any:
    """A run at the end of `paragraph` (python-docx's `add_run`, then its font set)."""
    element = etree.SubElement(paragraph, _R)
    if bold or italic or size_pt is not None:
        properties = etree.SubElement(element, _RPR)
        if bold:
            _child(properties, "b")
        if italic:
            _child(properties, "i")
        if size_pt is not None:
            _child(properties, "sz", val=str(int(Pt(size_pt).pt * 2)))  # half-points
    put_text(element, text)
    return element


def put_text(run_element: Any, text: str) -> None:
    """`text` into an empty run as python-docx's `Run.text` writes it: a tab is a
    `w:tab`, a line break or carriage return a `w:br`, the rest `w:t` (space-preserving
    when it starts or ends with white space)."""
    pending: list[str] = []

    def flush() -> None:
        if pending:
            chunk = "".join(pending)
            element = etree.SubElement(run_element, _T)
            element.text = chunk
            if len(chunk.strip()) < len(chunk):
                element.set(_SPACE, "preserve")
            pending.clear()

    for char in text:
        if char == "\t":
            flush()
            _child(run_element, "tab")
        elif char in "\r\n":
            flush()
            _child(run_element, "br")
        else:
            pending.append(char)
    flush()


def _paragraph_in(
    parent: Any, text: str = "", *, style: str | None = None, centred: bool = False
) -> Any:
    return _filled(etree.SubElement(parent, _P), text, style=style, centred=centred)


def _filled(
    element: Any, text: str = "", *, style: str | None = None, centred: bool = False
) -> Any:
    """A new paragraph element given its properties (in schema order) and its one run."""
    if style is not None or centred:
        properties = etree.SubElement(element, _PPR)
        if style is not None:
            _child(properties, "pStyle", val=style)
        if centred:
            _child(properties, "jc", val="center")
    if text:
        run(element, text)
    return element


class Body:
    """A document's body, added to at its end (before its section properties, as
    python-docx adds paragraphs and tables)."""

    def __init__(self, doc: Any) -> None:
        self._body = doc.element.body
        last = self._body[-1] if len(self._body) else None
        self._section = last if last is not None and last.tag == f"{_W}sectPr" else None

    def _add(self, tag: str) -> Any:
        element = etree.Element(tag)
        if self._section is not None:
            self._section.addprevious(element)
        else:
            self._body.append(element)
        return element

    def paragraph(self, text: str = "", *, style: str | None = None) -> Any:
        """A paragraph (in the style with this id), with `text` as one run if any."""
        return _filled(self._add(_P), text, style=style)

    def page_break(self) -> None:
        """A paragraph holding a page break."""
        _child(etree.SubElement(self._add(_P), _R), "br", type="page")

    def table(self, rows: int, widths_cm: Sequence[float]) -> list[Any]:
        """A bordered ("Table Grid"), centred table of fixed column widths, set on the
        grid (what LibreOffice lays out by) and on each cell (what Word lays out by), each
        cell holding one empty paragraph; its rows (`w:tr`)."""
        table = self._add(_TBL)
        properties = etree.SubElement(table, f"{_W}tblPr")
        _child(properties, "tblStyle", val="TableGrid")
        _child(properties, "tblW", type="auto", w="0")
        _child(properties, "jc", val="center")
        _child(properties, "tblLayout", type="fixed")
        look = _child(properties, "tblLook")
        for name, value in _TABLE_LOOK:
            look.set(f"{_W}{name}", value)
        twips = [str(Cm(width).twips) for width in widths_cm]
        grid = etree.SubElement(table, f"{_W}tblGrid")
        for width in twips:
            _child(grid, "gridCol", w=width)
        made = []
        for _ in range(rows):
            row = etree.SubElement(table, _TR)
            for width in twips:
                cell = etree.SubElement(row, _TC)
                _child(etree.SubElement(cell, _TCPR), "tcW", type="dxa", w=width)
                etree.SubElement(cell, _P)
            made.append(row)
        return made


def cells(row: Any) -> list[Any]:
    """A row's cells (`w:tc`): in a table made by `Body.table`, one per grid column."""
    return row.findall(_TC)


def cell_text(cell: Any, text: str, *, bold: bool = False) -> Any:
    """Replace the cell's content with one paragraph of one run holding `text` (python-
    docx's `_Cell.text`, which writes the run even for no text); that paragraph."""
    _emptied(cell)
    paragraph = etree.SubElement(cell, _P)
    run(paragraph, text, bold=bold)
    return paragraph


def _emptied(cell: Any) -> None:
    """The cell's content taken out, its properties kept (python-docx's `clear_content`)."""
    for child in list(cell):
        if child.tag != _TCPR:
            cell.remove(child)


def cell_paragraph(cell: Any) -> Any:
    """A new last paragraph in the cell (python-docx's `_Cell.add_paragraph`)."""
    return _paragraph_in(cell)


def tick_cell(cell: Any, ticked: bool, marks: tuple[str, str]) -> None:
    """A centred tick box: `marks` is (ticked, unticked)."""
    _emptied(cell)
    paragraph = _paragraph_in(cell, centred=True)
    etree.SubElement(paragraph, _R)  # the empty run python-docx's `cell.text = ""` leaves
    run(paragraph, marks[0] if ticked else marks[1], size_pt=TICK_SIZE_PT)


def header_cells(row: Any, labels: Sequence[str], fill: str = HEADER_FILL) -> None:
    """Make the row a bold, shaded header that repeats on every page."""
    _child(_row_properties(row), "tblHeader", val="true")
    for cell, label in zip(cells(row), labels, strict=True):
        paragraph = cell_text(cell, "")
        run(paragraph, label, bold=True)
        _child(cell.find(_TCPR), "shd", val="clear", color="auto", fill=fill)


def row_height(row: Any, height_pt: float) -> None:
    """The row's height, at least `height_pt` points."""
    _child(_row_properties(row), "trHeight", val=str(Pt(height_pt).twips))


def _row_properties(row: Any) -> Any:
    """The row's `w:trPr`, made as its first child if it has none. (Only one of a
    header mark and a height is set on any row here, so their order never arises.)"""
    properties = row.find(f"{_W}trPr")
    if properties is None:
        properties = etree.Element(f"{_W}trPr")
        row.insert(0, properties)
    return properties
