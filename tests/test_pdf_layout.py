"""PDF layouts read from what the page looks like (issue 11): headings from size,
weight, capitals and bands; small capitals; running headers and footers;
labels and values placed by geometry; tables with no ruled lines.

Every PDF here is drawn with reportlab's canvas, varying fonts, sizes and
habits, so nothing depends on the project's own generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen import canvas

from peplint.model.document import Block, BlockKind, Document
from peplint.parsers.pdf_blocks import read_pdf

BLACK, WHITE, GREY = (0, 0, 0), (1, 1, 1), (0.45, 0.45, 0.45)


@dataclass
class Text:
    """Text drawn at `x` with its baseline `y` points below the top of the page."""

    x: float
    y: float
    text: str
    font: str = "Helvetica"
    size: float = 10
    colour: tuple[float, float, float] = BLACK
    stroke: bool = False  # faux bold: filled and stroked


@dataclass
class Band:
    """A filled rectangle whose top edge is `y` points below the top of the page."""

    x: float
    y: float
    width: float
    height: float
    colour: tuple[float, float, float]
    rounded: bool = False  # drawn as a closed curve (a text box), not a rectangle


@dataclass
class Page:
    items: list[Text | Band] = field(default_factory=list)
    size: tuple[float, float] = A4

    def text(self, *args: object, **kwargs: object) -> Page:
        self.items.append(Text(*args, **kwargs))  # type: ignore[arg-type]
        return self

    def band(self, *args: object) -> Page:
        self.items.append(Band(*args))  # type: ignore[arg-type]
        return self


def draw(path: Path, pages: list[Page]) -> Path:
    """Write `pages` to a PDF at `path`."""
    pdf = canvas.Canvas(str(path), pagesize=pages[0].size)
    for page in pages:
        pdf.setPageSize(page.size)
        height = page.size[1]
        for item in page.items:
            if isinstance(item, Band):
                pdf.setFillColorRGB(*item.colour)
                bottom = height - item.y - item.height
                if item.rounded:
                    pdf.roundRect(item.x, bottom, item.width, item.height, 4, 0, 1)
                else:
                    pdf.rect(item.x, bottom, item.width, item.height, 0, 1)
                continue
            pdf.saveState()  # the text render mode outlives the text object
            obj = pdf.beginText(item.x, height - item.y)
            obj.setFont(item.font, item.size)
            pdf.setFillColorRGB(*item.colour)
            obj.setFillColorRGB(*item.colour)
            if item.stroke:
                obj.setTextRenderMode(2)
                pdf.setLineWidth(0.4)
            obj.textOut(item.text)
            pdf.drawText(obj)
            pdf.restoreState()
        pdf.showPage()
    pdf.save()
    return path


def read(tmp_path: Path, pages: list[Page], name: str = "layout.pdf") -> Document:
    return read_pdf(draw(tmp_path / name, pages))


def headings(document: Document) -> list[tuple[str, str | None, int | None]]:
    return [(b.text, b.cue, b.level) for b in document.blocks if b.kind == BlockKind.HEADING]


def pairs(document: Document) -> list[tuple[str | None, str, str | None]]:
    return [(b.label, b.text, b.cue) for b in document.blocks if b.kind == BlockKind.LABEL_VALUE]


def tables(document: Document) -> list[list[list[str | None]]]:
    return [b.table.rows for b in document.blocks if b.table is not None]


def prose(page: Page, y: float, lines: int, font: str = "Helvetica", size: float = 10) -> float:
    """Body paragraphs of ordinary sentences; returns the y after them."""
    words = (
        "You have settled well this term and your teachers say you are working hard "
        "in lessons, asking for help when you need it and joining the football club."
    )
    for i in range(lines):
        page.text(56, y, words[: 70 + (i % 3)], font, size)
        y += size * 1.3
    return y + size


# 1. Headings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("font", "bold_font"),
    [("Helvetica", "Helvetica-Bold"), ("Times-Roman", "Times-Bold"), ("Courier", "Courier-Bold")],
)
def test_headings_from_size_weight_capitals_and_bands(
    tmp_path: Path, font: str, bold_font: str
) -> None:
    page = Page()
    page.text(56, 60, "Personal Education Plan", font, 18)
    y = prose(page, 90, 3, font)
    page.band(50, y - 2, 480, 18, (0.1, 0.2, 0.45))
    page.text(56, y + 11, "About Me", font, 10, WHITE)
    y = prose(page, y + 34, 3, font)
    page.text(56, y, "My carers", bold_font, 10)
    y = prose(page, y + 16, 2, font)
    page.text(56, y, "VIEWS AND WISHES", font, 10)
    y = prose(page, y + 16, 2, font)
    page.text(56, y, "Who I live with", font, 10, stroke=True)
    prose(page, y + 16, 2, font)
    found = headings(read(tmp_path, [page]))
    assert [(t, c) for t, c, _ in found] == [
        ("Personal Education Plan", "font-size"),
        ("About Me", "band"),
        ("My carers", "bold"),
        ("VIEWS AND WISHES", "caps"),
        ("Who I live with", "bold"),
    ]
    levels = {t: level for t, _, level in found}
    assert levels["Personal Education Plan"] < levels["About Me"] < levels["My carers"]
    assert levels["My carers"] == levels["Who I live with"]


def test_band_heading_with_light_text_on_a_mid_band_and_a_shaded_bold_heading(
    tmp_path: Path,
) -> None:
    page = Page()
    page.band(40, 80, 500, 22, (0.55, 0.1, 0.1))
    page.text(48, 95, "Section 3 - Education", "Times-Roman", 11, (0.95, 0.95, 0.8))
    y = prose(page, 125, 2, "Times-Roman", 11)
    page.band(40, y, 500, 16, (0.85, 0.85, 0.85))
    page.text(48, y + 12, "Attendance", "Times-Bold", 11)
    prose(page, y + 30, 2, "Times-Roman", 11)
    found = headings(read(tmp_path, [page]))
    assert [(t, c) for t, c, _ in found] == [
        ("Section 3 - Education", "band"),
        ("Attendance", "band"),
    ]


def test_a_text_box_drawn_as_a_curve_is_a_band_above_bold_sub_headings(tmp_path: Path) -> None:
    # LibreOffice prints a Word text box heading as a filled closed curve, not a rectangle
    page = Page()
    y = 60.0
    for title in ("Pupil details", "Attainment and progress"):
        page.band(50, y, 460, 26, (0.18, 0.29, 0.49), True)
        page.text(60, y + 17, title, "Helvetica-Bold", 10, WHITE)
        page.text(56, y + 46, "Summary of progress and areas to develop", "Helvetica-Bold", 10)
        y = prose(page, y + 60, 2) + 10
    found = headings(read(tmp_path, [page]))
    assert [(t, c) for t, c, _ in found] == [
        ("Pupil details", "band"),
        ("Summary of progress and areas to develop", "bold"),
        ("Attainment and progress", "band"),
        ("Summary of progress and areas to develop", "bold"),
    ]
    levels = {t: level for t, _, level in found}
    assert levels["Attainment and progress"] < levels["Summary of progress and areas to develop"]


def test_what_is_not_a_heading(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 60, "My Education", "Helvetica-Bold", 14)
    # A bold label and its value on one line.
    page.text(56, 90, "Name of school:", "Helvetica-Bold", 10)
    page.text(140, 90, "Oakfield Academy", "Helvetica", 10)
    # A bold sentence, a bold prompt and a short value in capitals.
    page.text(56, 110, "Please complete every part of this form.", "Helvetica-Bold", 10)
    page.text(56, 130, "Describe how you are getting on:", "Helvetica-Bold", 10)
    page.text(56, 144, "EHCP", "Helvetica", 10)
    page.text(56, 158, "N/A", "Helvetica", 10)
    # A table's header row in bold, with its rows under it.
    for x, head, value in [
        (56, "Subject", "English"),
        (220, "Grade", "5"),
        (380, "Progress", "Expected"),
    ]:
        page.text(x, 190, head, "Helvetica-Bold", 10)
        page.text(x, 206, value, "Helvetica", 10)
        page.text(
            x, 220, {"English": "Maths", "5": "4", "Expected": "More"}[value], "Helvetica", 10
        )
    prose(page, 250, 4)
    document = read(tmp_path, [page])
    assert [t for t, _, _ in headings(document)] == ["My Education"]
    assert ["Subject", "Grade", "Progress"] in [rows[0] for rows in tables(document)]


# 2. Small capitals, running headers and footers ----------------------------------


def small_caps(page: Page, x: float, y: float, words: list[str], size: float = 12) -> None:
    """Words set in small capitals: a full-size initial, the rest smaller (drawn tight)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for word in words:
        initial, rest = (word[0], word[1:].upper()) if word[0].isupper() else ("", word.upper())
        if initial:
            page.text(x, y, initial, "Helvetica-Bold", size)
            x += stringWidth(initial, "Helvetica-Bold", size)
        if rest:
            page.text(x, y, rest, "Helvetica-Bold", size * 0.75)
            x += stringWidth(rest, "Helvetica-Bold", size * 0.75)
        x += stringWidth(" ", "Helvetica-Bold", size)


