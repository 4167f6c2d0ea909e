"""The field catalogue is data; these tests iterate over it (every label of every field)."""

from __future__ import annotations

import pytest

from peplint.extract.catalogue import Catalogue, FieldSpec, builtin_fields
from peplint.model.pep import SECTION_KEYS, Pep

CATALOGUE = Catalogue()
SCALAR_LABELS = [
    (spec.path, label.text, (spec.bare_in if label.bare else spec.sections)[0])
    for spec in CATALOGUE.scalars()
    for label in spec.labels
]
COLUMN_LABELS = [
    (spec, column, label.text)
    for spec in CATALOGUE.lists()
    for column in spec.columns.values()
    for label in column.labels
]


@pytest.mark.parametrize(("path", "label", "section"), SCALAR_LABELS)
def test_every_label_is_matched_by_its_field_and_by_no_other(
    path: str, label: str, section: str
) -> None:
    matches = CATALOGUE.matches(label, section)
    assert matches, f"{label!r} matched nothing"
    best = matches[0]
    assert best.path == path or (
        # a label two fields share on purpose (one next PEP date) matches both equally
        path in CATALOGUE.fields[best.path].fill_from and best.score == matches[1].score
    ), f"{label!r} in {section} -> {best.path}, not {path}"
    rivals = [
        m for m in matches if m.path != path and m.path not in CATALOGUE.fields[path].fill_from
    ]
    assert all(m.score < best.score for m in rivals), f"{label!r}: tie with {rivals[0].path}"


@pytest.mark.parametrize(
    ("spec", "column", "label"),
    COLUMN_LABELS,
    ids=[f"{s.path}.{c.path}-{lab}" for s, c, lab in COLUMN_LABELS],
)
def test_every_column_label_names_its_column(
    spec: FieldSpec, column: FieldSpec, label: str
) -> None:
    match = CATALOGUE.column(label, spec.columns)
    assert match is not None and match.path == column.path


def _model_paths(model: type, prefix: str = "") -> set[str]:
    out = set()
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        annotation = info.annotation
        sub = getattr(annotation, "model_fields", None)
        if sub is not None and name not in {"source"}:
            out |= _model_paths(annotation, f"{prefix}{name}.")  # type: ignore[arg-type]
        else:
            out.add(f"{prefix}{name}")
    return out


def test_the_catalogue_covers_every_pep_field() -> None:
    paths = {spec.path for spec in builtin_fields()}
    lists = {"carers", "targets", "meeting.attendees", "attainment.subjects"}
    assembled = {"social_worker.role", "designated_teacher.role", "designated_teacher.organisation"}
    bookkeeping = {
        "source",
        "template",
        "sections",
        "unrecognised_headings",
        "warnings",
        "provenance",
        "unplaced_labels",
        "carers",
        "previous_targets",  # given by bulk --compare from last term's run, not read
    }
    missing = _model_paths(Pep) - paths - lists - assembled - bookkeeping
    assert missing == set()


def test_sections_and_types_in_the_data_are_known() -> None:
    for spec in builtin_fields():
        assert set(spec.sections) <= set(SECTION_KEYS), spec.path
        assert set(spec.bare_in) <= set(SECTION_KEYS), spec.path
        assert spec.labels or spec.columns, spec.path


def test_the_section_disambiguates_the_same_label() -> None:
    assert CATALOGUE.matches("Date", "designated_teacher_sign_off")[0].path == (
        "sign_offs.designated_teacher.date"
    )
    assert CATALOGUE.matches("Date", "social_worker_sign_off")[0].path == (
        "sign_offs.social_worker.date"
    )
    assert CATALOGUE.matches("Date", "pep_meeting")[0].path == "meeting.date"


@pytest.mark.parametrize(
    ("label", "path"),
    [
        ("Date of next PEP meeting:", "sign_offs.social_worker.next_pep_date"),
        ("NCY", "child.year_group"),
        ("National Curriculum Year", "child.year_group"),
        ("Date became looked after", "child.date_entered_care"),
        ("D.O.B.", "child.date_of_birth"),
        ("SW name", "social_worker.name"),
        ("DT email", "designated_teacher.email"),
        ("Did the child attend the meeting?", "meeting.young_person_attended"),
        ("Attendance %", "meeting.attendance_percent"),
    ],
)
def test_words_forms_use(label: str, path: str) -> None:
    matches = CATALOGUE.matches(label, None)
    assert matches and matches[0].path == path


def test_words_that_rule_a_label_out() -> None:
    assert not [
        m for m in CATALOGUE.matches("Carer's name", "personal_care") if m.path == "child.name"
    ]
    assert not [
        m for m in CATALOGUE.matches("Date of last PEP", "pep_meeting") if "next_pep" in m.path
    ]


def test_a_pack_adds_labels() -> None:
    assert not CATALOGUE.matches("Kestrel number", "personal_care")
    extended = Catalogue(
        {
            "child.year_group": ["Kestrel number"],
            "targets[].who": ["Champion"],
            "carers[].phone": ["Landline"],
        }
    )
    assert extended.matches("Kestrel number", "personal_care")[0].path == "child.year_group"
    targets = extended.fields["targets"]
    match = extended.column("Champion", targets.columns)
    assert match is not None and match.path == "targets[].who"
    match = extended.column("Landline", extended.fields["contacts"].columns)
    assert match is not None and match.path == "contacts[].phone"
    assert CATALOGUE.column("Champion", CATALOGUE.fields["targets"].columns) is None


def test_a_label_of_common_words_alone_still_names_its_column() -> None:
    targets = CATALOGUE.fields["targets"].columns
    for header, column in (("What I will do", "text"), ("Who?", "who")):
        match = CATALOGUE.column(header, targets)
        assert match is not None and match.path == f"targets[].{column}", header
    assert CATALOGUE.column("Why?", targets) is None


def test_no_label_of_the_data_is_dropped() -> None:
    from importlib import resources

    import yaml

    folder = resources.files("peplint.data").joinpath("fields")
    for item in folder.iterdir():
        if not item.name.endswith(".yaml"):
            continue
        for path, entry in (yaml.safe_load(item.read_text("utf-8")) or {}).items():
            entries = {path: entry} | {
                f"{path}[].{k}": v for k, v in (entry.get("columns") or {}).items()
            }
            for where, spec in entries.items():
                written = len(spec.get("labels") or []) + len(spec.get("bare") or [])
                kept = CATALOGUE._lookup(where)
                assert kept is not None and len(kept.labels) == written, where
