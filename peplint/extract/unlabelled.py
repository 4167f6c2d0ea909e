"""Values with no label at all, read by their type and their place.

Some forms print a value and nothing else: a Word content control whose only label is its
title (metadata, never printed) becomes "Jamie Rowe / 02/03/2009 / Year 12" under "Pupil
details". A QA officer still reads them: a line that is wholly a date, a percentage, an
email, a phone number, a year group, a person's name, a role or an organisation, in a
section that expects one not-yet-found field of that type, is that field. This stage runs
after the labelled fields are read and only fills fields still missing:

- a line is a value only when the whole line is one (never a sentence, never a label);
- a run of value lines is one group (a contact: name, role, phone, email, organisation);
  the group belongs to a contact when it holds the contact's role ("Social worker", the
  catalogue's label of that contact's name) or sits under a heading naming it, or when
  the contact is the only person the section expects; a contact's fields are never filled
  from a group that is not theirs, nor the young person's from a contact's group;
- a value right after a label that is not its own (a label paragraph or sub-heading over
  one line) is that label's value, not label-less, and is left alone;
- a line a field's value phrases name (catalogue ``values``: "Cognition and learning",
  "A levels: History, Art") is that field's value on its own, when no other line is;
- a run right after a line holding an off-section field's label and value ("Type of PEP
  ☐ Initial ☒ Review" among the pupil's details) may also hold that field's family's,
  though that weaker place only ever counts when dates are weighed by their order;
- a value goes to the only not-yet-found field of its type the section expects, or, for
  dates, by meaning: a date of birth is the earliest date and gives a school age, a
  "next" date is later than the other date it is read with; groups are read until
  nothing changes, so a field filled in one section stops competing in another;
- dates still undecided are weighed together by the catalogue's order (``before``: the
  previous PEP precedes the meeting), and taken only where exactly one way fits; no
  date is ever given a field against that order; anything else stays unread.

Every value taken is recorded with `how="type-and-place"` and a low score (`SCORE`), no
label, so the report shows it was not read from a label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peplint.extract import values as v
from peplint.extract.catalogue import MIN_SCORE, Catalogue, FieldSpec
from peplint.extract.pairs import GLYPHS, PLACEHOLDERS, figure_pair, gap_pair, inline_pairs
from peplint.extract.words import lemmas
from peplint.model.document import Block, BlockKind
from peplint.model.pep import TYPE_AND_PLACE, FieldProvenance

if TYPE_CHECKING:
    from peplint.extract.fields import Extraction

HOW = TYPE_AND_PLACE
SCORE = 0.5  # below any label match (MIN_SCORE is 0.6): a guess from type and place
# Words that make a short capitalised line an organisation rather than a person.
ORGANISATION_WORDS = frozenset(
    lemmas(
        "council trust school academy college authority borough county service services "
        "centre center university nursery federation partnership agency department team"
    )
)
# Words of a field's labels that make a name field an organisation's (the school's name,
# the social worker's team or authority), read from the catalogue.
_ORG_LABEL_WORDS = frozenset(lemmas("school setting college authority organisation team provider"))
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?"
_NAME_WORD = r"[A-Z][A-Za-z'’\-]*[a-z][A-Za-z'’\-]*"
_PERSON = re.compile(rf"^(?:{_TITLE}\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")
_ORG_WORD = r"(?:[A-Z][A-Za-z'’\-.]*|of|the|and|&|for|St\.?)"
_ORGANISATION = re.compile(rf"^{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,7}}$")
_PERCENT = re.compile(r"^\d{1,3}(?:\.\d{1,2})?\s?%$")
_EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")
_PHONE = re.compile(r"^\+?[\d()][\d\s()\-]{5,}\d$")
_YEAR = re.compile(r"(?i)^(?:year|yr|ncy|nc\s+year)\s*(\d{1,2})$")
NAMED = "named:"  # the kind of a line a field's value phrases name: "named:<path>"
NAMED_WORDS = 12  # a named value is a short line, not running text
# What a contact's group says about the contact (a date or a year group is not theirs).
CONTACT_KINDS = frozenset({"person", "phone", "email", "organisation"})
# A school year N is reached at about age N + 5; a PEP covers ages 2 to 25.
SCHOOL_AGE = (2, 25)
YEAR_AGE_SLACK = 2


@dataclass(frozen=True)
class Value:
    """One line that is wholly a value: its kind, its text, what it reads as."""

    kind: str  # date, percent, email, phone, year, person, role, organisation, placeholder
    text: str
    value: Any
    page: int
    block: int


@dataclass
class Group:
    """A run of value lines in one section, and the contact it belongs to (if any)."""

    section: str
    values: list[Value] = field(default_factory=list)
    person: str | None = None  # a contact's path prefix ("social_worker")
    # Sections of the labelled field right above the run, when that field belongs elsewhere
    # ("Type of PEP ☐ Initial ☒ Review" in the pupil's details): the run may be its family's.
    context: tuple[str, ...] = ()


def classify(text: str, cat: Catalogue) -> Value | None:
    """The value a whole line is, or `None` for a line that is not wholly one value."""
    line = " ".join(text.split())
    if not line or len(line) > 80 or any(c in GLYPHS for c in line):
        return None
    if PLACEHOLDERS.match(line):
        return Value("placeholder", line, None, 0, -1)
    if _PERCENT.match(line):
        return Value("percent", line, v.parse_percent(line), 0, -1)
    if _EMAIL.match(line):
        return Value("email", line, line, 0, -1)
    match = v.DATE_PATTERN.fullmatch(line)
    if match is not None:
        date = v.parse_date(line)
        return Value("date", line, date, 0, -1) if date is not None else None
    if _PHONE.match(line) and sum(c.isdigit() for c in line) >= 9:
        return Value("phone", line, line, 0, -1)
    year = _YEAR.match(line)
    if year is not None and 0 <= int(year.group(1)) <= 14:
        return Value("year", line, int(year.group(1)), 0, -1)
    role = role_of(line, cat)
    if role is not None:
        return Value("role", line, role, 0, -1)
    if ":" in line or cat.is_label(line):
        # a label, not a value, unless its head names a value ("A levels: History, Art")
        named = _named(line, cat) if ":" in line else None
        return None if named is None else Value(f"{NAMED}{named}", line, line, 0, -1)
    words = frozenset(lemmas(line))
    if _ORGANISATION.match(line) and words & ORGANISATION_WORDS:
        return Value("organisation", line, line, 0, -1)
    if _PERSON.match(line) and v.parse_name(line) is not None:
        return Value("person", line, line, 0, -1)
    named = _named(line, cat)
    return None if named is None else Value(f"{NAMED}{named}", line, line, 0, -1)


def _named(line: str, cat: Catalogue) -> str | None:
    """The one field whose value phrases start the line (or its part before a colon:
    "A levels: History, Art"), when the line is no sentence and no label."""
    head = line.split(":", 1)[0]
    if len(line.split()) > NAMED_WORDS or line.endswith((".", "!", "?")):
        return None
    named = cat.named(head)
    if len(named) != 1 or cat.is_label(head):
        return None
    return named[0]


def role_of(line: str, cat: Catalogue) -> str | None:
    """The contact whose role `line` names: the whole line is a short label of the
    contact's name field ("Social worker", "Designated teacher")."""
    words = frozenset(lemmas(line))
    if not words or len(words) > 3:
        return None
    for person in cat.contacts:
        spec = cat.fields[f"{person}.name"]
        if any(label.words == words and "name" not in label.words for label in spec.labels):
            return person
    return None


