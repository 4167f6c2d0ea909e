"""Where PDFs are read: pdfplumber pages to the block stream.

Per page: words are extracted once (no layout analysis, which is superlinear),
drawn checkboxes become glyph pseudo-words, ruled tables are read from word
positions, and the remaining lines become headings (larger or bold type than
the body) and paragraphs. Running headers and footers are dropped, tables that
continue onto the next page are joined, and every page is closed as soon as it
is read so memory stays flat on long files.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peplint import errors
from peplint.model.document import Block, BlockKind, Document, Table
from peplint.parsers.pdf_checkboxes import checkbox_words, is_box, is_box_mark
from peplint.parsers.pdf_tables import (
    TABLE_SETTINGS,
    RawTable,
    finish_table,
    group_lines,
    read_table,
)

MARGIN_BAND = 0.06  # share of the page height at top and bottom where running text lives
PAGE_NUMBER = re.compile(r"(?i)^(page\s*)?\d+(\s*(of|/)\s*\d+)?$")


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    x0: float


@dataclass
class _PageItems:
    number: int
    height: float
    items: list[tuple[float, Any]] = field(default_factory=list)  # (top, _Line | RawTable)
    margin_lines: list[_Line] = field(default_factory=list)


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"(?i)bold|black|heavy|semibold|demi", fontname))


def _line(words: list[dict[str, Any]], page: int) -> _Line:
    sized = [w for w in words if w.get("size")]
    size = max((w["size"] for w in sized), default=0.0)
    text_words = [w for w in words if w.get("fontname")]
    bold = bool(text_words) and all(_is_bold(w["fontname"]) for w in text_words)
    return _Line(
        text=" ".join(w["text"] for w in words),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        size=round(size, 1),
        bold=bold,
        page=page,
        x0=min(w["x0"] for w in words),
    )


def _read_page(page: Any, number: int) -> tuple[_PageItems, int, int]:
    """A page's lines and tables; also its character count and image count."""
    box_words, box_objects = checkbox_words(page)
    if box_objects:
        ids = {id(o) for o in box_objects}
        clean_page = page.filter(
            lambda o: id(o) not in ids and not is_box(o) and not is_box_mark(o, [])
        )
    else:
        clean_page = page
    words = clean_page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    words += box_words
    out = _PageItems(number=number, height=float(page.height))
    remaining = words
    for found in clean_page.find_tables(TABLE_SETTINGS):
        table, used = read_table(found, remaining)
        used_ids = {id(w) for w in used}
        remaining = [w for w in remaining if id(w) not in used_ids]
        if any(any(c is not None and c.lines for c in row) for row in table.rows):
            out.items.append((float(found.bbox[1]), table))
    band = out.height * MARGIN_BAND
    for words_in_line in group_lines(remaining):
        line = _line(words_in_line, number)
        if line.top < band or line.bottom > out.height - band:
            out.margin_lines.append(line)
        else:
            out.items.append((line.top, line))
    out.items.sort(key=lambda item: item[0])
    return out, len(page.chars), len(page.images)


def _running_texts(pages: list[_PageItems]) -> set[str]:
    """Margin texts that repeat across pages (digits ignored), or are page numbers."""
    counts: Counter[str] = Counter()
    for page in pages:
        for key in {re.sub(r"\d+", "#", ln.text) for ln in page.margin_lines}:
            counts[key] += 1
    return {k for k, n in counts.items() if n >= 2 or len(pages) == 1}


def _heading_levels(lines: list[_Line], body_size: float) -> dict[float, int]:
    sizes = sorted({ln.size for ln in lines if ln.size >= body_size * 1.15}, reverse=True)
    return {size: index + 1 for index, size in enumerate(sizes[:3])}


def _to_blocks(pages: list[_PageItems]) -> list[Block]:
    running = _running_texts(pages)
    all_lines = [it for p in pages for _, it in p.items if isinstance(it, _Line)]
    size_counts: Counter[float] = Counter()
    for ln in all_lines:
        size_counts[ln.size] += len(ln.text)
    body_size = size_counts.most_common(1)[0][0] if size_counts else 10.0
    levels = _heading_levels(all_lines, body_size)
    vocabulary = {w.lower().strip(".,;:!?()'\"") for ln in all_lines for w in ln.text.split()}
    blocks: list[Block] = []
    previous_line: _Line | None = None
    table_end_page = 0  # the page the last table block ends on
    for page in pages:
        kept = [
            (m.top, m)
            for m in page.margin_lines
            if re.sub(r"\d+", "#", m.text) not in running and not PAGE_NUMBER.match(m.text.strip())
        ]
        first_on_page = True
        for _, item in sorted(page.items + kept, key=lambda pair: pair[0]):
            if isinstance(item, RawTable):
                table = finish_table(item, vocabulary)
                continues = first_on_page and table_end_page == page.number - 1
                _add_table(blocks, table, page.number, continues)
                table_end_page = page.number
                previous_line = None
            else:
                previous_line = _add_line(blocks, item, previous_line, body_size, levels)
            first_on_page = False
    return blocks


def _add_table(blocks: list[Block], table: Table, page: int, may_continue: bool) -> None:
    """Append a table, or join it to the previous block when it is that table's
    continuation (first on the page after the one the previous table ended on)."""
    previous = blocks[-1] if blocks else None
    if (
        may_continue
        and previous is not None
        and previous.table is not None
        and previous.table.width == table.width
    ):
        rows = table.rows
        old = previous.table.rows
        k = 0  # header rows repeated at the top of the continuation
        while k < min(len(rows), len(old)) and rows[k] == old[k]:
            k += 1
        rows = rows[k:]
        if rows and old and _continues_row(old[-1], rows[0]):
            old[-1] = [_join_cells(a, b) for a, b in zip(old[-1], rows[0], strict=False)]
            rows = rows[1:]
        previous.table.rows.extend(rows)
        return
    blocks.append(Block(kind=BlockKind.TABLE, table=table, page=page))


