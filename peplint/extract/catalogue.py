"""The field catalogue: which label means which `Pep` field, read from data.

Each file in ``peplint/data/fields/`` describes one family of fields: for every dotted
field path its value type, the sections it is expected in, and its label vocabulary
(``labels`` count anywhere, ``bare`` labels such as "Phone" only in the sections listed
in ``bare_in``; ``not`` words rule a label out). A date field's ``before`` lists the date
fields it precedes, ``absent_when`` the values of other fields that mean it has none, and
a text field's ``values`` are phrases that name one of its values ("cognition and
learning"). List fields (``records``) list the column vocabulary of their
tables; a column's ``implied_by`` labels, over a table without that column, give each of
its rows the value yes ("Attendees" over a list of names), unless an ``implied_not`` word
is there too. This module loads the files and scores a document's label against them; it holds
no label itself. A pack extends the vocabulary with ``field_aliases`` (dotted path ->
extra labels).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from peplint import yaml_load
from peplint.extract.words import lemmas

MIN_SCORE = 0.6  # a label scoring lower is not taken as the field's label
OFF_SECTION = 0.75  # a label read in a section the field is not expected in
NO_SECTION = 0.9
# List fields read from one family of tables: carers are rows of contact tables.
LIST_NAMES = {"carers": "contacts"}
CACHE_LIMIT = 20000  # label matches remembered per catalogue (labels repeat across exports)  # a label read before the first section or under an unknown heading
VALUE_TYPES = {
    "name",
    "text",
    "date",
    "percent",
    "yes_no",
    "rag",
    "int",
    "option",
    "phone",
    "email",
    "grade",
    "progress",
}


@dataclass(frozen=True)
class Label:
    """One vocabulary label: its words as written and as lemmas."""

    text: str
    words: frozenset[str]
    bare: bool = False  # counts only in the field's `bare_in` sections


@dataclass
class FieldSpec:
    """One field of the catalogue."""

    path: str
    type: str
    sections: tuple[str, ...]
    labels: list[Label]
    bare_in: tuple[str, ...] = ()
    not_words: frozenset[str] = frozenset()
    options: dict[str, tuple[str, ...]] = field(default_factory=dict)
    section_text: str | None = None  # free text: the section's own text when no label
    fill_from: tuple[str, ...] = ()  # stated once, applies here too ("next PEP date")
    before: tuple[str, ...] = ()  # dates: this field's date precedes those fields' dates
    # Values of other fields that say this one has none (an initial PEP has no previous PEP).
    absent_when: dict[str, str] = field(default_factory=dict)
    # Free text: phrases that name a value of the field ("cognition and learning" for an
    # area of need), so a line holding one is that field's value with no label.
    values: tuple[str, ...] = ()
    family: str = ""  # the data file it came from
    columns: dict[str, FieldSpec] = field(default_factory=dict)  # list fields: their columns
    requires: tuple[str, ...] = ()  # list fields: columns a table must have
    # A column: labels over a list (its heading, or its first column's header) that say
    # what this column would, for a table without it ("Attendees" over "Name | Role":
    # everyone listed attended), unless one of the `implied_not` words is there too.
    implied_by: list[Label] = field(default_factory=list)
    implied_not: frozenset[str] = frozenset()

    def implied(self, text: str | None) -> bool:
        """Whether `text`, over a table without this column, gives each row its value."""
        words = frozenset(lemmas(text or ""))
        if not words or words & self.implied_not:
            return False
        return any(label.words and label.words <= words for label in self.implied_by)


@dataclass(frozen=True)
class Match:
    """A document label matched to a field, with the label it matched and the score."""

    path: str
    label: str
    score: float


def _labels(raw: list[str] | None, bare: bool = False) -> list[Label]:
    out = []
    for text in raw or []:
        words = frozenset(lemmas(str(text)))
        if words:
            out.append(Label(str(text), words, bare))
    return out


def _spec(path: str, entry: dict[str, object], family: str) -> FieldSpec:
    kind = str(entry.get("type", "text"))
    if kind not in VALUE_TYPES:
        raise ValueError(f"fields/{family}.yaml: {path}: unknown type {kind!r}")
    raw_options = entry.get("options") or {}
    assert isinstance(raw_options, dict)
    columns = entry.get("columns") or {}
    assert isinstance(columns, dict)
    return FieldSpec(
        path=path,
        type=kind,
        sections=tuple(entry.get("sections") or ()),  # type: ignore[arg-type]
        labels=_labels(entry.get("labels"))  # type: ignore[arg-type]
        + _labels(entry.get("bare"), bare=True),  # type: ignore[arg-type]
        bare_in=tuple(entry.get("bare_in") or entry.get("sections") or ()),  # type: ignore[arg-type]
        not_words=frozenset(w for t in entry.get("not") or () for w in lemmas(str(t))),  # type: ignore[attr-defined]
        options={str(k): tuple(str(w) for w in v) for k, v in raw_options.items()},
        section_text=entry.get("section_text"),  # type: ignore[arg-type]
        fill_from=tuple(entry.get("fill_from") or ()),  # type: ignore[arg-type]
        before=tuple(entry.get("before") or ()),  # type: ignore[arg-type]
        absent_when={str(k): str(w) for k, w in (entry.get("absent_when") or {}).items()},  # type: ignore[attr-defined]
        values=tuple(_plain(str(v)) for v in entry.get("values") or ()),  # type: ignore[attr-defined]
        family=family,
        columns={str(k): _spec(f"{path}[].{k}", v, family) for k, v in columns.items()},
        requires=tuple(entry.get("requires") or ()),  # type: ignore[arg-type]
        implied_by=_labels(entry.get("implied_by")),  # type: ignore[arg-type]
        implied_not=frozenset(
            w
            for t in entry.get("implied_not") or ()  # type: ignore[attr-defined]
            for w in lemmas(str(t))
        ),
    )


@lru_cache(maxsize=1)
def builtin_fields() -> tuple[FieldSpec, ...]:
    """Every field of the built-in data files, in file and then entry order."""
    folder = resources.files("peplint.data").joinpath("fields")
    out: list[FieldSpec] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        family = item.name.removesuffix(".yaml")
        raw = yaml_load.safe_load(item.read_text("utf-8")) or {}
        for path, entry in raw.items():
            out.append(_spec(str(path), entry, family))
    return tuple(out)


def _plain(text: str) -> str:
    """Text lower-cased, with every run of non-letters and non-figures one space."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _phrases(values: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a field's value phrases, each whole words (a plural allowed)."""
    if not values:
        return None
    parts = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{parts})s?(?![a-z0-9])")


