"""An ePEP platform's web page, for printing to PDF with a browser (Chromium headless).

No tables for fields: each field is a row of two boxes laid out by CSS grid, label
on the left and value far to the right; headings are large type; the ticked
option carries a ✓; the target and people tables have no borders.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from tests.layouts.forms import Choice, Field, Grid, Item, Section, Targets, Text
from tests.layouts.marks import choice_text, runs

CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; margin: 18mm 14mm; }
h1 { font-size: 20pt; font-weight: normal; }
h2 { font-size: 15pt; font-weight: normal; color: #24456e; margin: 16pt 0 6pt; }
.f { display: grid; grid-template-columns: 38% 62%; margin: 3pt 0; }
.f .l { color: #333; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
th { text-align: left; font-weight: bold; font-size: 9pt; padding: 2pt 6pt 2pt 0; }
td { vertical-align: top; font-size: 9pt; padding: 2pt 6pt 2pt 0; }
"""


def _value(item: Item) -> str:
    if isinstance(item, Choice):
        return choice_text(item, "tick")
    assert isinstance(item, (Field, Text))
    return item.value


def _grid(grid: Grid) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in grid.headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(choice_text(c, 'tick') if isinstance(c, Choice) else c)}</td>"
            for c in row
        )
        + "</tr>"
        for row in grid.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _targets(block: Targets) -> str:
    lab = block.labels
    headers = (
        lab["text"],
        lab["why"],
        lab["strategy"],
        lab["who"],
        lab["deadline_text"],
        lab["review"],
    )
    rows = tuple(
        (t.text, "", t.strategy or "", t.who or "", t.deadline_text or "", t.review or "")
        for t in block.targets
    )
    return _grid(Grid(headers, rows))


def render_webpage(sections: list[Section], title: str, path: Path) -> Path:
    """Write the sections as one HTML page."""
    parts = [f"<h1>{escape(title)}</h1>"]
    for section in sections:
        parts.append(f"<h2>{escape(section.title)}</h2>")
        for chunk in runs(section.items):
            if isinstance(chunk, list):
                parts += [
                    f'<div class="f"><div class="l">{escape(i.label)}</div>'  # type: ignore[union-attr]
                    f'<div class="v">{escape(_value(i))}</div></div>'
                    for i in chunk
                ]
            elif isinstance(chunk, Grid):
                parts.append(_grid(chunk))
            elif isinstance(chunk, Targets):
                parts.append(_targets(chunk))
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path
