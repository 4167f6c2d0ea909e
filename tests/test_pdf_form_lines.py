"""Form lines in a PDF: a question with its ticked options is a line of its own, and a
wide gap between a label and its value survives into the paragraph's text.

The lines are plain word boxes, as any PDF library gives them, so no font is needed to
draw a box glyph."""

from __future__ import annotations

from typing import Any

from peplint.model.document import BlockKind
from peplint.parsers.pdf_blocks import _PageItems, _to_blocks
from peplint.parsers.pdf_lines import TextLine, spaced

SIZE = 10.0
SPACE = 2.8  # an ordinary space at 10 pt
CHAR = 5.0


def words(text: str, top: float, x: float = 57.0, gaps: list[float] | None = None) -> list[Any]:
    """Word boxes for `text` on one line; `gaps` sets each gap (else ordinary spaces)."""
    out = []
    for n, word in enumerate(text.split()):
        if n:
            x += gaps[n - 1] if gaps else SPACE
        width = CHAR * len(word)
        out.append(
            {
                "text": word,
                "x0": x,
                "x1": x + width,
                "top": top,
                "bottom": top + SIZE,
                "fontname": "Arial",
                "size": SIZE,
            }
        )
        x += width
    return out


def paragraphs_of(lines: list[list[Any]]) -> list[str]:
    """The paragraph texts the PDF reader makes of lines of word boxes."""
    page = _PageItems(number=1, height=842.0)
    for ws in lines:
        line = TextLine(words=ws, page=1)
        page.items.append((line.top, line))
    return [b.text for b in _to_blocks([page]) if b.kind == BlockKind.PARAGRAPH]


def paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs of lines set one under another with ordinary spaces."""
    return paragraphs_of([words(text, 100.0 + 11.5 * n) for n, text in enumerate(lines)])


def test_a_question_with_its_options_is_a_line_of_its_own() -> None:
    lines = [
        "Jamie Rowe",
        "02/03/2009",
        "Emergency placement? ☐ Yes ☒ No",
        "Type of PEP ☐ Initial ☒ Review",
        "18/06/2026",
    ]
    assert paragraphs(lines) == lines


def test_short_lines_without_options_still_wrap_as_before() -> None:
    # The widest line of a run of short lines still takes the next line's first word.
    got = paragraphs(["Mark says you have settled in well", "this term."])
    assert got == ["Mark says you have settled in well this term."]


def test_a_wide_gap_is_kept_as_two_spaces() -> None:
    line = words("Current status In education", 100.0, gaps=[SPACE, 2 * SPACE, SPACE])
    assert spaced(line) == "Current status  In education"
    assert paragraphs_of([line]) == ["Current status  In education"]


def test_a_justified_line_keeps_single_spaces() -> None:
    line = words("We talked about your plans", 100.0, gaps=[6.0, 6.5, 6.0, 6.2])
    assert spaced(line) == "We talked about your plans"


def test_a_gap_no_wider_than_a_space_is_one_space() -> None:
    assert spaced(words("Key Stage 3", 100.0, gaps=[3.0, 3.0])) == "Key Stage 3"
    assert spaced(words("Year 12", 100.0, gaps=[2.5])) == "Year 12"


def test_a_paragraph_that_runs_on_keeps_single_spaces() -> None:
    first = words(
        "Mark says you have  settled in well", 100.0, gaps=[SPACE, SPACE, 6.0, SPACE, SPACE, SPACE]
    )
    second = words("this term.", 111.5)
    assert paragraphs_of([first, second]) == ["Mark says you have settled in well this term."]
