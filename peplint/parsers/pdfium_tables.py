"""Ruled tables on a PDFium page: pdfplumber's table finder, fed PDFium's lines and
rectangles, with its two quadratic steps (cells from intersections, tables from cells)
done by lookup. Each gives exactly what pdfplumber's gives, in the same order (tested
against pdfplumber's own functions on every fixture page and on generated grids)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pdfplumber.table import Table, TableFinder, TableSettings, edges_to_intersections
from pdfplumber.utils import obj_to_bbox

Obj = dict[str, Any]
Point = tuple[float, float]
Cell = tuple[float, float, float, float]  # x0, top, x1, bottom


class CellFinder(TableFinder):
    """pdfplumber's table finder with its cell search done by lookup: the same cells."""

    def __init__(self, page: Any, settings: dict[str, Any]) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges,
            self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance,
        )
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def intersections_to_cells(intersections: dict[Point, dict[str, list[Obj]]]) -> list[Cell]:
    """pdfplumber's `intersections_to_cells`, the same cells in the same order: for each
    point (sorted), the first point below and the first to the right, joined to it by an
    edge, whose corner closes the cell. The points below and to the right are found by
    position (sorted points sharing an x follow each other; those sharing a y are
    listed once) and each point's edges are made into sets once, not per comparison."""
    points = sorted(intersections)
    edges = {
        point: (
            frozenset(map(obj_to_bbox, found["v"])),
            frozenset(map(obj_to_bbox, found["h"])),
        )
        for point, found in intersections.items()
    }

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not edges[p1][0].isdisjoint(edges[p2][0]):
            return True
        return p1[1] == p2[1] and not edges[p1][1].isdisjoint(edges[p2][1])

    rows: dict[float, list[Point]] = {}
    for point in points:
        rows.setdefault(point[1], []).append(point)
    place = {point: i for row in rows.values() for i, point in enumerate(row)}
    cells: list[Cell] = []
    count = len(points)
    for i, point in enumerate(points):
        below = []
        j = i + 1
        while j < count and points[j][0] == point[0]:
            below.append(points[j])
            j += 1
        right = rows[point[1]][place[point] + 1 :]
        cell = _smallest_cell(point, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    point: Point,
    below: list[Point],
    right: list[Point],
    intersections: dict[Point, Any],
    connects: Callable[[Point, Point], bool],
) -> Cell | None:
    """pdfplumber's cell search from `point`: the first point below joined to it, then
    the first point to its right joined to it, whose corner closes the cell."""
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            if not connects(point, right_point):
                continue
            corner = (right_point[0], below_point[1])
            if (
                corner in intersections
                and connects(corner, right_point)
                and connects(corner, below_point)
            ):
                return (point[0], point[1], corner[0], corner[1])
    return None


def cells_to_tables(cells: list[Cell]) -> list[list[Cell]]:
    """pdfplumber's `cells_to_tables`, the same tables with their cells in the same order:
    a table starts at the first cell not yet placed and takes, pass after pass over the
    cells left (in their order), each cell sharing a corner with the table so far, until a
    pass adds none; tables are sorted by their top-most, then left-most, corner, and a
    table of one cell is dropped. pdfplumber removes each placed cell from a list and
    counts shared corners one by one; here a pass keeps the cells left and asks a set."""
    corners_of = [((x0, t), (x0, b), (x1, t), (x1, b)) for x0, t, x1, b in cells]
    remaining = list(range(len(cells)))
    tables: list[list[Cell]] = []
    while remaining:
        members: list[int] = []
        corners: set[Point] = set()
        while True:
            placed = len(members)
            kept: list[int] = []
            kept_cells: dict[Cell, int] = {}  # how many of each cell `kept` holds
            for index in remaining:
                own, cell = corners_of[index], cells[index]
                if members and corners.isdisjoint(own):
                    kept.append(index)
                    kept_cells[cell] = kept_cells.get(cell, 0) + 1
                    continue
                corners.update(own)
                members.append(index)
                if kept_cells.get(cell):
                    # pdfplumber's list.remove takes the first equal cell left: one this
                    # pass skipped, so this one stays where that one was behind it.
                    first = next(k for k, other in enumerate(kept) if cells[other] == cell)
                    del kept[first]
                    kept.append(index)
            if len(members) == placed:  # a pass that added no cell ends the table
                break
            remaining = kept
        tables.append([cells[index] for index in members])
    tables.sort(key=lambda table: min((cell[1], cell[0]) for cell in table))
    return [table for table in tables if len(table) > 1]
