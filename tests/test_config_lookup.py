"""The config file is found from each input's folder upward (like ruff); --config and
--isolated; every output says which pack and config file were used."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.cli import main
from tests.conftest import GENERATED


@pytest.fixture
def term(tmp_path: Path) -> Path:
    """A PEP folder with its own config, two levels above the PEP."""
    folder = tmp_path / "autumn" / "Oakfield"
    folder.mkdir(parents=True)
    shutil.copy(GENERATED / "walsall-good.docx", folder / "pep.docx")
    (tmp_path / "autumn" / "peplint.toml").write_text(
        'pack = "example-rag"\n[settings]\nattendance_threshold = 95\n'
    )
    return tmp_path / "autumn"


def lint_json(*args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["lint", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_config_in_the_pep_folder_is_used_from_anywhere(term: Path) -> None:
    report = lint_json(str(term / "Oakfield" / "pep.docx"))
    assert report["pack"]["name"] == "example-rag"
    assert report["meta"]["config"] == str((term / "peplint.toml").resolve())
    assert report["meta"]["settings"]["attendance_threshold"] == 95


def test_isolated_ignores_config_files(term: Path) -> None:
    report = lint_json(str(term / "Oakfield" / "pep.docx"), "--isolated")
    assert report["pack"]["name"] == "section-d" and report["meta"]["config"] is None


def test_config_file_option(term: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('pack = "language-that-cares"\n')
    report = lint_json(str(term / "Oakfield" / "pep.docx"), "--config", str(other))
    assert report["pack"]["name"] == "language-that-cares"


def test_files_under_different_configs_are_refused(term: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(GENERATED / "walsall-good.docx", elsewhere / "b.docx")
    (elsewhere / "peplint.toml").write_text('pack = "section-d"\n')
    result = CliRunner().invoke(
        main, ["lint", str(term / "Oakfield" / "pep.docx"), str(elsewhere / "b.docx")]
    )
    assert result.exit_code == 2 and "different peplint config" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_output_says_which_pack_and_config(term: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        main, ["lint", str(term / "Oakfield" / "pep.docx"), "--format", fmt]
    )
    assert "pack example-rag (version 1)" in result.stdout
    assert "peplint.toml" in result.stdout


def test_check_says_which_pack_and_config(term: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(term / "Oakfield" / "pep.docx")])
    assert "pack example-rag" in result.stdout and "peplint.toml" in result.stdout
