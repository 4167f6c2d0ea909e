"""Word variants written with python-docx (styles, bold or numbered headings, table title rows).

Written from scratch for the variants: it shares no code with peplint.generate.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table

from tests.layouts.forms import Choice, Field, Grid, Item, Section, Targets, Text
from tests.layouts.marks import choice_text, runs, split_choices


def _shade(cell: object, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def _table(doc: Document, rows: int, cols: int) -> Table:
    body = doc.element.body
    if len(body) > 1 and body[-2].tag == qn("w:tbl"):  # [-1] is sectPr
        doc.add_paragraph()  # Word joins tables that touch into one
    table = doc.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return table


class WordForm:
    """Renders sections into a python-docx document along the variant's axes."""

    def __init__(self, heading: str, fields: str, checkbox: str, targets: str) -> None:
        self.heading, self.fields, self.checkbox, self.targets = heading, fields, checkbox, targets
        self.doc = new_document()

    def value(self, item: Item) -> str:
        if isinstance(item, Choice):
            return choice_text(item, self.checkbox)
        assert isinstance(item, (Field, Text))
        return item.value

    # headings -------------------------------------------------------------
    def title(self, number: int, title: str) -> Table | None:
        doc = self.doc
        if self.heading == "styles":
            doc.add_heading(title, level=2)
        elif self.heading == "bold":
            run = doc.add_paragraph().add_run(title)
            run.bold = True
            run.font.size = Pt(12)
        elif self.heading == "numbered":
            doc.add_paragraph(f"{number}. {title}")
        elif self.heading == "title_row":
            table = _table(doc, 1, 2)
            cell = table.rows[0].cells[0].merge(table.rows[0].cells[1])
            cell.text = title
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            _shade(cell, "1F3864")
            return table
        else:
            raise ValueError(self.heading)
        return None

    # fields ---------------------------------------------------------------
    def field_rows(self, group: list[Item], table: Table | None) -> None:
        doc = self.doc
        style = self.fields
        if style in ("two_cell", "qa_table", "four_cell") or table is not None:
            if table is None:
                cols = 4 if style == "four_cell" else 2
                table = _table(doc, 0, cols)
                if style == "qa_table":
                    head = table.add_row().cells
                    head[0].text, head[1].text = "Question", "Answer"
            cols = len(table.columns)
            pending: list[Item] = list(group)
            while pending:
                item = pending.pop(0)
                cells = table.add_row().cells
                cells[0].text = item.label  # type: ignore[union-attr]
                if (
                    cols == 4
                    and not isinstance(item, Text)
                    and pending
                    and not isinstance(pending[0], Text)
                ):
                    other = pending.pop(0)
                    cells[1].text = self.value(item)
                    cells[2].text = other.label  # type: ignore[union-attr]
                    cells[3].text = self.value(other)
                else:
                    merged = cells[1].merge(cells[-1]) if cols > 2 else cells[1]
                    merged.text = self.value(item)
            return
        if style == "inline":
            line: list[str] = []
            for item in group:
                label = item.label  # type: ignore[union-attr]
                colon = "" if label.endswith(("?", ":")) else ":"
                text = f"{label}{colon} {self.value(item)}".rstrip()
                if isinstance(item, Text):
                    if line:
                        doc.add_paragraph("    ".join(line))
                        line = []
                    doc.add_paragraph(text)
                    continue
                line.append(text)
                if len(line) == 2:
                    doc.add_paragraph("\t".join(line))
                    line = []
            if line:
                doc.add_paragraph("\t".join(line))
            return
        if style == "stacked":
            # One bordered column: each label a bold row, its answer the row under it (a
            # print view that stacks a form's questions; free text sits in a box).
            table = _table(doc, 0, 1)
            for item in group:
                label = table.add_row().cells[0]
                label.text = item.label  # type: ignore[union-attr]
                label.paragraphs[0].runs[0].bold = True
                table.add_row().cells[0].text = self.value(item)
            return
        if style == "label_para":
            for item in group:
                run = doc.add_paragraph().add_run(item.label)  # type: ignore[union-attr]
                run.bold = True
                doc.add_paragraph(self.value(item))
            return
        raise ValueError(style)

    def choice_columns(self, choices: list[Item]) -> None:
        options = choices[0].options  # type: ignore[union-attr]
        table = _table(self.doc, 1, 1 + len(options))
        for index, option in enumerate(options):
            table.rows[0].cells[1 + index].text = option
        for choice in choices:
            cells = table.add_row().cells
            cells[0].text = choice.label  # type: ignore[union-attr]
            for index, option in enumerate(options):
                cells[1 + index].text = "X" if option == choice.chosen else ""  # type: ignore[union-attr]

    def grid(self, grid: Grid) -> None:
        table = _table(self.doc, 1, len(grid.headers))
        for cell, header in zip(table.rows[0].cells, grid.headers, strict=True):
            cell.text = header
            cell.paragraphs[0].runs[0].bold = True
        for row in grid.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = (
                    choice_text(value, self.checkbox) if isinstance(value, Choice) else value
                )

    # targets --------------------------------------------------------------
    def target_list(self, block: Targets) -> None:
        lab = block.labels
        parts = ("text", "strategy", "who", "deadline_text", "review")
        if self.targets == "grid":
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
            self.grid(Grid(headers, rows))
        elif self.targets == "numbered":
            for number, target in enumerate(block.targets, 1):
                self.doc.add_paragraph(f"{number}. {target.text}")
                for part in parts[1:]:
                    self.doc.add_paragraph(f"{lab[part]}: {getattr(target, part) or ''}".rstrip())
        elif self.targets == "blocks":
            for number, target in enumerate(block.targets, 1):
                run = self.doc.add_paragraph().add_run(f"{lab['item']} {number}")
                run.bold = True
                self.field_rows([Field(lab[p], getattr(target, p) or "") for p in parts], None)
        else:
            raise ValueError(self.targets)

    def section(self, number: int, section: Section) -> None:
        table = self.title(number, section.title)
        for chunk in runs(section.items):
            if isinstance(chunk, list):
                parts = split_choices(chunk) if self.checkbox == "columns" else [("fields", chunk)]
                for kind, group in parts:
                    if kind == "choices":
                        self.choice_columns(group)
                        table = None
                    else:
                        self.field_rows(group, table)
            elif isinstance(chunk, Grid):
                self.grid(chunk)
                table = None
            elif isinstance(chunk, Targets):
                self.target_list(chunk)
                table = None


def render_word(
    sections: list[Section],
    title: str,
    path: Path,
    *,
    heading: str,
    fields: str,
    checkbox: str,
    targets: str,
) -> Path:
    """Write the sections as a .docx in the given styles."""
    form = WordForm(heading, fields, checkbox, targets)
    form.doc.add_paragraph(title).runs[0].font.size = Pt(16)
    for number, section in enumerate(sections, 1):
        form.section(number, section)
    form.doc.save(str(path))
    return path
