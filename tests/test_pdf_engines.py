"""The two PDF engines (PDFium and pdfplumber/pdfminer) give the same block streams
and the same extracted fields.

PDFium is the default, far cheaper per page; the pdfplumber engine stays behind the
PEPLINT_PDF_ENGINE setting for comparison, and this test holds them together on
every fixture PDF, every other-producer PDF, every PDF layout variant (committed or
rendered here by tests/layouts/) and PDFs built here with other habits.
"""

from __future__ import annotations

import ctypes
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from peplint import errors
from peplint.parsers.pdf_blocks import PDF_ENGINE_VARIABLE, pdf_engine, read_pdf
from peplint.parsers.pdf_damage import xref_is_sound
from peplint.parsers.pdfium_page import open_pdfium
from peplint.reading import read_pep
from tests.conftest import FIXTURES
from tests.layouts.corpus import specs
from tests.layouts.variants import SPEC_IDS, VARIANTS, render

PDFS = sorted(FIXTURES.rglob("*.pdf"))
RENDERED = [
    f"{v.name}--{spec_id}"
    for spec_id in SPEC_IDS
    for v in VARIANTS
    if v.format == "pdf" and not v.committed
]


def _blocks(path: Path, engine: str) -> list[dict[str, object]]:
    return [b.model_dump() for b in read_pdf(path, engine=engine).blocks]