def _person_of(spec: FieldSpec, people: tuple[str, ...]) -> str | None:
    head = spec.path.split(".", 1)[0]
    return head if head in people else None


def _kind_fits(kind: str, spec: FieldSpec) -> bool:
    """Whether a value of `kind` can be the value of the field."""
    if kind.startswith(NAMED):
        return kind == f"{NAMED}{spec.path}"
    if kind == "person":
        return spec.type == "name" and not _is_organisation_field(spec)
    if kind == "organisation":
        return spec.type == "name" and _is_organisation_field(spec)
    types = {"date": "date", "percent": "percent", "email": "email", "phone": "phone"}
    if kind == "year":
        return spec.type == "int"
    return types.get(kind) == spec.type


def _is_organisation_field(spec: FieldSpec) -> bool:
    return any(label.words & _ORG_LABEL_WORDS for label in spec.labels if not label.bare)


def _meaning(spec: FieldSpec) -> str | None:
    """ "birth" or "next" when most of the field's labels say so (its meaning orders it
    among dates), else `None`."""
    labels = [label.words for label in spec.labels if not label.bare]
    for word in ("birth", "next"):
        if labels and sum(word in words for words in labels) * 2 > len(labels):
            return word
    return None


def _own_pairs(blocks: list[Block], cat: Catalogue) -> set[int]:
    """Blocks that hold a label and its value on their own (a checkbox line, "Key Stage 3",
    "A levels: ...", "SEN status  No SEN", a table, a label-value block): what follows
    them is not their value."""
    return {i for i, block in enumerate(blocks) if _holds_own_pair(block, cat)}


