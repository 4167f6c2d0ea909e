"""`bulk --compare`: equal percentages are "same", different packs are refused up front."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from peplint.bulk.compare import SUMMARY_FORMAT, check_comparable, compare
from peplint.cli import main
from peplint.errors import ConfigError
from tests.conftest import GENERATED


def summary(pack: str, read: int, failing: int, school: tuple[int, int]) -> dict[str, Any]:
    return {
        "format": SUMMARY_FORMAT,
        "pack": {"name": pack, "version": 1},
        "items": ["D1"],
        "aggregates": {
            "read": read,
            "item_failures": {"D1": failing},
            "by_school": {"Oakfield": {"peps": school[0], "meets": school[1]}},
        },
    }


def test_equal_rounded_percentages_are_the_same_not_worse() -> None:
    before, now = summary("section-d", 50, 11, (50, 11)), summary("section-d", 40, 9, (40, 9))
    changes = {c.kind: c for c in compare(before, now)}
    assert changes["item"].before == changes["item"].now == "22% failing"
    assert changes["item"].direction == "same"
    assert changes["school"].direction == "same"


def test_a_real_change_is_still_reported() -> None:
    before, now = summary("section-d", 50, 11, (50, 11)), summary("section-d", 40, 4, (40, 30))
    changes = {c.kind: c for c in compare(before, now)}
    assert changes["item"].direction == "better" and changes["school"].direction == "better"


def write_summary(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir()
    (folder / "summary.json").write_text(json.dumps(data))
    return folder


def test_runs_with_different_packs_are_refused(tmp_path: Path) -> None:
    folder = write_summary(tmp_path / "last", summary("example-rag", 5, 1, (5, 1)))
    with pytest.raises(ConfigError, match="same pack"):
        check_comparable(folder, {"name": "section-d", "version": 1}, ["D1"])
    with pytest.raises(ConfigError, match="same checklist"):
        check_comparable(folder, {"name": "example-rag", "version": 1}, ["D1", "D2"])


def test_an_empty_compare_folder_is_refused_before_the_run(tmp_path: Path) -> None:
    peps = tmp_path / "peps"
    peps.mkdir()
    (peps / "a.docx").write_bytes((GENERATED / "walsall-good.docx").read_bytes())
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["bulk", str(peps), "-o", str(out), "--compare", str(tmp_path / "empty"), "--quiet"]
    )
    assert result.exit_code == 2 and "summary.json" in result.stderr
    assert not (out / "summary.json").exists()  # nothing was run