def test_small_capital_fragments_are_rejoined(tmp_path: Path) -> None:
    page = Page()
    small_caps(page, 56, 60, ["Date", "of", "Birth"])
    page.text(56, 80, "02/03/2012", "Helvetica", 10)
    small_caps(page, 56, 110, ["Personal", "Details"], size=14)
    prose(page, 130, 3)
    # A one-letter word before a smaller word is not a small-capital fragment.
    page.text(56, 200, "A", "Helvetica", 12)
    page.text(66, 200, "NOTE ON TERMS", "Helvetica", 9)
    document = read(tmp_path, [page])
    text = document.text()
    assert "DATE OF BIRTH" in text
    assert "D ATE" not in text and "B IRTH" not in text
    assert "PERSONAL DETAILS" in text
    assert "A NOTE ON TERMS" in text


def test_small_capitals_set_apart_from_their_initials_are_rejoined(tmp_path: Path) -> None:
    # some print engines leave about a space between each initial and the rest of its word
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page, x = Page(), 56.0
    for word in ["Additional", "Needs", "Year", "14"]:
        page.text(x, 60, word[0], "Helvetica-Bold", 11)
        x += stringWidth(word[0], "Helvetica-Bold", 11) + 3.2
        page.text(x, 60, word[1:].upper(), "Helvetica-Bold", 8.5)
        x += stringWidth(word[1:].upper() + " ", "Helvetica-Bold", 8.5) + 1.5
    prose(page, 90, 3)
    page.text(56, 200, "A", "Helvetica", 12)  # one such pair alone is a word and its next
    page.text(68, 200, "NOTE ON TERMS", "Helvetica", 9)
    text = read(tmp_path, [page]).text()
    assert "ADDITIONAL NEEDS YEAR 14" in text
    assert "A NOTE ON TERMS" in text