def _continues_row(last: list[str | None], first: list[str | None]) -> bool:
    """Whether a page's first table row is the rest of a row split by the page break."""
    if [c is None for c in last] != [c is None for c in first]:
        return False
    text = next((c for c in first if c), "")
    return text[:1].islower()


def _join_cells(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a if b is None else b
    return f"{a} {b}".strip() if b else a


def _add_line(
    blocks: list[Block],
    line: _Line,
    previous: _Line | None,
    body_size: float,
    levels: dict[float, int],
) -> _Line:
    text = line.text.strip()
    # Larger type is a heading; so is a short all-bold line at body size or above
    # (LibreOffice prints Word's "Heading 3" in bold at the body size).
    is_heading = len(text) <= 120 and (
        line.size in levels
        or (
            line.bold
            and line.size >= body_size * 0.98
            and len(text) <= 80
            and not text.endswith((".", ",", ";", ":"))
        )
    )
    if is_heading:
        level = levels.get(line.size, 3)
        prev_block = blocks[-1] if blocks else None
        if (
            previous is not None
            and prev_block is not None
            and prev_block.kind == BlockKind.HEADING
            and previous.size == line.size
            and line.top - previous.bottom < line.size * 0.8
        ):
            prev_block.text += " " + text  # a heading wrapped onto two lines
        else:
            blocks.append(Block(kind=BlockKind.HEADING, text=text, level=level, page=line.page))
        return line
    checkbox = re.fullmatch(r"([☒☐])\s*([^☒☐]+)", text)
    if checkbox:
        blocks.append(
            Block(
                kind=BlockKind.CHECKBOX,
                text=checkbox.group(2).strip(),
                checked=checkbox.group(1) == "☒",
                page=line.page,
            )
        )
        return line
    prev_block = blocks[-1] if blocks else None
    continues = (
        previous is not None
        and prev_block is not None
        and prev_block.kind == BlockKind.PARAGRAPH
        and previous.page == line.page
        and abs(previous.size - line.size) < 0.6
        and line.top - previous.bottom < line.size * 0.45
    )
    if continues and prev_block is not None:
        joiner = "" if prev_block.text.endswith("-") else " "
        prev_block.text += joiner + text
    else:
        blocks.append(Block(kind=BlockKind.PARAGRAPH, text=text, page=line.page))
    return line


def was_repaired(pdf: Any) -> bool:
    """Whether pdfminer had to rebuild the cross-reference table (a damaged file)."""
    from pdfminer.pdfdocument import PDFXRefFallback

    return any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))


PDF_ENGINE_VARIABLE = "PEPLINT_PDF_ENGINE"
PDF_ENGINES = ("pdfplumber", "pdfium")


def pdf_engine() -> str:
    """The engine that reads PDF pages: `pdfplumber` (pdfminer) or `pdfium`, from the
    PEPLINT_PDF_ENGINE setting (both give the same blocks; tests compare them)."""
    engine = os.environ.get(PDF_ENGINE_VARIABLE, "pdfplumber").strip().lower()
    return engine if engine in PDF_ENGINES else "pdfplumber"


@contextlib.contextmanager
def _open_pages(
    path: Path, password: str | None, engine: str
) -> Iterator[tuple[int, Iterable[Any], bool]]:
    """(page count, pages, repaired) from the chosen engine."""
    if engine == "pdfium":
        from peplint.parsers.pdf_damage import xref_is_sound
        from peplint.parsers.pdfium_page import open_pdfium

        with open_pdfium(path, password) as document:
            yield document.page_count, document.pages, not xref_is_sound(path)
        return
    from peplint.parsers.pdf_open import open_pdf

    with open_pdf(path, password) as pdf:
        yield len(pdf.pages), pdf.pages, was_repaired(pdf)


def read_pdf(path: Path, password: str | None = None, engine: str | None = None) -> Document:
    """Parse a PDF into a `Document`. Raises only `InputError`."""
    from peplint.parsers.pdf_open import DAMAGE, input_error_inside

    pages: list[_PageItems] = []
    chars = images = 0
    cid_chars = 0
    warnings_before = DAMAGE.count
    with _open_pages(path, password, engine or pdf_engine()) as (page_count, source, degraded):
        for number, page in enumerate(source, start=1):
            try:
                items, n_chars, n_images = _read_page(page, number)
            except errors.InputError:
                raise
            except Exception as exc:  # a limit hit inside pdfminer arrives wrapped
                raise input_error_inside(exc) or errors.corrupt(
                    f"page {number} could not be read"
                ) from None
            finally:
                page.close()
            chars += n_chars
            images += n_images
            cid_chars += sum(
                len(ln.text)
                for _, ln in items.items
                if isinstance(ln, _Line) and "(cid:" in ln.text
            )
            pages.append(items)
    if chars == 0:
        raise errors.no_text()
    degraded = degraded or DAMAGE.count > warnings_before
    blocks = _to_blocks(pages)
    text_len = sum(len(b.text) for b in blocks) or 1
    if cid_chars / text_len > 0.3:
        raise errors.InputError(
            "no-text",
            "This PDF's fonts have no character map, so its text "
            "cannot be read; export it again or run OCR.",
        )
    warnings = (
        [
            "This PDF was damaged and was repaired while reading; check the results against the original."
        ]
        if degraded
        else []
    )
    return Document(
        format="pdf", pages=page_count, blocks=blocks, warnings=warnings, degraded=degraded
    )
