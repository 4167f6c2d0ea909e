"""Drawn checkboxes: a small square, ticked by a cross, a tick or a smaller filled dot."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from peplint.parsers.pdf_checkboxes import checkbox_words


def _rect(x0: float, top: float, side: float, fill: bool, height: float | None = None) -> Any:
    return {
        "object_type": "rect",
        "x0": x0,
        "x1": x0 + side,
        "top": top,
        "bottom": top + (side if height is None else height),
        "fill": fill,
        "stroke": not fill,
    }


def _marks(rects: list[dict[str, Any]]) -> list[str]:
    page = SimpleNamespace(rects=rects, lines=[], curves=[])
    words, _ = checkbox_words(page)
    return [w["text"] for w in sorted(words, key=lambda w: w["x0"])]


def test_a_filled_dot_inside_a_box_ticks_it_whatever_its_float_noise_or_size() -> None:
    rects = [
        _rect(42.0, 509.75, 8.0, False),
        _rect(44.0, 511.75, 4.0, True, height=3.999999999999943),  # just under 4 points
        _rect(85.0, 509.75, 8.0, False),  # empty
        _rect(120.0, 509.75, 8.0, False),
        _rect(122.5, 512.25, 3.0, True),  # a small dot
    ]
    assert _marks(rects) == ["☒", "☐", "☒"]


def test_a_lone_filled_square_that_is_too_small_is_not_a_box() -> None:
    assert _marks([_rect(42.0, 500.0, 2.0, True)]) == []
