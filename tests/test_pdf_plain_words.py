"""Words' fill colours reduced to a lightness, whatever shape the colour comes in."""

from __future__ import annotations

from typing import Any

import pytest

from peplint.parsers.pdf_blocks import _plain_words
from peplint.parsers.pdf_lines import luminance


@pytest.mark.parametrize(
    "colour", [None, (0.2, 0.4, 0.6), [0.2, 0.4, 0.6], (0.5,), 0.5, (0.1, 0.2, 0.3, 0.4), "x"]
)
def test_each_word_gets_its_colours_lightness(colour: Any) -> None:
    words = [{"text": "a", "non_stroking_color": colour}, {"text": "b"}]
    words.append({"text": "c", "non_stroking_color": colour})
    plain = _plain_words(words)
    assert [w["colour"] for w in plain] == [luminance(colour), 0.0, luminance(colour)]
    assert all("non_stroking_color" not in w for w in plain)


def test_words_of_different_colours_keep_their_own() -> None:
    words = [{"non_stroking_color": (1.0, 1.0, 1.0)}, {"non_stroking_color": (0.0, 0.0, 0.0)}]
    assert [w["colour"] for w in _plain_words(words)] == [pytest.approx(1.0), 0.0]
