"""Bulk with --compare gives each PEP last term's targets for the same child, so a target
repeated unchanged from last term is reported (unmet-targets-broken-down)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from peplint.bulk.run import BulkOptions, run_bulk
from peplint.packs.resolve import setup_for
from tests.conftest import GENERATED

RULE = "unmet-targets-broken-down"


def _run(term: Path, out: Path, compare_with: Path | None) -> list[dict]:  # type: ignore[type-arg]
    setup, effective = setup_for("lancashire-style")
    options = BulkOptions(as_of=dt.date(2027, 3, 1), progress=False, compare_with=compare_with)
    run_bulk(term, out, setup, [p.path for p in effective.loaded], options)
    report = json.loads((out / "peps" / "weak.docx.json").read_text())
    return [f for f in report["files"][0]["findings"] if f["rule"] == RULE]


def test_a_target_repeated_from_last_term_is_reported_only_when_comparing(tmp_path: Path) -> None:
    autumn, spring = tmp_path / "autumn", tmp_path / "spring"
    for term in (autumn, spring):
        term.mkdir()
        shutil.copy(GENERATED / "walsall-weak-targets.docx", term / "weak.docx")
    _run(autumn, tmp_path / "qa-autumn", None)
    alone = _run(spring, tmp_path / "qa-spring-alone", None)
    compared = _run(spring, tmp_path / "qa-spring", tmp_path / "qa-autumn")
    repeats = [f for f in compared if "last term's target" in f["message"]]
    assert not [f for f in alone if "last term's target" in f["message"]]
    assert len(repeats) == 2  # both of the PEP's targets are last term's, word for word
