"""The QA officer's outputs: Word sign-off page, HTML, Markdown, feedback text,
redaction and the designated teacher's self-check."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from peplint.cli import main
from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from peplint.lint import LintSetup, lint_file
from peplint.plugins.manager import collect, default_manager
from peplint.redact import redact_report
from peplint.report import Report
from tests.conftest import GENERATED, SPECS, expected_files, load_expected

SETUP = LintSetup.default()
REPORTERS = collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter")
GOLDEN = Path(__file__).parent / "golden" / "feedback"


def report_for(path: Path, redact: bool = False) -> Report:
    entry = lint_file(path, SETUP)
    return Report(pack=SETUP.pack, files=[redact_report(entry) if redact else entry])


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def overall_boxes(document: docx.document.Document) -> dict[str, str]:
    """The overall judgement's tick boxes: words -> box."""
    return {
        row.cells[1].text: row.cells[0].text
        for table in document.tables
        for row in table.rows
        if len(row.cells) == 2 and row.cells[0].text in ("☒", "☐")
    }


def test_docx_sign_off_page_for_a_failing_pep() -> None:
    data = REPORTERS["docx"].render(report_for(GENERATED / "walsall-weak-targets.pdf"))
    document = docx.Document(io.BytesIO(data))
    header, checklist = document.tables[0], document.tables[1]
    assert [c.text for c in header.rows[0].cells] == ["Young person", "Aaliyah Shah"]
    assert header.rows[1].cells[1].text == "Westgate College"
    assert header.rows[2].cells[1].text == "13/10/2026"
    assert [c.text for c in checklist.rows[0].cells] == ["Question", "Yes", "No"]
    answers = {
        row.cells[0].text.split(".")[0]: (row.cells[1].text, row.cells[2].text)
        for row in checklist.rows[1:]
    }
    assert answers["D1"] == ("☒", "☐")
    assert answers["D6"] == ("☐", "☒")
    assert answers["D7"] == ("☐", "☒")
    assert overall_boxes(document) == {
        "The PEP meets the expected standard": "☐",
        "The PEP does not meet the expected standard": "☒",
    }
    paragraphs = [p.text for p in document.paragraphs]
    comments = "\n".join(
        paragraphs[
            paragraphs.index("Further Comments") + 1 : paragraphs.index(
                "Name of VS worker who completed this"
            )
        ]
    )
    assert "Maths is below expected progress" in comments  # names the subject
    assert (
        "Target 1" in comments and "Aaliyah to work harder in lessons." in comments
    )  # names the target
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets and not any(p.text.startswith("- ") for p in document.paragraphs)
    signature = document.tables[-1]
    assert [r.cells[0].text for r in signature.rows] == ["Name", "Date", "Signature"]
    assert all(r.cells[1].text == "" for r in signature.rows)  # left for the officer


def test_docx_form_is_an_a4_local_authority_form() -> None:
    data = REPORTERS["docx"].render(report_for(GENERATED / "walsall-weak-targets.docx"))
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert "OFFICIAL-SENSITIVE" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = package.read("docProps/core.xml").decode()
        assert "python-docx" not in core
    assert "<w:tblHeader" in document.tables[1]._tbl.xml


