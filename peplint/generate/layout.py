"""An abstract page layout that the docx, PDF and HTML writers all render.

A template (see `templates.py`) turns a case spec into a list of layout
elements; each writer renders the same list, so a template is written once.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Choice:
    """Checkbox options, e.g. Yes/No with one ticked."""

    options: tuple[tuple[str, bool], ...]

    def as_glyphs(self) -> str:
        """The options as glyph text: "☒ Yes ☐ No"."""
        return " ".join(f"{'☒' if on else '☐'} {label}" for label, on in self.options)


CellValue = str | Choice


@dataclass
class Cell:
    """A table cell; `colspan` > 1 merges it across grid columns."""

    value: CellValue = ""
    colspan: int = 1
    header: bool = False
    vmerge_continue: bool = False  # covered by the cell above (vertical merge)


@dataclass
class Heading:
    """A heading; level 1 is a part ("Section A"), 2 a section, 3 a sub-heading."""

    text: str
    level: int = 2


@dataclass
class Para:
    """A paragraph of body text (may hold a `Choice`)."""

    value: CellValue


@dataclass
class Grid:
    """A table. `widths` are relative column widths; `font_size` for dense tables."""

    rows: list[list[Cell]]
    widths: list[float] = field(default_factory=list)
    font_size: float = 9.0
    repeat_header_rows: int = 0

    @property
    def columns(self) -> int:
        """The number of grid columns."""
        return max(sum(c.colspan for c in row) for row in self.rows) if self.rows else 0


Element = Heading | Para | Grid


def kv_table(pairs: list[tuple[str, CellValue | None]]) -> Grid:
    """A two-column label/value table; a missing value is an empty cell."""
    rows = [
        [Cell(label, header=True), Cell(value if value is not None else "")]
        for label, value in pairs
    ]
    return Grid(rows=rows, widths=[1.0, 2.0])


def header_table(
    headers: list[str], body: list[list[CellValue]], widths: list[float] | None = None
) -> Grid:
    """A table with one header row."""
    rows = [[Cell(h, header=True) for h in headers]]
    rows += [[Cell(v) for v in row] for row in body]
    return Grid(rows=rows, widths=widths or [1.0] * len(headers), repeat_header_rows=1)


def yes_no(value: bool | None) -> Choice:
    """Yes/No options with the given one ticked (neither when `None`)."""
    return Choice((("Yes", value is True), ("No", value is False)))
