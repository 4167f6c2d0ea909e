"""School calendar arithmetic: working days (England's bank holidays) and terms."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from peplint.module_files import load_module_file

TermName = str


@functools.cache
def _uk_calendar() -> Any:
    """The `holidays` package's United Kingdom calendar, loaded on its own: importing
    ``holidays.countries.united_kingdom`` would import all 250 countries (about 0.3 s)."""
    module = load_module_file("holidays", "countries/united_kingdom.py", "peplint._holidays_uk")
    if module is not None:
        return module.UnitedKingdom
    import holidays

    return functools.partial(holidays.country_holidays, "GB")


@functools.cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(_uk_calendar()(subdiv="ENG", years=year))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday in England."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_after(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`).

    A meeting on Monday signed off on Friday is 4 working days; the statutory
    "within 5 working days" allows up to 5.
    """
    if end <= start:
        return 0
    count = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        if is_working_day(day):
            count += 1
        day += dt.timedelta(days=1)
    return count


def term_of(day: dt.date) -> tuple[int, int]:
    """(academic year starting September, term index 0 autumn / 1 spring / 2 summer).

    Autumn is September to December, spring January to Easter (taken as the end of
    March), summer April to August (the summer holiday belongs to the summer term).
    """
    if day.month >= 9:
        return day.year, 0
    if day.month <= 3:
        return day.year - 1, 1
    return day.year - 1, 2


def terms_between(earlier: dt.date, later: dt.date) -> int:
    """How many terms separate two dates (0: same term, 1: consecutive terms)."""
    (y1, t1), (y2, t2) = term_of(earlier), term_of(later)
    return (y2 * 3 + t2) - (y1 * 3 + t1)