def running_pages(count: int, size: tuple[float, float] = A4) -> list[Page]:
    pages = []
    for n in range(1, count + 1):
        page = Page(size=size)
        height = size[1]
        page.text(56, 30, "Jamie Rowe - Personal Education Plan", "Helvetica", 8, GREY)
        page.text(420, 30, "Printed on 14/10/2026 10:3" + str(n), "Helvetica", 8, GREY)
        if n == 1:
            page.text(56, 70, "Personal Education Plan", "Helvetica-Bold", 16)
        page.text(56, 110, f"Part {n}", "Helvetica-Bold", 13)
        prose(page, 130, 5)
        page.text(270, height - 30, f"Page {n} of {count}", "Helvetica", 8)
        page.text(500, height - 30, f"{n} / {count}", "Helvetica", 8)
        pages.append(page)
    return pages


@pytest.mark.parametrize("size", [A4, LETTER], ids=["a4", "letter"])
def test_running_headers_and_footers_are_dropped(tmp_path: Path, size: tuple[float, float]) -> None:
    document = read(tmp_path, running_pages(3, size))
    text = document.text()
    for furniture in ("Jamie Rowe - Personal", "Printed on", "Page 2 of 3", "2 / 3"):
        assert furniture not in text
    assert [t for t, _, _ in headings(document)] == [
        "Personal Education Plan",
        "Part 1",
        "Part 2",
        "Part 3",
    ]


def test_a_heading_at_the_top_of_one_page_is_kept(tmp_path: Path) -> None:
    pages = running_pages(3)
    pages[1].text(56, 50, "Key Contacts", "Helvetica-Bold", 13)
    document = read(tmp_path, pages)
    assert "Key Contacts" in [t for t, _, _ in headings(document)]


def test_a_header_on_every_page_but_the_first_is_dropped(tmp_path: Path) -> None:
    # "different first page": two pages, so the header is on one page only; it stands
    # above anything on the first page and apart from its own page's text
    first, second = Page(), Page()
    first.text(56, 52, "Personal Education Plan", "Helvetica-Bold", 16)
    prose(first, 90, 5)
    second.text(56, 22, "Jamie Rowe - Personal Education Plan", "Helvetica", 8, GREY)
    second.text(56, 52, "Part 2", "Helvetica-Bold", 13)
    prose(second, 72, 5)
    document = read(tmp_path, [first, second])
    assert "Jamie Rowe" not in document.text()
    # a first line of the second page that runs on into the page's text is kept
    second = Page()
    second.text(56, 22, "Jamie said he likes his new school and", "Helvetica", 10)
    prose(second, 35, 5)
    assert "Jamie said" in read(tmp_path, [first, second], "kept.pdf").text()


def test_a_line_repeated_mid_page_is_not_furniture(tmp_path: Path) -> None:
    pages = running_pages(3)
    for page in pages:
        page.text(56, 300, "Target agreed: yes", "Helvetica", 10)
    assert document_count(read(tmp_path, pages), "Target agreed") == 3


def test_a_value_near_the_foot_of_two_pages_is_not_furniture(tmp_path: Path) -> None:
    # "✓ Yes" falls in the footer band of two pages, but at other places across them
    pages = running_pages(2)
    height = pages[0].size[1]
    pages[0].text(56, height - 75, "Emergency placement?", "Helvetica", 10)
    pages[0].text(300, height - 75, "Yes", "Helvetica", 10)
    pages[1].text(56, height - 72, "Social worker has signed off", "Helvetica", 10)
    pages[1].text(220, height - 72, "Yes", "Helvetica", 10)
    document = read(tmp_path, pages)
    assert ("Social worker has signed off", "Yes", "gap") in pairs(document)
    assert ("Emergency placement?", "Yes", "gap") in pairs(document)
    assert "Page 2 of 2" not in document.text()


def test_figures_in_a_table_row_in_the_header_band_are_not_page_numbers(tmp_path: Path) -> None:
    pages = running_pages(2)
    for x, cell in ((56, "Subject"), (150, "Level"), (230, "Target"), (300, "Grade")):
        pages[0].text(x, 62, cell, "Helvetica-Bold", 10)
    for x, cell in ((56, "English"), (150, "KS3"), (230, "6"), (300, "5")):
        pages[0].text(x, 76, cell, "Helvetica", 10)
    height = pages[1].size[1]
    for x, cell in ((56, "Maths"), (150, "GCSE"), (230, "7"), (300, "4"), (360, "Yes")):
        pages[1].text(x, height - 50, cell, "Helvetica", 10)  # a row in the outer margin
    for page, number in zip(pages, ("1", "2"), strict=True):
        page.text(56, height - 14, "Jamie Rowe", "Helvetica", 8)
        page.text(520, height - 14, number, "Helvetica", 8)  # a page number beside text
    document = read(tmp_path, pages)
    words = document.text().split()
    assert all(figure in words for figure in ("6", "5", "7", "4"))
    assert "Page 1 of 2" not in document.text() and "1 / 2" not in document.text()
    assert words.count("1") == words.count("2") == 1  # "Part 1", "Part 2": no page numbers


def document_count(document: Document, needle: str) -> int:
    return document.text().count(needle)


# 3. Labels and values by geometry ------------------------------------------------


