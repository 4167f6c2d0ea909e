"""The generic label/value reader: every shape in which a form holds a value becomes a `Pair`.

Forms put a labelled value in many shapes: a 2-cell or 4-cell table row, a "Question |
Answer" table, a table with Yes / No option columns, "Label: value" in a paragraph (several
on one line), a label paragraph with its value in the next, a sub-heading with text under
it, a checkbox group, the label-value blocks the parsers make from content controls
and PDF geometry, and a table of one column (a box of running text, or labels stacked
over their answers: `unboxed`). This module knows those shapes and nothing about PEP fields: which
label means which field is the catalogue's job (`catalogue.py`). Where a shape is
ambiguous (is "Name | Role" a header or a label and its value?) it asks a `Vocabulary`.
Tables with a header row are kept whole as `RecordTable`s for the list fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from peplint.extract.section_view import names_columns, normalise_label, table_header
from peplint.extract.values import CHECKED_GLYPHS, CROSSED_GLYPHS, UNCHECKED_GLYPHS
from peplint.extract.words import lemmas
from peplint.model.document import SECTION_AGAIN, UNRECOGNISED, Block, BlockKind, Table

GLYPHS = CHECKED_GLYPHS + UNCHECKED_GLYPHS + CROSSED_GLYPHS
# Content-control and form placeholders that mean "nothing entered".
PLACEHOLDERS = re.compile(
    r"(?i)^\s*(click or tap (here )?to enter (a )?(text|date)\.?|choose an item\.?"
    r"|click here to enter (a )?(text|date)\.?|enter (text|date) here\.?|select\.{0,3})\s*$"
)
# Column headers of a Question | Answer table.
QA_HEADERS = {
    ("question", "answer"),
    ("question", "response"),
    ("field", "value"),
    ("label", "value"),
    ("item", "response"),
    ("item", "detail"),
    ("prompt", "response"),
}
# Option columns of a tick table ("Attended? | Yes | No" with a mark under one of them).
OPTION_WORDS = {"yes", "no", "n a", "na", "not applicable", "red", "amber", "green", "y", "n"}
_MARK = re.compile(rf"^\s*([{re.escape(CHECKED_GLYPHS)}]|[xX])\s*$")
_LABEL_END = re.compile(r"[:?]\s*$")
# "Label:" inside running text: a colon after a word (or a unit after a word, "Attendance
# %:", never a figure's "96.5%:"), then a space or the end (not 10:30).
_COLON = re.compile(r"(?:(?<=[A-Za-z)?'’])|(?<=[^\d.]%))\s*:(?=\s|$)")
_QUESTION = re.compile(r"^(.{2,80}?\?)\s*(\S.*)$")  # a question label and its answer
_BOUNDARY = re.compile(r"\s{2,}|\t|\s[|;•]\s|(?<=[.!?])\s+|^")


class Vocabulary(Protocol):
    """What the reader asks the field catalogue when a shape is ambiguous."""

    def is_label(self, text: str, strict: bool = False) -> bool:
        """Whether `text` reads as the label of some field (`strict`: closely)."""
        ...

    def is_part_label(self, text: str) -> bool:
        """Whether `text` closely names a part of a record ("Who will help?", "When?")."""
        ...

    def is_column(self, text: str) -> bool:
        """Whether `text` reads as the column header of some list field (name, role...)."""
        ...


class NoVocabulary:
    """A vocabulary that knows no labels: shapes are read from punctuation alone."""

    def is_label(self, text: str, strict: bool = False) -> bool:
        """Nothing is a known label."""
        return False

    def is_column(self, text: str) -> bool:
        """Nothing is a known column."""
        return False

    def is_part_label(self, text: str) -> bool:
        """Nothing names a part of a record."""
        return False


@dataclass(frozen=True)
class Pair:
    """A label and its value as the document holds them ("" when the value is empty)."""

    label: str
    value: str
    how: str  # see peplint.model.pep.ReadHow
    page: int
    section: str | None
    block: int = -1  # index of the block it came from in its section
    inline: bool = False  # read out of running text (the paragraph may still be free text)
    joined: bool = False  # label and value are one run of words ("Key Stage 3"), no colon


@dataclass
class RecordTable:
    """A table with a header row: one record per body row."""

    table: Table
    header: list[str]  # normalised column names
    body: list[list[str | None]]
    page: int
    section: str | None
    over: str | None = None  # the sub-heading or label right over the table, if any


@dataclass
class Paragraph:
    """A paragraph of running text, and whether it is a label (a prompt) rather than text."""

    text: str
    page: int
    block: int
    is_prompt: bool = False
    under: str | None = None  # the sub-heading or label paragraph it sits under


@dataclass
class SectionReading:
    """Everything the reader found in one section's blocks."""

    section: str | None
    pairs: list[Pair] = field(default_factory=list)
    tables: list[RecordTable] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


def is_empty_value(text: str | None) -> bool:
    """Whether a value says nothing: blank, a placeholder, or unticked boxes alone."""
    if text is None or not text.strip():
        return True
    if PLACEHOLDERS.match(text):
        return True
    if any(c in UNCHECKED_GLYPHS for c in text):
        return not any(c in CHECKED_GLYPHS + CROSSED_GLYPHS for c in text)  # nothing ticked
    return False


