"""Words' fill colours reduced to a lightness, whatever shape the colour comes in, and
words cut down to what the reader reads (every page's words are held to the end)."""

from __future__ import annotations

from typing import Any

import pytest

from peplint.parsers.pdf_blocks import _plain_words
from peplint.parsers.pdf_lines import luminance


def _word(text: str, **extra: Any) -> dict[str, Any]:
    """A word as pdfplumber's extract_words gives it (with fontname and size asked for)."""
    return {
        "text": text,
        "x0": 10.0,
        "x1": 20.0,
        "top": 5.0,
        "doctop": 5.0,
        "bottom": 15.0,
        "upright": True,
        "height": 10.0,
        "width": 10.0,
        "direction": "ltr",
        "fontname": "Arial-BoldMT",
        "size": 10.0,
        **extra,
    }


@pytest.mark.parametrize(
    "colour", [None, (0.2, 0.4, 0.6), [0.2, 0.4, 0.6], (0.5,), 0.5, (0.1, 0.2, 0.3, 0.4), "x"]
)
def test_each_word_gets_its_colours_lightness(colour: Any) -> None:
    words = [_word("a", non_stroking_color=colour), _word("b")]
    words.append(_word("c", non_stroking_color=colour))
    plain = _plain_words(words)
    assert [w["colour"] for w in plain] == [luminance(colour), 0.0, luminance(colour)]
    assert all("non_stroking_color" not in w for w in plain)


def test_words_of_different_colours_keep_their_own() -> None:
    words = [
        _word("a", non_stroking_color=(1.0, 1.0, 1.0)),
        _word("b", non_stroking_color=(0.0, 0.0, 0.0)),
    ]
    assert [w["colour"] for w in _plain_words(words)] == [pytest.approx(1.0), 0.0]


def test_a_plain_word_keeps_its_text_box_font_and_size_only() -> None:
    (plain,) = _plain_words([_word("Name", non_stroking_color=(0.0,))])
    assert plain == {
        "text": "Name",
        "x0": 10.0,
        "x1": 20.0,
        "top": 5.0,
        "bottom": 15.0,
        "fontname": "Arial-BoldMT",
        "size": 10.0,
        "colour": 0.0,
    }