def test_label_and_value_on_one_line_split_at_a_wide_gap(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "About Me", "Helvetica-Bold", 14)
    page.text(56, 80, "Name", "Helvetica", 10, GREY)
    page.text(220, 80, "Jamie Rowe", "Helvetica", 10)
    page.text(56, 96, "Date of birth:", "Times-Roman", 10)
    page.text(220, 96, "02/03/2012", "Times-Roman", 10)
    page.text(56, 112, "Year group", "Helvetica-Bold", 10)
    page.text(220, 112, "Year 9", "Helvetica", 10)
    # Two pairs on one line (a two-column form).
    page.text(56, 128, "Social worker:", "Helvetica", 10)
    page.text(140, 128, "Priya Kaur", "Helvetica", 10)
    page.text(320, 128, "Telephone:", "Helvetica", 10)
    page.text(390, 128, "01922 555 102", "Helvetica", 10)
    prose(page, 160, 4)
    document = read(tmp_path, [page])
    assert pairs(document) == [
        ("Name", "Jamie Rowe", "gap"),
        ("Date of birth", "02/03/2012", "gap"),
        ("Year group", "Year 9", "gap"),
        ("Social worker", "Priya Kaur", "gap"),
        ("Telephone", "01922 555 102", "gap"),
    ]
    assert [b.kind for b in document.blocks[-1:]] == [BlockKind.PARAGRAPH]


