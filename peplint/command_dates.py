"""Dates as peplint's command line takes them: day first, as people in England write them
(01/12/2026 is 1 December), or ISO (2026-12-01). Kept free of the command-line library so
that the quick up-to-date check of `bulk --resume` reads `--as-of` exactly as the command does."""

from __future__ import annotations

import datetime as dt

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y")


def parse_command_date(text: str) -> dt.date | None:
    """The date `text` names in one of DATE_FORMATS (spaces around it ignored), else None."""
    text = text.strip()
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None
