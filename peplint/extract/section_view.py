"""Table helpers shared by the label/value reader and the list fields: label
normalisation, header rows (two grouped header rows combined), rows as records."""

from __future__ import annotations

import re

from peplint.model.document import Table


def normalise_label(text: str) -> str:
    """A label reduced for matching: lower case, letters and digits only."""
    t = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())


def table_header(table: Table) -> tuple[list[str], list[list[str | None]]]:
    """The normalised column names and the body rows. Two header rows are combined
    when the first groups columns ("Autumn" over three columns, merged cells `None`)
    and the second names them; a cell merged down from the first row keeps its name."""
    rows = table.rows
    if not rows:
        return [], []
    first = rows[0]
    if len(rows) > 1 and any(c is None for c in first) and names_columns(first, rows[1]):
        groups: list[str] = []
        current = ""
        for cell in first:
            current = current if cell is None else cell
            groups.append(current)
        header = [normalise_label(f"{g} {c or ''}") for g, c in zip(groups, rows[1], strict=False)]
        return header, rows[2:]
    return [normalise_label(c or "") for c in first], rows[1:]


def names_columns(first: list[str | None], second: list[str | None]) -> bool:
    """Whether `second` is a header row under grouped `first`: every cell present, or
    missing only below a named first-row cell (merged down), never below a group."""
    if all(c is not None for c in second):
        return True
    return all(
        c is not None or (i < len(first) and first[i] is not None) for i, c in enumerate(second)
    ) and any(c is not None and c.strip() for c in second)


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
