"""A heading that names no section, at a section's level after the first section: what
follows is read outside any section, and the heading is offered as the label of the
running text under it ("VIEWS OF THOSE SUPPORTING THE YOUNG PERSON" is the contributors'
views); the text itself is still read as it is, so a numbered list of targets under an
unrecognised "Actions agreed" stays a list of targets."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from peplint.reading import read_pep
from peplint.report import FileReport
from tests.docx_edits import fixture, linted

OLD_HEADING = "Carer's and professionals' views"


def _with_heading(folder: Path, old: str, new: str) -> FileReport:
    """secondary-good.docx with its sub-heading `old` made a top-level heading `new`."""
    doc = fixture("secondary-good.docx")
    heading = next(p for p in doc.paragraphs if p.text == old)
    heading.text = new
    heading.style = doc.styles["Heading 2"]
    return linted(doc, folder / "unrecognised-heading.docx")


def test_an_unrecognised_heading_labels_the_text_under_it(tmp_path: Path) -> None:
    report = _with_heading(tmp_path, OLD_HEADING, "VIEWS OF THOSE SUPPORTING THE YOUNG PERSON")
    assert report.pep is not None and report.checklist is not None
    assert "VIEWS OF THOSE SUPPORTING THE YOUNG PERSON" in report.pep.unrecognised_headings
    assert (report.pep.meeting.contributors_views or "").startswith("Tom and Ann say")
    prov = report.pep.provenance["meeting.contributors_views"]
    assert (prov.state, prov.how) == ("found", "heading-text")
    assert next(i.answer for i in report.checklist.items if i.id == "D3") == "yes"


TARGETS = [
    (
        "Ellie, you will complete 15 minutes of fractions practice on three evenings a week.",
        "Ellie with Mr Khan (Maths teacher)",
        "Weekly small-group Maths tuition on Wednesdays.",
        "By 11 December 2026",
    ),
    (
        "Ellie, you will answer at least one question aloud in every English lesson.",
        "Ellie, supported by Mrs Shaw",
        "Your English teacher will use think-pair-share.",
        "By 12 February 2027",
    ),
    (
        "Ellie, you will attend the weekly lunchtime worry group for six weeks.",
        "Ellie with Ms Lee (school counsellor)",
        "Ms Lee will run the group on Thursdays.",
        "By 29 January 2027",
    ),
]


def test_a_list_under_an_unrecognised_heading_is_still_read(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("Personal Education Plan", level=0)
    doc.add_heading("PEP Meeting", level=1)
    doc.add_paragraph("Date of PEP meeting: 06/10/2026")
    doc.add_heading("Actions agreed", level=1)  # names no section
    for text, who, how, when in TARGETS:
        doc.add_paragraph(text)
        doc.add_paragraph(f"Who will help: {who}")
        doc.add_paragraph(f"Strategies: {how}")
        doc.add_paragraph(f"By when: {when}")
    path = tmp_path / "actions-agreed.docx"
    doc.save(str(path))
    pep = read_pep(path)
    assert "Actions agreed" in pep.unrecognised_headings
    assert [t.text for t in pep.targets] == [t[0] for t in TARGETS]
    assert [t.deadline_text for t in pep.targets] == [t[3] for t in TARGETS]
