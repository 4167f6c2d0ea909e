"""Edges found in review of the readers added for unseen layouts: each would have given a
false answer or a crash."""

from __future__ import annotations

from pathlib import Path

from peplint.extract.build import _current
from peplint.model.pep import Pep, SectionText, Source, Target
from peplint.parsers.pdf_tables import _breaks_token, healed_across
from peplint.rules.target_text import unread_target_lines
from tests.docx_edits import fixture, linted, nest, replace, table_starting


def test_predicted_and_expected_columns_are_not_this_terms_results() -> None:
    header = ["subject", "predicted grade", "target grade", "current grade", "progress"]
    assert _current(header, ["Maths", "6", "6", "", ""], {0: "subject"}, "autumn") is None
    expected = ["subject", "expected progress", "actual progress"]
    result = _current(expected, ["Maths", "Expected", "Below"], {0: "subject"}, "autumn")
    assert result is not None and result.progress == "less"


def test_two_columns_that_could_each_be_the_grade_are_not_guessed() -> None:
    header = ["subject", "grade", "working at"]
    assert _current(header, ["Maths", "4", "5"], {0: "subject"}, "autumn") is None


def _pep(section: str, *targets: str) -> Pep:
    return Pep(
        source=Source(path="x.docx", sha256="0" * 64, format="docx"),
        template="unknown",
        sections={"smart_targets": SectionText(heading="Targets", text=section)},
        targets=[Target(text=t) for t in targets],
    )


def test_a_target_line_sharing_only_common_words_is_still_unread() -> None:
    read = "You will read every evening after college with your carer."
    missed = "You will attend the weekly study skills club every Thursday after college."
    assert unread_target_lines(_pep(f"{read}\n{missed}", read)) == [missed]


def test_a_forms_guidance_is_not_an_unread_target() -> None:
    read = "You will read every evening after college with your carer."
    guidance = "Targets should be specific, measurable, achievable, realistic and timed."
    assert unread_target_lines(_pep(f"{guidance}\n{read}", read)) == []


def test_a_cell_of_white_space_across_a_page_break_does_not_crash() -> None:
    assert healed_across("x ", " ") == "x"
    assert healed_across(" ", "gy") == "gy"


def test_a_two_figure_year_is_a_whole_year() -> None:
    assert not _breaks_token("01/02/26", "2")
    assert _breaks_token("01/02/202", "6")


def _carer_lines(lines: list[str], folder: Path) -> Pep:
    doc = fixture("walsall-good.docx")
    table = table_starting(doc, "Name")
    anchor = table._tbl
    for text in lines:
        paragraph = doc.add_paragraph(text)
        anchor.addnext(paragraph._p)
        anchor = paragraph._p
    table._tbl.getparent().remove(table._tbl)
    report = linted(doc, folder / "people.docx")
    assert report.pep is not None
    return report.pep


def test_a_parent_or_an_iro_on_labelled_lines_is_not_a_carer(tmp_path: Path) -> None:
    parent = ["Birth mother's name: Karen Rowe", "Phone: 0121 496 0999"]
    iro = ["Name of IRO: Sam Green", "Email: sam.green@example.org"]
    assert _carer_lines([*parent, *iro], tmp_path).carers == []
    carer = ["Carer name: Sandra Whitley", "Phone: 0121 496 0110"]
    assert [c.name for c in _carer_lines(carer, tmp_path).carers] == ["Sandra Whitley"]


def test_a_table_nested_under_a_title_row_is_in_that_rows_section(tmp_path: Path) -> None:
    """A layout table titled "SMART Targets" then "The PEP Meeting": the targets table
    nested in the first part is read in the targets section, not the meeting's."""
    doc = fixture("walsall-good.docx")
    targets = table_starting(doc, "Target")
    layout = doc.add_table(rows=4, cols=2)
    for index, title in ((0, "SMART Targets"), (2, "The PEP Meeting")):
        cell = layout.rows[index].cells[0].merge(layout.rows[index].cells[1])
        cell.paragraphs[0].add_run(title).bold = True
    layout.rows[1].cells[0].text = "Agreed targets"
    nest(targets, layout.rows[1].cells[1])
    layout.rows[3].cells[0].text, layout.rows[3].cells[1].text = "Attendance", "96%"
    replace(targets, layout)
    report = linted(doc, tmp_path / "titled.docx")
    assert report.pep is not None and len(report.pep.targets) == 3
    assert report.pep.provenance["targets"].section == "smart_targets"
