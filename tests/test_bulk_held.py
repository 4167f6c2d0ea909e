"""A bulk run holds of each PEP only what its summary reads, taken as the result arrives:
that gives the same summary rows, term figures, copied passages and manifest entries as
the whole reports, and is a small fraction of their size."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from peplint.bulk.copied import find_copied, find_copied_in
from peplint.bulk.held import HeldPep, hold
from peplint.bulk.summary import aggregate, flagged_rules, row_for
from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport
from peplint.safety.manifest import manifest_input
from tests.conftest import GENERATED

FILES = sorted([*GENERATED.glob("*.docx"), *GENERATED.glob("*.pdf")])
ITEMS = [item.id for item in LintSetup.default().checklist.items]


@pytest.fixture(scope="module")
def reports() -> list[tuple[str, str, FileReport]]:
    """(shown path, report key, report) of each fixture, each PDF's PEP given to another
    child (so that the passages its Word twin shares with it count as copied)."""
    setup = LintSetup.default()
    out = []
    for path in FILES:
        report = lint_file(path, setup)
        if path.suffix == ".pdf" and report.pep is not None:
            child = report.pep.child.model_copy(update={"name": "Robin Other"})
            pep = report.pep.model_copy(update={"child": child})
            report = report.model_copy(update={"pep": pep})
        out.append((path.name, path.stem, report))
    return out


def test_what_is_held_gives_the_same_summary(reports: list[tuple[str, str, FileReport]]) -> None:
    held = [hold(shown, key, report, ITEMS) for shown, key, report in reports]
    rows = [row_for(shown, key, report, ITEMS) for shown, key, report in reports]
    assert [h.row for h in held] == rows
    as_of = dt.date(2027, 3, 1)
    whole_figures = aggregate(rows, [flagged_rules(r) for _, _, r in reports], ITEMS, as_of)
    assert aggregate([h.row for h in held], [h.flagged for h in held], ITEMS, as_of) == (
        whole_figures
    )
    copied = find_copied(reports)
    assert copied  # each fixture's Word and PDF files share passages, now of two children
    assert find_copied_in([h.copy for h in held]) == copied
    assert [h.manifest for h in held] == [manifest_input(r) for _, _, r in reports]
    assert [h.failed for h in held] == [r.status == "error" for _, _, r in reports]


def test_what_is_held_is_a_small_fraction_of_the_report(
    reports: list[tuple[str, str, FileReport]],
) -> None:
    whole = sum(len(pickle.dumps(r)) for _, _, r in reports)
    kept = sum(len(pickle.dumps(hold(s, k, r, ITEMS))) for s, k, r in reports)
    assert kept < whole / 5


def test_a_run_keeps_only_what_the_summary_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import peplint.bulk.run as bulk_run
    from peplint.packs.resolve import setup_for
    from peplint.safety.limits import Limits

    root = tmp_path / "term"
    root.mkdir()
    for name in ("walsall-good.pdf", "walsall-weak-targets.docx", "secondary-good.docx"):
        shutil.copy(GENERATED / name, root / name)
    (root / "empty.pdf").write_bytes(b"")
    seen: list[list[HeldPep]] = []
    write_outputs = bulk_run._write_outputs

    def spy(out: Path, setup: object, ordered: list[HeldPep], options: object) -> object:
        seen.append(list(ordered))
        return write_outputs(out, setup, ordered, options)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk_run, "_write_outputs", spy)
    setup, effective = setup_for("section-d")
    packs = [p.path for p in effective.loaded]
    for resume in (False, True):  # checked now, then every result from the cache
        options = bulk_run.BulkOptions(
            as_of=dt.date(2027, 3, 1),
            progress=False,
            limits=Limits(worker_seconds=60),
            resume=resume,
            jobs=1,
        )
        bulk_run.run_bulk(root, tmp_path / "out", setup, packs, options)
    assert [len(run) for run in seen] == [4, 4]
    assert all(isinstance(held, HeldPep) for run in seen for held in run)
    assert (
        [h.failed for h in seen[0]]
        == [h.failed for h in seen[1]]
        == [
            True,
            False,
            False,
            False,
        ]
    )


def test_what_a_worker_sends_is_what_it_holds(reports: list[tuple[str, str, FileReport]]) -> None:
    # A local worker sends its HeldPep as JSON; read back, it is the same, field for field
    # (tuples stay tuples, the manifest entry a model), so the summary cannot differ.
    from peplint.bulk.held import held_bytes, held_from_bytes

    for shown, key, report in reports:
        held = hold(shown, key, report, ITEMS)
        again = held_from_bytes(held_bytes(held))
        assert again == held
        assert isinstance(again.copy.passages, tuple)
    odd = hold("tab\tand ünïcödé/”quote”.pdf", "k", reports[0][2], ITEMS)
    assert held_from_bytes(held_bytes(odd)) == odd
    with pytest.raises(ValueError):
        held_from_bytes(b'{"row": {}}')


def test_what_a_worker_makes_of_a_report_is_what_this_process_made_of_it(
    reports: list[tuple[str, str, FileReport]],
) -> None:
    # A worker holds its report as it has it in memory; this process used to hold the same
    # report as it read it back from the worker's JSON. The two are the same.
    for shown, key, report in reports:
        sent = FileReport.model_validate_json(report.model_dump_json())
        assert hold(shown, key, report, ITEMS) == hold(shown, key, sent, ITEMS)
