"""The value normalisers: UK dates, percentages, yes/no, RAG, progress and grades."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peplint.extract import values as v


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/10/2026", dt.date(2026, 10, 14)),
        ("14 October 2026", dt.date(2026, 10, 14)),
        ("14th Oct 2026", dt.date(2026, 10, 14)),
        ("2026-10-14", dt.date(2026, 10, 14)),
        ("Next PEP: 3rd of March 2027", dt.date(2027, 3, 3)),
        ("1/2/2027", dt.date(2027, 2, 1)),  # day first, as UK exports write it
        ("14.10.26", dt.date(2026, 10, 14)),
        ("By 13 February 2027", dt.date(2027, 2, 13)),
        ("06-Oct-2026", dt.date(2026, 10, 6)),  # as some platforms print dates
        ("18-Dec-2026.", dt.date(2026, 12, 18)),
        ("6.Oct.2026", dt.date(2026, 10, 6)),
        ("06/Oct/2026", dt.date(2026, 10, 6)),
        ("06 Oct 26", dt.date(2026, 10, 6)),
        ("2 Oct 120", None),
        ("31/02/2026", None),
        ("12/12/202 6", None),  # a year cut by a line break is no year 202
        ("1/2/123", None),
        ("by the end of Spring term", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert v.parse_date(text) == expected


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)))
@settings(max_examples=200, derandomize=True)
def test_every_uk_format_of_a_date_reads_back(day: dt.date) -> None:
    for text in (
        day.strftime("%d/%m/%Y"),
        f"{day.day} {day:%B %Y}",
        f"{day.day}th {day:%b %Y}",
        day.isoformat(),
    ):
        assert v.parse_date(text) == day


@given(st.text(max_size=200))
@settings(max_examples=300, derandomize=True)
def test_normalisers_never_raise(text: str) -> None:
    v.parse_date(text)
    v.parse_percent(text)
    v.parse_yes_no(text)
    v.parse_rag(text)
    v.parse_progress(text)
    v.normalise_grade(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("96.5%", 96.5),
        ("87 %", 87.0),
        ("72 per cent", 72.0),
        ("90", 90.0),
        ("150%", None),
        ("n/a", None),
    ],
)
def test_parse_percent(text: str, expected: float | None) -> None:
    assert v.parse_percent(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("☒ Yes ☐ No", True),
        ("☐ Yes ☒ No", False),
        ("☐ Yes ☐ No", None),
        ("☐", False),
        ("✓", True),
        ("Yes", True),
        ("N", False),
        ("Apologies", False),
        ("● Yes ○ No", True),
        ("○ Yes ● No", False),
        ("maybe", None),
    ],
)
def test_parse_yes_no(text: str, expected: bool | None) -> None:
    assert v.parse_yes_no(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Amber", "amber"), ("☐ Red ☐ Amber ☒ Green", "green"), ("R", "red"), ("unknown", None)],
)
def test_parse_rag(text: str, expected: str | None) -> None:
    assert v.parse_rag(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Making less than expected progress", "less"),
        ("Below expected", "less"),
        ("Making expected progress", "expected"),
        ("Expected", "expected"),
        ("Making more than expected progress", "more"),
        ("Above expected", "more"),
        ("", None),
    ],
)
def test_parse_progress(text: str, expected: str | None) -> None:
    assert v.parse_progress(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("в", "B"), ("А*", "A*"), ("b", "B"), ("5-4", "5-4"), ("Merit", "Merit")]
)
def test_grades_with_lookalike_characters(text: str, expected: str) -> None:
    assert v.normalise_grade(text) == expected


def test_common_date_shapes_read_as_dateutil_reads_them() -> None:
    import datetime as dt

    from dateutil import parser as date_parser

    from peplint.extract.values import _plain_date

    def dateutil_date(raw: str) -> dt.date | None:
        try:
            return date_parser.parse(raw, dayfirst=True, default=dt.datetime(2000, 1, 1)).date()
        except (ValueError, OverflowError):
            return None

    samples = [f"{a}/{b}/{y}" for a in range(0, 34) for b in range(0, 34) for y in (1999, 2026)]
    samples += [f"{a:02d}/{b:02d}/2026" for a in range(0, 13) for b in range(0, 13)]
    samples += [f"{d} {m} 2026" for d in range(0, 40) for m in ("Oct", "october", "Sept", "MAY")]
    for raw in samples:
        plain = _plain_date(raw)
        if plain is None:
            continue  # another shape: dateutil reads it
        try:
            ours: dt.date | None = dt.date(*plain)
        except ValueError:
            ours = None
        assert ours == dateutil_date(raw), raw
