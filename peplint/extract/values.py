"""Normalisers for the values PEP exports hold: dates, percentages, yes/no,
RAG ratings, progress labels and grades.

Each function takes raw cell or line text and returns a typed value or `None`
when the text does not say. None of them raise on odd input.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

from peplint.model.pep import Progress, Rag

CHECKED_GLYPHS = "☒☑✓✔■●◉⦿⊗"
UNCHECKED_GLYPHS = "☐□○◯⊖◻"
CROSSED_GLYPHS = "✗✘☓"  # a cross says "no" on its own and never ticks an option

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Text that reads as a date of some form, whether or not DATE_PATTERN can read it: a
# month's name, or day and month in figures ("Dec '26", "w/c 14.12").
# ("may" only as the month's name, with its capital.)
LOOKS_LIKE_A_DATE = re.compile(
    rf"(?i:\b(?:{_MONTHS.replace('|may|', '|')})\b)|\bMay\b|\b\d{{1,2}}[/.\-]\d{{1,2}}\b"
)

DATE_PATTERN = re.compile(
    r"\b(?:"
    r"\d{4}-\d{1,2}-\d{1,2}"  # 2026-10-14
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"  # 14/10/2026, 14.10.26 (never "202")
    # 14th Oct 2026, 14-Oct-2026, 14 Oct 26
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|\s*[/.\-]\s*)(?:{_MONTHS})\.?,?"
    r"(?:\s+|\s*[/.\-]\s*)(?:\d{4}|\d{2})"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"  # October 14, 2026
    r")\b",
    re.IGNORECASE,
)

# Characters from other scripts that look like Latin grade letters.
_LOOKALIKES = str.maketrans(
    {
        "в": "B",
        "В": "B",
        "А": "A",
        "а": "A",
        "С": "C",
        "с": "C",
        "Е": "E",
        "е": "E",
        "Ѕ": "S",
        "М": "M",
        "Т": "T",
        "О": "O",
        "о": "O",
        "Р": "P",
        "р": "P",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "＊": "*",
        "∗": "*",
    }
)


def clean(text: str | None) -> str | None:
    """Collapse white space; `None` for empty text."""
    if text is None:
        return None
    out = " ".join(text.split())
    return out or None


def find_dates(text: str | None) -> list[dt.date]:
    """Every UK-format date in `text`, in order of appearance."""
    if not text:
        return []
    found: list[dt.date] = []
    for match in DATE_PATTERN.finditer(text):
        parsed = parse_date(match.group(0))
        if parsed is not None:
            found.append(parsed)
    return found


# The two shapes most exports write ("14/10/2026", "14 October 2026"), read without dateutil
# (it costs a tokeniser per call) exactly as it reads them; any other shape goes to dateutil.
_NUMERIC_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([1-9][0-9]{3})")
_WORDED_DATE = re.compile(r"([0-9]{1,2}) ([A-Za-z]+) ([1-9][0-9]{3})")
_MONTH_NUMBER = date_parser.parserinfo().month  # dateutil's own month names


def _plain_date(raw: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date in one of the two common shapes, as dateutil reads it
    day-first; `None` when `raw` has another shape (for dateutil to read)."""
    numeric = _NUMERIC_DATE.fullmatch(raw)
    if numeric is not None:
        day, month, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        if 1 <= day <= 31 and 1 <= month <= 12:
            return year, month, day
        if 1 <= month <= 31 and 1 <= day <= 12:
            return year, day, month  # "12/31/2026": dateutil takes the month that can be one
        return None
    worded = _WORDED_DATE.fullmatch(raw)
    if worded is not None:
        month_number = _MONTH_NUMBER(worded[2])
        day = int(worded[1])
        if month_number is not None and 1 <= day <= 31:
            return int(worded[3]), month_number, day
    return None


