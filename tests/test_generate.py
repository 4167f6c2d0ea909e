"""The generator: reproducible output, committed fixtures current, CLI behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.cli import main
from peplint.generate.pdf_writer import _fallback_font
from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from tests.conftest import GENERATED, SPECS

SPEC_FILES = sorted(SPECS.glob("*.yaml"))


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=[p.stem for p in SPEC_FILES])
def test_committed_fixtures_are_what_the_generator_makes_now(spec_path: Path) -> None:
    spec = load_spec(spec_path)
    assert render_spec(spec, "docx") == (GENERATED / f"{spec.id}.docx").read_bytes()
    if spec.render.lookalike_grades and _fallback_font() is None:
        pytest.skip("no font with Cyrillic here, so the PDF differs by design")
    assert render_spec(spec, "pdf") == (GENERATED / f"{spec.id}.pdf").read_bytes()


def test_generate_cli_writes_private_files_and_expected_values(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "generate",
            str(SPECS / "secondary-good.yaml"),
            "-o",
            str(tmp_path),
            "--format",
            "docx",
            "--format",
            "html",
            "--expected",
        ],
    )
    assert result.exit_code == 0, result.output
    for name in ("secondary-good.docx", "secondary-good.html", "secondary-good.expected.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600


def test_html_export_escapes_text(tmp_path: Path) -> None:
    spec = load_spec(SPECS / "secondary-good.yaml")
    spec.young_persons_views = "<script>alert(1)</script>"
    html = render_spec(spec, "html").decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_bad_spec_is_a_one_line_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nchild: {year_group: twelve}\n")
    result = CliRunner().invoke(main, ["generate", str(bad), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "child.year_group" in result.output
    assert "Traceback" not in result.output
