"""Every committed fixture, in both formats, parses to the values its spec states."""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.reading import read_pep
from tests.conftest import GENERATED, expected_files, field_differences, load_expected

CASES = [(path, fmt) for path in expected_files() for fmt in ("docx", "pdf")]


@pytest.mark.parametrize(
    ("expected_path", "fmt"), CASES, ids=[f"{p.name.split('.')[0]}-{f}" for p, f in CASES]
)
def test_fixture_fields_match_spec(expected_path: Path, fmt: str) -> None:
    expected = load_expected(expected_path)
    document = GENERATED / f"{expected['id']}.{fmt}"
    pep = read_pep(document)
    actual = pep.model_dump(mode="json")
    assert pep.template == expected["template"]
    assert field_differences(expected["fields"], actual) == []
    assert pep.unrecognised_headings == []


def test_fixture_set_covers_both_templates_and_formats() -> None:
    templates = {load_expected(p)["template"] for p in expected_files()}
    assert templates == {"walsall-post16", "secondary"}
    for path in expected_files():
        stem = load_expected(path)["id"]
        assert (GENERATED / f"{stem}.docx").is_file()
        assert (GENERATED / f"{stem}.pdf").is_file()
