"""Nothing leaks: no names in the manifest, private permissions whatever the umask, every
person and school redacted, the redaction key outside the shareable folder, pseudonyms
consistent across a bulk run."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from peplint import errors
from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from peplint.lint import LintSetup, lint_file
from peplint.redact import Redactor, redact_report
from tests.conftest import GENERATED, SPECS
from tests.test_bulk_safety import _run


@pytest.fixture
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def _folder(root: Path) -> Path:
    root.mkdir()
    shutil.copy(GENERATED / "walsall-good.pdf", root / "Jamie Rowe PEP.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", root / "secondary.docx")
    return root


def test_the_manifest_names_no_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(_folder(tmp_path / "in"), out)
    manifest = (out / "manifest.json").read_text()
    assert "Jamie" not in manifest and "Rowe" not in manifest
    assert "peps/ (6 reports)" in json.loads(manifest)["outputs"]


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o777], indirect=True)
def test_outputs_are_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    os.umask(0o022)
    inputs = _folder(tmp_path / "in")
    os.umask(umask)
    out = tmp_path / "made" / "out"
    _run(inputs, out, redact=True)
    os.umask(0o022)
    for path in [out, *out.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert stat.S_IMODE((tmp_path / "made").stat().st_mode) == 0o700


def test_names_in_free_text_and_schools_are_redacted() -> None:
    entry = lint_file(GENERATED / "walsall-good.pdf", LintSetup.default())
    assert entry.pep is not None
    school = entry.pep.setting.name
    assert school
    entry.feedback = (
        f"Mrs Patel and Dr A. Khan met at {school} and at {school.upper()}; "
        "Jamie also visited Castle Primary School. ROWE, Jamie and JAMIE ROWE agreed. "
        "Rowe, Jamie too. The Virtual School officer rose early."
    )
    redacted = redact_report(entry).feedback
    for leak in ("Patel", "Khan", school, school.upper(), "Castle", "ROWE", "Jamie", "Rowe"):
        assert leak not in redacted, (leak, redacted)
    assert "Virtual School officer" in redacted and "rose early" in redacted


def test_pseudonyms_are_the_same_across_a_bulk_run_and_the_key_is_outside(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index, child in enumerate(("Ava Stone", "Noah Price")):
        spec = load_spec(SPECS / "secondary-good.yaml")
        spec.child.name = child
        (inputs / f"pep-{index}.docx").write_bytes(render_spec(spec, "docx"))
    out = tmp_path / "out"
    _run(inputs, out, redact=True)
    reports = [json.loads(p.read_text()) for p in sorted((out / "peps").glob("*.json"))]
    workers = {r["files"][0]["pep"]["social_worker"]["name"] for r in reports}
    schools = {r["files"][0]["pep"]["setting"]["name"] for r in reports}
    children = {r["files"][0]["pep"]["child"]["name"] for r in reports}
    assert len(workers) == 1 and re.fullmatch(r"\[PERSON-[0-9a-f]{8}\]", workers.pop())
    assert len(schools) == 1 and schools.pop().startswith("[SCHOOL-")
    assert len(children) == 2
    assert not [p for p in out.rglob("*") if "key" in p.name]
    key = Path(os.environ["XDG_CONFIG_HOME"]) / "peplint" / "redaction.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_key_inside_the_output_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(errors.ConfigError):
        _run(_folder(tmp_path / "in"), out, redact=True, key_file=out / "k.key")


@pytest.mark.parametrize(
    "text",
    ["Jamie Rowe", "JAMIE ROWE", "jamie rowe", "ROWE, Jamie", "Rowe, JAMIE", "Jamie  Rowe"],
)
def test_name_redaction_ignores_case_and_order(text: str) -> None:
    entry = lint_file(GENERATED / "walsall-good.pdf", LintSetup.default())
    assert entry.pep is not None and entry.pep.child.name == "Jamie Rowe"
    out = Redactor(entry.pep).text(f"Notes: {text} said so.")
    assert out == "Notes: [CHILD] said so."
