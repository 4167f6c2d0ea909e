"""File names that are not UTF-8, or hold control characters, are read, reported and shown."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from click.testing import CliRunner

from peplint.bulk.discover import output_keys
from peplint.cli import main
from peplint.safety.names import printable
from tests.conftest import GENERATED

LATIN1_NAME = os.fsdecode(b"Zo\xeb-PEP.pdf")  # "Zoe" with a Latin-1 e-diaeresis: not UTF-8


def test_printable_names() -> None:
    assert printable("Zoë PEP.pdf") == "Zoë PEP.pdf"
    assert printable(LATIN1_NAME) == "Zo\\xeb-PEP.pdf"
    assert printable("a\nb\x00.pdf") == "a\\x0ab\\x00.pdf"
    assert printable(os.fsdecode(b"\xff")) != printable(os.fsdecode(b"\xfe"))


def test_lint_json_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / LATIN1_NAME
    shutil.copy(GENERATED / "walsall-good.pdf", path)
    result = CliRunner().invoke(main, ["lint", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["status"] == "ok"
    assert report["files"][0]["path"].endswith("Zo\\xeb-PEP.pdf")


def test_bulk_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GENERATED / "walsall-good.pdf", folder / LATIN1_NAME)
    shutil.copy(GENERATED / "secondary-good.docx", folder / "good.docx")
    out = tmp_path / "out"
    for extra in ([], ["--resume"]):
        result = CliRunner().invoke(main, ["bulk", str(folder), "-o", str(out), "--quiet", *extra])
        assert result.exit_code == 0, result.output
        summary = json.loads((out / "summary.json").read_text())
        assert sorted(r["file"] for r in summary["rows"]) == ["Zo\\xeb-PEP.pdf", "good.docx"]
    assert len(list((out / "peps").glob("*.json"))) == 2


def test_names_made_safe_to_the_same_key_keep_their_own_reports() -> None:
    keys = output_keys(["a b.pdf", "a-b.pdf", "A-B.PDF", "c.pdf"], redact=False)
    assert len({k.lower() for k in keys}) == 4
    assert keys[3] == "c.pdf"
