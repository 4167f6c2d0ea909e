"""The profile stage entry point: a `Document` becomes a `Pep`.

parser -> blocks -> sections (`sections.py`) -> label/value pairs (`pairs.py`) -> fields by
the catalogue (`fields.py`, data in ``peplint/data/fields``) -> `Pep` with provenance.
The list fields are assembled here from the records of their tables, a few lines each.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from peplint.calendar import term_of
from peplint.extract import values as v
from peplint.extract.catalogue import FieldSpec, catalogue_for
from peplint.extract.fields import (
    INTERVENTION_ROW,
    TERMS,
    Extraction,
    _Engine,
    extract,
    records,
    subject_name,
    term_cells,
    term_from_cell,
)
from peplint.extract.pairs import Pair, RecordTable, SectionReading
from peplint.extract.profiles import TemplateProfile
from peplint.extract.section_view import pick
from peplint.extract.sections import SectionedDocument, split_sections
from peplint.model.document import Block, BlockKind, Document
from peplint.model.pep import (
    Attendee,
    Contact,
    FieldProvenance,
    Pep,
    SectionText,
    SignOff,
    Source,
    Subject,
    Target,
    TermName,
    TermResult,
)

UNKNOWN_TEMPLATE = "unknown"
EARLY_YEARS_BAND = re.compile(r"(?i)^\s*(emerging|expected|exceeding)\s*\.?\s*$")
Tables = dict[str, list[tuple[RecordTable, dict[int, str]]]]


def _section_text(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind == BlockKind.TABLE and block.table is not None:
            lines.extend(" | ".join(c for c in row if c) for row in block.table.rows)
        elif block.label is not None:
            lines.append(f"{block.label}: {block.text}".rstrip())
        else:
            lines.append(block.text)
    return "\n".join(line for line in lines if line)


def _table_prov(state: str, table: RecordTable) -> FieldProvenance:
    label = next((c for c in (table.table.rows[0] if table.table.rows else []) if c), None)
    return FieldProvenance(
        state=state,  # type: ignore[arg-type]
        label=label,
        section=table.section,
        page=table.page,
        how="table-column",
        score=1.0,
    )


def _record_prov(out: Extraction, path: str, record: dict[str, str], table: RecordTable) -> None:
    for column, value in record.items():
        prov = _table_prov("found" if value else "empty", table)
        out.provenance[f"{path}.{column}"] = prov


def _list_prov(out: Extraction, path: str, found: list[Any], tables: list[RecordTable]) -> None:
    if tables:
        out.provenance[path] = _table_prov("found" if found else "empty", tables[0])


def _contact(record: dict[str, str]) -> Contact:
    return Contact(
        name=v.parse_name(record.get("name")),
        role=v.clean(record.get("role")),
        phone=v.clean(record.get("phone")),
        email=v.clean(record.get("email")),
        organisation=v.clean(record.get("organisation")),
    )


_PROFESSIONAL = re.compile(r"(?i)social worker|teacher|\bschool\b")  # not a carer


def _contacts(tables: Tables, out: Extraction, engine: _Engine | None = None) -> dict[str, Any]:
    """Carers, and the social worker's and designated teacher's details from contact tables
    (carers also from labelled lines, `_labelled_carers`, when no table lists them)."""
    listed = tables.get("contacts", [])
    carers: list[Contact] = []
    carer_tables: list[RecordTable] = []
    by_section: list[tuple[str | None, Contact, RecordTable, dict[str, str]]] = []
    for table, columns in listed:
        rows = [r for r in records(table, columns) if any(r.values())]
        if table.section == "personal_care":
            carer_tables.append(table)
            for row in rows:
                if _PROFESSIONAL.search(row.get("role") or ""):
                    continue  # a professional listed with the carers
                _record_prov(out, f"carers[{len(carers)}]", row, table)
                carers.append(_contact(row))
        by_section.extend((table.section, _contact(r), table, r) for r in rows)
    if not carers:
        for _, contact, table, row in by_section:
            if re.search(r"(?i)carer|guardian", contact.role or ""):
                _record_prov(out, f"carers[{len(carers)}]", row, table)
                carers.append(contact)
                carer_tables.append(table)
    _list_prov(out, "carers", carers, carer_tables)
    if not carers and engine is not None:
        carers = _labelled_carers(engine, out)
    order = ["key_contacts", "personal_care", "social_worker_info", "education_setting"]
    ranked = sorted(by_section, key=lambda c: order.index(c[0]) if c[0] in order else 9)
    roles = {}
    for person, words in (
        ("social_worker", "social worker"),
        ("designated_teacher", "designated teacher"),
    ):
        roles[person] = next(
            ((c, t) for _, c, t, _ in ranked if words in (c.role or "").lower()), None
        )
    return {"carers": carers, "roles": roles}


_CARER = re.compile(r"(?i)\bcarers?\b|\bfoster|guardian|kinship|live with|placement")


def _labelled_carers(engine: _Engine, out: Extraction) -> list[Contact]:
    """Carers given as labelled lines in the care section, one carer after another
    ("Carer name: Tom Bright" / "Relationship: Foster carer" / "Phone: ..."): a label of
    a column already given starts the next carer. Lines a field of its own took are not
    read again."""
    spec = engine.cat.fields.get("contacts")
    if spec is None:
        return []
    used = engine.taken()
    records: list[list[tuple[str, Pair]]] = []
    for reading in engine.readings:
        if reading.section != "personal_care":
            continue
        for pair in reading.pairs:
            match = engine.cat.column(pair.label, spec.columns) if id(pair) not in used else None
            if match is None:
                continue
            column = match.path.rsplit(".", 1)[-1]
            if not records or column in {c for c, _ in records[-1]}:
                records.append([])
            records[-1].append((column, pair))
    carers: list[Contact] = []
    for record in records:
        row = {column: pair.value for column, pair in record}
        if len(row) < 2 or not row.get("name") or _PROFESSIONAL.search(row.get("role") or ""):
            continue  # a lone "Name" line is no carer's record
        named = next(pair.label for column, pair in record if column == "name")
        if not (_CARER.search(named) or _CARER.search(row.get("role") or "")):
            continue  # the child, a parent, an IRO: a name, but not a carer's
        path = f"carers[{len(carers)}]"
        for column, pair in record:
            out.provenance[f"{path}.{column}"] = _pair_prov(pair)
        carers.append(_contact(row))
    if carers:
        first = out.provenance["carers[0].name"]  # the first carer taken, not a record skipped
        out.provenance["carers"] = first.model_copy(update={"state": "found"})
    return carers


def _pair_prov(pair: Pair) -> FieldProvenance:
    return FieldProvenance(
        state="found" if pair.value else "empty",
        label=pair.label,
        section=pair.section,
        page=pair.page,
        how=pair.how,
        score=1.0,
    )


def _fill_person(
    values: dict[str, Any], out: Extraction, person: str, role: str, other: Any
) -> dict[str, Any]:
    contact = {k: values.get(f"{person}.{k}") for k in ("name", "phone", "email", "organisation")}
    if other is not None:
        found, table = other
        for key in contact:
            if contact[key] is None and getattr(found, key) is not None:
                contact[key] = getattr(found, key)
                out.provenance[f"{person}.{key}"] = _table_prov("found", table)
    contact["role"] = None
    if contact["name"] is not None:
        contact["role"] = (other[0].role if other and other[0].role else None) or role
    return contact


def _listed_as_attending(
    table: RecordTable, columns: dict[int, str], spec: FieldSpec | None
) -> str | None:
    """For an attendee table with no attended column: the heading over it or its name
    column's header when that says the list is of those who attended ("Attendees",
    "Present at the meeting"), else None (whether each attended is not recorded)."""
    if spec is None or "attended" in columns.values():
        return None
    name_at = next((i for i, c in columns.items() if c == "name"), None)
    header = table.table.rows[0][name_at] if name_at is not None and table.table.rows else None
    return next((t for t in (table.over, header) if t and spec.implied(t)), None)


def _attendees(tables: Tables, out: Extraction, spec: FieldSpec | None = None) -> list[Attendee]:
    """The attendee list; `spec`, the attended column's catalogue entry, says which
    headings make a list with no attended column a list of those who attended."""
    found: list[Attendee] = []
    used = tables.get("meeting.attendees", [])
    for table, columns in used:
        listed = _listed_as_attending(table, columns, spec)
        for row in records(table, columns):
            if row.get("name"):
                path = f"meeting.attendees[{len(found)}]"
                _record_prov(out, path, row, table)
                attended = v.parse_yes_no(row.get("attended"))
                if listed is not None:
                    attended = True
                    out.provenance[f"{path}.attended"] = _table_prov("found", table).model_copy(
                        update={"label": listed, "how": "listed-under"}
                    )
                found.append(
                    Attendee(
                        name=v.clean(row.get("name")),
                        role=v.clean(row.get("role")),
                        attended=attended,
                    )
                )
    _list_prov(out, "meeting.attendees", found, [t for t, _ in used])
    return found


# One person of a list written out: "Helen Shaw - Designated teacher", "Helen Shaw
# (Designated teacher)", "Helen Shaw, Designated teacher".
_LISTED_PERSON = re.compile(
    r"^\s*(?P<name>[^,()\-–—:]+?)\s*(?:\((?P<paren>[^()]+)\)|\s[-–—]\s*(?P<dash>.+)|,\s*(?P<comma>.+))\s*$"
)


def _attendees_in_text(engine: _Engine, out: Extraction, spec: FieldSpec) -> list[Attendee]:
    """Those present written out under a label that says so ("Who attended: Helen Shaw -
    Designated teacher; Tom Baker - Social worker"; one a line under "Attendees"), when
    no attendee table was read: each with the role beside their name, each attended."""
    used = engine.taken()
    for pair in engine.pairs:
        if id(pair) in used or not spec.implied(pair.label) or not pair.value.strip():
            continue
        entries = [e for e in re.split(r"\s*[;\n]\s*|\),\s*", pair.value) if e.strip()]
        people = []
        for entry in entries:
            entry = entry.strip().rstrip(".,;")
            entry = entry if entry.count("(") <= entry.count(")") else entry + ")"
            match = _LISTED_PERSON.match(entry)
            if match is None:
                break
            role = match["paren"] or match["dash"] or match["comma"]
            people.append(Attendee(name=v.clean(match["name"]), role=v.clean(role), attended=True))
        if len(people) < 2 or len(people) != len(entries):
            continue  # not a list of people with their roles
        prov = FieldProvenance(
            state="found",
            label=pair.label,
            section=pair.section,
            page=pair.page,
            how="listed-in-text",
            score=1.0,
        )
        out.provenance["meeting.attendees"] = prov
        for i in range(len(people)):
            for column in ("name", "role", "attended"):
                out.provenance[f"meeting.attendees[{i}].{column}"] = prov
        return people
    return []


def _target(row: dict[str, str]) -> Target | None:
    text = v.clean(row.get("text"))
    if not text:
        return None
    deadline_text = v.clean(row.get("deadline_text"))
    return Target(
        text=text,
        who=v.clean(row.get("who")),
        deadline_text=deadline_text,
        deadline=v.parse_date(deadline_text),
        strategy=v.clean(row.get("strategy")),
        review=v.clean(row.get("review")),
    )


_LIST_ITEM = re.compile(
    r"^\s*(?:\(?\d{1,2}[.):]|[-•*▪●]|target\s*\d{1,2}\s*[:.\-–]?)\s+(.+)$", re.I | re.S
)


def _targets_from_text(engine: _Engine, out: Extraction) -> list[dict[str, str]]:
    """Targets as a numbered list with labelled sub-lines, or as repeated label/value blocks."""
    own = [r for r in engine.readings if r.section == "smart_targets"]
    spec = engine.cat.fields.get("targets")
    if spec is None:
        return []
    if own:
        return next((rows for r in own if (rows := _target_rows(engine, r, spec))), [])
    # No targets section: the section whose list reads most like targets, each with its
    # who or when ("Review and Action Plan" holding the meeting's notes and its targets),
    # not the first paragraph anywhere that a "Date of last PEP" line follows.
    found = [
        [r for r in _target_rows(engine, reading, spec) if len(r) >= 2]
        for reading in engine.readings
    ]
    return max(found, key=lambda rows: (len(rows), sum(map(len, rows))), default=[])


def _target_rows(engine: _Engine, reading: SectionReading, spec: FieldSpec) -> list[dict[str, str]]:
    events: list[tuple[int, int, str, str]] = []  # (block, order, column, value)
    for order, pair in enumerate(reading.pairs):
        match = engine.cat.column(pair.label, spec.columns)
        if match is not None:
            events.append((pair.block, order, match.path.rsplit(".", 1)[-1], pair.value))
    labelled = {event[0] for event in events if event[2] != "text"}
    for para in reading.paragraphs:
        item = _LIST_ITEM.match(para.text)
        if (
            item is None
            and not para.is_prompt
            and para.under is None
            and para.block not in labelled
            and para.block + 1 in labelled
            and len(para.text.split()) > 3  # "Target 1", "Goal 2" name a target, not state it
        ):
            item = re.match(r"(.+)", para.text, re.S)  # a target, then its labelled lines
        if item is None:
            continue
        text = item.group(1)
        for pair in reading.pairs:  # "1. Read daily. Who will help: Carer" on one line
            if pair.block == para.block and pair.inline and f"{pair.label}:" in text:
                text = text[: text.index(f"{pair.label}:")]
        if text.strip():
            events.append((para.block, -1, "text", text.strip()))
    rows: list[dict[str, str]] = []
    for _, _, column, value in sorted(events):
        if column == "text":
            rows.append({"text": value})
        elif rows and column not in rows[-1]:
            rows[-1][column] = value
    return rows


def _names_a_part(engine: _Engine, row: dict[str, str]) -> bool:
    """Whether a target's text is only the form's label for a part of a target ("Who is
    responsible", "Progress review", "Target 2"): the layout was misread, not a target."""
    return engine.cat.part_label(row.get("text") or "", "targets") is not None


def _targets(engine: _Engine, tables: Tables, out: Extraction) -> list[Target]:
    found: list[Target] = []
    # A table whose target cells hold the form's own labels is label/value rows taken
    # for a header row: its records are not targets, so none is read from it.
    used = [
        (table, columns)
        for table, columns in tables.get("targets", [])
        if not any(_names_a_part(engine, row) for row in records(table, columns))
    ]
    for table, columns in used:
        for row in records(table, columns):
            target = _target(row)
            if target is not None:
                _record_prov(out, f"targets[{len(found)}]", row, table)
                found.append(target)
    if used:
        _list_prov(out, "targets", found, [t for t, _ in used])
        return found
    for row in _targets_from_text(engine, out):
        target = None if _names_a_part(engine, row) else _target(row)
        if target is not None:
            for column, value in row.items():
                out.provenance[f"targets[{len(found)}].{column}"] = FieldProvenance(
                    state="found" if value else "empty",
                    section="smart_targets",
                    how="label-paragraph",
                )
            found.append(target)
    if found:
        out.provenance["targets"] = FieldProvenance(
            state="found", section="smart_targets", how="label-paragraph"
        )
    return found


def _subjects(tables: Tables, out: Extraction, met: dt.date | None = None) -> list[Subject]:
    """The subject tables' rows. Results under columns that name no term ("Current grade
    | Progress | On track") are the term of the PEP `met` (its meeting or sign-off); when
    no date says which term that is, a subject's results are recorded as not read (the
    rules then say "unclear", never judge a subject whose results they cannot see).
    A subject in a later table as well (grades in one, interventions in another) is one
    subject: the later table fills what the earlier left out."""
    subjects: list[Subject] = []
    used = tables.get("attainment.subjects", [])
    for table, columns in used:
        earlier = {s.subject: i for i, s in enumerate(subjects)}
        flat = not _names_terms(table.header)
        untermed = TERMS[term_of(met)[1]] if flat and met is not None else None
        last: int | None = None  # the index of this table's last subject
        for row in table.body:
            cells = [c for c in row if c is not None]
            first = (cells[0] if cells else "").strip()
            if INTERVENTION_ROW.match(first):  # a full-width intervention row
                if last is not None:  # present and empty is a defect, not an unread field
                    text = v.clean(" ".join(c for c in cells[1:] if c)) or None
                    subjects[last].intervention = text
                    path = f"attainment.subjects[{last}].intervention"
                    out.provenance[path] = _table_prov("found" if text else "empty", table)
                continue
            record = {
                columns[i]: (c or "").strip()
                for i, c in enumerate(row)
                if i in columns and c is not None
            }
            if not record.get("subject"):
                continue
            terms = [t for t in (_term(table.header, row, term) for term in TERMS) if t]
            unread = False
            if untermed is not None:
                current = _current(table.header, row, columns, untermed)
                terms += [current] if current is not None else []
            elif flat and _current_cells(table.header, row, columns):
                unread = True  # results there, but of a term no date names: not judged
            subject = Subject(
                subject=subject_name(record["subject"]),
                level=v.clean(record.get("level")),
                target=v.normalise_grade(record.get("target")),
                terms=terms,
                intervention=v.clean(record.get("intervention")),
            )
            if subject.subject in earlier:
                last = earlier[subject.subject]
                _fill_subject(subjects[last], subject, record, table, out, last, unread)
                continue
            last = len(subjects)
            if unread:
                out.provenance[f"attainment.subjects[{last}].terms"] = _table_prov(
                    "not_found", table
                )
            _record_prov(out, f"attainment.subjects[{last}]", record, table)
            subjects.append(subject)
    _list_prov(out, "attainment.subjects", subjects, [t for t, _ in used])
    return subjects


def _fill_subject(
    kept: Subject,
    later: Subject,
    record: dict[str, str],
    table: RecordTable,
    out: Extraction,
    index: int,
    unread: bool,
) -> None:
    """What a later table says of a subject already read: the parts the earlier table
    left out, and the results of terms it did not give."""
    base = f"attainment.subjects[{index}]"
    for part in ("level", "target", "intervention"):
        if getattr(kept, part) is None and record.get(part) is not None:
            setattr(kept, part, getattr(later, part))
            out.provenance[f"{base}.{part}"] = _table_prov(
                "found" if getattr(later, part) else "empty", table
            )
    had = {t.term for t in kept.terms}
    added = [t for t in later.terms if t.term not in had]
    kept.terms += added
    terms = out.provenance.get(f"{base}.terms")
    if added and terms is not None and terms.state == "not_found":
        del out.provenance[f"{base}.terms"]  # read here after all
    elif unread and not kept.terms:
        out.provenance[f"{base}.terms"] = _table_prov("not_found", table)


# The dates that say which term a PEP is of, best first.
_PEP_DATES = (
    "meeting.date",
    "sign_offs.designated_teacher.date",
    "sign_offs.social_worker.date",
)


def _names_terms(header: list[str]) -> bool:
    """Whether any column of the header is a term's ("autumn grade", "spring")."""
    return any(h.startswith(TERMS) for h in header)


# Columns of a subject table that hold this term's results when no column names a term,
# and the words of columns that hold another figure ("Predicted grade", "Expected progress").
_GRADE = ("working at", "grade", "attainment")
_CURRENT = (*_GRADE, "progress", "on track")
_NOT_CURRENT = ("target", "predict", "expect", "aspiration", "estimat", "end of", "forecast")


def _competing(cells: dict[str, str]) -> bool:
    """Whether two result columns could each be the grade, or each the progress."""
    grades = [h for h in cells if any(w in h for w in _GRADE)]
    progress = [h for h in cells if "progress" in h]
    return len(grades) > 1 or len(progress) > 1


def _current_cells(
    header: list[str], row: list[str | None], columns: dict[int, str]
) -> tuple[str | None, str | None, str | None] | None:
    """A row's (on track, grade, progress) texts in columns that name no term (a
    subject's target, level and intervention columns are not results); None when there
    are none, or two columns could each hold one of them."""
    cells = {
        h: (c or "").strip()
        for i, (h, c) in enumerate(zip(header, row, strict=False))
        if c is not None
        and i not in columns
        and any(word in h for word in _CURRENT)
        and not any(word in h for word in _NOT_CURRENT)
    }
    if _competing(cells):
        return None  # two columns could hold the one figure: not guessed
    found = (pick(cells, "on track"), pick(cells, *_GRADE), pick(cells, "progress"))
    return found if any(found) else None


def _current(
    header: list[str], row: list[str | None], columns: dict[int, str], term: TermName
) -> TermResult | None:
    """A row's results in columns that name no term, as `term`'s (see `_current_cells`)."""
    cells = _current_cells(header, row, columns)
    return _result(term, *cells) if cells else None


def _result(
    term: TermName, on_track: str | None, grade: str | None, progress: str | None
) -> TermResult:
    """A term's result from its cells' texts."""
    return TermResult(
        term=term,
        on_track=v.parse_yes_no(on_track),
        grade=v.normalise_grade(grade),
        progress=v.parse_progress(progress),
    )


def _term(header: list[str], row: list[str | None], term: Any) -> TermResult | None:
    cols = term_cells(header, row, term)
    if not cols:
        return None
    grade_words = ("grade", "working at")
    if len(cols) == 1:
        cell = next(iter(cols.values()))
        if not cell:
            return None
        if EARLY_YEARS_BAND.match(cell):  # "Emerging": the early years' band is the progress
            return TermResult(term=term, progress=v.parse_progress(cell))
        cols, grade_words = term_from_cell(cell), ("working at", "grade")
    on_track = pick(cols, "on track")
    grade = pick(cols, *grade_words)
    progress = pick(cols, "progress")
    if not any((on_track, grade, progress)) and len(term_cells(header, row, term)) > 1:
        return None
    return _result(term, on_track, grade, progress)


def _sign_offs(values: dict[str, Any], tables: Tables, out: Extraction) -> dict[str, Any]:
    result = {}
    for person in ("social_worker", "designated_teacher"):
        base = f"sign_offs.{person}"
        result[person] = SignOff(
            completed=values.get(f"{base}.completed"),
            date=values.get(f"{base}.date"),
            next_pep_date=values.get(f"{base}.next_pep_date"),
        )
    for table, columns in tables.get("sign_offs.roles", []):
        for row in records(table, columns):
            role = (row.get("role") or "").lower()
            who = (
                "social_worker"
                if "social" in role
                else "designated_teacher"
                if "teacher" in role
                else None
            )
            if who is None:
                continue
            current: SignOff = result[who]
            for key, parse in (
                ("completed", v.parse_yes_no),
                ("date", v.parse_date),
                ("next_pep_date", v.parse_date),
            ):
                value = parse(row.get(key))
                if getattr(current, key) is None and value is not None:
                    setattr(current, key, value)
                    out.provenance[f"sign_offs.{who}.{key}"] = _table_prov("found", table)
    return result


def _nest(values: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, value in values.items():
        node = data
        *parents, last = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return data


def _assemble(doc: SectionedDocument, engine: _Engine, out: Extraction) -> dict[str, Any]:
    tables = engine.tables()
    values = dict(out.values)
    contacts = _contacts(tables, out, engine)
    data = _nest(
        {
            k: val
            for k, val in values.items()
            if not k.startswith(("social_worker.", "designated_teacher.", "sign_offs."))
        }
    )
    data["carers"] = contacts["carers"]
    data["social_worker"] = _fill_person(
        values, out, "social_worker", "Social worker", contacts["roles"]["social_worker"]
    )
    teacher = _fill_person(
        values,
        out,
        "designated_teacher",
        "Designated teacher",
        contacts["roles"]["designated_teacher"],
    )
    setting = data.get("setting", {}).get("name")
    if teacher["organisation"] is None and teacher["name"] is not None and setting:
        teacher["organisation"] = setting
        prov = out.provenance.get("setting.name")
        if prov is not None:
            out.provenance["designated_teacher.organisation"] = prov.model_copy(
                update={"how": "derived"}
            )
    data["designated_teacher"] = teacher
    attendees = engine.cat.fields.get("meeting.attendees")
    attended = attendees.columns.get("attended") if attendees is not None else None
    listed = _attendees(tables, out, attended)
    if not listed and attended is not None:
        listed = _attendees_in_text(engine, out, attended)
    data.setdefault("meeting", {})["attendees"] = listed
    data["targets"] = _targets(engine, tables, out)
    when = next((values[k] for k in _PEP_DATES if isinstance(values.get(k), dt.date)), None)
    data.setdefault("attainment", {})["subjects"] = _subjects(tables, out, when)
    data["sign_offs"] = _sign_offs(values, tables, out)
    data["eet_status"] = values.get("eet_status") or "unknown"
    return data


def build_pep(
    document: Document,
    source: Source,
    profiles: list[TemplateProfile],
    extra_aliases: dict[str, list[str]] | None = None,
    field_aliases: dict[str, list[str]] | None = None,
) -> Pep:
    """Cut the document into sections and extract every typed field with its provenance.

    `extra_aliases` adds section headings (section key -> headings) and `field_aliases`
    adds field labels (dotted field path -> labels), both from a rule pack.
    """
    doc = split_sections(document, profiles, extra_aliases)
    catalogue = catalogue_for(field_aliases)
    engine, out = extract(doc, catalogue)
    data = _assemble(doc, engine, out)
    warnings = list(document.warnings)
    if not doc.matched:
        warnings.append("No PEP section headings were recognised; this may not be a PEP export.")
    for key, section in doc.sections.items():
        out.provenance[f"sections.{key}"] = FieldProvenance(
            state="found",
            label=section.heading,
            section=key,
            page=section.page,
            how=f"heading-{section.how}",
            score=section.score,
        )
    return Pep(
        source=source,
        template=doc.profile.name if doc.matched else UNKNOWN_TEMPLATE,
        **data,
        sections={
            key: SectionText(heading=s.heading, text=_section_text(s.blocks), page=s.page)
            for key, s in doc.sections.items()
        },
        unrecognised_headings=doc.unrecognised_headings,
        warnings=warnings,
        provenance=out.provenance,
        unplaced_labels=list(dict.fromkeys(out.unplaced)),
    )
