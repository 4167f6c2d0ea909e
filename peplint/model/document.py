"""The intermediate block stream every parser produces.

A parser turns a file into a `Document`: blocks in reading order, each a heading,
a paragraph, a table, a checkbox or a label-value pair, with the page it starts on
and the visual cue that made the parser call it what it is. Tables are grids:
a cell covered by a merged cell to its left or above is `None`, never a copy of
the merged text, so both parsers hand the profile stage the same shape.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class BlockKind(StrEnum):
    """What a block is."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"
    CHECKBOX = "checkbox"
    LABEL_VALUE = "label-value"  # a value the layout ties to a label (content control, PDF gap)


# Why a parser made a block what it is (shown by `peplint inspect`):
#  headings: "heading-style", "outline-level", "bold", "numbered", "caps", "font-size",
#            "table-title-row" (a merged or shaded first row spanning a table), "textbox", "band",
#            "stacked" (a label row over its answer in a one-column table; see extract.pairs)
#  label-value: "content-control" (its title or tag is the label), "gap" (label and value on one
#            PDF line split at a wide gap), "label-above" (a PDF label directly above its value)
#  section-again: a heading that opens again a section read before, kept in that section as a
#            boundary (the text under it is no value of the label before it), not as a label
BlockCue = str
SECTION_AGAIN = "section-again"
UNRECOGNISED = "unrecognised"  # a heading that names no section, kept outside every section


class Table(BaseModel):
    """A table as a grid of cell texts; `None` marks a cell covered by a merge."""

    rows: list[list[str | None]] = Field(default_factory=list)

    @property
    def width(self) -> int:
        """The number of grid columns (the widest row)."""
        return max((len(r) for r in self.rows), default=0)


class Block(BaseModel):
    """One unit of the document in reading order."""

    kind: BlockKind
    text: str = ""
    page: int = 1
    level: int | None = None  # headings: 1 is the largest
    checked: bool | None = None  # checkboxes
    table: Table | None = None
    label: str | None = None  # label-value blocks: the label; `text` is the value ("" when empty)
    cue: BlockCue | None = None  # the visual cue behind the block's kind (see above)


class Document(BaseModel):
    """A parsed file: its blocks in reading order and what the parser noticed."""

    format: Literal["docx", "pdf"]
    pages: int = 1
    blocks: list[Block] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    degraded: bool = False  # damaged, and repaired by the reader

    def text(self) -> str:
        """All text of the document, blocks joined by newlines (tables row by row)."""
        out: list[str] = []
        for block in self.blocks:
            if block.table is not None:
                for row in block.table.rows:
                    out.append(" | ".join(c for c in row if c))
            elif block.label is not None:
                out.append(f"{block.label}: {block.text}".rstrip())
            else:
                out.append(block.text)
        return "\n".join(out)