def score_label(doc_words: frozenset[str], label: Label) -> float:
    """How well a document label's words fit a vocabulary label (0..1): mostly how much of
    the vocabulary label is present, partly how little else the document label says."""
    common = len(doc_words & label.words)
    if not common:
        return 0.0
    recall = common / len(label.words)
    precision = common / len(doc_words)
    score = 0.65 * recall + 0.35 * precision
    if recall < 1.0:
        score *= 0.85  # some of the label's words are missing
    return score


def _copy(spec: FieldSpec) -> FieldSpec:
    """A copy whose label lists (its columns' too) can be extended without touching `spec`."""
    columns = {name: _copy(column) for name, column in spec.columns.items()}
    return FieldSpec(**{**spec.__dict__, "labels": list(spec.labels), "columns": columns})


@lru_cache(maxsize=1)
def builtin_catalogue() -> Catalogue:
    """The catalogue of the built-in data alone, built once (its match cache is shared)."""
    return Catalogue()


def catalogue_for(field_aliases: dict[str, list[str]] | None) -> Catalogue:
    """The built-in catalogue, or a fresh one extended by a pack's field labels."""
    return Catalogue(field_aliases) if field_aliases else builtin_catalogue()


# A text that names a list column this closely, in at most this many words, is its label.
PART_SCORE = 0.9
PART_WORDS = 6


