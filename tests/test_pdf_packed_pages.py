"""Pages packed while they wait for the document's end give exactly the blocks of pages
held as they are: on every fixture PDF with every page packed, and on a long document
with running headers and footers (dropped on packed pages as on held ones)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from peplint.parsers.pdf_blocks import read_pdf
from peplint.parsers.pdf_pages import KEEP_UNPACKED, PageStore
from tests.conftest import FIXTURES

PDFS = sorted(FIXTURES.rglob("*.pdf"))


def _blocks(path: Path, keep: int, engine: str = "pdfium") -> list[dict[str, object]]:
    return [b.model_dump() for b in read_pdf(path, engine=engine, keep_unpacked=keep).blocks]


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_every_page_packed_gives_the_same_blocks(path: Path) -> None:
    held = _blocks(path, keep=10_000)
    assert _blocks(path, keep=0) == held
    assert _blocks(path, keep=1) == held


@pytest.mark.parametrize("path", PDFS[::3], ids=lambda p: p.name)
def test_pages_read_by_pdfplumber_pack_as_well(path: Path) -> None:
    assert _blocks(path, 0, "pdfplumber") == _blocks(path, 10_000, "pdfplumber")


def _long_pdf(path: Path, pages: int) -> None:
    """A PEP-like document with a running header and a page-numbered footer."""
    styles = getSampleStyleSheet()
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#000000")])
    story: list[object] = []
    for page in range(pages):
        story.append(Paragraph(f"Section {page + 1}: Progress", styles["Heading1"]))
        story.append(Table([["Subject", "Target"], ["English", f"{page % 9}"]], style=grid))
        story.append(Paragraph("Jamie, you have worked hard this term. " * 4, styles["BodyText"]))
        story.append(PageBreak())

    def margins(canvas: object, doc: object) -> None:
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.drawString(72, 810, "Personal Education Plan - OFFICIAL SENSITIVE")  # type: ignore[attr-defined]
        canvas.drawString(72, 30, f"Page {doc.page}")  # type: ignore[attr-defined]

    SimpleDocTemplate(str(path), pagesize=A4).build(
        story, onFirstPage=margins, onLaterPages=margins
    )


def test_a_long_document_packed_reads_as_held(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    pages = KEEP_UNPACKED + 8
    _long_pdf(path, pages)
    held = _blocks(path, keep=10_000)
    assert _blocks(path, keep=KEEP_UNPACKED) == held
    assert _blocks(path, keep=0) == held
    texts = [str(b["text"]) for b in held]
    assert not any("OFFICIAL SENSITIVE" in t for t in texts)  # the running header went
    assert sum("Section" in t for t in texts) == pages


def test_a_page_store_keeps_order_and_replaces_packed_pages() -> None:
    store: PageStore[dict[str, int]] = PageStore(keep=2)
    for n in range(5):
        store.append({"n": n})
    assert len(store) == 5
    assert [p["n"] for p in store] == [0, 1, 2, 3, 4]
    page = store[3]
    page["n"] = 30
    assert store[3]["n"] == 3  # a packed page comes back as a copy ...
    store[3] = page
    assert [p["n"] for p in store] == [0, 1, 2, 30, 4]  # ... and is packed again when set


def test_a_long_document_waits_packed_after_its_first_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peplint.parsers import pdf_pages

    path = tmp_path / "long.pdf"
    _long_pdf(path, KEEP_UNPACKED + 5)
    packed: list[int] = []
    dumps = pdf_pages.pickle.dumps

    def counting(page: object, protocol: int) -> bytes:
        packed.append(getattr(page, "number", -1))
        return dumps(page, protocol=protocol)

    monkeypatch.setattr(pdf_pages.pickle, "dumps", counting)
    read_pdf(path, engine="pdfium")
    # Each page after the first KEEP_UNPACKED is packed as it is read (a page whose
    # running header is dropped is packed again).
    assert sorted(set(packed)) == list(range(KEEP_UNPACKED + 1, KEEP_UNPACKED + 6))
