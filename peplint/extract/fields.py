"""The field engine: label/value pairs and tables of a sectioned document become `Pep`
values with provenance, by the field catalogue's vocabulary.

One pass for every scalar field: each pair's label is scored against the catalogue
(`Catalogue.matches`), the best-scoring (pair, field) matches are taken first, and a value
that does not parse to the field's type is not taken. Free-text fields fall back to their
section's own text. Tables with a header row are matched to a list field by their column
words; a few lines of code per list turn records into `Target`, `Subject`, `Attendee` and
`Contact` values. Which label means what lives in ``peplint/data/fields/*.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from peplint.extract import unlabelled
from peplint.extract import values as v
from peplint.extract.catalogue import MIN_SCORE, NO_SECTION, Catalogue, FieldSpec, Match
from peplint.extract.pairs import (
    Pair,
    RecordTable,
    SectionReading,
    figure_pair,
    is_empty_value,
    read_pairs,
)
from peplint.extract.sections import SectionedDocument
from peplint.extract.words import lemmas
from peplint.model.pep import FieldProvenance, TermName

TERMS: tuple[TermName, ...] = ("autumn", "spring", "summer")
PARSERS: dict[str, Callable[[str | None], Any]] = {
    "name": v.parse_name,
    "text": v.clean,
    "date": v.parse_date,
    "percent": v.parse_percent,
    "yes_no": v.parse_yes_no,
    "rag": v.parse_rag,
    "int": v.parse_year_group,
    "phone": v.parse_phone,
    "email": v.parse_email,
    "grade": v.normalise_grade,
    "progress": v.parse_progress,
}
# Sections whose labels are the Virtual School's own form, not the PEP's fields.
NOT_PEP_LABELS = {"vs_final_sign_off"}
ANSWER_WORDS = 4  # a table's answer that counts as a section's text: a phrase, not "Yes"
CONTEXT_REACH = 2  # matched labels on each side that tell which section a label sits in


_STAGE_LABEL = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){0,2}")  # "Key Stage", "Level"


def _names_a_stage(pair: Pair) -> bool:
    """Whether a free-text value is a bare number set straight after a short label's words,
    so the two are one name ("Key Stage 3", "Level 2"): the figure alone says less."""
    return pair.joined and bool(_STAGE_LABEL.fullmatch(pair.label)) and pair.value.isdigit()


def parse_value(spec: FieldSpec, text: str | None) -> Any:
    """`text` read as the field's value type, or `None` when it does not parse."""
    if spec.type == "option":
        return v.parse_option(text, spec.options)
    return PARSERS[spec.type](text)


@dataclass
class Extraction:
    """Field values by dotted path, where each came from, and the labels placed nowhere."""

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, FieldProvenance] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)

    def put(self, path: str, value: Any, prov: FieldProvenance) -> None:
        """Record a field's value and provenance."""
        self.values[path] = value
        self.provenance[path] = prov


def _prov(state: str, pair: Pair | None, match: Match | None) -> FieldProvenance:
    return FieldProvenance(
        state=state,  # type: ignore[arg-type]
        label=pair.label if pair else None,
        section=pair.section if pair else None,
        page=pair.page if pair else None,
        how=pair.how if pair else None,
        score=match.score if match else None,
    )


def _holds_a_table(reading: SectionReading) -> bool:
    """Whether a section holds a table with something in its rows (the subjects'
    results under an attainment heading): then a text field with no text there is not
    known to have had its place in it. Questions left unanswered are not such a table:
    they are the section found empty."""
    return any(any((cell or "").strip() for row in t.body for cell in row) for t in reading.tables)