_BRACKET_TICK = re.compile(r"\[\s*[xX✓✔]\s*\]\s*")
_BRACKET_BOX = re.compile(r"\[\s{0,2}\]\s*")


def marks_as_glyphs(text: str) -> str:
    """Typed boxes as glyphs: "[X]Yes [ ]No" reads as "☒ Yes ☐ No"."""
    if "[" not in text:
        return text
    return _BRACKET_BOX.sub("☐ ", _BRACKET_TICK.sub("☒ ", text))


def clean_value(text: str | None) -> str:
    """A value with form placeholders removed ("" when nothing was entered)."""
    if text is None or PLACEHOLDERS.match(text):
        return ""
    return marks_as_glyphs(text.strip())


def _label_like(text: str, vocab: Vocabulary, max_words: int = 16, strict: bool = False) -> bool:
    words = text.split()
    if not words or len(words) > max_words:
        return False
    if _LABEL_END.search(text):
        return True
    return len(words) <= 12 and not re.search(r"[.!]\s*$", text) and vocab.is_label(text, strict)


SENTENCE_WORDS = 8  # a cell of this many words is running text, never a label


def _short_line(text: str) -> bool:
    """A few words with no sentence ending: reads as a label rather than a value."""
    return len(text.split()) <= 6 and not re.search(r"[.!;,]\s*$", text) and "\n" not in text


