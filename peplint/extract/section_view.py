"""Reading one section's blocks as labelled values and as records.

Templates put the same facts in different shapes: a two-column label/value
table, "Label: value" lines, a sub-heading with a paragraph under it, a
checkbox line, or a table with a header row. `SectionView` offers all of them
through two questions: "what is the value labelled X?" and "which rows does a
table with these columns hold?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peplint.extract.sections import Section
from peplint.model.document import Block, BlockKind, Table


def normalise_label(text: str) -> str:
    """A label reduced for matching: lower case, letters and digits only."""
    t = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())


@dataclass
class SectionView:
    """The labelled values, records and paragraphs of some sections."""

    pairs: list[tuple[str, str]] = field(default_factory=list)  # (normalised label, value)
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)  # body text not under a sub-heading

    @classmethod
    def of(cls, *sections: Section | None) -> SectionView:
        """A view over the blocks of `sections` (missing ones are skipped)."""
        view = cls()
        for section in sections:
            if section is not None:
                view._add_blocks(section.blocks)
        return view

    def _add_blocks(self, blocks: list[Block]) -> None:
        subheading: str | None = None
        under: list[str] = []

        def flush() -> None:
            if subheading is not None:
                self.pairs.append((normalise_label(subheading), "\n".join(under)))

        for block in blocks:
            if block.kind == BlockKind.HEADING:
                flush()
                subheading, under = block.text, []
            elif block.kind == BlockKind.TABLE and block.table is not None:
                flush()
                subheading, under = None, []
                self.tables.append(block.table)
                self._add_table_pairs(block.table)
            elif block.kind == BlockKind.CHECKBOX:
                self.pairs.append((normalise_label(block.text), "☒" if block.checked else "☐"))
            elif block.kind == BlockKind.LABEL_VALUE and block.label is not None:
                # A value the layout ties to its label; as text it is body text too.
                self.pairs.append((normalise_label(block.label), block.text))
                if block.text:
                    (under if subheading is not None else self.paragraphs).append(block.text)
            else:
                match = re.match(r"^([^:\n]{2,60}):\s*(.*)$", block.text, re.DOTALL)
                if match and len(match.group(1).split()) <= 8:
                    self.pairs.append((normalise_label(match.group(1)), match.group(2).strip()))
                if subheading is not None:
                    under.append(block.text)
                else:
                    self.paragraphs.append(block.text)
        flush()

    def _add_table_pairs(self, table: Table) -> None:
        for row in table.rows:
            cells = [c for c in row if c is not None]
            if len(cells) == 2 and cells[0].strip():
                self.pairs.append((normalise_label(cells[0]), cells[1].strip()))

    def value(self, *labels: str, prefix: bool = False) -> str | None:
        """The value of the first of `labels` found (in order of `labels`). With
        `prefix`, a longer label that starts with one of them also counts
        ("did the young person attend" finds "... attend the PEP meeting?")."""
        wanted = [normalise_label(label) for label in labels]
        for label in wanted:
            for key, value in self.pairs:
                if key == label:
                    return value
        if prefix:
            for label in wanted:
                for key, value in self.pairs:
                    if key.startswith(label + " "):
                        return value
        return None

    def records(self, *required: str) -> list[dict[str, str]]:
        """Rows of the first table whose header has a column for each of `required`
        (substring match on normalised header text), as header -> value."""
        for table in self.tables:
            header, body = table_header(table)
            if all(any(req in h for h in header) for req in required):
                return [row_record(header, row) for row in body]
        return []


def table_header(table: Table) -> tuple[list[str], list[list[str | None]]]:
    """The normalised column names and the body rows. Two header rows are combined
    when the first groups columns ("Autumn" over three columns)."""
    rows = table.rows
    if not rows:
        return [], []
    first = rows[0]
    if len(rows) > 1 and any(c is None for c in first) and all(c is not None for c in rows[1]):
        groups: list[str] = []
        current = ""
        for cell in first:
            current = current if cell is None else cell
            groups.append(current)
        header = [normalise_label(f"{g} {c}") for g, c in zip(groups, rows[1], strict=False)]
        return header, rows[2:]
    return [normalise_label(c or "") for c in first], rows[1:]


def row_record(header: list[str], row: list[str | None]) -> dict[str, str]:
    """A body row as header -> cell text (cells covered by a merge are left out)."""
    return {h: (c or "").strip() for h, c in zip(header, row, strict=False) if c is not None and h}


def pick(record: dict[str, str], *names: str) -> str | None:
    """The value of the first column whose header contains one of `names`."""
    for name in names:
        for header, value in record.items():
            if name in header:
                return value or None
    return None