def test_docx_for_a_pep_that_meets_the_standard() -> None:
    document = docx.Document(
        io.BytesIO(REPORTERS["docx"].render(report_for(GENERATED / "secondary-good.docx")))
    )
    assert overall_boxes(document) == {
        "The PEP meets the expected standard": "☒",
        "The PEP does not meet the expected standard": "☐",
    }
    checklist = document.tables[1]
    assert all(row.cells[2].text == "☐" for row in checklist.rows[1:])


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.external += [v for k, v in attrs if k in ("src", "href") and v]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_hostile_text_stays_inert(tmp_path: Path) -> None:
    spec = load_spec(SPECS / "walsall-good.yaml")
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    spec.young_persons_views = f"I like college {payload} and my tutor helps me a lot."
    spec.attainment.overview = (
        f"Jamie, your strengths are essays. An area to develop is maths. {payload}"
    )
    spec.child.name = "Jamie <b>Rowe</b>"
    path = tmp_path / "hostile.docx"
    path.write_bytes(render_spec(spec, "docx"))
    html = REPORTERS["html"].render(report_for(path)).decode()
    parsed = _Collector()
    parsed.feed(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert parsed.external == []
    assert "&lt;script&gt;" in html
    assert any(payload in chunk for chunk in parsed.text)  # shown as text
    markdown = REPORTERS["markdown"].render(report_for(path)).decode()
    assert "<b>" not in markdown and "Jamie \\<b\\>Rowe\\</b\\>" in markdown


def _personal_details(spec_id: str) -> list[str]:
    spec = load_spec(SPECS / f"{spec_id}.yaml")
    people = [
        spec.child.name,
        *(c.name for c in spec.carers),
        spec.social_worker.name,
        spec.designated_teacher.name,
    ]
    people += [a.name for a in spec.meeting.attendees]
    words = {part for name in people if name for part in name.split()}
    details = [w for w in words if len(w) > 2]
    contacts = [spec.social_worker, spec.designated_teacher, *spec.carers]
    details += [c.phone for c in contacts if c.phone] + [c.email for c in contacts if c.email]
    assert spec.child.date_of_birth is not None
    details += [spec.child.date_of_birth.strftime("%d/%m/%Y"), spec.child.date_of_birth.isoformat()]
    return details


@pytest.mark.parametrize("spec_id", ["walsall-good", "secondary-good", "secondary-absent-no-voice"])
@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "html", "docx"])
def test_redaction_leaves_no_name_phone_or_email(spec_id: str, fmt: str) -> None:
    rendered = REPORTERS[fmt].render(report_for(GENERATED / f"{spec_id}.pdf", redact=True))
    text = docx_text(rendered) if fmt == "docx" else rendered.decode()
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(rendered)) as package:
            text += "\n".join(
                package.read(n).decode("utf-8", "replace") for n in package.namelist()
            )
    for detail in _personal_details(spec_id):
        assert not re.search(rf"(?<!\w){re.escape(detail)}(?!\w)", text), detail
    if fmt != "text":  # the terminal report does not print the child's name at all
        assert "CHILD" in text


def test_redaction_is_stable_within_a_report() -> None:
    entry = redact_report(lint_file(GENERATED / "walsall-good.pdf", SETUP))
    assert entry.pep is not None
    assert entry.pep.child.name == "[CHILD]" and entry.pep.child.date_of_birth is None
    sw = entry.pep.social_worker.name
    assert sw is not None and sw.startswith("[PERSON-")
    assert [a.name for a in entry.pep.meeting.attendees if a.role == "Social worker"] == [sw]


@pytest.mark.parametrize("expected", expected_files(), ids=lambda p: p.name.split(".")[0])
def test_feedback_matches_golden_file(expected: Path) -> None:
    spec_id = load_expected(expected)["id"]
    feedback = lint_file(GENERATED / f"{spec_id}.pdf", SETUP).feedback
    golden = GOLDEN / f"{spec_id}.txt"
    if os.environ.get("PEPLINT_UPDATE_GOLDEN"):
        golden.write_text(feedback + "\n", encoding="utf-8")
    assert feedback + "\n" == golden.read_text(encoding="utf-8")


def test_feedback_uses_pack_wording(tmp_path: Path) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nextends: [section-d]\nmessages: {smart-time-bound: 'Please give this target a date.'}\n"
    )
    result = CliRunner().invoke(
        main,
        [
            "lint",
            str(GENERATED / "walsall-weak-targets.pdf"),
            "--pack",
            str(pack),
            "--format",
            "json",
        ],
    )
    assert "Please give this target a date" in json.loads(result.stdout)["files"][0]["feedback"]


def test_check_lists_what_to_fix_and_gates_submission() -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["check", str(GENERATED / "walsall-late-incomplete.docx")])
    assert bad.exit_code == 1
    lines = bad.output.splitlines()
    assert lines[-2] == "3 things to fix first."
    assert lines[-1].startswith("Checked with pack section-d")
    assert lines.index("Please change these before you submit:") < lines.index(
        "3 things to fix first."
    )
    assert (
        "sign" in lines[lines.index("Please change these before you submit:") + 1].lower()
    )  # D1 first
    good = runner.invoke(main, ["check", str(GENERATED / "secondary-good.pdf")])
    assert good.exit_code == 0 and good.output.splitlines()[-2] == "Ready to submit."


def test_lint_writes_each_document_format_privately(tmp_path: Path) -> None:
    for fmt in ("docx", "html", "markdown", "json"):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(
            main, ["lint", str(GENERATED / "walsall-good.pdf"), "--format", fmt, "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert out.stat().st_mode & 0o777 == 0o600
