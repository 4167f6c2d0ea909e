"""What a local worker sends back of a PEP it read and stored (a Brief of bulk.held) gives
the run the same outputs as the whole report would, and stops it as the whole report
would: --max-failures counts cached failures before any new result; a Brief that does
not fit its file is set aside for the report the worker stored."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import peplint.bulk.run as bulk_run
from peplint.bulk.held import HeldPep, held_bytes
from tests.conftest import GENERATED
from tests.test_bulk import _outputs, _run


def _folder(root: Path) -> Path:
    root.mkdir()
    (root / "a-bad.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    shutil.copy(GENERATED / "secondary-good.pdf", root / "b-good.pdf")
    return root


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cached_failure_stops_a_resumed_run_at_the_first_new_result(
    tmp_path: Path, jobs: int
) -> None:
    # The failure counted from the cache reaches --max-failures 1 as soon as one new file
    # is done, whether that file's worker sent a Brief or a whole report (the cluster's
    # workers send whole reports: both stop alike).
    root = _folder(tmp_path / "term")
    out = tmp_path / "out"
    first = _run(root, out, jobs=jobs)
    assert [r.error_code != "" for r in first.rows] == [True, False]
    before = _outputs(out)
    for name in ("secondary-no-strengths.pdf", "secondary-absent-no-voice.pdf"):
        shutil.copy(GENERATED / name, root / f"new-{name}")
    again = _run(root, out, jobs=jobs, resume=True, max_failures=1)
    assert again.stopped_early
    assert _outputs(out) == before  # stopped early: the previous outputs stay as they were


def test_a_brief_that_does_not_fit_its_file_gives_way_to_the_stored_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path / "term")
    shutil.copy(GENERATED / "walsall-weak-targets.docx", root / "c-weak.docx")
    _run(root, tmp_path / "plain", jobs=1)

    def wrong_file(kept: HeldPep) -> bytes:
        row = dataclasses.replace(kept.row, file="someone-else.pdf")
        return held_bytes(dataclasses.replace(kept, row=row))

    monkeypatch.setattr(bulk_run, "held_bytes", wrong_file)  # in the forked workers too
    result = _run(root, tmp_path / "misfit", jobs=1)
    assert [r.file for r in result.rows] == ["a-bad.pdf", "b-good.pdf", "c-weak.docx"]
    assert _outputs(tmp_path / "misfit") == _outputs(tmp_path / "plain")