class _Engine:
    def __init__(self, doc: SectionedDocument, catalogue: Catalogue) -> None:
        self.doc = doc
        self.cat = catalogue
        self.readings: list[SectionReading] = [read_pairs(doc.preamble, None, catalogue)] + [
            read_pairs(s.blocks, key, catalogue, s.heading) for key, s in doc.sections.items()
        ]
        self.out = Extraction()
        self.used: set[int] = set()  # ids of pairs taken by a field
        self.pairs = [p for r in self.readings for p in r.pairs]
        self._tables: dict[str, list[tuple[RecordTable, dict[int, str]]]] | None = None

    def taken(self) -> set[int]:
        """The ids of the pairs a field has taken."""
        return {id(self.pairs[i]) for i in self.used}

    # --- scalar fields ----------------------------------------------------------
    def scalars(self) -> None:
        candidates: list[tuple[float, int, Match]] = []
        found = [self.cat.matches(pair.label, pair.section) for pair in self.pairs]
        top = {i: matches[0] for i, matches in enumerate(found) if matches}
        for i, pair in enumerate(self.pairs):
            matches = found[i] or self._in_context(i, top)
            if matches:
                top[i] = matches[0]
            elif pair.section not in NOT_PEP_LABELS and len(pair.label) <= 80:
                self.out.unplaced.append(pair.label)
            candidates.extend((m.score, i, m) for m in matches)
        candidates.sort(key=lambda c: (-c[0], c[1]))
        empty: dict[str, tuple[Pair, Match]] = {}
        for _, i, match in candidates:
            if match.path in self.out.values or i in self.used:
                continue
            pair, spec = self.pairs[i], self.cat.fields[match.path]
            blank = is_empty_value(pair.value)
            value = None if blank else parse_value(spec, pair.value)
            if value is not None and spec.type == "text" and _names_a_stage(pair):
                value = v.clean(f"{pair.label} {pair.value}")
            if value is None:
                if (blank or self._stands_for_nothing(pair.value)) and top[i].path == match.path:
                    empty.setdefault(match.path, (pair, match))
                continue
            self.used.add(i)
            self.out.put(match.path, value, _prov("found", pair, match))
            if spec.type == "text":
                self._join_parts(i, match)
        for path, (pair, match) in empty.items():
            if path not in self.out.values:
                self.out.provenance[path] = _prov("empty", pair, match)

    def _join_parts(self, i: int, match: Match) -> None:
        """A text field whose label names several things ("Strengths and areas for
        development"), given in the document as separate labels, each with its own text
        ("Strengths" ..., "Areas for development" ...): pair `i` matched one part; the
        other parts' texts, in the same section and taken by no field, join it, each after
        its label, in document order."""
        pair = self.pairs[i]
        whole, own = frozenset(lemmas(match.label)), frozenset(lemmas(pair.label))
        if not own < whole:
            return
        parts = [(i, pair)]
        for j, other in enumerate(self.pairs):
            words = frozenset(lemmas(other.label))
            if (
                j in self.used
                or other.section != pair.section
                or not words
                or not words <= whole - own
                or is_empty_value(other.value)
                or self.cat.matches(other.label, other.section)
            ):
                continue
            parts.append((j, other))
            own |= words
        if len(parts) == 1:
            return
        parts.sort(key=lambda part: part[1].block)
        self.used.update(j for j, _ in parts)
        text = "\n".join(f"{p.label}: {p.value}" for _, p in parts)
        self.out.values[match.path] = v.clean(text)

    def _in_context(self, i: int, top: dict[int, Match]) -> list[Match]:
        """Matches for a label that means nothing in its own section, read in the section its
        neighbours belong to: a bare "Details" among SEN status, area of need and exam
        arrangements is the needs' details, though the heading above them ("Essential pupil
        information") opened another section or none."""
        pair = self.pairs[i]
        if pair.section in NOT_PEP_LABELS:
            return []
        near: list[str] = []
        for step in (-1, 1):
            j, taken = i + step, 0
            while 0 <= j < len(self.pairs) and self.pairs[j].section == pair.section:
                if j in top:
                    near.append(top[j].path)
                    taken += 1
                    if taken == CONTEXT_REACH:
                        break
                j += step
        if len(near) < 2:
            return []
        shared = set.intersection(*(set(self.cat.fields[p].sections) for p in near))
        shared.discard(pair.section or "")
        if len(shared) != 1:
            return []
        context = shared.pop()
        out = []
        for match in self.cat.matches(pair.label, context):
            score = round(match.score * NO_SECTION, 3)
            if context in self.cat.fields[match.path].sections and score >= MIN_SCORE:
                out.append(Match(match.path, match.label, score))
        return out

    def _stands_for_nothing(self, text: str) -> bool:
        """Whether a value that does not read as its field's type says the field is unfilled
        ("TBC", "Not known", "-"), rather than being another field's line that the label
        met ("Year group 12", "Phone: 01922 555 102") or text from further on."""
        return (
            len(text.split()) <= 4
            and "\n" not in text
            and ":" not in text
            and not self.cat.is_label(text)
            and figure_pair(text, self.cat) is None
            and not any(read(text) for read in (v.parse_date, v.parse_phone, v.parse_email))
        )

    def section_texts(self) -> None:
        for spec in self.cat.scalars():
            key = spec.section_text
            if key is None or spec.path in self.out.values:
                continue
            section = self.doc.sections.get(key)
            if section is None:
                continue
            reading = next(r for r in self.readings if r.section == key)
            text = self.free_text(reading)
            # No text of its own, but the section holds a table of other things: where
            # this field's text would go is not known, so it is not found, not empty.
            state = "found" if text else "not_found" if _holds_a_table(reading) else "empty"
            prov = FieldProvenance(
                state=state,  # type: ignore[arg-type]
                label=section.heading,
                section=key,
                page=section.page,
                how="section-text",
                score=section.score,
            )
            if text:
                self.out.values[spec.path] = text
                self.out.provenance[spec.path] = prov
            elif spec.path not in self.out.provenance:
                self.out.provenance[spec.path] = prov

    def free_text(self, reading: SectionReading) -> str | None:
        """A section's running text without form prompts or values placed in other fields."""
        key = reading.section
        placed = [p for i, p in enumerate(self.pairs) if i in self.used and p.section == key]
        placed_blocks = {p.block for p in placed if p.inline}
        placed_labels = {p.label for p in placed if p.how == "label-paragraph"}
        lines = [
            p.text
            for p in reading.paragraphs
            if not p.is_prompt
            and p.block not in placed_blocks
            and (p.under is None or " ".join(p.under.split()) not in placed_labels)
        ]
        lines = lines or self._answers_left(reading)
        return v.clean("\n".join(lines)) if lines else None

    def _answers_left(self, reading: SectionReading) -> list[str]:
        """A section with no running text of its own: the answers of its tables that no
        field took, in document order ("What do you enjoy at school? | I like English
        best..."): what the section says, so it is not "empty". Only answers of running
        text count (ANSWER_WORDS words or more), not a header row or a "Yes"."""
        taken = self.taken()
        answers = [
            pair.value
            for pair in sorted(reading.pairs, key=lambda p: p.block)
            if id(pair) not in taken and len(pair.value.split()) >= ANSWER_WORDS
        ]
        listed = {id(t) for tables in self.tables().values() for t, _ in tables}
        for table in reading.tables:
            if id(table) not in listed:
                answers += [
                    cell
                    for row in table.body
                    for cell in row
                    if cell and len(cell.split()) >= ANSWER_WORDS
                ]
        return list(dict.fromkeys(answers))

    def fill_shared(self) -> None:
        """A value stated once that applies to other fields too (one next PEP date)."""
        for spec in self.cat.scalars():
            if spec.path in self.out.provenance:
                continue
            source = next((p for p in spec.fill_from if p in self.out.values), None)
            if source is not None:
                prov = self.out.provenance[source].model_copy(update={"how": "derived"})
                self.out.put(spec.path, self.out.values[source], prov)

    # --- list fields --------------------------------------------------------------
    def tables(self) -> dict[str, list[tuple[RecordTable, dict[int, str]]]]:
        """Each header-row table matched to the list field whose columns it names best."""
        if self._tables is None:
            self._tables = self._match_tables()
        return self._tables

    def _match_tables(self) -> dict[str, list[tuple[RecordTable, dict[int, str]]]]:
        out: dict[str, list[tuple[RecordTable, dict[int, str]]]] = {}
        for reading in self.readings:
            for table in reading.tables:
                best: tuple[int, FieldSpec, dict[int, str]] | None = None
                for spec in self.cat.lists():
                    columns = self._columns(table.header, spec)
                    if not all(r in columns.values() for r in spec.requires):
                        continue
                    if self._names_other_fields(table.header, columns):
                        continue
                    score = len(set(columns.values())) + (
                        2 if table.section in spec.sections else 0
                    )
                    if best is None or score > best[0]:
                        best = (score, spec, columns)
                if best is not None:
                    out.setdefault(best[1].path, []).append((table, best[2]))
        return out

    def _names_other_fields(self, header: list[str], columns: dict[int, str]) -> bool:
        """Whether more of a header's cells name fields of their own (labels, not any
        list's columns) than name the list's columns: "Name | Date of birth | Year group
        | Date entered care" is the child's details over their values, not a contacts
        table that happens to have a "Name" column."""
        own = sum(
            1
            for i, cell in enumerate(header)
            if cell
            and i not in columns
            and self.cat.is_label(cell, strict=True)
            and not self.cat.is_column(cell)
        )
        return own > len(columns)

    def _columns(self, header: list[str], spec: FieldSpec) -> dict[int, str]:
        chosen: dict[str, tuple[float, int]] = {}
        for i, name in enumerate(header):
            match = self.cat.column(name, spec.columns) if name else None
            if match is None:
                continue
            column = match.path.rsplit(".", 1)[-1]
            if column not in chosen or match.score > chosen[column][0]:
                chosen[column] = (match.score, i)
        return {i: column for column, (_, i) in chosen.items()}


