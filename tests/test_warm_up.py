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


def test_warm_up_reads_a_pep_of_each_format_and_freezes_what_workers_inherit() -> None:
    """The data a first PEP loads (field catalogue, section vocabulary) is loaded in the
    parent, and the objects alive then are out of the collector's reach (no copy-on-write
    of their pages in the workers)."""
    import gc

    from peplint.extract import catalogue, section_words

    catalogue.builtin_fields.cache_clear()
    catalogue.builtin_catalogue.cache_clear()
    section_words.section_words.cache_clear()
    gc.unfreeze()
    warm_up(LintSetup.default(), years=(2026, 2027))
    try:
        assert catalogue.builtin_fields.cache_info().currsize == 1
        assert section_words.section_words.cache_info().currsize == 1
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