def _holds_own_pair(block: Block, cat: Catalogue) -> bool:
    text = block.text.strip()
    if block.kind in (BlockKind.TABLE, BlockKind.CHECKBOX):
        return True
    if block.kind == BlockKind.LABEL_VALUE:
        return bool(text)
    return block.kind == BlockKind.PARAGRAPH and (
        any(c in GLYPHS for c in text)
        or any(value for _, value in inline_pairs(text, cat))
        or figure_pair(text, cat) is not None
        or gap_pair(text, cat, strict=True) is not None
    )


def _own_label(block: Block, cat: Catalogue) -> str | None:
    """The label of a block that holds its own label and value, if it has one."""
    if block.kind == BlockKind.LABEL_VALUE:
        return block.label
    if block.kind != BlockKind.PARAGRAPH:
        return None
    text = block.text.strip()
    first = next((n for n, c in enumerate(text) if c in GLYPHS), None)
    if first:
        return text[:first]
    found = gap_pair(text, cat, strict=True) or figure_pair(text, cat)
    if found is not None:
        return found[0]
    pairs = inline_pairs(text, cat)
    return pairs[0][0] if pairs else None


def _context(block: Block, section: str, cat: Catalogue) -> tuple[str, ...]:
    """The sections of the field a block's own label names, when it is not expected in
    `section` (a question of the PEP meeting's asked among the pupil's details)."""
    label = _own_label(block, cat)
    matches = cat.matches(label, section) if label else []
    if not matches or matches[0].score < MIN_SCORE:
        return ()
    spec = cat.fields[matches[0].path]
    return () if section in spec.sections else spec.sections


def groups(blocks: list[Block], section: str, cat: Catalogue) -> list[Group]:
    """The runs of label-less value lines in a section's blocks."""
    people = cat.contacts
    own = _own_pairs(blocks, cat)
    out: list[Group] = []
    current: Group | None = None
    heading_person: str | None = None
    before = "start"  # what the last block was: start, label (not its own pair), value
    context: tuple[str, ...] = ()
    for i, block in enumerate(blocks):
        found = classify(block.text, cat) if block.kind == BlockKind.PARAGRAPH else None
        if found is None:
            current = None
            if block.kind == BlockKind.HEADING:
                heading_person = role_of(block.text, cat)
            titled = block.kind == BlockKind.HEADING and _titles_a_group(blocks, i, cat)
            before = "start" if i in own or titled else "label"
            context = _context(block, section, cat) if i in own else ()
            continue
        if before == "label":
            before = "value"
            continue  # the value of the label above it: not label-less
        value = Value(found.kind, found.text, found.value, block.page, i)
        if found.kind.startswith(NAMED):
            # a value complete in itself, which no contact's run takes in
            out.append(Group(section, [value], context=context))
            current, before = None, "start"
            continue
        if current is None:
            current = Group(section, person=heading_person, context=context)
            out.append(current)
        current.values.append(value)
        before = "value"
    for group in out:
        roles = {x.value for x in group.values if x.kind == "role"}
        if len(roles) == 1:
            group.person = roles.pop()
        elif len(roles) > 1:
            group.person = "?"  # two contacts in one run: none of their fields is sure
        elif group.person is None:
            expected = [p for p in people if _expects_person(cat, p, section)]
            others = [
                s
                for s in cat.scalars()
                if s.type == "name"
                and section in s.sections
                and _person_of(s, people) is None
                and not _is_organisation_field(s)
            ]
            if len(expected) == 1 and not others:
                group.person = expected[0]
    return out


def _titles_a_group(blocks: list[Block], index: int, cat: Catalogue) -> bool:
    """Whether the heading at `index` titles a run of two or more values (a contact's
    sub-heading) rather than labelling the one value under it."""
    run = 0
    for after in blocks[index + 1 :]:
        found = classify(after.text, cat) if after.kind == BlockKind.PARAGRAPH else None
        if found is None:
            break
        run += found.kind != "placeholder"
    return run >= 2


