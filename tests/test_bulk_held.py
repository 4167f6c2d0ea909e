"""A bulk run holds of each PEP only what its summary reads, taken as the result arrives:
that gives the same summary rows, term figures, copied passages and manifest entries as
the whole reports, and is a small fraction of their size."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from peplint.bulk.copied import find_copied, find_copied_in
from peplint.bulk.held import hold
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
