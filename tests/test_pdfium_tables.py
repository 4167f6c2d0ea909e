"""The PDFium reader's table finder gives exactly what pdfplumber's gives: the same
cells from the same intersections, the same tables (cells in the same order) from the
same cells, on every page of every fixture PDF and on generated grids of cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import table as plumber_table

from peplint.parsers.pdf_tables import TABLE_SETTINGS
from peplint.parsers.pdfium_page import open_pdfium
from peplint.parsers.pdfium_tables import CellFinder, cells_to_tables
from tests.conftest import FIXTURES

PDFS = sorted(FIXTURES.rglob("*.pdf"))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_cells_and_tables_match_pdfplumbers_on_every_fixture_page(path: Path) -> None:
    with open_pdfium(path) as document:
        for page in document.pages:
            ours = CellFinder(page, TABLE_SETTINGS)
            theirs = plumber_table.TableFinder(page, TABLE_SETTINGS)
            assert ours.cells == theirs.cells
            assert [t.cells for t in ours.tables] == [t.cells for t in theirs.tables]


def test_a_page_of_two_tables_and_a_lone_cell() -> None:
    grid = [(0, 0, 1, 1), (1, 0, 2, 1), (0, 1, 1, 2)]  # one table of three cells
    apart = [(5, 5, 6, 6), (6, 5, 7, 6)]  # another, below and to the right
    lone = [(10, 0, 11, 1)]  # touches nothing: not a table
    cells = [apart[1], *grid, lone[0], apart[0]]
    tables = cells_to_tables(cells)  # type: ignore[arg-type]
    assert tables == plumber_table.cells_to_tables(cells)  # type: ignore[arg-type]
    assert [len(t) for t in tables] == [3, 2]


_COORD = st.integers(min_value=0, max_value=6).map(float)


@st.composite
def _cell(draw: st.DrawFn) -> tuple[float, float, float, float]:
    x0, x1 = sorted(draw(st.lists(_COORD, min_size=2, max_size=2, unique=True)))
    top, bottom = sorted(draw(st.lists(_COORD, min_size=2, max_size=2, unique=True)))
    return (x0, top, x1, bottom)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(_cell(), max_size=25))
def test_cells_to_tables_matches_pdfplumbers(
    cells: list[tuple[float, float, float, float]],
) -> None:
    assert cells_to_tables(cells) == plumber_table.cells_to_tables(cells)  # type: ignore[arg-type]