def records(table: RecordTable, columns: dict[int, str]) -> list[dict[str, str]]:
    """The body rows of a table as column name -> cell text (merged cells left out)."""
    out = []
    for row in table.body:
        record = {
            columns[i]: (cell or "").strip()
            for i, cell in enumerate(row)
            if i in columns and cell is not None
        }
        out.append(record)
    return out


def extract(doc: SectionedDocument, catalogue: Catalogue) -> tuple[_Engine, Extraction]:
    """Run the scalar pass, the label-less values (`unlabelled`), the free-text fallback
    and the shared values."""
    engine = _Engine(doc, catalogue)
    engine.scalars()
    unlabelled.assign({k: s.blocks for k, s in doc.sections.items()}, catalogue, engine.out)
    engine.section_texts()
    engine.fill_shared()
    return engine, engine.out


# --- subjects: termly results under grouped headers ------------------------------------

# Platform noise around a subject name: "Other (please specify) History 2023-10-20 14:22:22".
_SUBJECT_NOISE = re.compile(
    r"(?i)^other\s*\(please specify\)\s*"
    r"|\s*\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}(\s+\d{1,2}\s*:\s*\d{2}(\s*:\s*\d{2})?)?\s*$"
)
INTERVENTION_ROW = re.compile(r"(?i)^what intervention")


def subject_name(raw: str) -> str:
    """A subject name without platform noise."""
    return " ".join(_SUBJECT_NOISE.sub("", raw.replace("\n", " ")).split())


def term_cells(header: list[str], row: list[str | None], term: TermName) -> dict[str, str]:
    """The cells of one term's columns ("autumn on track...", "autumn grade"...)."""
    return {
        h: (c or "").strip()
        for h, c in zip(header, row, strict=False)
        if c is not None and h.startswith(term)
    }


def term_from_cell(cell: str) -> dict[str, str]:
    """ "Working at: 4 / Progress: Below expected / On track: No" in one cell."""
    return {
        k.strip().lower(): val.strip()
        for k, val in re.findall(r"(?m)^\s*([A-Za-z ]{2,24}):\s*(.*)$", cell)
    }