def _expects_person(cat: Catalogue, person: str, section: str) -> bool:
    spec = cat.fields.get(f"{person}.name")
    return spec is not None and section in spec.sections


def _candidates(
    group: Group, kind: str, cat: Catalogue, out: Extraction, context: bool = False
) -> list[FieldSpec]:
    """The fields still missing that a value of `kind` in the group may be: expected in the
    group's section (with `context`, also in the sections of the field above the run)."""
    people = cat.contacts
    found = []
    for spec in cat.scalars():
        expected = group.section in spec.sections or (
            context and bool(set(group.context) & set(spec.sections))
        )
        if not expected or not _kind_fits(kind, spec):
            continue
        if spec.path in out.values:
            continue  # never overwrite a value read from its label
        if any(out.values.get(other) == value for other, value in spec.absent_when.items()):
            continue  # the form says the field has no value (no previous PEP to an initial)
        owner = _person_of(spec, people)
        if owner != (group.person if kind in CONTACT_KINDS else None):
            continue  # a contact's details only from that contact's group, and the reverse
        found.append(spec)
    return found


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _assign_dates(
    dates: list[Value], fields: list[FieldSpec], group: Group, reference: dt.date | None
) -> list[tuple[Value, FieldSpec]]:
    """Dates to date fields: the only date and the only field, or by meaning (a date of
    birth is the earliest and gives a school age; a "next" date is the later of two).
    Whatever the meaning does not decide stays unread."""
    if len({d.value for d in dates}) != len(dates):
        return []  # two equal dates: nothing tells them apart
    taken: list[tuple[Value, FieldSpec]] = []
    left, free = list(dates), list(fields)
    birth = [f for f in free if _meaning(f) == "birth"]
    if len(birth) == 1 and left:
        earliest = min(left, key=lambda d: d.value)
        if _school_age(earliest.value, group, reference):
            taken.append((earliest, birth[0]))
            left.remove(earliest)
            free.remove(birth[0])
    later = [f for f in free if _meaning(f) == "next"]
    if len(later) == 1 and len(left) == 2 and len(free) == 2:
        early, late = sorted(left, key=lambda d: d.value)
        other = next(f for f in free if f is not later[0])
        taken += [(late, later[0]), (early, other)]
    elif len(left) == 1 and len(free) == 1 and _meaning(free[0]) != "birth":
        taken.append((left[0], free[0]))
    return taken


def _school_age(born: dt.date, group: Group, reference: dt.date | None) -> bool:
    """Whether a date of birth gives a school age on the document's latest date, and fits
    the year group read with it."""
    if reference is None or reference <= born:
        return False
    age = _age(born, reference)
    if not SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]:
        return False
    years = [x.value for x in group.values if x.kind == "year"]
    return all(abs(age - (year + 5)) <= YEAR_AGE_SLACK for year in years)


def _reference(all_groups: list[Group], out: Extraction) -> dt.date | None:
    dates = [x.value for g in all_groups for x in g.values if x.kind == "date"]
    dates += [val for val in out.values.values() if isinstance(val, dt.date)]
    return max(dates) if dates else None


MAX_ACROSS = 6  # dates left over across sections that are weighed together, at most


def _group_pairs(
    group: Group, cat: Catalogue, out: Extraction, reference: dt.date | None, used: set[int]
) -> list[tuple[Value, FieldSpec]]:
    """The values of one group that decide a field on their own, by kind."""
    pairs: list[tuple[Value, FieldSpec]] = []
    left = [x for x in group.values if id(x) not in used]
    kinds = {x.kind for x in left} - {"role", "placeholder"}
    for kind in sorted(kinds):
        lines = [x for x in left if x.kind == kind]
        fields = _candidates(group, kind, cat, out)
        if not fields:
            continue
        if kind == "date":
            pairs += _assign_dates(lines, fields, group, reference)
        elif len(lines) == 1 and len(fields) == 1:
            pairs.append((lines[0], fields[0]))
    return pairs


def _consistent(taken: dict[str, dt.date], cat: Catalogue, out: Extraction) -> bool:
    """Whether dates given to fields keep the catalogue's order (a previous PEP before the
    meeting), with the dates already read."""
    for spec in cat.scalars():
        for later in spec.before:
            if spec.path not in taken and later not in taken:
                continue
            first = taken.get(spec.path, out.values.get(spec.path))
            second = taken.get(later, out.values.get(later))
            if isinstance(first, dt.date) and isinstance(second, dt.date) and first >= second:
                return False
    return True