def _fields(path: Path, engine: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """The whole extracted PEP (fields, sections, targets, provenance) read with `engine`."""
    with monkeypatch.context() as patched:
        patched.setenv(PDF_ENGINE_VARIABLE, engine)
        return read_pep(path).model_dump()


def _assert_engines_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _blocks(path, "pdfium") == _blocks(path, "pdfplumber"), "the engines' blocks differ"
    pdfium_pep, plumber_pep = (_fields(path, e, monkeypatch) for e in ("pdfium", "pdfplumber"))
    differing = sorted(k for k in pdfium_pep if pdfium_pep[k] != plumber_pep[k])
    assert not differing, f"the engines' extracted PEPs differ in {differing}"


@pytest.fixture(scope="session")
def rendered_variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every PDF layout variant made in the test run (reportlab), rendered once."""
    out = tmp_path_factory.mktemp("engine-variants")
    by_name = {v.name: v for v in VARIANTS}
    paths: dict[str, Path] = {}
    for spec in specs():
        for key in RENDERED:
            name, spec_id = key.split("--")
            if spec_id == spec.id:
                paths[key] = render(by_name[name], spec, out)
    return paths


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_both_engines_give_the_same_blocks_and_fields(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_engines_agree(path, monkeypatch)


@pytest.mark.parametrize("key", RENDERED)
def test_both_engines_agree_on_rendered_layout_variants(
    key: str, rendered_variants: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_engines_agree(rendered_variants[key], monkeypatch)


def test_pdfium_is_the_default_and_pdfplumber_stays_selectable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(PDF_ENGINE_VARIABLE, raising=False)
    assert pdf_engine() == "pdfium"
    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "pdfplumber")
    assert pdf_engine() == "pdfplumber"
    monkeypatch.setenv(PDF_ENGINE_VARIABLE, "no-such-engine")
    assert pdf_engine() == "pdfium"


def _drawn(path: Path) -> Path:
    """Habits our generator lacks: a form XObject, a rotated string, filled bands, curves, ligature-free
    small type, text in a non-black colour, text filled and stroked (faux bold)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.beginForm("box")
    c.rect(60, 700, 200, 40, stroke=1, fill=0)
    c.drawString(70, 715, "Date of next PEP: 14/02/2027")
    c.endForm()
    c.doForm("box")
    c.setFillColorRGB(0.1, 0.2, 0.4)
    c.rect(50, 640, 495, 24, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(58, 647, "MY VIEWS, WISHES AND FEELINGS")
    c.setFillColorRGB(0.3, 0.3, 0.3)
    c.setFont("Times-Roman", 9)
    c.drawString(58, 620, "I like art and I want to be a vet.")
    stroked = c.beginText(58, 606)
    stroked.setTextRenderMode(2)
    stroked.setFont("Times-Roman", 11)
    stroked.textLine("Who I live with")
    c.drawText(stroked)
    c.bezier(60, 600, 100, 620, 140, 580, 180, 600)
    c.line(60, 560, 540, 560)
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Page two of the plan")
    c.save()
    return path


def test_engines_agree_on_drawn_forms_bands_and_colours(tmp_path: Path) -> None:
    path = _drawn(tmp_path / "drawn.pdf")
    assert _blocks(path, "pdfium") == _blocks(path, "pdfplumber")


def test_pdfium_page_reads_form_xobjects_bands_and_colours(tmp_path: Path) -> None:
    path = _drawn(tmp_path / "drawn.pdf")
    with open_pdfium(path) as document:
        assert document.page_count == 2
        first = next(iter(document.pages))
    texts = {w["text"] for w in first.extract_words()}
    assert {"Date", "14/02/2027", "MY", "FEELINGS", "vet."} <= texts
    band = [r for r in first.rects if r["fill"] and not r["stroke"]]
    assert band and band[0]["non_stroking_color"] == pytest.approx((0.1, 0.2, 0.4), abs=0.01)
    boxed = [r for r in first.rects if r["stroke"] and not r["fill"]]
    assert boxed and boxed[0]["top"] == pytest.approx(A4[1] - 740, abs=0.01)  # inside the form
    white = [c for c in first.chars if c["text"] == "M"]
    assert white[0]["non_stroking_color"] == pytest.approx((1, 1, 1))
    assert "Bold" in white[0]["fontname"]
    assert first.curves and first.lines
    faux = {c["text"] for c in first.chars if "FauxBold" in c["fontname"]}
    assert set("Wholivewth") <= faux and "M" not in faux  # only the stroked line


def test_pdfium_errors_are_typed(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt="secret")
    c.drawString(100, 700, "Personal Education Plan")
    c.save()
    with pytest.raises(errors.InputError) as raised:
        read_pdf(locked, engine="pdfium")
    assert raised.value.code == "encrypted"
    assert read_pdf(locked, password="secret", engine="pdfium").blocks
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\nnot really a pdf")
    with pytest.raises(errors.InputError) as raised:
        read_pdf(junk, engine="pdfium")
    assert raised.value.code == "corrupt"


def test_a_broken_cross_reference_table_marks_the_file_damaged(tmp_path: Path) -> None:
    sound = FIXTURES / "generated" / "walsall-good.pdf"
    assert xref_is_sound(sound)
    data = bytearray(sound.read_bytes())
    at = data.rindex(b"startxref") + len(b"startxref\n")
    data[at : at + 1] = (
        b"9" if data[at : at + 1] != b"9" else b"8"
    )  # the trailer now points elsewhere
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert not xref_is_sound(broken)
    assert read_pdf(broken, engine="pdfium").degraded
    shifted = tmp_path / "shifted.pdf"
    shifted.write_bytes(sound.read_bytes().replace(b"\n1 0 obj", b"\n%x\n1 0 obj", 1))
    assert not xref_is_sound(shifted)  # the entries now point three bytes before their objects
    assert read_pdf(shifted, engine="pdfium").degraded


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_fast_word_grouping_matches_pdfplumbers(path: Path) -> None:
    from pdfplumber.utils.text import WordExtractor

    with open_pdfium(path) as document:
        for page in document.pages:
            for attrs in (
                (),
                ("size",),
                ("fontname", "size"),
                ("fontname", "size", "non_stroking_color"),
                ("weight", "height"),
            ):
                words = page.extract_words(x_tolerance=3, y_tolerance=3, extra_attrs=list(attrs))
                expected = WordExtractor(x_tolerance=3, y_tolerance=3, extra_attrs=list(attrs))
                assert words == expected.extract_words(page.chars)


@pytest.mark.parametrize("path", PDFS[:3], ids=lambda p: p.name)
def test_characters_asked_one_by_one_are_the_page_texts(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the page's text does not map one to one onto its characters, each is asked
    of PDFium: the same characters, boxes and styles as read from the page's text."""
    from peplint.parsers import pdfium_page

    with open_pdfium(path) as document:
        from_text = [page.chars for page in document.pages]
    monkeypatch.setattr(pdfium_page, "_page_text", lambda raw, count: None)
    with open_pdfium(path) as document:
        one_by_one = [page.chars for page in document.pages]
    assert one_by_one == from_text
    assert any(c["text"] == " " for chars in from_text for c in chars)


def _crash_on(name: str) -> Callable[[Path, int], bool]:
    """A stand-in for PDFium failing in C on one file: a real segmentation fault."""

    def check(path: Path, cap_bytes: int) -> bool:
        if path.name == name:
            ctypes.string_at(0)
        return False

    return check


def test_pdfium_crashing_on_one_file_is_one_entry_in_lint_and_bulk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from click.testing import CliRunner

    import peplint.parsers.pdf_streams
    from peplint.bulk.run import BulkOptions, run_bulk
    from peplint.cli import main
    from peplint.packs.resolve import setup_for
    from peplint.safety.limits import Limits

    monkeypatch.delenv(PDF_ENGINE_VARIABLE, raising=False)
    monkeypatch.setattr(peplint.parsers.pdf_streams, "check_streams", _crash_on("crashes.pdf"))
    peps = tmp_path / "peps"
    peps.mkdir()
    shutil.copy(FIXTURES / "generated" / "walsall-good.pdf", peps / "good.pdf")
    shutil.copy(FIXTURES / "generated" / "secondary-good.pdf", peps / "crashes.pdf")
    result = CliRunner().invoke(main, ["lint", str(peps / "crashes.pdf"), str(peps / "good.pdf")])
    assert result.exit_code == 3
    assert result.output.count("could not be read") == 1
    assert "The reader was stopped while reading this file" in result.output
    assert "The PEP meets the expected standard" in result.output  # the other file read
    assert "Traceback" not in result.output
    setup, effective = setup_for("section-d")
    options = BulkOptions(
        as_of=dt.date(2027, 3, 1), progress=False, limits=Limits(worker_seconds=60)
    )
    bulk = run_bulk(peps, tmp_path / "out", setup, [p.path for p in effective.loaded], options)
    codes = {Path(row.file).name: row.error_code for row in bulk.rows}
    assert codes == {"crashes.pdf": "too-large", "good.pdf": ""}


def _damaged_stream_pdf(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PDF whose page content is a Flate stream with its last bytes (the checksum)
    overwritten, so every offset in the xref table stays right: its text is all there,
    and the stream is damaged."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 0)  # the page content as bare Flate
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
    for line in range(40):
        c.drawString(72, 800 - line * 18, f"Line {line} of a PEP page that runs on and on.")
    c.showPage()
    c.save()
    data = bytearray(path.read_bytes())
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + len(b"stream\n")
    end = data.index(b"endstream", start)
    stream_end = end - 1 if data[end - 1 : end] == b"\n" else end
    data[stream_end - 4 : stream_end] = bytes(b ^ 0xFF for b in data[stream_end - 4 : stream_end])
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_a_damaged_content_stream_marks_the_pdf_degraded_in_both_engines(
    tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _damaged_stream_pdf(tmp_path / "damaged.pdf", monkeypatch)
    assert xref_is_sound(path)  # the damage is in the stream, not the table
    document = read_pdf(path, engine=engine)
    assert document.degraded
    assert "Line 0 of a PEP page" in " ".join(b.text for b in document.blocks)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_sound_and_encrypted_pdfs_are_not_degraded(engine: str) -> None:
    sound = FIXTURES / "generated" / "walsall-good.pdf"
    assert not read_pdf(sound, engine=engine).degraded
    encrypted = Path(__file__).parent / "samples" / "rc4-40.pdf"
    assert not read_pdf(encrypted, password="secret", engine=engine).degraded
