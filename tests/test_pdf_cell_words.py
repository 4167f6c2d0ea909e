"""Words in PDF table cells that a narrow column or a page break cut: healed into one
word when neither part is a word on its own, kept apart when both are."""

from __future__ import annotations

from typing import Any

from peplint.parsers.pdf_tables import RawCell, healed_across, join_cell


def _word(text: str, x0: float, top: float, size: float = 11.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 6.2 * len(text), "top": top, "size": size}


def _narrow(*lines: str) -> RawCell:
    """One word a line, each filling a 50-point column (left padding 5.5 points)."""
    rows = [[_word(text, 90.0, 100.0 + 14 * n)] for n, text in enumerate(lines)]
    right = max(w["x1"] for line in rows for w in line) + 0.5
    return RawCell(lines=rows, bbox=(84.5, 95.0, right, 100.0 + 14 * len(lines)))


def test_a_word_cut_twice_is_one_word_and_the_word_before_it_stays_apart() -> None:
    # "Autumn" / "progres" / "s": "progres" begins a known word, so it is not the end of
    # "Autumn" (once read as "Autumnprogress").
    assert join_cell(_narrow("Autumn", "progres", "s"), set()) == "Autumn progress"


def test_a_weekday_is_a_word_of_its_own() -> None:
    assert join_cell(_narrow("Tuesdays", "after"), set()) == "Tuesdays after"


def test_a_date_cut_in_its_year_is_one_date() -> None:
    assert join_cell(_narrow("12/12/202", "6"), set()) == "12/12/2026"


def test_a_cell_cut_by_a_page_break_in_a_word_is_healed() -> None:
    before, after = "tuition with your Psycholo", "gy teacher on Tuesdays"
    assert healed_across(before, after) == "tuition with your Psychology teacher on Tuesdays"


def test_a_cell_cut_by_a_page_break_between_words_keeps_the_space() -> None:
    assert healed_across("tuition with your", "maths teacher") == "tuition with your maths teacher"
    assert healed_across("in the autumn", "term") == "in the autumn term"
    assert healed_across("", "term") == "term"
