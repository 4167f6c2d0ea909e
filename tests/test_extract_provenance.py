"""Every extracted field says where it came from: found / empty / not_found, label,
section, page, how and score, keyed by the Pep's dotted field paths."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from peplint.extract.catalogue import builtin_catalogue
from peplint.model.pep import SECTION_KEYS, Pep
from peplint.reading import read_pep
from tests.conftest import GENERATED, expected_files, load_expected

_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
CASES = [
    GENERATED / f"{load_expected(p)['id']}.{fmt}"
    for p in expected_files()
    for fmt in ("docx", "pdf")
]


def resolve(data: Any, path: str) -> tuple[bool, Any]:
    """Whether `path` names a place in the dumped Pep, and the value there."""
    for name, index in _STEP.findall(path):
        if name:
            if not isinstance(data, dict) or name not in data:
                return False, None
            data = data[name]
        else:
            if not isinstance(data, list) or int(index) >= len(data):
                return False, None
            data = data[int(index)]
    return True, data


@pytest.fixture(scope="module", params=CASES, ids=[p.name for p in CASES])
def pep(request: pytest.FixtureRequest) -> Pep:
    path: Path = request.param
    return read_pep(path)


def test_provenance_keys_are_pep_field_paths(pep: Pep) -> None:
    data = pep.model_dump(mode="json")
    for key in pep.provenance:
        if key.startswith("sections."):
            assert key.removeprefix("sections.") in SECTION_KEYS
            continue
        known, _ = resolve(data, key)
        assert known, key


def test_every_value_the_catalogue_read_is_found_with_where(pep: Pep) -> None:
    data = pep.model_dump(mode="json")
    for spec in builtin_catalogue().scalars():
        _, value = resolve(data, spec.path)
        prov = pep.provenance.get(spec.path)
        if value is None or (spec.path == "eet_status" and value == "unknown"):
            assert prov is None or prov.state != "found", spec.path
            continue
        assert prov is not None and prov.state == "found", spec.path
        assert prov.label and prov.how and prov.page, spec.path
        assert prov.score is not None and 0 < prov.score <= 1, spec.path


def test_lists_and_their_records_have_provenance(pep: Pep) -> None:
    if pep.targets:
        assert pep.field_state("targets") == "found"
        assert pep.field_state("targets[0].text") == "found"
    if pep.meeting.attendees:
        assert pep.field_state("meeting.attendees") == "found"
        assert pep.provenance["meeting.attendees[0].name"].how == "table-column"


def test_free_text_sections_say_section_text(pep: Pep) -> None:
    if pep.young_persons_views:
        prov = pep.provenance["young_persons_views"]
        assert prov.how in {"section-text", "label-paragraph", "table-row", "inline-label"}
        assert prov.section == "young_persons_views"


def test_a_field_with_no_label_is_not_found(pep: Pep) -> None:
    # a path with no entry is not_found; the entries hold only found or empty
    assert pep.field_state("no.such.field") == "not_found"
    for path, prov in pep.provenance.items():
        assert prov.state in {"found", "empty"}, path  # absent paths are the not_found ones


def test_a_present_empty_intervention_row_is_empty_not_unread() -> None:
    # the weak-targets PEP's termly table has a full-width "What interventions..." row
    # under each subject; Maths' is blank, which is a defect the checklist can say "no" to
    pep = read_pep(GENERATED / "walsall-weak-targets.pdf")
    names = [s.subject for s in pep.attainment.subjects]
    maths = names.index("Maths")
    assert pep.field_state(f"attainment.subjects[{maths}].intervention") == "empty"
    assert pep.provenance[f"attainment.subjects[{maths}].intervention"].how == "table-column"