def parse_date(text: str | None) -> dt.date | None:
    """The first date in `text`, read day-first as UK exports write them."""
    if not text:
        return None
    match = DATE_PATTERN.search(text)
    if match is None:
        return None
    raw = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", match.group(0), flags=re.IGNORECASE)
    raw = re.sub(r"\bof\b", "", raw, flags=re.IGNORECASE)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw.strip())
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        plain = _plain_date(raw.strip())
        if plain is not None:
            return dt.date(*plain)
        return date_parser.parse(raw, dayfirst=True, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


def parse_percent(text: str | None) -> float | None:
    """A percentage such as "87%", "87.5 %" or "87 per cent"; `None` if absent."""
    if not text:
        return None
    match = re.search(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", text, re.IGNORECASE)
    if match is None:
        bare = re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*", text)
        if bare is None:
            return None
        match = bare
    value = float(match.group(1))
    return value if 0 <= value <= 100 else None


def parse_checked_option(text: str | None) -> str | None:
    """The label of the ticked option in "☒ Yes ☐ No"-style text, lower-cased."""
    if not text:
        return None
    glyphs = re.escape(CHECKED_GLYPHS + UNCHECKED_GLYPHS + CROSSED_GLYPHS)
    pattern = rf"([{re.escape(CHECKED_GLYPHS)}])\s*([^{glyphs}]+)"
    match = re.search(pattern, text)
    if match is None:
        return None
    return match.group(2).strip().lower() or None


def has_checkbox_glyph(text: str | None) -> bool:
    """Whether `text` holds any checkbox glyph, ticked or not."""
    glyphs = CHECKED_GLYPHS + UNCHECKED_GLYPHS + CROSSED_GLYPHS
    return bool(text) and any(c in glyphs for c in text or "")


def parse_yes_no(text: str | None) -> bool | None:
    """Yes/no from words ("Yes", "N", "Attended"), glyph options or lone ticks."""
    if not text:
        return None
    if has_checkbox_glyph(text):
        option = parse_checked_option(text)
        if option is not None:
            return parse_yes_no(option)
        if any(c in CHECKED_GLYPHS for c in text):
            return True  # a lone tick
        stripped = "".join(c for c in text if c not in UNCHECKED_GLYPHS + CROSSED_GLYPHS)
        return False if not stripped.strip() else None
    word = text.strip().lower().rstrip(".")
    if word in {"yes", "y", "true", "attended", "present", "complete", "completed", "done"}:
        return True
    if word in {
        "no",
        "n",
        "false",
        "did not attend",
        "absent",
        "not attended",
        "dna",
        "apologies",
        "incomplete",
        "not complete",
    }:
        return False
    if re.match(r"^(yes|y)\b", word):
        return True
    if re.match(r"^(no|n)\b", word):
        return False
    return None


def parse_rag(text: str | None) -> Rag | None:
    """A red/amber/green rating."""
    if not text:
        return None
    option = parse_checked_option(text) if has_checkbox_glyph(text) else text
    if not option:
        return None
    match = re.search(r"\b(red|amber|green|r|a|g)\b", option.strip().lower())
    if match is None:
        return None
    letter = match.group(1)[0]
    return "red" if letter == "r" else "amber" if letter == "a" else "green"


def parse_progress(text: str | None) -> Progress | None:
    """ "less", "expected" or "more" from progress labels used in exports (also the early
    years' "Emerging" / "Expected" / "Exceeding")."""
    if not text:
        return None
    t = " ".join(text.lower().split())
    if re.search(
        r"less than expected|below expected|below target|not making expected|"
        r"less progress|slower than expected|\bbelow\b|\bemerging\b",
        t,
    ):
        return "less"
    if re.search(r"more than expected|above expected|better than expected|exceed|\babove\b", t):
        return "more"
    if re.search(r"expected|on track|in line", t):
        return "expected"
    return None


def normalise_grade(text: str | None) -> str | None:
    """A grade with look-alike characters from other scripts replaced (в -> B)."""
    value = clean(text)
    if value is None:
        return None
    value = value.translate(_LOOKALIKES)
    if re.fullmatch(r"[a-g]\*?[+-]?", value):
        value = value.upper()
    return value


def parse_int(text: str | None) -> int | None:
    """The first whole number in `text`."""
    if not text:
        return None
    match = re.search(r"\d+", text)
    return int(match.group(0)) if match else None


_NOT_A_NAME = {"yes", "no", "n/a", "na", "none", "tbc", "tba", "unknown", "not known", "-"}


def parse_name(text: str | None) -> str | None:
    """A person's or a setting's name: not a date, number, email, tick or yes/no."""
    value = clean(text)
    if value is None or value.lower().rstrip(".") in _NOT_A_NAME:
        return None
    if "@" in value or sum(c.isdigit() for c in value) >= 5 or DATE_PATTERN.search(value):
        return None
    if not any(c.isalpha() for c in value) or has_checkbox_glyph(value):
        return None
    return value


def parse_phone(text: str | None) -> str | None:
    """A telephone number (at least six digits)."""
    value = clean(text)
    return value if value and sum(c.isdigit() for c in value) >= 6 else None


def parse_email(text: str | None) -> str | None:
    """An email address."""
    value = clean(text)
    return value if value and re.search(r"\S@\S+\.\S", value) else None


def parse_year_group(text: str | None) -> int | None:
    """A year group ("Year 12", "NCY 9", "12"): a whole number from 0 to 14."""
    number = parse_int(text)
    return number if number is not None and 0 <= number <= 14 else None


def parse_option(text: str | None, options: dict[str, tuple[str, ...]]) -> str | None:
    """The first option (in data order) one of whose words starts a word of `text`;
    a ticked option of a checkbox group is read first."""
    if not text:
        return None
    raw = parse_checked_option(text) if has_checkbox_glyph(text) else text
    if not raw:
        return None
    lowered = " ".join(raw.lower().split())
    for value, words in options.items():
        if any(re.search(rf"(?<![a-z]){re.escape(w)}", lowered) for w in words):
            return value
    return None