class Catalogue:
    """The field vocabulary (built-in data plus a pack's labels) and the label matcher."""

    @cached_property
    def contacts(self) -> tuple[str, ...]:
        """The contacts among the fields: path prefixes with a name and a phone field."""
        prefixes = {p.rsplit(".", 1)[0] for p in self.fields if p.count(".") == 1}
        return tuple(
            sorted(
                p for p in prefixes if f"{p}.name" in self.fields and f"{p}.phone" in self.fields
            )
        )

    def __init__(self, field_aliases: dict[str, list[str]] | None = None) -> None:
        self.fields: dict[str, FieldSpec] = {}
        for spec in builtin_fields():
            self.fields[spec.path] = _copy(spec)
        for path, extra in (field_aliases or {}).items():
            target = self._lookup(path)
            if target is not None:
                target.labels.extend(_labels(extra))
        self._index: dict[str, list[tuple[FieldSpec, Label]]] = defaultdict(list)
        for spec in self.scalars():
            for label in spec.labels:
                for word in label.words:
                    self._index[word].append((spec, label))
        self._matches: dict[tuple[str, str | None], list[Match]] = {}
        self._column_cache: dict[tuple[str, int], Match | None] = {}
        self._is_column: dict[str, bool] = {}
        self._is_label: dict[tuple[str, bool], bool] = {}
        self._named = [
            (spec.path, pattern)
            for spec in self.scalars()
            if (pattern := _phrases(spec.values)) is not None
        ]
        self._columns: dict[str, list[tuple[FieldSpec, Label]]] = defaultdict(list)
        for spec in self.lists():
            for column in spec.columns.values():
                for label in column.labels:
                    for word in label.words:
                        self._columns[word].append((column, label))

    def _lookup(self, path: str) -> FieldSpec | None:
        """The field, or the list column ("targets[].who", "carers[].phone"), at `path`."""
        if path in self.fields:
            return self.fields[path]
        plain = path.replace("[]", "")
        for spec in self.lists():
            names = {spec.path} | {k for k, v in LIST_NAMES.items() if v == spec.path}
            for name in names:
                if plain.startswith(name + "."):
                    return spec.columns.get(plain[len(name) + 1 :])
        return None

    def named(self, text: str) -> list[str]:
        """The fields one of whose value phrases `text` starts with (`FieldSpec.values`)."""
        plain = _plain(text)
        return [path for path, pattern in self._named if pattern.match(plain)]

    def scalars(self) -> list[FieldSpec]:
        """Fields read from one labelled value."""
        return [f for f in self.fields.values() if not f.columns]

    def lists(self) -> list[FieldSpec]:
        """Fields read from tables of records (targets, carers...)."""
        return [f for f in self.fields.values() if f.columns]

    def matches(self, label: str, section: str | None) -> list[Match]:
        """Every field whose vocabulary fits `label` read in `section`, best first."""
        key = (label, section)
        cached = self._matches.get(key)
        if cached is None:
            if len(self._matches) > CACHE_LIMIT:
                self._matches.clear()
            cached = self._matches[key] = self._score_fields(label, section)
        return cached

    def _score_fields(self, label: str, section: str | None) -> list[Match]:
        words = frozenset(lemmas(label))
        if not words:
            return []
        best: dict[str, Match] = {}
        seen: set[int] = set()
        for word in words:
            for spec, vocab in self._index.get(word, ()):
                if id(vocab) in seen:
                    continue
                seen.add(id(vocab))
                if vocab.bare and section not in spec.bare_in:
                    continue
                if spec.not_words & (words - vocab.words):
                    continue
                score = score_label(words, vocab)
                if section is None:
                    score *= NO_SECTION
                elif section not in spec.sections:
                    score *= OFF_SECTION
                score = round(score, 3)
                if score >= MIN_SCORE and (spec.path not in best or score > best[spec.path].score):
                    best[spec.path] = Match(spec.path, vocab.text, score)
        order = {p: i for i, p in enumerate(self.fields)}
        return sorted(best.values(), key=lambda m: (-m.score, order[m.path]))

    def column(self, header: str, columns: dict[str, FieldSpec]) -> Match | None:
        """The column of a list field that a table header names, if any."""
        key = (header, id(columns))
        if key not in self._column_cache:
            if len(self._column_cache) > CACHE_LIMIT:
                self._column_cache.clear()
            self._column_cache[key] = self._score_columns(header, columns)
        return self._column_cache[key]

    def _score_columns(self, header: str, columns: dict[str, FieldSpec]) -> Match | None:
        words = frozenset(lemmas(header))
        best: Match | None = None
        for spec in columns.values():
            for vocab in spec.labels:
                if spec.not_words & (words - vocab.words):
                    continue
                score = score_label(words, vocab) if words else 0.0
                if score >= MIN_SCORE and (best is None or score > best.score):
                    best = Match(spec.path, vocab.text, round(score, 3))
        return best

    def part_label(self, text: str, list_path: str) -> str | None:
        """The column of list field `list_path` that `text` only names ("Who is
        responsible" -> "targets[].who", "Target 2" -> "targets[].text"), else None: a
        short line, not a sentence, that a column's label matches closely. Such a text is
        the form's label for a part of a record, never a record's value."""
        spec = self.fields.get(list_path)
        line = " ".join(text.split())
        if spec is None or not line or "\n" in text.strip() or len(line.split()) > PART_WORDS:
            return None
        if line.endswith((".", "!")):
            return None
        match = self.column(line, spec.columns)
        return match.path if match is not None and match.score >= PART_SCORE else None

    # --- the reader's Vocabulary ------------------------------------------------
    def is_part_label(self, text: str) -> bool:
        """Whether `text` closely names a part of a record of some list field."""
        return any(
            self.part_label(text, path) is not None
            for path, spec in self.fields.items()
            if spec.columns
        )

    def is_label(self, text: str, strict: bool = False) -> bool:
        """Whether `text` reads as some field's label (anywhere); `strict` asks for a
        closer match, for a line that has nothing but its words to show it is a label."""
        key = (text, strict)
        cached = self._is_label.get(key)
        if cached is None:
            if len(self._is_label) > CACHE_LIMIT:
                self._is_label.clear()
            cached = self._is_label[key] = self._label_like(text, strict)
        return cached

    def _label_like(self, text: str, strict: bool) -> bool:
        matches = self.matches(text, None)
        if matches and matches[0].score >= (0.8 if strict else 0.75):
            return True
        words = frozenset(lemmas(text))  # a list field's label ("Who will help", "By when")
        return len(words) > 1 and any(
            score_label(words, vocab) >= 0.9
            for word in words
            for _, vocab in self._columns.get(word, ())
        )

    def is_column(self, text: str) -> bool:
        """Whether `text` reads as the column header of some list field."""
        cached = self._is_column.get(text)
        if cached is None:
            words = frozenset(lemmas(text))
            cached = any(
                score_label(words, vocab) >= 0.9
                for word in words
                for _, vocab in self._columns.get(word, ())
            )
            if len(self._is_column) > CACHE_LIMIT:
                self._is_column.clear()
            self._is_column[text] = cached
        return cached