def _question_pair(segment: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """ "Who will be responsible? Jamie with Mrs Patel": a known label asked as a question,
    then its answer (a form's question set apart by a tab, as a label with a colon is)."""
    text = segment.strip()
    match = _QUESTION.match(text)
    question, answer = (match.group(1), match.group(2).strip()) if match else (text, "")
    if not question.endswith("?") or len(question) > 80:
        return None
    known = vocab.is_label(question, strict=True) or vocab.is_part_label(question)
    return (question, answer) if known else None  # unanswered: the label, empty


def _split_questions(pairs: list[tuple[str, str]], vocab: Vocabulary) -> list[tuple[str, str]]:
    """Each value cut where a tab sets a known question label apart ("...<tab>How? We")."""
    out: list[tuple[str, str]] = []
    for label, value in pairs:
        parts = value.split("\t")
        kept = [parts[0]]
        asked: list[tuple[str, str]] = []
        for part in parts[1:]:
            question = _question_pair(part, vocab)
            if question is not None:
                asked.append(question)
            elif asked:
                asked[-1] = (asked[-1][0], f"{asked[-1][1]}\t{part}")
            else:
                kept.append(part)
        out.append((label, "\t".join(kept).strip()))
        out += asked
    return out


def inline_pairs(text: str, vocab: Vocabulary) -> list[tuple[str, str]]:
    """ "Label: value" pairs in one paragraph or line, several per line where labels are
    set apart by wide spaces, tabs, bars or semicolons, or are known labels; a known label
    asked as a question and set apart by a tab ("When? By March") is a label too."""
    out: list[tuple[str, str]] = []
    for line in text.split("\n"):
        colons = list(_COLON.finditer(line))
        if not colons:
            segments = line.split("\t")
            asked = [_question_pair(part, vocab) for part in segments]
            if len(segments) > 1 and all(asked):
                out += [pair for pair in asked if pair is not None]
            continue
        line_start = len(out)
        starts: list[tuple[int, int]] = []  # (label start, colon index)
        prev_end = 0
        for match in colons:
            head = line[prev_end : match.start()]
            bounds = [m.end() for m in _BOUNDARY.finditer(head)]
            start = prev_end + (bounds[-1] if bounds else 0)
            if starts and start == prev_end:
                start = _past_figures(
                    line, _known_label_start(line, prev_end, match.start(), vocab)
                )
            label = line[start : match.start()].strip()
            if start < 0 or not label or len(label.split()) > 16 or len(label) > 140:
                continue
            if starts and start <= starts[-1][1]:
                continue
            starts.append((start, match.start()))
            prev_end = match.end()
        for i, (start, colon) in enumerate(starts):
            label = line[start:colon].strip(" \t|;•-")
            end = starts[i + 1][0] if i + 1 < len(starts) else len(line)
            value = line[colon:end].lstrip(":").strip(" \t|;•")
            before = line[:start].strip()
            if i == 0 and before and not before.endswith((".", "!", "?")):
                question = _QUESTION.match(before)
                if question is None or start == 0 or not line[start - 1].isspace():
                    continue  # a sentence running into a colon, not a form line
                out.append((question.group(1), question.group(2)))  # "Attended? ✓ Yes<tab>X:"
            out.append((label, value))
        out[line_start:] = _split_questions(out[line_start:], vocab)
    return out


def _known_label_start(line: str, lo: int, colon: int, vocab: Vocabulary) -> int:
    """Where a label begins in "value Label:" when only single spaces separate them:
    the longest run of final words (up to six), starting with a capital, that the vocabulary
    knows as a label."""
    words = list(re.finditer(r"\S+", line[lo:colon]))
    for n in range(min(6, len(words) - 1), 0, -1):
        start = lo + words[-n].start()
        if line[start].islower():
            continue  # "Last term's actions were completed: ..." is running text, not a label
        if vocab.is_label(line[start:colon], strict=True):
            return start
    return -1


_DIGIT = re.compile(r"\d")
_VALUE_MARK = re.compile(rf"[\d@{re.escape(GLYPHS)}]")  # a figure, an email or a box
_LABEL_MARK = re.compile(rf"[\d{re.escape(GLYPHS)}]")  # what a label never holds


def prefix_pair(text: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """ "Date came into care 6 Sep 2021": the longest run of first words (up to eight) that
    closely matches a known label, and the rest as its value."""
    words = text.split()
    whole_is_label = vocab.is_label(text)
    # A label holds no figures or boxes ("6 Sep 2021", "☒ No SEN" are values): the first n
    # words can be one only while n stays at or below the first word holding either.
    marked = [i for i, w in enumerate(words) if _LABEL_MARK.search(w)]
    first_marked = marked[0] if marked else len(words)
    last_value_mark = max((i for i, w in enumerate(words) if _VALUE_MARK.search(w)), default=-1)
    for n in range(min(8, len(words) - 1, first_marked), 0, -1):
        if whole_is_label and last_value_mark < n:
            continue  # "Designated teacher has signed off" is one label, not two parts
        label = " ".join(words[:n])
        if vocab.is_label(label, strict=True):
            return label, " ".join(words[n:])
    return None


def _past_figures(line: str, start: int) -> int:
    """A label does not begin with a figure: in "By 13 February 2027 Outcome of review:" the
    year ends the value before it (the vocabulary, reading no figures, took it in)."""
    if start < 0:
        return start
    head = re.match(r"(?:\d\S*\s+)+(?=\D)", line[start:])
    return start + head.end() if head else start


# A value of figures alone: a date, a number, a phone, a percentage, an email, or boxes.
_FIGURES = re.compile(
    rf"^(?:\d[\d\s/.\-:]*%?|\S+@\S+|[{re.escape(GLYPHS)}].*"
    r"|(?:[A-Za-z]+,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9},?\s+\d{4})$"
)


def figure_pair(text: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """ "Date of birth 02/03/2009" on one line (a paragraph, a heading, a parser's label): a
    known label, then a value of figures alone. Only such a value splits the text, so a
    sub-heading such as "Key Stage 4 results" stays a heading."""
    text = " ".join(text.split())
    if not text or len(text) > 120:
        return None
    found = prefix_pair(text, vocab)
    if found is None or not _FIGURES.match(found[1]):
        return None
    return found


def _restates(label: tuple[str, str, int, int] | None, under: list[str], text: str) -> bool:
    """Whether `text`, the first line under a label still awaiting its value, is that value
    although it reads like a label: its words are only words of the label, plus a figure
    ("Key Stage 3" under "Course / key stage"). A label names a thing; a value picks one of
    its kind, so repeating the label's own words with a figure added is an answer to it."""
    if label is None or under or not re.search(r"\d", text) or len(text.split()) > 8:
        return False
    words = set(lemmas(text))
    return bool(words) and words <= set(lemmas(label[0]))


def gap_pair(text: str, vocab: Vocabulary, strict: bool = False) -> tuple[str, str] | None:
    """ "Current status  In education": a known label, a wide gap or tab, a value
    (`strict`: a closely known label, and a value that is no label itself)."""
    parts = re.split(r"\s{2,}|\t", text.strip(), maxsplit=1)
    if len(parts) != 2 or "\n" in parts[0] or not vocab.is_label(parts[0], strict):
        return None
    if strict and (not parts[1].strip() or vocab.is_label(parts[1])):
        return None
    return parts[0], parts[1]


def _checkbox_value(text: str) -> tuple[str, str] | None:
    """ "Did they attend? ☒ Yes ☐ No" -> (label, options) when text precedes the glyphs."""
    text = marks_as_glyphs(text)
    first = next((i for i, c in enumerate(text) if c in GLYPHS), None)
    if first is None or first == 0:
        return None
    label = text[:first].strip().rstrip(":").strip()
    if not label or len(label.split()) > 20:
        return None
    return label, text[first:].strip()


def _option_columns(header: list[str]) -> list[int]:
    return [i for i, h in enumerate(header) if h in OPTION_WORDS]


def _ticked(cell: str | None) -> bool:
    return bool(cell) and bool(_MARK.match(cell or ""))


class _Reader:
    def __init__(self, section: str | None, vocab: Vocabulary, heading: str | None = None) -> None:
        self.out = SectionReading(section)
        self.vocab = vocab
        self.heading = heading  # the section's own heading

    def pair(self, label: str, value: str, how: str, page: int, block: int, **kw: bool) -> None:
        label = " ".join(label.split()).strip()
        if label:
            self.out.pairs.append(
                Pair(label, clean_value(value), how, page, self.out.section, block, **kw)
            )

    # --- tables -----------------------------------------------------------------
    def _opening(self, blocks: list[Block], i: int) -> str | None:
        """The section's heading, when the table at `i` is the first thing under it (a
        repeated heading of the section counts as its heading)."""
        if any(b.kind != BlockKind.HEADING or b.cue != SECTION_AGAIN for b in blocks[:i]):
            return None
        return blocks[i - 1].text if i else self.heading

    def table(self, table: Table, page: int, index: int, over: str | None = None) -> None:
        rows = [r for r in table.rows if any((c or "").strip() for c in r)]
        if not rows:
            return
        shape = self._shape(rows)
        if shape == "qa":
            for row in rows[1:]:
                cells = [c for c in row if c is not None]
                if len(cells) >= 2:
                    self.pair(
                        cells[0],
                        "\n".join(c for c in cells[1:] if c),
                        "question-answer",
                        page,
                        index,
                    )
            return
        if shape == "options":
            header = [normalise_label(c or "") for c in rows[0]]
            options = _option_columns(header) or [i for i, h in enumerate(header) if i and h]
            for row in rows[1:]:
                label = next((c for c in row if c and c.strip()), "")
                ticked = [rows[0][i] or "" for i in options if i < len(row) and _ticked(row[i])]
                self.pair(label, " ".join(ticked), "checkbox", page, index)
            return
        if shape == "matrix":
            for row in rows[1:]:
                for whom, cell in zip(rows[0][1:], row[1:], strict=False):
                    if whom is not None and cell is not None:
                        self.pair(f"{row[0]} ({whom})", cell, "table-cross", page, index)
            return
        if shape == "columns":
            for n, label in enumerate(c for c in rows[0] if c is not None):
                text = "\n".join(
                    cells[n] for r in rows[1:] if len(cells := [c for c in r if c is not None]) > n
                )
                self.pair(label, text, "label-above", page, index)
            return
        if shape == "grid":
            for row in rows:
                cells = [c for c in row if c is not None]
                for i in range(0, len(cells) - 1, 2):
                    if cells[i].strip():
                        self.pair(cells[i], cells[i + 1], "table-row", page, index)
            return
        if shape == "records":
            if self._transposed(rows):  # one record a column: read it as one a row
                rows = [list(column)[1:] for column in zip(*rows, strict=False)]
                table = Table(rows=rows)
            header, body = table_header(Table(rows=rows))
            self.out.tables.append(RecordTable(table, header, body, page, self.out.section, over))
            if len(rows) == 2 and self._fields_over_values(rows[0]):
                for above, below in zip(rows[0], rows[1], strict=False):
                    if above and above.strip() and below is not None:
                        self.pair(above, below, "label-above", page, index)
        skip: set[int] = set()
        if shape == "pairs":
            skip = self._labels_above(rows, page, index)
        for n, row in enumerate(rows):  # label/value rows, also inside a record table
            if n in skip:
                continue
            cells = [c for c in row if c is not None]
            if shape == "pairs" and self._prefix_pairs(cells, page, index):
                continue
            if len(cells) == 2 and cells[0].strip():
                if shape == "records" and (row is rows[0] or table.width <= 2):
                    continue
                self.pair(cells[0], cells[1], "table-row", page, index)
            elif len(cells) == 1 and shape != "records":
                for label, value in inline_pairs(cells[0], self.vocab):
                    self.pair(label, value, "inline-label", page, index, inline=True)

    def _transposed(self, rows: list[list[str | None]]) -> bool:
        """Whether a table holds one record a column: its first column names a list's
        columns ("Target", "Strategy", "By whom", "By when") and its first row only
        numbers the records ("Target 1 | Target 2 | Target 3")."""
        if len(rows) < 4 or any(len(r) != len(rows[0]) for r in rows) or len(rows[0]) < 2:
            return False
        names = [(r[0] or "").strip() for r in rows[1:]]
        named = [n for n in names if n and self.vocab.is_column(n)]
        if len(named) < 3 or len(named) * 4 < len(names) * 3:
            return False
        numbering = {re.sub(r"[\d\s.:#]+$", "", (c or "").strip().lower()) for c in rows[0][1:]}
        return len(numbering) == 1 and not (rows[0][0] or "").strip()

    def _fields_over_values(self, header: list[str | None]) -> bool:
        """Whether a header row over one row of values names fields rather than columns:
        half its cells or more name fields of their own ("Name | Date of birth | Year
        group | Date entered care" over the child's details; "Social worker | Telephone |
        Email | Local authority")."""
        cells = [c for c in header if c and c.strip()]
        own = [c for c in cells if self._names_a_field(c)]
        return len(cells) >= 2 and len(own) * 2 >= len(cells)

    def _names_a_field(self, cell: str) -> bool:
        """A header cell that names a field of its own: a label, and not a one-word
        column name of a table of people or results ("Name", "Phone", "Attended")."""
        if not self.vocab.is_label(cell, strict=True):
            return False
        return not (self.vocab.is_column(cell) and len(cell.split()) == 1)

    def _labels_above(self, rows: list[list[str | None]], page: int, index: int) -> set[int]:
        """A row of labels over a row of their values (a print view drawn as a grid)."""
        used: set[int] = set()
        for n in range(len(rows) - 1):
            top = [c for c in rows[n] if c is not None]
            below = [c for c in rows[n + 1] if c is not None]
            if n in used or len(top) < 2 or len(top) != len(below):
                continue
            columns = list(zip(top, below, strict=True))
            if any(not a.strip() and b.strip() for a, b in columns):
                continue  # a value with no label above it
            labels = [a for a, _ in columns if a.strip()]
            values = [b for a, b in columns if a.strip()]
            if len(labels) < 2 and not any(re.search(r"[\d@]", b) for b in values):
                continue  # one label over a word is more likely two label/value rows
            if (
                labels
                and all(self.vocab.is_label(a) for a in labels)
                and not any(b.strip() and self.vocab.is_label(b) for b in below)
            ):
                for label, value in columns:
                    if label.strip():
                        self.pair(label, value, "label-above", page, index)
                used |= {n, n + 1}
        return used

    def _prefix_pairs(self, cells: list[str], page: int, index: int) -> bool:
        """Cells that each hold a known label and its value ("Timescale 12/12/2026")."""
        if not cells:
            return False
        found = [prefix_pair(c, self.vocab) for c in cells if c.strip()]
        if not found or any(f is None for f in found):
            return False
        for pair in found:
            assert pair is not None
            self.pair(pair[0], pair[1], "inline-label", page, index)
        return True

    def _shape(self, rows: list[list[str | None]]) -> str:
        first = [normalise_label(c or "") for c in rows[0]]
        present = [c for c in rows[0] if c is not None]
        if len(present) == 2 and tuple(normalise_label(c) for c in present) in QA_HEADERS:
            return "qa"
        if len(_option_columns(first)) >= 2 and len(rows) > 1:
            return "options"
        if len(rows) > 1 and not (rows[0][0] or "").strip() and self._marks_only(rows):
            return "options"  # "| In education | Employed |..." with a mark under one
        if any(c is None for c in rows[0]) and len(rows) > 1 and names_columns(rows[0], rows[1]):
            return "records"  # a grouped header ("Autumn" over three columns)
        width = max(len([c for c in r if c is not None]) for r in rows)
        if width <= 1:
            return "pairs"
        if self._labels_by_whom(rows):
            return "matrix"
        columns = sum(1 for c in present if self.vocab.is_column(c))
        if width == 2:
            second = rows[1][0] if len(rows) > 1 and rows[1] else None
            header_like = columns == len(present) == 2 and not (
                second and self.vocab.is_label(second) and not self.vocab.is_column(second)
            )
            if len(rows) > 1 and self._labels_over_texts(rows):
                return "columns"  # "My views | Strengths" over what the child and school say
            return "records" if header_like and len(rows) > 1 else "pairs"
        if (
            len(rows) == 2
            and self._fields_over_values(rows[0])
            and not self._first_row_holds_values(rows[0])
            and not any(c and self.vocab.is_label(c, strict=True) for c in rows[1])
        ):
            return "records"  # labels over their values, never label, value, label, value
        if (
            width % 2 == 0
            and (columns * 2 < len(present) or self._first_row_holds_values(rows[0]))
            and self._grid_like(rows)
        ):
            return "grid"
        return "records"

    def _labels_by_whom(self, rows: list[list[str | None]]) -> bool:
        """A grid of labels by whom they are asked of: an empty corner, whose header
        names two or more people or roles that are labels themselves ("| Social worker |
        Designated teacher"), over rows that each start with a label ("Date completed",
        "Date of next PEP"): each cell is that label for that person."""
        header = rows[0]
        if len(rows) < 3 or (header[0] or "").strip() or len(header) < 3:
            return False
        whom = [c for c in header[1:] if c is not None]
        if len(whom) < 2 or not all(
            c.strip() and _short_line(c) and self.vocab.is_label(c) for c in whom
        ):
            return False
        firsts = [(r[0] or "").strip() for r in rows[1:]]
        known = sum(bool(c) and _label_like(c, self.vocab) for c in firsts)
        return all(firsts) and all(map(_short_line, firsts)) and known * 4 >= len(firsts) * 3

    def _labels_over_texts(self, rows: list[list[str | None]]) -> bool:
        """Two labels over two columns of running text (a page printed in two columns,
        each under its own heading): the first row is two short lines that read as
        labels (a few words each, half of them a field's), and the first column below holds
        a sentence, so it is no column of labels."""
        first = [c for c in rows[0] if c is not None]
        below = next((c for c in rows[1] if c is not None), None) or ""
        return (
            len(first) == 2
            and all(_short_line(c) and len(c.split()) <= 4 for c in first)
            and self._fields_over_values(rows[0])
            and len(below.split()) >= SENTENCE_WORDS
            and not _label_like(below, self.vocab)
        )

    def _first_row_holds_values(self, first: list[str | None]) -> bool:
        """Label, value, label, value in the first row, the value cells a sentence or a
        figure rather than column names ("Target | You will read daily. | Support | ..."):
        a header row names its columns in every cell, so known labels in half of them do
        not make it one."""
        cells = [c for c in first if c is not None]
        values = [c for c in cells[1::2] if c.strip()]
        return bool(values) and not any(
            self.vocab.is_column(c) or _label_like(c, self.vocab) for c in values
        )

    @staticmethod
    def _marks_only(rows: list[list[str | None]]) -> bool:
        """Every body cell after the first is empty or a tick mark, and some are marks."""
        cells = [c for r in rows[1:] for c in r[1:] if c is not None]
        marks = [c for c in cells if c.strip()]
        return bool(marks) and all(_MARK.match(c) for c in marks) and len(rows[0]) >= 3

    def _grid_like(self, rows: list[list[str | None]]) -> bool:
        """Label, value, label, value...: the label cells read as labels in most rows."""
        hits = total = 0
        for row in rows:
            cells = [c for c in row if c is not None]
            for i in range(0, len(cells) - 1, 2):
                total += 1
                if cells[i].strip() and _label_like(cells[i], self.vocab, 12):
                    hits += 1
        return total > 0 and hits * 2 >= total

    # --- running text -----------------------------------------------------------
    def blocks(self, blocks: list[Block]) -> None:
        label: tuple[str, str, int, int] | None = None  # (text, how, page, block) awaiting a value
        from_heading = False  # whether the label is a sub-heading (its text runs to the next)
        under: list[str] = []
        seen: set[str] = set()  # label paragraphs read so far
        leading: set[str] = set()  # labels first met right after unlabelled text

        def flush() -> None:
            nonlocal label, under
            if label is not None:
                self.pair(label[0], "\n".join(under), label[1], label[2], label[3])
            label, under = None, []

        i = 0
        while i < len(blocks):
            block = blocks[i]
            if block.kind == BlockKind.HEADING and block.cue == SECTION_AGAIN:
                flush()  # the section's heading again: what follows is under no label
            elif block.kind == BlockKind.HEADING and block.cue == UNRECOGNISED:
                # A heading that names no section: a field's label perhaps ("VIEWS OF
                # THOSE SUPPORTING..."), so it is offered as the label of the running text
                # under it, which is still read as it is (a list of targets under
                # "Actions agreed" stays a list).
                flush()
                under_it = []
                for later in blocks[i + 1 :]:
                    if later.kind != BlockKind.PARAGRAPH:
                        break
                    under_it.append(later.text)
                if under_it:
                    self.pair(block.text, "\n".join(under_it), "heading-text", block.page, i)
            elif block.kind == BlockKind.HEADING:
                flush()
                found = figure_pair(block.text, self.vocab)
                if found is not None:  # a bold "Date of birth 02/03/2009": a pair, not a label
                    self.pair(*found, "inline-label", block.page, i, inline=True, joined=True)
                else:
                    label, from_heading = (block.text, "label-paragraph", block.page, i), True
            elif block.kind == BlockKind.TABLE and block.table is not None:
                over = label[0] if label is not None and not under else None
                if not under:
                    label = None  # a sub-heading over a table: the table holds the values
                flush()
                self.table(block.table, block.page, i, over or self._opening(blocks, i))
            elif block.kind == BlockKind.LABEL_VALUE:
                # A sub-heading right over a control whose own label is no known label
                # (a platform's tag, "Views of c"): the sub-heading is the form's label.
                over = label[0] if label is not None and not under else None
                if not under:
                    label = None
                flush()
                found = figure_pair(block.label or "", self.vocab) if not block.text else None
                if found is not None:  # the parser's label holds the value too
                    self.pair(*found, block.cue or "label-value", block.page, i, joined=True)
                else:
                    own = block.label or ""
                    if over and not self.vocab.is_label(own) and self.vocab.is_label(over):
                        own = over
                    value, i = self._continued(blocks, i)
                    self.pair(own, value, block.cue or "label-value", block.page, i)
            elif block.kind == BlockKind.CHECKBOX:
                i = self._checkbox_group(blocks, i, label)
                if label is not None and not under:
                    label = None  # the label was the group's question
                continue
            else:
                text = block.text.strip()
                pairs = inline_pairs(text, self.vocab)
                boxed = _checkbox_value(text) if not pairs else None
                restated = not pairs and not boxed and _restates(label, under, text)
                figured = (
                    figure_pair(text, self.vocab)
                    if not pairs and not boxed and not restated
                    else None
                )
                # "Current status  In education": the wide gap parts a known label from its
                # value, though the words together would read as one longer label.
                gapped = (
                    self._gap_pair(text, strict=True)
                    if not pairs and not boxed and not restated and figured is None
                    else None
                )
                if boxed is not None:
                    flush()
                    self.pair(boxed[0], boxed[1], "checkbox", block.page, i)
                elif gapped is not None:
                    flush()
                    self.pair(gapped[0], gapped[1], "gap", block.page, i, inline=True)
                    self.out.paragraphs.append(Paragraph(block.text, block.page, i))
                elif figured is not None:
                    if not under:
                        label = None  # a sub-heading over a list of "Label 12/03/2026" lines
                    flush()
                    self.pair(*figured, "inline-label", block.page, i, inline=True, joined=True)
                    self.out.paragraphs.append(Paragraph(block.text, block.page, i))
                elif (
                    not restated
                    and _label_like(text, self.vocab, strict=True)
                    and (not pairs or (len(pairs) == 1 and not pairs[0][1]))
                    and self._value_follows(blocks, i)
                ):
                    flush()
                    label = (text.rstrip(":").strip(), "label-paragraph", block.page, i)
                    from_heading = False
                    if normalise_label(label[0]) not in seen and self._after_free_text(i):
                        leading.add(normalise_label(label[0]))
                    seen.add(normalise_label(label[0]))
                    self.out.paragraphs.append(Paragraph(text, block.page, i, is_prompt=True))
                elif (
                    label is not None
                    and not from_heading
                    and under
                    and not pairs
                    and _short_line(text)
                    and self._value_follows(blocks, i)
                ):
                    # after a label's value, a short bare line is the next (unknown) label
                    flush()
                    label = (text, "label-paragraph", block.page, i)
                    self.out.paragraphs.append(Paragraph(text, block.page, i, is_prompt=True))
                elif not pairs and not restated and (gap := self._gap_pair(text)) is not None:
                    flush()
                    self.pair(gap[0], gap[1], "gap", block.page, i, inline=True)
                    self.out.paragraphs.append(Paragraph(block.text, block.page, i))
                else:
                    if from_heading and not under and self._labelled_lines(blocks, i, pairs):
                        label = None  # a sub-heading over labelled lines ("Target 1"): a title
                    elif not from_heading and not under and self._field_line(text, pairs):
                        flush()  # "How?:" then "Who?: College": the label above is empty
                    elif not from_heading and not under and self._restarts(blocks, i, leading):
                        flush()  # the text of the next record, not the last label's value
                    for lab, value in pairs:
                        self.pair(lab, value, "inline-label", block.page, i, inline=True)
                    if label is not None:
                        under.append(block.text)
                    self.out.paragraphs.append(
                        Paragraph(block.text, block.page, i, under=label[0] if label else None)
                    )
            i += 1
        flush()

    def _continued(self, blocks: list[Block], i: int) -> tuple[str, int]:
        """A label-value block's value with the lines it wraps onto (a PDF value that runs
        past its line continues in the next paragraph until a sentence ends)."""
        parts = [blocks[i].text]
        if blocks[i].cue == "content-control":
            return parts[0], i  # a Word control holds its whole value
        while i + 1 < len(blocks) and blocks[i + 1].kind == BlockKind.PARAGRAPH:
            text = blocks[i + 1].text.strip()
            if not parts[-1] or re.search(r"[.!?]\s*$", parts[-1]) or not text:
                break
            if _label_like(text, self.vocab) or inline_pairs(text, self.vocab):
                break
            if _checkbox_value(text) is not None:
                break  # "Wellbeing rating ☐ Red ☒ Green" is a question of its own
            parts.append(text)
            i += 1
        return " ".join(parts), i

    def _gap_pair(self, text: str, strict: bool = False) -> tuple[str, str] | None:
        return gap_pair(text, self.vocab, strict)

    def _after_free_text(self, i: int) -> bool:
        """Whether the block before `i` was running text under no label."""
        last = self.out.paragraphs[-1] if self.out.paragraphs else None
        return (
            last is not None and last.block == i - 1 and not last.is_prompt and last.under is None
        )

    def _restarts(self, blocks: list[Block], i: int, leading: set[str]) -> bool:
        """Whether the paragraph after `i` is a label that first came right after unlabelled
        text: records of unlabelled text, then labels ("Read daily." / "How?:" / ...
        "Progress:" / "Write more." / "How?:"), so the text at `i` starts the next record."""
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None or nxt.kind != BlockKind.PARAGRAPH:
            return False
        text = nxt.text.strip()
        return text.endswith(":") and normalise_label(text.rstrip(":")) in leading

    def _field_line(self, text: str, pairs: list[tuple[str, str]]) -> bool:
        """Whether `text` is a field of its own: it starts with a known label and a value."""
        if not pairs or not pairs[0][1] or not text.startswith(pairs[0][0]):
            return False
        words = pairs[0][0].split()
        # "Carer email: ..." after an empty "Carer phone:": a known label after a qualifier
        return any(
            self.vocab.is_label(tail) or self.vocab.is_column(tail)
            for tail in (" ".join(words[start:]) for start in range(min(len(words), 3)))
        )

    def _labelled_lines(self, blocks: list[Block], i: int, pairs: list[tuple[str, str]]) -> bool:
        """Whether the paragraph at `i` starts a run of "Label: value" lines (two labels or
        more, the first a known one): the heading above them titles a group of fields."""
        if not pairs or not (self.vocab.is_label(pairs[0][0]) or self.vocab.is_column(pairs[0][0])):
            return False
        if len(pairs) > 1:
            return True
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        return (
            nxt is not None
            and nxt.kind == BlockKind.PARAGRAPH
            and bool(inline_pairs(nxt.text.strip(), self.vocab))
        )

    def _value_follows(self, blocks: list[Block], i: int) -> bool:
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        return nxt is not None and nxt.kind in (BlockKind.PARAGRAPH, BlockKind.CHECKBOX)

    def _checkbox_group(
        self, blocks: list[Block], i: int, label: tuple[str, str, int, int] | None
    ) -> int:
        group: list[Block] = []
        while i < len(blocks) and blocks[i].kind == BlockKind.CHECKBOX:
            group.append(blocks[i])
            i += 1
        if label is not None:
            ticked = [b.text for b in group if b.checked]
            self.pair(label[0], " ".join(ticked), "checkbox", label[2], label[3])
        else:
            for block in group:
                self.pair(block.text, "☒" if block.checked else "☐", "checkbox", block.page, i)
        return i


def read_pairs(
    blocks: list[Block],
    section: str | None,
    vocab: Vocabulary | None = None,
    heading: str | None = None,
) -> SectionReading:
    """Every label/value pair, header-row table and paragraph in `blocks`, the blocks of
    the section `section` headed `heading`."""
    words = vocab or NoVocabulary()
    reader = _Reader(section, words, heading)
    reader.blocks(unboxed(blocks, words))
    return reader.out


def unboxed(blocks: list[Block], vocab: Vocabulary) -> list[Block]:
    """Each table of one column read as the text it holds: a bordered box round the
    child's views is running text, and a form that stacks each label over its answer
    (rows merged across the table, perhaps under a title row) is labels and answers, as
    if they were label paragraphs and the text under them. Any other table is kept."""
    out: list[Block] = []
    skip = 0
    for at, block in enumerate(blocks):
        if skip:
            skip -= 1
            continue
        if block.kind == BlockKind.TABLE and _fills_labels_above(out, block, vocab):
            continue  # its one row held the answers of the labels above it
        rows = _one_column(block.table) if block.kind == BlockKind.TABLE else None
        if rows is None:
            out.append(block)
            continue
        beside = _answers_beside(rows, blocks[at + 1 :], vocab)
        if beside:
            # A column of labels in boxes, each answer printed beside its box, outside it:
            # the answers follow the table, one a label, in order. A last label with no
            # answer (a section's band swept into the column) stays a heading.
            labels = [r for r in rows if r]
            for asked, answer in zip(labels, blocks[at + 1 : at + 1 + beside], strict=False):
                out.append(
                    Block(
                        kind=BlockKind.LABEL_VALUE,
                        label=asked,
                        text=answer.text,
                        page=answer.page,
                        cue="beside",
                    )
                )
            out += [
                Block(kind=BlockKind.HEADING, text=text, page=block.page, cue="stacked")
                for text in labels[beside:]
            ]
            skip = beside
            continue
        start = _stacked_from(rows, vocab)
        for n, text in enumerate(rows):
            label = start is not None and n >= start and (n - start) % 2 == 0
            if label:  # a label: its answer, if any, is the row under it
                out.append(Block(kind=BlockKind.HEADING, text=text, page=block.page, cue="stacked"))
            elif text:
                out.append(Block(kind=BlockKind.PARAGRAPH, text=text, page=block.page))
    return out


def _fills_labels_above(out: list[Block], block: Block, vocab: Vocabulary) -> bool:
    """A table of one row right after labels set over blank boxes (a tight form whose
    last row of answer boxes was read as a table): as many answers as there are blank
    labels before it, none a label, are those labels' answers, in order. Fills them in
    `out` and says so; anything else is left as it is."""
    rows = block.table.rows if block.table else []
    if len(rows) != 1:
        return False
    cells = [c for c in rows[0] if c is not None]
    blank = 0
    for earlier in reversed(out):
        if earlier.kind != BlockKind.LABEL_VALUE or earlier.text or earlier.cue != "label-above":
            break
        blank += 1
    if not cells or blank != len(cells):
        return False
    if not all(c.strip() and not _label_like(c, vocab) for c in cells):
        return False
    start = len(out) - blank
    for n, cell in enumerate(cells):
        out[start + n] = out[start + n].model_copy(update={"text": cell.strip()})
    return True


def _answers_beside(rows: list[str], after: list[Block], vocab: Vocabulary) -> int:
    """How many of the paragraphs after a one-column table are the answers of its rows,
    when its rows are labels (three or more, half of them known ones, none a sentence)
    and as many paragraphs follow, none of them a label (or one fewer: the last row a
    heading the column took in); else 0."""
    labels = [r for r in rows if r]
    known = sum(_label_like(r, vocab) for r in labels)
    if len(labels) < 3 or known * 2 < len(labels) or not all(map(_short_line, labels)):
        return 0
    answers = 0
    for block in after[: len(labels)]:
        if block.kind != BlockKind.PARAGRAPH or not block.text.strip():
            break
        if _label_like(block.text, vocab) or inline_pairs(block.text, vocab):
            break
        answers += 1
    return answers if answers >= max(len(labels) - 1, 3) else 0


def _one_column(table: Table | None) -> list[str] | None:
    """The text of each row ("" for an empty one) of a table whose every row holds one
    cell (merged cells are one), or None for any other table or one with no text."""
    if table is None:
        return None
    rows: list[str] = []
    for row in table.rows:
        cells = [c for c in row if c is not None]
        if len(cells) > 1:
            return None
        rows.append(cells[0].strip() if cells else "")
    return rows if any(rows) else None


def _stacked_from(rows: list[str], vocab: Vocabulary) -> int | None:
    """Where the rows start to go label, answer, label, answer (0, or 1 under a title
    row): every label row reads as a label or is a few words with no sentence ending,
    three in four at least read as labels, and some answer does not. None for a box of
    text (a list of short views is not labels and answers)."""
    for start in (0, 1):
        body = rows[start:]
        if len(body) < 2 or len(body) % 2:
            continue
        labels, answers = body[0::2], body[1::2]
        known = sum(_label_like(text, vocab) for text in labels)
        if (
            all(_label_like(text, vocab) or _short_line(text) for text in labels)
            and known * 4 >= len(labels) * 3
            and not all(_label_like(text, vocab) for text in answers if text)
        ):
            return start
    return None
