"""The parent pays first-use costs once before forking workers (issue: speed near the floor)."""

from __future__ import annotations

import datetime as dt

from peplint import calendar
from peplint.lint import LintSetup, warm_up
from peplint.reporters import templated


def test_warm_up_loads_the_calendar_and_compiles_the_templates() -> None:
    calendar._bank_holidays.cache_clear()
    templated._environment.cache_clear()
    warm_up(LintSetup.default(), years=(2026, 2027))
    cached_years = calendar._bank_holidays.cache_info().currsize
    assert cached_years >= 2
    environment = templated._environment()
    assert templated._environment.cache_info().hits >= 1  # built during the warm-up, reused now
    assert environment.cache is not None and len(environment.cache) >= 1  # a compiled template
    before = calendar._bank_holidays.cache_info().misses
    calendar.is_working_day(dt.date(2027, 2, 15))
    assert calendar._bank_holidays.cache_info().misses == before  # no first use left for a worker
