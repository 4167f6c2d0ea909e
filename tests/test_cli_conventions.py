"""The conventions users expect of a command-line tool (issue 13)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint import cli_conventions
from peplint.cli import main
from tests.conftest import GENERATED, SPECS

PEP = GENERATED / "walsall-good.docx"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_lint_writes_word_when_the_output_file_is_docx(tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    code, _, _ = run("lint", str(PEP), "-o", str(out))
    assert code in (0, 1)
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize(("name", "starts"), [("r.json", b"{"), ("r.md", b"# "), ("r.html", b"<!")])
def test_lint_infers_text_formats_from_the_extension(
    tmp_path: Path, name: str, starts: bytes
) -> None:
    out = tmp_path / name
    run("lint", str(PEP), "-o", str(out))
    assert out.read_bytes().startswith(starts)


def test_lint_refuses_a_format_that_contradicts_the_file_name(tmp_path: Path) -> None:
    code, _, err = run("lint", str(PEP), "--format", "text", "-o", str(tmp_path / "r.docx"))
    assert code == 2 and "does not match" in err
    assert not (tmp_path / "r.docx").exists()


def test_lint_refuses_word_output_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_conventions, "stdout_is_terminal", lambda: True)
    code, out, err = run("lint", str(PEP), "--format", "docx")
    assert code == 2 and "-o NAME.docx" in err and out == ""


def test_format_names_are_case_insensitive() -> None:
    code, out, _ = run("lint", str(PEP), "--format", "JSON")
    assert code in (0, 1) and json.loads(out)["format"] == "peplint.report"


def test_generate_infers_the_format_from_the_output_name(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, _, _ = run("generate", str(SPECS / "walsall-good.yaml"), "-o", str(out))
    assert code == 0 and out.read_bytes().startswith(b"%PDF")


def test_parse_several_files_as_json_is_one_array() -> None:
    code, out, _ = run("parse", str(PEP), str(GENERATED / "secondary-good.pdf"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2


def test_parse_jsonl_is_one_pep_per_line() -> None:
    code, out, _ = run(
        "parse", str(PEP), str(GENERATED / "secondary-good.pdf"), "--format", "jsonl"
    )
    lines = out.strip().split("\n")
    assert code == 0 and len(lines) == 2
    assert all(json.loads(line)["source"]["format"] in ("docx", "pdf") for line in lines)


def test_lint_on_a_folder_points_to_bulk(tmp_path: Path) -> None:
    code, _, err = run("lint", str(tmp_path))
    assert code == 2 and "peplint bulk" in err


def test_verbose_after_the_subcommand() -> None:
    code, _, _ = run("lint", str(PEP), "-v", "--format", "json")
    assert code in (0, 1)


@pytest.mark.parametrize("text", ["01/12/2026", "1/12/2026", "2026-12-01", "01-12-2026"])
def test_uk_dates_are_day_first(text: str) -> None:
    import datetime as dt

    assert cli_conventions.UkDate().convert(text, None, None) == dt.date(2026, 12, 1)


def test_a_date_that_is_not_one_says_how_to_write_it() -> None:
    import click

    with pytest.raises(click.BadParameter, match="day first"):
        cli_conventions.UkDate().convert("12th Dec", None, None)
