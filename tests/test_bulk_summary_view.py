"""A bulk run holds each PEP's summary view, not its whole report, until the summary is
written: the view gives the same summary row, the same term figures, the same copied
passages and the same manifest entry as the whole report, and is much smaller."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from peplint.bulk.copied import find_copied
from peplint.bulk.summary import aggregate, row_for, summary_view
from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport
from tests.conftest import GENERATED

FILES = sorted([*GENERATED.glob("*.docx"), *GENERATED.glob("*.pdf")])


@pytest.fixture(scope="module")
def reports() -> list[FileReport]:
    """The fixtures' reports, each PDF's PEP given to another child (so that the passages
    its Word twin shares with it count as copied between children)."""
    setup = LintSetup.default()
    out = []
    for path in FILES:
        report = lint_file(path, setup)
        if path.suffix == ".pdf" and report.pep is not None:
            child = report.pep.child.model_copy(update={"name": "Robin Other"})
            report = report.model_copy(
                update={"pep": report.pep.model_copy(update={"child": child})}
            )
        out.append(report)
    return out


def test_the_view_gives_the_same_rows_figures_and_copied_passages(
    reports: list[FileReport],
) -> None:
    views = [summary_view(r) for r in reports]
    items = [item.id for item in LintSetup.default().checklist.items]
    names = [(p.name, p.stem) for p in FILES]
    rows = [row_for(n, k, r, items) for (n, k), r in zip(names, reports, strict=True)]
    assert [row_for(n, k, v, items) for (n, k), v in zip(names, views, strict=True)] == rows
    as_of = dt.date(2027, 3, 1)
    assert aggregate(rows, views, items, as_of) == aggregate(rows, reports, items, as_of)
    # Each fixture's Word and PDF files share their passages: copied text is found.
    whole = find_copied([(n, k, r) for (n, k), r in zip(names, reports, strict=True)])
    assert whole
    assert find_copied([(n, k, v) for (n, k), v in zip(names, views, strict=True)]) == whole
    for view, report in zip(views, reports, strict=True):
        assert (view.sha256, view.status, view.error, view.degraded) == (
            report.sha256,
            report.status,
            report.error,
            report.degraded,
        )


def test_the_view_is_a_fraction_of_the_whole_report(reports: list[FileReport]) -> None:
    whole = sum(len(pickle.dumps(r)) for r in reports)
    view = sum(len(pickle.dumps(summary_view(r))) for r in reports)
    assert view < whole / 2
