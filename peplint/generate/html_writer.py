"""Render a layout as an HTML page, the shape of a web ePEP platform's export.

Printed to PDF by a browser, it gives the project fixtures from another producer.
"""

from __future__ import annotations

from html import escape

from peplint.generate.layout import CellValue, Choice, Element, Grid, Heading, Para

_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; margin: 0 1cm; }
h1 { font-size: 17pt; } h2 { font-size: 13.5pt; } h3 { font-size: 11.5pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; page-break-inside: auto; }
td, th { border: 1px solid #444; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eee; }
table.dense { font-size: 7pt; }
"""


def _value(value: CellValue) -> str:
    if isinstance(value, Choice):
        return escape(value.as_glyphs())
    return "<br>".join(escape(line) for line in value.split("\n"))


def render_html(elements: list[Element]) -> str:
    """The layout as one self-contained HTML page."""
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>Personal Education Plan</title><style>",
        _CSS,
        "</style></head><body>",
    ]
    for element in elements:
        if isinstance(element, Heading):
            level = min(element.level, 3)
            parts.append(f"<h{level}>{escape(element.text)}</h{level}>")
        elif isinstance(element, Para):
            parts.append(f"<p>{_value(element.value)}</p>")
        elif isinstance(element, Grid):
            css = " class='dense'" if element.font_size < 8 else ""
            parts.append(f"<table{css}>")
            for row in element.rows:
                parts.append("<tr>")
                for cell in row:
                    tag = "th" if cell.header else "td"
                    span = f" colspan='{cell.colspan}'" if cell.colspan > 1 else ""
                    parts.append(f"<{tag}{span}>{_value(cell.value)}</{tag}>")
                parts.append("</tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
