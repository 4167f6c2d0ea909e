"""The authority's own Word form (a pack's `form:`, filled by docxtpl), and the built-in
form rendered by LibreOffice to catch layout breakage."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from peplint.cli import main
from tests.conftest import GENERATED

PEP = GENERATED / "walsall-weak-targets.docx"


def make_form(path: Path) -> Path:
    """A small authority form with docxtpl tags: details, a row per question, overall."""
    document = docx.Document()
    document.add_paragraph("Our LA sign-off for {{ child }} at {{ school }} ({{ pep_date }})")
    table = document.add_table(rows=3, cols=3)
    table.rows[0].cells[0].text = "{%tr for item in items %}"
    table.rows[1].cells[0].text = "{{ item.label }}"
    table.rows[1].cells[1].text = "{{ item.ticks.yes }}"
    table.rows[1].cells[2].text = "{{ item.ticks.no }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    document.add_paragraph("{% for o in overall %}{{ o.tick }} {{ o.label }}; {% endfor %}")
    document.add_paragraph("{% for t in things_to_fix %}* {{ t }}\n{% endfor %}")
    document.save(str(path))
    return path


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    make_form(tmp_path / "our-form.docx")
    path = tmp_path / "our-la.yaml"
    path.write_text("pack: our-la\nextends: [section-d]\nform: our-form.docx\n")
    return path


def test_the_packs_own_form_is_filled(pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.docx"
    result = CliRunner().invoke(main, ["lint", str(PEP), "--pack", str(pack), "-o", str(out)])
    assert result.exit_code == 1, result.stderr
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Our LA sign-off for Aaliyah Shah at Westgate College (13/10/2026)" in text
    rows = {r.cells[0].text: (r.cells[1].text, r.cells[2].text) for r in document.tables[0].rows}
    assert rows["D1. The PEP has been completed within timescale"] == ("☒", "☐")
    assert rows["D6. The targets reflect any areas of development identified within the PEP"] == (
        "☐",
        "☒",
    )
    assert "☒ The PEP does not meet the expected standard" in text
    assert "Target 1:" in text and "{{" not in text


def test_pack_validate_checks_the_form_exists(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [section-d]\nform: missing.docx\n")
    result = CliRunner().invoke(main, ["pack", "validate", str(path)])
    assert result.exit_code == 2 and f"{path}:3:" in result.stderr


def test_a_broken_form_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.docx").write_bytes(b"not a word file")
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nextends: [section-d]\nform: bad.docx\n")
    result = CliRunner().invoke(
        main, ["lint", str(PEP), "--pack", str(path), "-o", str(tmp_path / "o.docx")]
    )
    assert result.exit_code == 2 and "not a Word template" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_built_in_form_lays_out_as_an_a4_form(tmp_path: Path) -> None:
    """LibreOffice lays the form out (as Word would): A4 pages, the protective marking at the
    top, page numbers at the bottom, the question column wide and the tick columns narrow;
    the first page is rendered to PNG as a person would see it."""
    import pdfplumber
    import pypdfium2

    from peplint.lint import LintSetup, lint_file
    from peplint.plugins.manager import collect, default_manager
    from peplint.report import Report

    reporters = collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "x")
    setup = LintSetup.default()
    data = reporters["docx"].render(Report(pack=setup.pack, files=[lint_file(PEP, setup)]))
    source = tmp_path / "form.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf_path = tmp_path / "form.pdf"
    with pdfplumber.open(pdf_path) as pdf:
        assert 1 <= len(pdf.pages) <= 3
        page = pdf.pages[0]
        assert round(page.width) == 595 and round(page.height) == 842  # A4 in points
        words = page.extract_words()
        marking = [w for w in words if w["text"] == "OFFICIAL-SENSITIVE"]
        assert min(w["top"] for w in marking) < 0.1 * page.height  # header
        assert max(w["top"] for w in marking) > 0.9 * page.height  # footer
        assert f"1 of {len(pdf.pages)}" in page.extract_text()
        question = next(w for w in words if w["text"] == "Question")
        yes = next(w for w in words if w["text"] == "Yes" and abs(w["top"] - question["top"]) < 3)
        assert yes["x0"] > 0.7 * page.width  # the question column takes most of the width
        assert any(w["text"].startswith("☒") for w in words)
    image = pypdfium2.PdfDocument(str(pdf_path))[0].render(scale=1).to_pil()
    png = tmp_path / "form.png"
    image.save(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert image.convert("L").getextrema()[0] < 100  # there is ink on the page
