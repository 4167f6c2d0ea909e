"""A Word content control whose own title is a platform's tag ("Views of c", "txtBox12")
under a sub-heading that is the form's label ("Views of carers and professionals"): the
sub-heading names the field. A control with a title peplint knows keeps its own."""

from __future__ import annotations

from pathlib import Path

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from peplint.report import FileReport
from tests.docx_edits import fixture, linted

HEADING = "Carer's and professionals' views"


def _views_in_a_control(folder: Path, title: str) -> FileReport:
    """secondary-good.docx with the paragraph under its carers' and professionals' views
    sub-heading put in a content control titled `title`."""
    doc = fixture("secondary-good.docx")
    heading = next(p for p in doc.paragraphs if p.text == HEADING)
    paragraph = heading._p.getnext()
    text = "".join(paragraph.itertext())
    control = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{title}"/></w:sdtPr>'
        f"<w:sdtContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    paragraph.addnext(control)
    paragraph.getparent().remove(paragraph)
    return linted(doc, folder / "views-in-control.docx")


def test_a_control_titled_by_a_tag_takes_the_sub_heading_over_it(tmp_path: Path) -> None:
    report = _views_in_a_control(tmp_path, "txtViews12")
    assert report.pep is not None and report.checklist is not None
    assert (report.pep.meeting.contributors_views or "").startswith("Tom and Ann say")
    assert report.pep.provenance["meeting.contributors_views"].label == HEADING
    assert next(i.answer for i in report.checklist.items if i.id == "D3") == "yes"


def test_a_control_with_a_known_title_keeps_it(tmp_path: Path) -> None:
    report = _views_in_a_control(tmp_path, "Views of carers and professionals")
    assert report.pep is not None
    assert (report.pep.meeting.contributors_views or "").startswith("Tom and Ann say")
    label = report.pep.provenance["meeting.contributors_views"].label
    assert label == "Views of carers and professionals"
