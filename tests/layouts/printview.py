"""A web platform's "print view" drawn with reportlab: no ruled lines anywhere.

Headings are large type, capitals at body size, or white text on dark bands;
a value sits under its small grey label or to the right of it across a wide
gap; checkboxes are drawn squares (filled when chosen) or "[X]" brackets; tables
are columns of text lined up by position only. Each page after the first
repeats the child's name at the top and ends with "Page n of m". Only the
standard PDF fonts are used, so the files render the same on any machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as pdfcanvas

from tests.layouts.forms import Choice, Field, Grid, Item, Section, Targets, Text
from tests.layouts.marks import runs

WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 42.0, WIDTH - 42.0, HEIGHT - 50.0, 56.0
BODY, SMALL = 9.5, 7.5


class _NumberedCanvas(pdfcanvas.Canvas):
    """Defers each page so the footer can say "Page n of m" and the header repeat the name."""

    def __init__(self, *args: Any, running: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._running = running

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self.setFont("Helvetica", SMALL)
            self.setFillGray(0.35)
            if number > 1:
                self.drawString(LEFT, HEIGHT - 28, self._running)
            self.drawRightString(RIGHT, 26, f"Page {number} of {total}")
            super().showPage()
        super().save()


def _narrow(item: Item) -> bool:
    """Fits half the page: not free text, not a choice of many options."""
    return not isinstance(item, Text) and not (isinstance(item, Choice) and len(item.options) > 3)


def _column_widths(table: list[list[str]], total: float) -> list[float]:
    """Widths that fit each column's longest word, the rest shared by how much text it holds."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    columns = list(zip(*table, strict=True))
    least = [
        max(stringWidth(w, "Helvetica-Bold", 8) for c in col for w in (c.split() or [""])) + 10
        for col in columns
    ]
    wish = [max(stringWidth(c, "Helvetica", 8) + 10 for c in col) for col in columns]
    spare = max(total - sum(least), 0.0)
    extra = [max(w - m, 0.0) for w, m in zip(wish, least, strict=True)]
    scale = min(1.0, spare / sum(extra)) if sum(extra) else 0.0
    widths = [m + e * scale for m, e in zip(least, extra, strict=True)]
    return [w * total / sum(widths) for w in widths] if sum(widths) > total else widths


