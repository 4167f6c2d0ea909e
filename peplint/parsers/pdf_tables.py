"""Where PDF tables are read: cell grids filled from word positions.

pdfplumber finds the ruled tables; each word is then placed in the cell that
holds its centre, and a cell's lines are joined back into text once the whole
document has been read. A line break inside a word (narrow cells wrap long
words mid-word: "Curre / nt wor / king") is healed only when the evidence says
so: the line before fills the cell to its right edge, the next line starts in
lower case, the whole word could not have fitted on one line, and the two
halves are not both words the document uses on their own.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from peplint.model.document import Table
from peplint.module_files import english_stop_words

TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
    "edge_min_length": 3,
}
LINE_TOLERANCE = 2.5
Line = list[dict[str, Any]]


@dataclass
class RawCell:
    """A cell's words grouped into lines, and its box, before the text is joined."""

    lines: list[Line]
    bbox: tuple[float, float, float, float]


@dataclass
class RawTable:
    """A table read from a page whose cell texts are not yet joined."""

    rows: list[list[RawCell | None]]

    @property
    def width(self) -> int:
        """The number of grid columns."""
        return max((len(r) for r in self.rows), default=0)


def group_lines(words: list[dict[str, Any]]) -> list[Line]:
    """Words grouped into lines by their top, each line sorted left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


@cache
def common_words() -> frozenset[str]:
    """English words (SCOWL), stop words, and the words PEP exports use."""
    data = resources.files("peplint.data")
    text = data.joinpath("common_words.txt").read_text(encoding="utf-8")
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    english = gzip.decompress(data.joinpath("english_words.txt.gz").read_bytes()).decode("ascii")
    return frozenset(words | english_stop_words() | set(english.split()))


def _is_known(fragment: str, vocabulary: set[str]) -> bool:
    """Whether a fragment is a whole word (each part of a hyphenated compound)."""
    parts = [re.sub(r"[^\w]", "", p) for p in fragment.lower().split("-")]
    return all(
        (len(w) > 1 or w in {"a", "i"}) and (w in common_words() or w in vocabulary)
        for w in parts
        if w
    ) and any(parts)


def _breaks_token(last: str, first: str) -> bool:
    """Breaks that are never between words: inside an email or web address
    ("name@example" / ".org") or inside a date, time or number ("2026-09-" / "10",
    "12/12/202" / "6")."""
    if ("@" in last or last.startswith(("www.", "http"))) and (
        last.endswith(".") or first.startswith(".")
    ):
        return True
    if re.search(r"\d[-:/.]$", last) and first[:1].isdigit():
        return True
    # A date whose year is cut short ("12/12/202" / "6"): no year has one or three figures
    # (two are a year: "01/02/26" then "2 targets met" stay apart).
    return bool(re.search(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d|\d{3})$", last) and first[:1].isdigit())


def _breaks_word(
    previous: Line, line: Line, cell: RawCell, vocabulary: set[str], first_whole: str = ""
) -> bool:
    """Whether the break between `previous` and `line` is inside a word. `first_whole`:
    the line's first word healed with the line after it, when that line continues it
    ("progres" / "s"), so a fragment that is the start of a known word counts as known."""
    last, first = previous[-1], line[0]
    if _breaks_token(last["text"], first["text"]):
        return True
    in_address = "@" in last["text"] or last["text"].startswith(("www.", "http"))
    if not (first["text"][:1].islower() and (last["text"][-1:].isalnum() or in_address)):
        return False
    left_pad = min(ln[0]["x0"] for ln in cell.lines) - cell.bbox[0]
    usable_right = cell.bbox[2] - max(left_pad, 0.0)
    size = float(last.get("size") or 8.0)
    fills_line = last["x1"] >= usable_right - 1.0 * size
    joined_width = (last["x1"] - last["x0"]) + (first["x1"] - first["x0"])
    too_wide = joined_width > usable_right - (cell.bbox[0] + max(left_pad, 0.0))
    if not (fills_line and too_wide):
        return False
    if in_address:
        return True
    # Two words the document (or the language) uses on their own are two words.
    first_known = _is_known(first["text"], vocabulary) or (
        bool(first_whole) and _is_known(first_whole, vocabulary)
    )
    return not (_is_known(last["text"], vocabulary) and first_known)


def healed_across(before: str, after: str) -> str:
    """Two parts of a cell cut by a page break, joined: without a space where the cut
    split a word ("... your Psycholo" / "gy teacher ..."): neither part a word on its
    own, the two together a known word."""
    if not before.strip() or not after.strip():
        return f"{before} {after}".strip()
    last, first = before.split()[-1], after.split()[0]
    split = (
        first[:1].islower()
        and last[-1:].isalpha()
        and not _is_known(last, set())
        and not _is_known(first, set())
        and _is_known(last + first, set())
    )
    return before + after if split else f"{before} {after}"


def join_cell(cell: RawCell, vocabulary: set[str]) -> str:
    """A cell's text: lines joined with spaces, mid-word breaks healed, list items kept apart."""
    if not cell.lines:
        return ""
    text = " ".join(w["text"] for w in cell.lines[0])
    lines = cell.lines
    for k, (previous, line) in enumerate(pairwise(lines), start=1):
        line_text = " ".join(w["text"] for w in line)
        after = lines[k + 1] if k + 1 < len(lines) else None
        whole = (
            line[0]["text"] + after[0]["text"]
            if after is not None and len(line) == 1 and _breaks_word(line, after, cell, vocabulary)
            else ""
        )
        if (
            text.endswith("-")
            and previous[-1]["text"] not in {"-", "–"}
            and line_text[:1].islower()
        ) or _breaks_word(previous, line, cell, vocabulary, whole):
            text += line_text
        elif _starts_item(line_text):
            text += "\n" + line_text
        else:
            text += " " + line_text
    return text


def _starts_item(text: str) -> bool:
    """A line that starts a new item inside a cell ("Progress: ...", "- ...", "• ...")."""
    head = text.split(":", 1)[0]
    return text[:1] in "•-–*" or (
        ":" in text and len(head) <= 24 and head[:1].isupper() and len(head.split()) <= 3
    )


def read_table(table: Any, words: list[dict[str, Any]]) -> tuple[RawTable, list[dict[str, Any]]]:
    """The table's cells with their lines, and the words it used (so they are not read twice).

    Words are sorted once by the height of their centre, so each cell looks only
    at the words in its vertical range (bisect) instead of scanning them all."""
    centred = sorted(
        ((w["top"] + w["bottom"]) / 2, (w["x0"] + w["x1"]) / 2, i, w) for i, w in enumerate(words)
    )
    heights = [c[0] for c in centred]
    used: list[dict[str, Any]] = []
    rows: list[list[RawCell | None]] = []
    for row in table.rows:
        out: list[RawCell | None] = []
        for bbox in row.cells:
            if bbox is None:
                out.append(None)
                continue
            lo, hi = bisect_left(heights, bbox[1]), bisect_right(heights, bbox[3])
            picked = sorted(
                (c[2], c[3]) for c in centred[lo:hi] if bbox[0] <= c[1] <= bbox[2]
            )  # back in the words' own order, as before
            inside = [w for _, w in picked]
            used.extend(inside)
            out.append(RawCell(lines=group_lines(inside), bbox=tuple(bbox)))
        rows.append(out)
    return RawTable(rows=rows), used


def finish_table(raw: RawTable, vocabulary: set[str]) -> Table:
    """The table as a grid of texts, now that the document's vocabulary is known."""
    return Table(
        rows=[[None if c is None else join_cell(c, vocabulary) for c in row] for row in raw.rows]
    )