def test_label_above_its_value_and_empty_values(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Designated Teacher Sign Off", "Helvetica-Bold", 14)
    page.text(56, 80, "Date completed", "Helvetica", 8, GREY)
    page.text(56, 92, "19/10/2026", "Helvetica", 10)
    page.text(56, 114, "Comments:", "Helvetica", 10)
    page.text(
        56, 127, "Jamie has made a good start and the plan was agreed by everyone", "Helvetica", 10
    )
    page.text(56, 140, "at the meeting.", "Helvetica", 10)
    page.text(56, 162, "Next PEP date", "Helvetica", 8, GREY)
    page.text(56, 184, "Signed", "Helvetica", 8, GREY)
    page.text(56, 196, "Mr Ellis", "Helvetica", 10)
    # Two labels over their two values.
    page.text(56, 222, "Name of setting", "Helvetica", 8, GREY)
    page.text(300, 222, "URN", "Helvetica", 8, GREY)
    page.text(56, 234, "Oakfield Academy", "Helvetica", 10)
    page.text(300, 234, "104321", "Helvetica", 10)
    page.text(56, 262, "Views of the carer", "Helvetica-Bold", 12)
    prose(page, 280, 3)
    document = read(tmp_path, [page])
    assert pairs(document) == [
        ("Date completed", "19/10/2026", "label-above"),
        (
            "Comments",
            "Jamie has made a good start and the plan was agreed by everyone at the meeting.",
            "label-above",
        ),
        ("Next PEP date", "", "label-above"),
        ("Signed", "Mr Ellis", "label-above"),
        ("Name of setting", "Oakfield Academy", "label-above"),
        ("URN", "104321", "label-above"),
    ]
    assert "Views of the carer" in [t for t, _, _ in headings(document)]


def test_prose_is_not_turned_into_pairs(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Summary of discussion", "Times-Bold", 12)
    y = prose(page, 70, 6, "Times-Roman", 11)
    page.text(56, y, "We agreed:", "Times-Roman", 11)
    page.text(
        56, y + 14, "You will read every night and keep a log of what you read.", "Times-Roman", 11
    )
    page.text(56, y + 40, "Attendance is 96% and punctuality is good.", "Times-Roman", 11)
    document = read(tmp_path, [page])
    labels = [label for label, _, _ in pairs(document)]
    assert labels in ([], ["We agreed"])
    paragraphs = [b.text for b in document.blocks if b.kind == BlockKind.PARAGRAPH]
    assert any(p.startswith("You have settled well") for p in paragraphs)
    assert "Attendance is 96% and punctuality is good." in paragraphs


# 4. Tables with no ruled lines -----------------------------------------------------


TARGETS = [
    ("You will read for 20 minutes", "You with your carer", "By 13 February 2027"),
    ("You will score 6/10 on past papers", "Mrs Patel", "By the next PEP"),
    ("You will attend every tutor session", "Mr Ellis", "End of Spring term"),
]


def target_table(
    page: Page,
    y: float,
    xs: tuple[float, ...],
    rows: list[tuple[str, ...]],
    header: tuple[str, ...],
    font: str = "Helvetica",
    wrap: bool = True,
) -> float:
    for x, head in zip(xs, header, strict=True):
        page.text(x, y, head, font + "-Bold" if font != "Times-Roman" else "Times-Bold", 10)
    y += 18
    for row in rows:
        lines = 1
        for x, cell in zip(xs, row, strict=True):
            words = cell.split()
            if wrap and len(words) > 4:
                page.text(x, y, " ".join(words[:4]), font, 10)
                page.text(x, y + 12, " ".join(words[4:]), font, 10)
                lines = 2
            else:
                page.text(x, y, cell, font, 10)
        y += 12 * lines + 8
    return y


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman"])
def test_an_unruled_table_is_split_where_its_columns_line_up(tmp_path: Path, font: str) -> None:
    page = Page()
    page.text(56, 50, "My Targets", font + "-Bold" if font != "Times-Roman" else "Times-Bold", 14)
    y = target_table(
        page, 80, (56, 250, 400), TARGETS, ("Target", "Who will help", "By when"), font
    )
    prose(page, y + 10, 3, font)
    document = read(tmp_path, [page])
    assert tables(document) == [
        [["Target", "Who will help", "By when"], *[list(r) for r in TARGETS]]
    ]
    assert document.blocks[-1].kind == BlockKind.PARAGRAPH


def test_a_table_without_lines_and_without_a_bold_header(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Attendees", "Helvetica-Bold", 12)
    rows = [
        ("Name", "Role", "Attended"),
        ("Jamie Rowe", "Young person", "Yes"),
        ("Priya Kaur", "Social worker", "Yes"),
        ("Sandra Whitley", "Foster carer", "No"),
    ]
    for i, row in enumerate(rows):
        for x, cell in zip((56, 200, 360), row, strict=True):
            page.text(x, 76 + 14 * i, cell, "Helvetica", 10)
    prose(page, 150, 2)
    assert tables(read(tmp_path, [page])) == [[list(r) for r in rows]]


def test_an_unruled_table_continued_without_its_action_column(tmp_path: Path) -> None:
    first, second = Page(), Page()
    first.text(56, 50, "My Targets", "Helvetica-Bold", 14)
    prose(first, 70, 40)
    header = ("Target", "Who will help", "By when", "Action")
    rows = [(*r, "Edit Delete") for r in TARGETS[:2]]
    target_table(first, 640, (56, 250, 400, 500), rows, header, wrap=False)
    target_table(second, 60, (56, 260, 420), TARGETS[2:], header[:3], wrap=False)
    prose(second, 140, 3)
    found = tables(read(tmp_path, [first, second]))
    assert found == [
        [list(header), *[list(r) for r in rows], [*TARGETS[2], ""]],
    ]


def test_an_unruled_column_with_a_blank_header_is_a_column_of_its_own(tmp_path: Path) -> None:
    # a print view's action column has no header: its words are not the last column's
    first, second = Page(), Page()
    prose(first, 60, 40)
    header = ("Target", "Who will help", "By when", "")
    rows = [(*r, "Edit Delete") for r in TARGETS]
    target_table(first, 640, (56, 250, 400, 520), rows[:2], header, wrap=False)
    target_table(second, 60, (56, 250, 400, 520), rows[2:], header, wrap=False)  # header again
    prose(second, 140, 3)
    found = tables(read(tmp_path, [first, second]))
    assert found == [[list(header), *[list(r) for r in rows]]]


def test_a_cell_wrapped_in_the_last_row_on_a_page_is_one_row(tmp_path: Path) -> None:
    # two body lines give no rhythm to tell rows from wrapped lines: "Science" could not
    # have followed "Combined" within its column, so it is the rest of that cell
    page = Page()
    for x, head in ((56, "Subject"), (120, "Level"), (200, "Target")):
        page.text(x, 60, head, "Helvetica-Bold", 10)
    page.text(56, 78, "Combined", "Helvetica", 10)
    page.text(56, 89, "Science", "Helvetica", 10)
    page.text(120, 78, "GCSE", "Helvetica", 10)
    page.text(200, 78, "5-5", "Helvetica", 10)
    prose(page, 130, 3)
    assert tables(read(tmp_path, [page])) == [
        [["Subject", "Level", "Target"], ["Combined Science", "GCSE", "5-5"]]
    ]
    # a short first cell with room after it starts a row of its own
    page = Page()
    for x, head in ((56, "Subject"), (180, "Level"), (260, "Target")):
        page.text(x, 60, head, "Helvetica-Bold", 10)
    page.text(56, 78, "Art", "Helvetica", 10)
    page.text(56, 89, "Music", "Helvetica", 10)
    page.text(180, 78, "GCSE", "Helvetica", 10)
    page.text(260, 78, "6", "Helvetica", 10)
    prose(page, 130, 3)
    assert tables(read(tmp_path, [page], "rows.pdf")) == [
        [["Subject", "Level", "Target"], ["Art", "GCSE", "6"], ["Music", "", ""]]
    ]


def test_an_unruled_table_whose_rows_run_onto_the_next_page(tmp_path: Path) -> None:
    first, second = Page(), Page()
    prose(first, 60, 44)
    target_table(
        first, 680, (56, 250, 400), TARGETS[:2], ("Target", "Who will help", "By when"), wrap=False
    )
    for i, row in enumerate(TARGETS[2:]):
        for x, cell in zip((56, 250, 400), row, strict=True):
            second.text(x, 60 + 20 * i, cell, "Helvetica", 10)
    prose(second, 110, 3)
    found = tables(read(tmp_path, [first, second]))
    assert found == [[["Target", "Who will help", "By when"], *[list(r) for r in TARGETS]]]


def test_label_value_lines_in_two_columns_are_pairs_not_a_table(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Social Worker Information", "Helvetica-Bold", 14)
    for i, (label, value) in enumerate(
        [("Social worker", "Priya Kaur"), ("Telephone", "01922 555 102"), ("Team", "Walsall North")]
    ):
        page.text(56, 80 + 16 * i, label, "Helvetica-Bold", 10)
        page.text(220, 80 + 16 * i, value, "Helvetica", 10)
    prose(page, 140, 2)
    document = read(tmp_path, [page])
    assert tables(document) == []
    assert [(label, value) for label, value, _ in pairs(document)] == [
        ("Social worker", "Priya Kaur"),
        ("Telephone", "01922 555 102"),
        ("Team", "Walsall North"),
    ]


def block_summary(blocks: list[Block]) -> list[str]:
    return [b.kind.value for b in blocks]


def test_values_in_bold_or_capitals_under_their_labels_are_not_headings(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Additional Needs", "Times-Bold", 15)
    page.text(56, 80, "SEN status", "Times-Roman", 8, GREY)
    page.text(56, 91, "SEN SUPPORT", "Times-Roman", 10)
    page.text(56, 114, "Name of SENCo", "Times-Roman", 8, GREY)
    page.text(56, 125, "Mrs Amara Okafor", "Times-Bold", 10)
    page.text(56, 160, "Exam Arrangements", "Times-Bold", 10)
    prose(page, 178, 2, "Times-Roman")
    document = read(tmp_path, [page])
    assert pairs(document) == [
        ("SEN status", "SEN SUPPORT", "label-above"),
        ("Name of SENCo", "Mrs Amara Okafor", "label-above"),
    ]
    assert [t for t, _, _ in headings(document)] == ["Additional Needs", "Exam Arrangements"]


def test_tightly_set_rows_whose_labels_fill_their_column_are_not_one_wrapped_cell(
    tmp_path: Path,
) -> None:
    page = Page()
    page.text(56, 50, "Designated Teacher Agreement", "Helvetica-Bold", 15)
    rows = [
        ("Designated teacher has signed off", "Yes"),
        ("Date designated teacher signed", "23/10/2026"),
        ("Date of next PEP meeting", "03/02/2027"),
    ]
    for n, (label, value) in enumerate(rows):
        page.text(56, 80 + 14.3 * n, label, "Helvetica", 10)
        page.text(234, 80 + 14.3 * n, value, "Helvetica", 10)
    page.text(56, 140, "Main points discussed", "Helvetica", 10)
    page.text(234, 140, "We talked about the plan for your mock exams and", "Helvetica", 10)
    page.text(234, 151.2, "your revision.", "Helvetica", 10)
    assert pairs(read(tmp_path, [page])) == [
        *((label, value, "gap") for label, value in rows),
        (
            "Main points discussed",
            "We talked about the plan for your mock exams and your revision.",
            "gap",
        ),
    ]


def test_labelled_lines_under_an_empty_label_are_not_its_value(tmp_path: Path) -> None:
    page = Page()
    page.text(42, 50, "Action plan", "Helvetica-Bold", 14)
    page.text(42, 80, "1. Read at home four evenings a week.", "Helvetica", 9.5)
    lines = ("Support to be provided:", "Responsible person:", "Target date: Ongoing")
    for n, text in enumerate(lines):
        page.text(56, 92.4 + 12.4 * n, text, "Helvetica", 9.5)
    found = pairs(read(tmp_path, [page]))
    assert ("Support to be provided", "", "label-above") in found
    assert ("Responsible person", "", "label-above") in found
    assert not any("Target date" in value for _, value, _ in found)


def test_a_long_form_of_label_value_lines(tmp_path: Path) -> None:
    page = Page()
    expected = []
    for i in range(45):
        label, value = f"Question {i + 1}", f"Answer number {i + 1}"
        page.text(56, 60 + 16 * i, label, "Helvetica", 10)
        page.text(260, 60 + 16 * i, value, "Helvetica", 10)
        expected.append((label, value))
    document = read(tmp_path, [page])
    assert [(label, value) for label, value, _ in pairs(document)] == expected
    assert tables(document) == []


# The project's print view with its ruled lines taken away ------------------------


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.mark.parametrize("spec_id", ["walsall-good", "secondary-good", "secondary-absent-no-voice"])
def test_a_print_view_without_ruled_lines_reads_like_the_ruled_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec_id: str
) -> None:
    """Every label/value row, every plain table and every heading of the ruled PDF is
    read from the same layout drawn with no lines at all."""
    from reportlab.platypus import TableStyle

    import peplint.generate.pdf_writer as pdf_writer
    from peplint.generate.render import render_spec
    from peplint.generate.spec import load_spec
    from tests.conftest import GENERATED, SPECS

    class NoRules(TableStyle):
        def __init__(self, cmds: list[tuple[object, ...]] | None = None, **kwargs: object) -> None:
            super().__init__([c for c in (cmds or []) if c[0] != "GRID"], **kwargs)

    monkeypatch.setattr(pdf_writer, "TableStyle", NoRules)
    path = tmp_path / f"{spec_id}-unruled.pdf"
    path.write_bytes(render_spec(load_spec(SPECS / f"{spec_id}.yaml"), "pdf"))
    ruled, unruled = read_pdf(GENERATED / f"{spec_id}.pdf"), read_pdf(path)
    assert tables(unruled) != tables(ruled)  # the lines really are gone
    ruled_pairs = [
        (_norm(row[0]), _norm(row[1]))
        for rows in tables(ruled)
        if max(len(r) for r in rows) == 2
        for row in rows
    ]
    assert ruled_pairs
    assert [(_norm(label), _norm(value)) for label, value, _ in pairs(unruled)] == ruled_pairs
    plain_tables = [
        [[_norm(c) for c in row] for row in rows]
        for rows in tables(ruled)
        if max(len(r) for r in rows) > 2 and all(c is not None for r in rows for c in r)
    ]
    assert plain_tables
    unruled_tables = [[[_norm(c) for c in row] for row in rows] for rows in tables(unruled)]
    for table in plain_tables:
        assert table in unruled_tables
    assert [t for t, _, _ in headings(unruled)] == [t for t, _, _ in headings(ruled)]


def test_a_ruled_table_continued_without_its_action_column(tmp_path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    header = ["Target", "Who will help", "By when", "Action"]
    first = [header, *[[*r, "Edit Delete"] for r in TARGETS[:2]]]
    second = [header[:3], list(TARGETS[2])]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    path = tmp_path / "ruled.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Table(first, style=style), PageBreak(), Table(second, style=style)])
    assert tables(read_pdf(path)) == [[*first, [*TARGETS[2], ""]]]


def test_a_ruled_continuation_with_other_columns_is_kept_apart(tmp_path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    first = [["Target", "Who will help", "By when"], list(TARGETS[0])]
    second = [["Name", "Role"], ["Priya Kaur", "Social worker"]]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    path = tmp_path / "ruled.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Table(first, style=style), PageBreak(), Table(second, style=style)])
    assert tables(read_pdf(path)) == [first, second]


def test_numbered_headings_at_body_size_and_short_bold_lines_that_do_not_wrap(
    tmp_path: Path,
) -> None:
    page = Page()
    page.text(56, 50, "Personal Education Plan", "Times-Bold", 16)
    page.text(56, 80, "1. About me", "Times-Roman", 10)
    page.text(56, 98, "Primary area of need", "Times-Bold", 10)
    page.text(56, 111, "Access arrangements for exams", "Times-Bold", 10)
    page.text(56, 130, "2) My education", "Times-Roman", 10)
    y = prose(page, 148, 2, "Times-Roman")
    page.text(56, y, "Section 3 - Targets", "Times-Roman", 10)
    page.text(56, y + 18, "1. You will read every night for twenty minutes.", "Times-Roman", 10)
    prose(page, y + 36, 2, "Times-Roman")
    found = headings(read(tmp_path, [page]))
    assert [(t, c) for t, c, _ in found] == [
        ("Personal Education Plan", "font-size"),
        ("1. About me", "numbered"),
        ("Primary area of need", "bold"),
        ("Access arrangements for exams", "bold"),
        ("2) My education", "numbered"),
        ("Section 3 - Targets", "numbered"),
    ]
    levels = {t: level for t, _, level in found}
    assert levels["1. About me"] < levels["Primary area of need"]


def test_bold_labels_over_their_values_under_numbered_sections(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Personal Education Plan", "Helvetica-Bold", 16)
    page.text(56, 80, "1. About me", "Helvetica", 11)
    page.text(56, 104, "Date of birth", "Helvetica-Bold", 11)
    page.text(56, 121, "2nd March 2009", "Helvetica", 11)
    page.text(56, 146, "Primary area of need", "Helvetica-Bold", 11)
    page.text(56, 171, "Emergency placement", "Helvetica-Bold", 11)
    page.text(56, 188, "No", "Helvetica", 11)
    page.text(56, 216, "2. My views", "Helvetica", 11)
    page.text(56, 240, "What I want to say", "Helvetica-Bold", 11)
    prose(page, 257, 3, size=11)
    document = read(tmp_path, [page])
    assert pairs(document) == [
        ("Date of birth", "2nd March 2009", "label-above"),
        ("Primary area of need", "", "label-above"),
        ("Emergency placement", "No", "label-above"),
    ]
    assert [t for t, _, _ in headings(document)] == [
        "Personal Education Plan",
        "1. About me",
        "2. My views",
        "What I want to say",
    ]


def test_a_bold_label_at_the_foot_of_a_page_over_its_value_on_the_next(tmp_path: Path) -> None:
    first, second = Page(), Page()
    first.text(56, 50, "Personal Education Plan", "Helvetica-Bold", 16)
    first.text(56, 80, "2. Care information", "Helvetica", 11)
    first.text(56, 104, "Social worker", "Helvetica-Bold", 11)
    first.text(56, 121, "Priya Kaur", "Helvetica", 11)
    first.text(56, 146, "Social worker email", "Helvetica-Bold", 11)
    second.text(56, 50, "priya.kaur@example.gov.uk", "Helvetica", 11)
    second.text(56, 75, "Local authority", "Helvetica-Bold", 11)
    second.text(56, 92, "Walsall Council", "Helvetica", 11)
    second.text(56, 120, "3. My views", "Helvetica", 11)
    second.text(56, 144, "What I want to say", "Helvetica-Bold", 11)
    prose(second, 161, 3, size=11)
    document = read(tmp_path, [first, second])
    assert pairs(document) == [
        ("Social worker", "Priya Kaur", "label-above"),
        ("Social worker email", "priya.kaur@example.gov.uk", "label-above"),
        ("Local authority", "Walsall Council", "label-above"),
    ]
    assert "What I want to say" in [t for t, _, _ in headings(document)]


def test_bold_lines_are_headings_where_they_are_the_section_style(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Personal Education Plan", "Helvetica-Bold", 16)
    page.text(56, 80, "Custody and Remand", "Helvetica-Bold", 10)
    page.text(56, 94, "Not applicable", "Helvetica", 10)
    prose(page, 120, 3)
    assert "Custody and Remand" in [t for t, _, _ in headings(read(tmp_path, [page]))]


def test_header_cells_wrapped_and_centred_at_different_heights(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Action plan", "Helvetica-Bold", 14)
    page.text(56, 86, "Target", "Helvetica-Bold", 9)
    page.text(250, 80, "Who will", "Helvetica-Bold", 9)
    page.text(250, 91, "help", "Helvetica-Bold", 9)
    page.text(400, 86, "By when", "Helvetica-Bold", 9)
    for i, row in enumerate(TARGETS):
        for x, cell in zip((56, 250, 400), row, strict=True):
            page.text(x, 110 + 16 * i, cell, "Helvetica", 9)
    prose(page, 170, 2, size=9)
    assert tables(read(tmp_path, [page])) == [
        [["Target", "Who will help", "By when"], *[list(r) for r in TARGETS]]
    ]


# Values set larger than the body ---------------------------------------------------


def table_heavy(page: Page, y: float) -> float:
    """Rows of an 8 pt grid, enough that 8 pt is the size most of the text is set in."""
    for n in range(14):
        row = ("Sociology", "A level", "A", "B", "Yes", "Expected")
        for column, cell in enumerate(row):
            page.text(56 + 80 * column, y + 10.4 * n, f"{cell} {n}", "Helvetica", 8)
    return y + 10.4 * 14 + 8


def test_values_larger_than_a_table_heavy_body_are_values_not_headings(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "My meeting", "Helvetica-Bold", 15)
    page.text(56, 72, "Date of this PEP meeting", "Helvetica", 7.5, GREY)
    page.text(56, 83, "Wednesday 14 October 2026", "Helvetica", 9.5)
    page.text(56, 100, "Main points discussed", "Helvetica", 7.5, GREY)
    long_line = "We talked about how you have settled into college and your progress in"
    page.text(56, 111, long_line, "Helvetica", 9.5)
    page.text(
        56,
        123.3,
        "each subject and your plans for university next year, and about",
        "Helvetica",
        9.5,
    )
    page.text(56, 135.6, "your friendships.", "Helvetica", 9.5)
    page.text(56, 152, "Actions agreed", "Helvetica", 7.5, GREY)
    y = table_heavy(page, 190)
    page.text(56, y + 20, "My future", "Helvetica-Bold", 15)
    document = read(tmp_path, [page])
    found = pairs(document)
    assert ("Date of this PEP meeting", "Wednesday 14 October 2026", "label-above") in found
    assert (
        "Main points discussed",
        f"{long_line} each subject and your plans for university next year, and about "
        "your friendships.",
        "label-above",
    ) in found
    # A label with room below it and then a heading is empty.
    assert ("Actions agreed", "", "label-above") in found
    assert [t for t, _, _ in headings(document)] == ["My meeting", "My future"]


def test_a_value_beside_its_label_wrapped_in_larger_type_keeps_its_short_last_line(
    tmp_path: Path,
) -> None:
    # A label and its value across a wide gap, the value in larger type than a table-heavy
    # body: its short last line, on its own, passes for a heading by size.
    page = Page()
    page.text(56, 50, "How I am doing", "Helvetica-Bold", 15)
    page.text(56, 72, "Summary of progress", "Helvetica-Bold", 8)
    first = "Tyler, your strengths are PE and science, where you work"
    second = "hard in practicals, and we want to"
    page.text(290, 72, first, "Helvetica", 9.5)
    page.text(290, 84.3, second, "Helvetica", 9.5)
    page.text(290, 96.6, "support your confidence.", "Helvetica", 9.5)
    y = table_heavy(page, 118)
    page.text(56, y + 20, "My future", "Helvetica-Bold", 15)
    document = read(tmp_path, [page])
    value = f"{first} {second} support your confidence."
    assert ("Summary of progress", value, "gap") in pairs(document)
    assert [t for t, _, _ in headings(document)] == ["How I am doing", "My future"]


def test_two_labels_over_one_value_larger_than_the_body(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Help I get with learning", "Helvetica-Bold", 15)
    page.text(56, 72, "Primary area of need", "Helvetica", 7.5, GREY)
    page.text(300, 72, "Access arrangements for exams", "Helvetica", 7.5, GREY)
    page.text(56, 83, "Speech, language and communication", "Helvetica", 9.5)
    table_heavy(page, 120)
    found = pairs(read(tmp_path, [page]))
    assert ("Primary area of need", "Speech, language and communication", "label-above") in found
    assert ("Access arrangements for exams", "", "label-above") in found


def test_a_heading_styled_line_where_the_value_goes_is_no_evidence_of_emptiness(
    tmp_path: Path,
) -> None:
    # A long bold line in larger type straight under a label may be a heading or the
    # value; either way nothing shows the label's value is empty.
    page = Page()
    page.text(56, 50, "What I think", "Helvetica-Bold", 15)
    page.text(56, 72, "My views", "Helvetica", 7.5, GREY)
    page.text(
        56,
        83,
        "I like college much more than school and I want to go to university",
        "Helvetica-Bold",
        9.5,
    )
    page.text(56, 100, "Date signed", "Helvetica", 7.5, GREY)
    table_heavy(page, 140)
    found = pairs(read(tmp_path, [page]))
    assert ("My views", "", "label-above") not in found
    assert ("Date signed", "", "label-above") in found


def test_a_heading_styled_line_under_a_row_of_labels_leaves_them_unread(tmp_path: Path) -> None:
    page = Page()
    page.text(56, 50, "Help I get with learning", "Helvetica-Bold", 15)
    page.text(56, 72, "Primary area of need", "Helvetica", 7.5, GREY)
    page.text(300, 72, "Access arrangements for exams", "Helvetica", 7.5, GREY)
    page.text(
        56,
        83,
        "Speech, language and communication needs with a long description",
        "Helvetica-Bold",
        9.5,
    )
    table_heavy(page, 120)
    found = pairs(read(tmp_path, [page]))
    assert ("Primary area of need", "", "label-above") not in found
    assert ("Access arrangements for exams", "", "label-above") not in found