class PrintView:
    """Draws sections top to bottom, breaking pages as it goes."""

    def __init__(
        self,
        path: Path,
        running: str,
        heading: str,
        fields: str,
        checkbox: str,
        targets: str,
        actions: bool = False,
    ) -> None:
        self.c = _NumberedCanvas(str(path), pagesize=A4, running=running)
        self.c.setTitle("Personal Education Plan")
        self.heading, self.fields, self.checkbox, self.targets = heading, fields, checkbox, targets
        self.actions = actions
        self.y = TOP

    def need(self, height: float) -> bool:
        """Start a new page unless `height` fits; whether it did."""
        if self.y - height < BOTTOM:
            self.c.showPage()
            self.y = TOP
            return True
        return False

    def text(
        self,
        x: float,
        value: str,
        width: float,
        font: str = "Helvetica",
        size: float = BODY,
        gray: float = 0.0,
    ) -> float:
        """Wrapped text from the cursor down; the height used."""
        lines = simpleSplit(value, font, size, width) or [""]
        lead = size * 1.3
        self.c.setFont(font, size)
        self.c.setFillGray(gray)
        y = self.y
        for line in lines:
            if y - lead < BOTTOM:
                self.c.showPage()
                y = TOP
                self.c.setFont(font, size)
                self.c.setFillGray(gray)
            self.c.drawString(x, y - size, line)
            y -= lead
        used = self.y - y
        self.y = y
        return used

    def title(self, value: str) -> None:
        self.need(60)
        self.y -= 10
        if self.heading == "large":
            self.text(LEFT, value, RIGHT - LEFT, "Helvetica-Bold", 15)
        elif self.heading == "caps":
            self.text(LEFT, value.upper(), RIGHT - LEFT, "Helvetica", BODY)
        elif self.heading == "smallcaps":
            self.small_caps(value)
        elif self.heading == "band":
            self.c.setFillColorRGB(0.12, 0.2, 0.36)
            self.c.rect(LEFT - 4, self.y - 17, RIGHT - LEFT + 8, 18, stroke=0, fill=1)
            self.c.setFillGray(1.0)
            self.c.setFont("Helvetica-Bold", 11)
            self.c.drawString(LEFT + 2, self.y - 12.5, value)
            self.y -= 20
        else:
            raise ValueError(self.heading)
        self.y -= 6

    def small_caps(self, value: str) -> None:
        """Small capitals the way a print engine sets them: a large initial, the rest of the
        word smaller, each drawn on its own (so text extraction may split "D ATE")."""
        x, y = LEFT, self.y - 11
        for word in value.split():
            self.c.setFont("Helvetica-Bold", 11)
            self.c.drawString(x, y, word[0].upper())
            x += (
                self.c.stringWidth(word[0].upper(), "Helvetica-Bold", 11) + 3.2
            )  # the gap that splits "D ATE"
            self.c.setFont("Helvetica-Bold", 8.5)
            self.c.drawString(x, y, word[1:].upper())
            x += self.c.stringWidth(word[1:].upper() + " ", "Helvetica-Bold", 8.5) + 1.5
        self.y -= 16

    def boxes(self, x: float, choice: Choice) -> None:
        """A choice at the cursor line: drawn squares, or [X] brackets."""
        y = self.y - BODY
        self.c.setFont("Helvetica", BODY)
        self.c.setFillGray(0)
        start = x
        for option in choice.options:
            if x + 30 + self.c.stringWidth(option, "Helvetica", BODY) > RIGHT:  # wrap the options
                x, y = start, y - BODY * 1.3
                self.y -= BODY * 1.3
            if self.checkbox == "drawn":
                self.c.setLineWidth(0.6)
                self.c.rect(x, y - 1, 8, 8, stroke=1, fill=0)
                if option == choice.chosen:
                    self.c.rect(x + 2, y + 1, 4, 4, stroke=0, fill=1)
                x += 11
            else:
                mark = "[X]" if option == choice.chosen else "[  ]"
                self.c.drawString(x, y, mark)
                x += self.c.stringWidth(mark + " ", "Helvetica", BODY)
            self.c.drawString(x, y, option)
            x += self.c.stringWidth(option, "Helvetica", BODY) + 16
        self.y -= BODY * 1.3

    def value(self, x: float, item: Item, width: float) -> None:
        if isinstance(item, Choice):
            self.boxes(x, item)
        else:
            self.text(x, item.value, width)  # type: ignore[union-attr]

    def field_group(self, group: list[Item]) -> None:
        if self.fields == "gap":
            for item in group:
                self.need(BODY * 2)
                top = self.y
                self.text(LEFT, item.label, 170, "Helvetica-Bold", BODY - 0.5)  # type: ignore[union-attr]
                after_label = self.y
                self.y = top
                self.value(LEFT + 200, item, RIGHT - LEFT - 200)
                self.y = min(self.y, after_label) - 4
            return
        # label above value, short fields two to a row
        half = (RIGHT - LEFT) / 2
        pending = list(group)
        while pending:
            item = pending.pop(0)
            pair = [item]
            if _narrow(item) and pending and _narrow(pending[0]):
                pair.append(pending.pop(0))
            self.need(BODY * 4)
            top, lowest = self.y, self.y
            width = half - 12 if len(pair) == 2 else RIGHT - LEFT
            for column, entry in enumerate(pair):
                self.y = top
                x = LEFT + column * half
                self.text(x, entry.label, width, "Helvetica", SMALL, 0.4)  # type: ignore[union-attr]
                self.value(x, entry, width)
                lowest = min(lowest, self.y)
            self.y = lowest - 5

    def grid(self, grid: Grid) -> None:
        """Columns lined up by position only; the header row repeats on a new page; a
        platform's print view keeps its "Edit Delete" action column when asked to."""
        rows = [[c.chosen or "" if isinstance(c, Choice) else c for c in row] for row in grid.rows]
        header = list(grid.headers)
        if self.actions:
            header.append("")
            rows = [[*row, "Edit Delete"] for row in rows]
        widths = _column_widths([header, *rows], RIGHT - LEFT)
        starts = [LEFT + sum(widths[:i]) for i in range(len(widths))]

        def draw(cells: list[str], font: str) -> None:
            wrapped = [
                simpleSplit(c, font, 8, w - 8) or [""] for c, w in zip(cells, widths, strict=True)
            ]
            height = max(len(w) for w in wrapped) * 10.4 + 4
            if self.need(height) and font == "Helvetica":
                draw(header, "Helvetica-Bold")
            self.c.setFont(font, 8)
            self.c.setFillGray(0)
            for index, lines in enumerate(wrapped):
                for number, line in enumerate(lines):
                    self.c.drawString(starts[index], self.y - 8 - number * 10.4, line)
            self.y -= height

        self.need(40)
        draw(header, "Helvetica-Bold")
        for row in rows:
            draw(row, "Helvetica")
        self.y -= 6

    def target_list(self, block: Targets) -> None:
        lab = block.labels
        parts = ("strategy", "who", "deadline_text", "review")
        if self.targets == "grid":
            rows = tuple(
                (t.text, t.strategy or "", t.who or "", t.deadline_text or "", t.review or "")
                for t in block.targets
            )
            headers = (
                lab["text"],
                lab["strategy"],
                lab["who"],
                lab["deadline_text"],
                lab["review"],
            )
            self.grid(Grid(headers, rows))
            return
        for number, target in enumerate(block.targets, 1):
            self.need(60)
            if self.targets == "numbered":
                self.text(LEFT, f"{number}. {target.text}", RIGHT - LEFT)
                for part in parts:
                    self.text(
                        LEFT + 14,
                        f"{lab[part]}: {getattr(target, part) or ''}".rstrip(),
                        RIGHT - LEFT - 14,
                    )
            else:
                self.text(LEFT, f"{lab['item']} {number}", RIGHT - LEFT, "Helvetica-Bold", BODY)
                block_items: list[Item] = [Field(lab["text"], target.text)]
                block_items += [Field(lab[p], getattr(target, p) or "") for p in parts]
                self.field_group(block_items)
            self.y -= 6

    def section(self, section: Section) -> None:
        self.title(section.title)
        for chunk in runs(section.items):
            if isinstance(chunk, list):
                self.field_group(chunk)
            elif isinstance(chunk, Grid):
                self.grid(chunk)
            elif isinstance(chunk, Targets):
                self.target_list(chunk)


def render_print_view(
    sections: list[Section],
    title: str,
    running: str,
    path: Path,
    *,
    heading: str,
    fields: str,
    checkbox: str,
    targets: str,
    actions: bool = False,
) -> Path:
    """Write the sections as a print-view PDF (`actions`: keep the platform's action column)."""
    view = PrintView(path, running, heading, fields, checkbox, targets, actions)
    view.text(LEFT, title, RIGHT - LEFT, "Helvetica-Bold", 17)
    for section in sections:
        view.section(section)
    view.c.showPage()
    view.c.save()
    return path
