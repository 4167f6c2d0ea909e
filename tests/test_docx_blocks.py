"""The .docx walker on the traps python-docx's own API falls into.

Each test builds a small Word document whose body holds raw WordprocessingML
for one trap, and checks the block stream the walker produces.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from peplint.model.document import BlockKind
from peplint.parsers.docx_blocks import read_docx

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
)


def _doc_with(tmp_path: Path, *body_xml: str, header: str = "") -> Path:
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
        document.sections[0].footer.paragraphs[0].text = header + " footer"
    body = document.element.body
    sect = body[-1]
    for fragment in body_xml:
        sect.addprevious(parse_xml(_ns(fragment)))
    path = tmp_path / "case.docx"
    document.save(str(path))
    return path


def _ns(fragment: str) -> str:
    first_tag_end = fragment.index(">")
    if fragment[first_tag_end - 1] == "/":
        first_tag_end -= 1
    return fragment[:first_tag_end] + " " + NS + fragment[first_tag_end:]


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def _cell(inner: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>"


def test_text_inside_block_content_control_is_kept(tmp_path: Path) -> None:
    path = _doc_with(
        tmp_path,
        f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('Views in a control')}</w:sdtContent></w:sdt>",
    )
    assert [b.text for b in read_docx(path).blocks] == ["Views in a control"]


def test_tracked_insertions_kept_and_deletions_skipped(tmp_path: Path) -> None:
    para = (
        "<w:p><w:r><w:t xml:space='preserve'>Jamie </w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>now </w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>never </w:delText></w:r></w:del>"
        "<w:moveFrom w:id='3' w:author='a'><w:r><w:t>moved </w:t></w:r></w:moveFrom>"
        "<w:r><w:t>attends.</w:t></w:r></w:p>"
    )
    assert [b.text for b in read_docx(_doc_with(tmp_path, para)).blocks] == ["Jamie now attends."]


def test_content_control_and_legacy_checkboxes_keep_their_state(tmp_path: Path) -> None:
    w14_on = (
        "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val='1'/></w14:checkbox></w:sdtPr>"
        "<w:sdtContent><w:r><w:t>X</w:t></w:r></w:sdtContent></w:sdt>"
    )
    w14_off = w14_on.replace("w14:val='1'", "w14:val='0'")
    legacy_on = (
        "<w:r><w:fldChar w:fldCharType='begin'><w:ffData><w:checkBox><w:sizeAuto/>"
        "<w:default w:val='0'/><w:checked/></w:checkBox></w:ffData></w:fldChar></w:r>"
        "<w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r>"
    )
    paras = [
        f"<w:p>{w14_on}<w:r><w:t xml:space='preserve'> Yes </w:t></w:r>{w14_off}<w:r><w:t xml:space='preserve'> No</w:t></w:r></w:p>",
        f"<w:p>{legacy_on}<w:r><w:t xml:space='preserve'> Section complete</w:t></w:r></w:p>",
    ]
    blocks = read_docx(_doc_with(tmp_path, *paras)).blocks
    assert blocks[0].text == "☒ Yes ☐ No"
    assert blocks[1].kind == BlockKind.CHECKBOX
    assert blocks[1].checked is True
    assert blocks[1].text == "Section complete"


def test_merged_cells_appear_once_and_nested_tables_are_read(tmp_path: Path) -> None:
    nested = f"<w:tbl><w:tr>{_cell(_p('inner a'))}{_cell(_p('inner b'))}</w:tr></w:tbl>"
    span2, restart, cont = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    table = (
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        f"<w:tr>{_cell(_p('Autumn'), span2)}{_cell(_p('Notes'), restart)}</w:tr>"
        f"<w:tr>{_cell(_p('Grade'))}{_cell(_p('Progress'))}{_cell(_p(''), cont)}</w:tr>"
        f"<w:sdt><w:sdtContent><w:tr>{_cell(_p('B'))}{_cell(_p('Expected') + nested)}"
        f"<w:sdt><w:sdtContent>{_cell(_p('in a control'))}</w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>"
        "</w:tbl>"
    )
    blocks = read_docx(_doc_with(tmp_path, table)).blocks
    assert len(blocks) == 2  # the table, then the table nested in its cell as one of its own
    rows = blocks[0].table.rows  # type: ignore[union-attr]
    assert rows[0] == ["Autumn", None, "Notes"]
    assert rows[1] == ["Grade", "Progress", None]
    assert rows[2] == ["B", "Expected\ninner a | inner b", "in a control"]
    assert blocks[1].table is not None and blocks[1].table.rows == [["inner a", "inner b"]]


def test_headers_and_footers_are_not_content(tmp_path: Path) -> None:
    path = _doc_with(tmp_path, _p("Body text"), header="OFFICIAL - SENSITIVE")
    text = read_docx(path).text()
    assert "Body text" in text
    assert "OFFICIAL" not in text


def test_heading_styles_become_heading_blocks(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("My Targets", level=2)
    document.add_paragraph("Body")
    path = tmp_path / "h.docx"
    document.save(str(path))
    blocks = read_docx(path).blocks
    assert (blocks[0].kind, blocks[0].level, blocks[0].text) == (BlockKind.HEADING, 2, "My Targets")
    assert blocks[1].kind == BlockKind.PARAGRAPH


def test_heading_blocks_say_why_they_are_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("About me", level=1)
    document.add_paragraph().add_run("My school").bold = True
    document.add_paragraph("Oak Academy, where Jamie is in Year 9 this year.")
    path = tmp_path / "cues.docx"
    document.save(str(path))
    blocks = read_docx(path).blocks
    assert [(b.kind, b.cue, b.level) for b in blocks] == [
        (BlockKind.HEADING, "heading-style", 1),
        (BlockKind.HEADING, "bold", 2),
        (BlockKind.PARAGRAPH, None, None),
    ]


def test_a_text_box_in_a_python_docx_file_is_read_once(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    box = "<w:txbxContent><w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent>"
    para = (
        f"<w:p xmlns:mc='{mc}' xmlns:wps='{wps}' xmlns:v='urn:schemas-microsoft-com:vml'>"
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:wsp><wps:txbx>"
        f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
        f"<v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r></w:p>"
    )
    text = read_docx(_doc_with(tmp_path, para, _p("After"))).text()
    assert text.count("Boxed words") == 1
    assert text.index("Boxed words") < text.index("After")
