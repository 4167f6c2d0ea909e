"""The committed JSON Schema for packs is the one the models generate, and it accepts
the built-in packs and rejects what `pack validate` rejects; `pack test --junitxml`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from peplint.cli import main
from peplint.packs.discovery import registered_packs
from peplint.packs.schema import pack_schema, pack_schema_text
from tests.conftest import ROOT

COMMITTED = ROOT / "docs" / "pack.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == pack_schema_text(), (
        "the pack models changed: run `peplint pack schema -o docs/pack.schema.json`"
    )


@pytest.mark.parametrize("name", sorted(registered_packs()))
def test_built_in_packs_match_the_schema(name: str) -> None:
    data = yaml.safe_load(registered_packs()[name].read_text(encoding="utf-8"))
    jsonschema.validate(data, pack_schema())


@pytest.mark.parametrize(
    "data",
    [
        {"pack": "x", "colour": "blue"},
        {"pack": "x", "rules": {"r": {"type": "nope", "message": "m"}}},
        {"pack": "x", "rules": {"voice-present": "loud"}},
        {"pack": "x", "checklist": {"title": "T"}},
    ],
)
def test_schema_rejects_mistakes(data: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, pack_schema())


def test_pack_test_writes_junit_xml(tmp_path: Path) -> None:
    out = tmp_path / "results.xml"
    result = CliRunner().invoke(main, ["pack", "test", "example-rag", "--junitxml", str(out)])
    root = ET.fromstring(out.read_text())
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests", "0")) > 0
    assert {c.get("classname") for c in cases} >= {"example-rag"}
    failures = [c for c in cases if c.find("failure") is not None]
    assert len(failures) == int(suite.get("failures", "-1"))
    assert (result.exit_code == 0) == (not failures)


def test_a_failing_pack_test_is_a_junit_failure(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nextends: [section-d]\ntests:\n  - name: wrong on purpose\n    pep: {}\n"
        "    expect: {findings: [smart-time-bound]}\n"
    )
    out = tmp_path / "r.xml"
    result = CliRunner().invoke(
        main, ["pack", "test", str(pack), "--own-only", "--junitxml", str(out)]
    )
    assert result.exit_code == 1
    failure = ET.fromstring(out.read_text()).find("testsuite/testcase/failure")
    assert failure is not None and "smart-time-bound" in (failure.text or "")