def _related(cat: Catalogue) -> set[str]:
    """The date fields in an order relation (`before`), on either side."""
    return {p for s in cat.scalars() for p in s.before} | {
        s.path for s in cat.scalars() if s.before
    }


def _across(
    live: list[Group], cat: Catalogue, out: Extraction, used: set[int]
) -> list[tuple[Group, Value, FieldSpec]]:
    """Dates no section decides alone, decided by order across sections: each left-over
    date whose every candidate field (in its section or the run's context) is in an order
    relation, when exactly one way of giving every such date its own field keeps the order
    ("18/06/2026" and "14/10/2026" for the previous PEP and the meeting: the earlier is
    the previous)."""
    related = _related(cat)
    items: list[tuple[Group, Value, list[FieldSpec]]] = []
    for group in live:
        dates = [x for x in group.values if x.kind == "date" and id(x) not in used]
        fields = _candidates(group, "date", cat, out, context=True) if dates else []
        if not any(f.path in related for f in fields):
            continue
        if not all(f.path in related for f in fields):
            return []  # a date that may be a field no order speaks of: nothing is sure
        items += [(group, value, fields) for value in dates]
    paths = {f.path for _, _, fields in items for f in fields}
    if not items or len(items) > MAX_ACROSS or len(paths) > MAX_ACROSS:
        return []
    ways: list[list[FieldSpec]] = []

    def place(index: int, chosen: list[FieldSpec]) -> None:
        if len(ways) > 1:
            return  # two ways already: nothing is decided
        if index == len(items):
            taken = {f.path: items[n][1].value for n, f in enumerate(chosen)}
            if _consistent(taken, cat, out):
                ways.append(list(chosen))
            return
        for spec in items[index][2]:
            if all(spec.path != c.path for c in chosen):
                place(index + 1, [*chosen, spec])

    place(0, [])
    if len(ways) != 1:
        return []
    return [(group, value, spec) for (group, value, _), spec in zip(items, ways[0], strict=True)]


def _put(out: Extraction, group: Group, line: Value, spec: FieldSpec) -> None:
    out.put(
        spec.path,
        line.value,
        FieldProvenance(state="found", section=group.section, page=line.page, how=HOW, score=SCORE),
    )


def assign(sections: dict[str, list[Block]], cat: Catalogue, out: Extraction) -> list[str]:
    """Fill fields still missing from label-less value lines; returns the paths filled.

    Groups are read until nothing changes: a field filled from one section stops being a
    candidate in the others, which may leave another section one field for its one value.
    Dates still undecided are then weighed together by their order (`_across`)."""
    found = [g for key, blocks in sections.items() for g in groups(blocks, key, cat)]
    reference = _reference(found, out)
    named = Counter(x.kind for g in found for x in g.values if x.kind.startswith(NAMED))
    # Two lines named for one field ("Speech and language", "Cognition and learning"):
    # neither is sure to be it.
    live = [
        g
        for g in found
        if g.person != "?" and not any(named[x.kind] > 1 for x in g.values if x.kind in named)
    ]
    filled: list[str] = []
    used: set[int] = set()  # values taken (by id)
    changed = True
    while changed:
        changed = False
        for group in live:
            for line, spec in _group_pairs(group, cat, out, reference, used):
                if spec.path in out.values or id(line) in used:
                    continue
                if isinstance(line.value, dt.date) and not _consistent(
                    {spec.path: line.value}, cat, out
                ):
                    continue  # a previous PEP after the meeting read: not that field's
                _put(out, group, line, spec)
                used.add(id(line))
                filled.append(spec.path)
                changed = True
    for group, line, spec in _across(live, cat, out, used):
        _put(out, group, line, spec)
        filled.append(spec.path)
    # A value line the reader took for a label ("priya.kaur@example.gov.uk", the "A levels"
    # of a course line taken) is no label.
    heads = {
        " ".join(x.text.split(":", 1)[0].split())
        for g in live
        for x in g.values
        if id(x) in used and x.kind.startswith(NAMED)
    }
    out.unplaced[:] = [
        label
        for label in out.unplaced
        if label not in heads
        and (
            (seen := classify(label, cat)) is None
            or seen.kind not in ("date", "percent", "email", "phone")
        )
    ]
    return filled
