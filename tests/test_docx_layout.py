"""The Word reader on layouts that are not our generator's: headings from how the
page looks, text boxes, content controls as fields, and tick and cross glyphs.

Most documents are raw WordprocessingML zipped by hand (with their own
styles.xml and numbering.xml); some are made with python-docx. Every habit is
varied: style names and ids, outline levels on body styles, direct formatting
against style formatting.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from peplint.model.document import Block, BlockKind
from peplint.parsers.docx_blocks import read_docx
from peplint.reading import read_pep
from tests.conftest import GENERATED, expected_files, field_differences, load_expected

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="w14"'
)
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/numbering" Target="numbering.xml"/></Relationships>'
)
# Localised ids (German Word), an oddly named heading inheriting from heading 1, a
# body style carrying an outline level, a bold paragraph style, a list style.
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="{W_NS}">
 <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
 <w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
 <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>
  <w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>
  <w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
 <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="Überschrift 2"/>
  <w:basedOn w:val="Standard"/></w:style>
 <w:style w:type="paragraph" w:styleId="PEPSection"><w:name w:val="PEP Section"/>
  <w:basedOn w:val="berschrift1"/></w:style>
 <w:style w:type="paragraph" w:styleId="BigBody"><w:name w:val="Big Body"/>
  <w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
 <w:style w:type="paragraph" w:styleId="StrongPara"><w:name w:val="Strong Para"/>
  <w:basedOn w:val="Standard"/><w:rPr><w:b/></w:rPr></w:style>
 <w:style w:type="paragraph" w:styleId="Listenabsatz"><w:name w:val="List Paragraph"/>
  <w:basedOn w:val="Standard"/></w:style>
 <w:style w:type="paragraph" w:styleId="Verzeichnis1"><w:name w:val="toc 1"/>
  <w:basedOn w:val="StrongPara"/></w:style>
 <w:style w:type="character" w:styleId="Fett"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
 <w:style w:type="character" w:styleId="Platzhaltertext"><w:name w:val="Placeholder Text"/>
  <w:rPr><w:color w:val="808080"/></w:rPr></w:style>
</w:styles>"""
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="{W_NS}">
 <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
 <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
 <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
 <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def _raw_docx(tmp_path: Path, *body: str, name: str = "raw.docx") -> Path:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {NAMESPACES}><w:body>'
        + "".join(body)
        + "<w:sectPr/></w:body></w:document>"
    )
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("word/_rels/document.xml.rels", DOC_RELS)
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", STYLES)
        package.writestr("word/numbering.xml", NUMBERING)
    return path


def _run(text: str, props: str = "") -> str:
    return f"<w:r><w:rPr>{props}</w:rPr><w:t xml:space='preserve'>{text}</w:t></w:r>"


def _p(text: str = "", props: str = "", ppr: str = "", runs: str = "") -> str:
    inner = runs or (_run(text, props) if text else "")
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def _styled(style: str, text: str) -> str:
    return _p(text, ppr=f"<w:pStyle w:val='{style}'/>")


def _bold(text: str) -> str:
    return _p(text, "<w:b/>")


def _cell(text: str, props: str = "", run_props: str = "", inner: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{inner or _p(text, run_props)}</w:tc>"


def _table(*rows: str, columns: int = 2) -> str:
    grid = "".join("<w:gridCol/>" for _ in range(columns))
    return (
        f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>"
        + "".join(f"<w:tr>{r}</w:tr>" for r in rows)
        + "</w:tbl>"
    )


def _blocks(path: Path) -> list[Block]:
    return read_docx(path).blocks


def _headings(blocks: list[Block]) -> list[tuple[str, int | None, str | None]]:
    return [(b.text, b.level, b.cue) for b in blocks if b.kind == BlockKind.HEADING]


# -- 1. headings ----------------------------------------------------------


def test_heading_styles_through_names_ids_inheritance_and_outline_levels(tmp_path: Path) -> None:
    path = _raw_docx(
        tmp_path,
        _styled("berschrift1", "About me"),
        _styled("berschrift2", "My health"),
        _styled("PEPSection", "My education"),
        _styled("BigBody", "Attendance"),
        _p("Targets", ppr="<w:outlineLvl w:val='2'/>"),
        _p("Body text with outline level nine", ppr="<w:outlineLvl w:val='9'/>"),
        _p("Ordinary text in the body of the form about something"),
    )
    assert _headings(_blocks(path)) == [
        ("About me", 1, "heading-style"),
        ("My health", 2, "heading-style"),
        ("My education", 1, "heading-style"),
        ("Attendance", 2, "outline-level"),
        ("Targets", 3, "outline-level"),
    ]


def test_short_bold_paragraphs_are_headings_by_run_by_style_or_by_character_style(
    tmp_path: Path,
) -> None:
    path = _raw_docx(
        tmp_path,
        _bold("Views of the young person"),
        _p("I like art."),
        _styled("StrongPara", "Attainment and progress"),
        _p("Good progress in maths this term."),
        _p(runs=_run("Meeting details", "<w:rStyle w:val='Fett'/>")),
        _p("Held at school."),
    )
    assert _headings(_blocks(path)) == [
        ("Views of the young person", 2, "bold"),
        ("Attainment and progress", 2, "bold"),
        ("Meeting details", 2, "bold"),
    ]


def test_bold_that_is_not_a_heading(tmp_path: Path) -> None:
    path = _raw_docx(
        tmp_path,
        _bold("Yes"),
        _bold("Jamie has made good progress this term."),
        _p(runs=_run("Bold start ", "<w:b/>") + _run("and plain rest")),
        _bold("Name of child:"),
        _bold("Jamie Rowe"),  # a value under its label paragraph
        _bold("14/10/2026"),
        _bold("Carer: Sandra Lee"),
        _p(
            runs=_run("Social worker:", "<w:b/>")
            + "<w:r><w:rPr><w:b/></w:rPr><w:tab/></w:r>"
            + _run("Priya Kaur", "<w:b/>")
        ),
        _p(runs=_run("School", "<w:b/>") + "<w:r><w:tab/></w:r>" + _run("Oak Academy", "<w:b/>")),
        _table(_cell("Name", run_props="<w:b/>") + _cell("Jamie")),
        _bold(" ".join(["word"] * 14)),
    )
    blocks = _blocks(path)
    assert _headings(blocks) == []
    assert blocks[-2].kind == BlockKind.TABLE


def test_numbered_short_paragraphs_typed_and_automatic(tmp_path: Path) -> None:
    auto = "<w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr>"
    auto_deeper = "<w:numPr><w:ilvl w:val='1'/><w:numId w:val='1'/></w:numPr>"
    bullet = "<w:numPr><w:ilvl w:val='0'/><w:numId w:val='2'/></w:numPr>"
    path = _raw_docx(
        tmp_path,
        _p("Section 4 - Attendance"),
        _p("95% this term."),
        _p("Part B:"),
        _p("Filled in by the school."),
        _p("3. My education"),
        _table(_cell("School") + _cell("Oak Academy")),
        _p("4. Read every day"),  # plain numbered list item, not over a table
        _p("Success criteria: reads 20 minutes a night."),
        _p(runs=_run("Health", "<w:b/>"), ppr=auto),
        _p(runs=_run("Dental checks", "<w:b/>"), ppr=auto_deeper),
        _p(runs=_run("Bulleted point", "<w:b/>"), ppr=bullet),
        _p("Plain list item", ppr="<w:pStyle w:val='Listenabsatz'/>" + auto),
        _p("More text after the list."),
    )
    assert _headings(_blocks(path)) == [
        ("Section 4 - Attendance", 2, "numbered"),
        ("Part B:", 2, "numbered"),
        ("3. My education", 3, "numbered"),  # plain numbers rank below "Section n"
        ("Health", 3, "numbered"),
        ("Dental checks", 4, "numbered"),
    ]


def test_a_plain_number_continuing_the_numbered_headings_is_one(tmp_path: Path) -> None:
    table = _table(_cell("School") + _cell("Oak Academy"))
    path = _raw_docx(
        tmp_path,
        _p("6. People at the meeting"),
        table,
        _p("7. Review and action plan"),
        _p("1. Read daily"),
        _p("2. Maths club"),
        _p("8. Future plans"),
        table,
        _p("9. Sign off"),
        _p("Signed by the social worker."),
        _p("10. Read every day"),  # next in the sequence, but a target with sub-lines
        _p("Who will help: my carer."),
    )
    assert [t for t, _, _ in _headings(_blocks(path))] == [
        "6. People at the meeting",
        "7. Review and action plan",
        "8. Future plans",
        "9. Sign off",
    ]


def test_capitals_and_large_text_are_headings_acronyms_are_not(tmp_path: Path) -> None:
    path = _raw_docx(
        tmp_path,
        _p("MY EDUCATION"),
        _p("Some text."),
        _p("Attendance", "<w:caps/>"),
        _p("Some text."),
        _p("Care history", "<w:sz w:val='32'/>"),
        _p("Some text."),
        _p("PEP"),
        _p("N/A"),
        _p("Gender"),
        _p("FEMALE"),  # a value under its label
        _p("ATTENDANCE", "<w:b/>"),
        _p("Slightly bigger", "<w:sz w:val='24'/>"),
    )
    assert _headings(_blocks(path)) == [
        ("MY EDUCATION", 3, "caps"),
        ("Attendance", 3, "caps"),
        ("Care history", 2, "font-size"),  # the largest type ranks first
        ("ATTENDANCE", 3, "caps"),
    ]


def test_visual_headings_sit_below_the_nearest_stronger_heading(tmp_path: Path) -> None:
    path = _raw_docx(
        tmp_path,
        _styled("berschrift1", "Personal Education Plan"),
        _p("1. About me", "<w:b/>"),
        _bold("What I like"),
        _p("Drawing."),
        _p("2. My school", "<w:b/>"),
        _styled("berschrift2", "Sign off"),
        _bold("Social worker"),
        _p("Signed."),
    )
    assert [(t, lvl) for t, lvl, _ in _headings(_blocks(path))] == [
        ("Personal Education Plan", 1),
        ("1. About me", 2),
        ("What I like", 3),
        ("2. My school", 2),
        ("Sign off", 2),
        ("Social worker", 4),  # bold ranks second here, below the numbered headings
    ]


def test_bold_lines_that_label_fields_rank_below_the_sections_they_are_in(
    tmp_path: Path,
) -> None:
    path = _raw_docx(
        tmp_path,
        _bold("About me"),
        _p("Jamie is in Year 9 and lives with foster carers in Walsall."),
        _bold("Date of birth"),  # over a bare date
        _p("01/02/2012"),
        _bold("My name"),  # a run of labels, each over one short value
        _p("Jamie Rowe"),
        _bold("My school"),
        _p("Oak Academy"),
        _bold("Primary need"),  # no value: straight on to the next label
        _bold("Views of the young person"),  # the visible label of its control
        _control("<w:alias w:val='Views of the young person'/>", _p("I like art.")),
        _bold("My targets"),
        _bold("What I will do"),  # recurs under each target
        _p("Read for twenty minutes every night with my carer."),
        _bold("What I will do"),
        _p("Hand in my homework on time every week this term."),
    )
    assert [(t, lvl) for t, lvl, _ in _headings(_blocks(path))] == [
        ("About me", 2),
        ("Date of birth", 3),
        ("My name", 3),
        ("My school", 3),
        ("Primary need", 3),
        ("Views of the young person", 3),
        ("My targets", 2),
        ("What I will do", 3),
        ("What I will do", 3),
    ]


def test_a_bold_question_ranks_below_bold_headings(tmp_path: Path) -> None:
    path = _raw_docx(
        tmp_path,
        _bold("My views"),
        _bold("What do you enjoy at school?"),
        _p("Art."),
        _p("How did we do on last time's actions?", "<w:sz w:val='30'/>"),
        _p("Done."),
    )
    assert _headings(_blocks(path)) == [
        ("My views", 3, "bold"),
        ("What do you enjoy at school?", 4, "bold"),
        ("How did we do on last time's actions?", 2, "font-size"),
    ]


def test_table_of_contents_entries_are_not_headings(tmp_path: Path) -> None:
    path = _raw_docx(tmp_path, _styled("Verzeichnis1", "About me"), _p("Text."))
    assert _headings(_blocks(path)) == []


def test_table_title_rows_merged_or_shaded_become_headings(tmp_path: Path) -> None:
    span2, span3 = "<w:gridSpan w:val='2'/>", "<w:gridSpan w:val='3'/>"
    shade = "<w:shd w:val='clear' w:color='auto' w:fill='1F3864'/>"
    white = "<w:shd w:val='clear' w:color='auto' w:fill='FFFFFF'/>"
    path = _raw_docx(
        tmp_path,
        _table(_cell("Child's details", span2), _cell("Name") + _cell("Jamie Rowe")),
        _table(_cell("My views", shade), _cell("I like art and football."), columns=1),
        _table(_cell("Plain one column", white), _cell("value"), columns=1),
        _table(_cell("Name") + _cell("Role"), _cell("Priya") + _cell("SW")),
        _table(_cell("Please complete every part of this form.", span2), _cell("a") + _cell("b")),
        _table(_cell("Attendance", span2), _cell("a") + _cell("b") + _cell("c"), columns=3),
        _table(_cell("Section C: Health", shade), columns=1),
        _table(_cell("Health", span3), _cell("a") + _cell("b") + _cell("c"), columns=3),
        _table(_cell("Education", shade) + _cell("", shade), _cell("School") + _cell("Oak")),
        _table(_cell("Role", shade) + _cell("Name"), _cell("SW") + _cell("Priya")),
    )
    blocks = _blocks(path)
    assert _headings(blocks) == [
        ("Child's details", 3, "table-title-row"),
        ("My views", 3, "table-title-row"),
        ("Section C: Health", 2, "table-title-row"),  # "Section C" ranks above plain titles
        ("Health", 3, "table-title-row"),
        ("Education", 3, "table-title-row"),
    ]
    tables = [b.table.rows for b in blocks if b.table is not None]
    assert tables[0] == [["Name", "Jamie Rowe"]]
    assert tables[1] == [["I like art and football."]]
    assert tables[2][0] == ["Plain one column"]
    assert tables[3][0] == ["Name", "Role"]
    assert tables[4][0] == ["Please complete every part of this form.", None]
    assert tables[5][0] == ["Attendance", None]  # spans 2 of 3 columns: not a title
    assert tables[6] == [["a", "b", "c"]]
    assert tables[7] == [["School", "Oak"]]
    assert tables[8] == [["Role", "Name"], ["SW", "Priya"]]
    assert len(tables) == 9  # the one-row band became only a heading


def test_python_docx_made_file_with_custom_styles_and_direct_formatting(tmp_path: Path) -> None:
    document = docx.Document()
    section_style = document.styles.add_style("Abschnitt", WD_STYLE_TYPE.PARAGRAPH)
    section_style.base_style = document.styles["Heading 1"]
    band = document.styles.add_style("Band Text", WD_STYLE_TYPE.PARAGRAPH)
    band.font.bold = True
    document.add_paragraph("My Education", style="Abschnitt")
    document.add_paragraph().add_run("School details").bold = True
    document.add_paragraph("Oak Academy, Year 9.")
    document.add_paragraph("Targets and actions", style="Band Text")
    big = document.add_paragraph().add_run("Sign off")
    big.font.size = Pt(18)
    document.add_paragraph("A sentence in bold that ends properly.").runs[0].bold = True
    path = tmp_path / "made.docx"
    document.save(str(path))
    assert _headings(_blocks(path)) == [
        ("My Education", 1, "heading-style"),
        ("School details", 3, "bold"),  # below the larger type of "Sign off"
        ("Targets and actions", 3, "bold"),
        ("Sign off", 2, "font-size"),
    ]


# -- 2. text boxes and content controls in reading order ---------------------


def _drawing_box(inner: str) -> str:
    return (
        "<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></w:r>"
    )


def _vml_box(inner: str) -> str:
    return f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"


def _alternate(inner: str) -> str:
    return (
        "<mc:AlternateContent><mc:Choice Requires='wps'>"
        + _drawing_box(inner)
        + "</mc:Choice><mc:Fallback>"
        + _vml_box(inner)
        + "</mc:Fallback></mc:AlternateContent>"
    )


def test_text_boxes_are_read_once_in_reading_order(tmp_path: Path) -> None:
    two_paragraphs = _p("Jamie says:") + _p(
        "I want to be a vet when I am older, and I like biology."
    )
    path = _raw_docx(
        tmp_path,
        _p("Before the boxes."),
        _p(runs=_alternate(_p("My Views", "<w:sz w:val='36'/>"))),
        _p(runs=_vml_box(two_paragraphs)),
        _p(runs=_run("Name of carer: ") + _drawing_box(_p("Sandra Lee"))),
        _p("After the boxes."),
    )
    blocks = _blocks(path)
    assert [(b.kind, b.text, b.cue) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Before the boxes.", None),
        (BlockKind.HEADING, "My Views", "textbox"),  # its size ranks it, not its own cue
        (BlockKind.PARAGRAPH, "Jamie says:", None),
        (BlockKind.PARAGRAPH, "I want to be a vet when I am older, and I like biology.", None),
        (BlockKind.PARAGRAPH, "Name of carer:", None),
        (BlockKind.PARAGRAPH, "Sandra Lee", None),
        (BlockKind.PARAGRAPH, "After the boxes.", None),
    ]


def _control(props: str, content: str) -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def _label_values(blocks: list[Block]) -> list[tuple[str | None, str]]:
    return [(b.label, b.text) for b in blocks if b.kind == BlockKind.LABEL_VALUE]


def test_titled_and_tagged_content_controls_become_label_values(tmp_path: Path) -> None:
    placeholder = "<w:showingPlcHdr/>"
    path = _raw_docx(
        tmp_path,
        _control("<w:alias w:val='Child&apos;s views'/>", _p("I like art.") + _p("And swimming.")),
        _p(runs=_control("<w:tag w:val='txtChildDateOfBirth'/>", _run("01/02/2012"))),
        _p(runs=_run("Carer: ") + _control("<w:alias w:val='Carer name'/>", _run("Sandra Lee"))),
        _p(runs=_control("<w:alias w:val='School'/>" + placeholder, _run("Oak Academy"))),
        _p(
            runs=_control(
                "<w:alias w:val='Social worker'/>",
                _run("Name of the worker", "<w:rStyle w:val='Platzhaltertext'/>"),
            )
        ),
        _p(runs=_control("<w:tag w:val='year_group'/>", _run("Click here to enter text."))),
        _p(runs=_control("<w:tag w:val='{3F2504E0-4F89-11D3-9A0C-0305E82C3301}'/>", _run("Kept"))),
        _control(
            "<w:alias w:val='Contents'/><w:docPartObj><w:docPartGallery w:val='Table of Contents'/></w:docPartObj>",
            _p("About me 3"),
        ),
    )
    blocks = _blocks(path)
    assert _label_values(blocks) == [
        ("Child's views", "I like art.\nAnd swimming."),
        ("Child date of birth", "01/02/2012"),
        ("Carer name", "Sandra Lee"),
        ("School", ""),
        ("Social worker", ""),
        ("Year group", ""),
    ]
    texts = [b.text for b in blocks if b.kind == BlockKind.PARAGRAPH]
    assert texts == ["Carer: Sandra Lee", "Kept"]


def test_an_untitled_control_showing_its_own_prompt_holds_nothing(tmp_path: Path) -> None:
    prompt = _control("<w:showingPlcHdr/>", _p("Describe the support in place"))
    path = _raw_docx(
        tmp_path, _p("Support:"), prompt, _table(_cell("Needs") + _cell("", inner=prompt))
    )
    blocks = _blocks(path)
    assert [b.text for b in blocks if b.kind == BlockKind.PARAGRAPH] == ["Support:"]
    assert blocks[-1].table is not None
    assert blocks[-1].table.rows == [["Needs", ""]]
    assert all(b.cue == "content-control" for b in blocks if b.kind == BlockKind.LABEL_VALUE)


def test_dropdowns_and_date_pickers_give_their_value(tmp_path: Path) -> None:
    items = (
        "<w:listItem w:displayText='Yes' w:value='Y'/><w:listItem w:displayText='No' w:value='N'/>"
    )
    path = _raw_docx(
        tmp_path,
        _p(
            runs=_control(
                f"<w:alias w:val='SEN'/><w:dropDownList>{items}</w:dropDownList>", _run("No")
            )
        ),
        _p(
            runs=_control(
                f"<w:alias w:val='EHCP'/><w:comboBox>{items}</w:comboBox>", _run("Choose an item.")
            )
        ),
        _p(
            runs=_control(
                "<w:alias w:val='PEP date'/><w:date w:fullDate='2026-10-14T00:00:00Z'/>",
                _run("14 October 2026"),
            )
        ),
        _p(
            runs=_control(
                "<w:alias w:val='Next PEP'/><w:date w:fullDate='2027-01-20T00:00:00Z'/>",
                _run("Click or tap to enter a date."),
            )
        ),
        _p(
            runs=_control("<w:alias w:val='Review'/><w:date/>", _run("Click here to enter a date."))
        ),
    )
    assert _label_values(_blocks(path)) == [
        ("SEN", "No"),
        ("EHCP", ""),
        ("PEP date", "14 October 2026"),
        ("Next PEP", "20/01/2027"),
        ("Review", ""),
    ]


def test_content_controls_in_cells_and_checkbox_controls(tmp_path: Path) -> None:
    box = _control(
        "<w:alias w:val='Attended'/><w14:checkbox><w14:checked w14:val='1'/></w14:checkbox>",
        _run("☒"),
    )
    untitled = _control("", _run("Oak Academy"))
    titled = _control("<w:alias w:val='Designated teacher'/>", _run("Mr Ellis"))
    prompt = _control("<w:alias w:val='Phone'/>", _run("Enter text."))
    path = _raw_docx(
        tmp_path,
        _table(
            _cell("School") + _cell("", inner=_p(runs=untitled)),
            _cell("", inner=_p(runs=titled)) + _cell(""),
            _cell("Phone") + _cell("", inner=_p(runs=prompt)),
            _cell("", inner=_control("<w:tag w:val='CarerViews'/>", _p("Settled.") + _p("Happy."))),
        ),
        _p(runs=box + _run(" Yes")),
    )
    blocks = _blocks(path)
    assert blocks[0].table is not None
    assert blocks[0].table.rows == [
        ["School", "Oak Academy"],
        ["Mr Ellis", ""],
        ["Phone", ""],
        ["Settled.\nHappy."],
    ]
    assert _label_values(blocks) == [
        ("Designated teacher", "Mr Ellis"),
        ("Carer views", "Settled.\nHappy."),
    ]
    assert (blocks[-1].kind, blocks[-1].checked, blocks[-1].text) == (
        BlockKind.CHECKBOX,
        True,
        "Yes",
    )


# -- 4. ticks, crosses and symbol fonts ------------------------------------------


def test_symbol_font_ticks_become_glyphs(tmp_path: Path) -> None:
    wingdings = "<w:rFonts w:ascii='Wingdings' w:hAnsi='Wingdings'/>"
    path = _raw_docx(
        tmp_path,
        _p(
            runs="<w:r><w:sym w:font='Wingdings' w:char='F0FE'/></w:r>"
            + _run(" Yes ")
            + "<w:r><w:sym w:font='Wingdings' w:char='F0A8'/></w:r>"
            + _run(" No")
        ),
        _p(runs=_run("ý", wingdings) + _run(" Attended")),
        _p(runs="<w:r><w:sym w:font='Wingdings 2' w:char='F050'/></w:r>" + _run(" Reading")),
    )
    blocks = _blocks(path)
    assert blocks[0].text == "☑ Yes ☐ No"
    assert (blocks[1].kind, blocks[1].checked, blocks[1].text) == (
        BlockKind.CHECKBOX,
        True,
        "Attended",
    )
    assert (blocks[2].kind, blocks[2].checked) == (BlockKind.CHECKBOX, True)


def test_a_cross_is_no_beside_ticks_the_mark_beside_empty_boxes_and_text_alone(
    tmp_path: Path,
) -> None:
    with_ticks = _blocks(
        _raw_docx(tmp_path, _p("✓ Carer attended"), _p("✗ Teacher attended"), name="t.docx")
    )
    assert [(b.kind, b.checked) for b in with_ticks] == [
        (BlockKind.CHECKBOX, True),
        (BlockKind.CHECKBOX, False),
    ]
    with_boxes = _blocks(
        _raw_docx(tmp_path, _p("☐ Not in school"), _p("✗ In school"), name="b.docx")
    )
    assert [b.checked for b in with_boxes] == [False, True]
    alone = _blocks(_raw_docx(tmp_path, _p("✗ Teacher attended"), name="a.docx"))
    assert (alone[0].kind, alone[0].text) == (BlockKind.PARAGRAPH, "✗ Teacher attended")
    cells = _blocks(
        _raw_docx(
            tmp_path,
            _table(_cell("Reading") + _cell("✗"), _cell("Maths") + _cell("✓")),
            name="c.docx",
        )
    )
    assert cells[0].table is not None
    assert cells[0].table.rows == [["Reading", "✗"], ["Maths", "✓"]]


def test_bands_between_parts_of_one_big_table_split_it(tmp_path: Path) -> None:
    span2 = "<w:gridSpan w:val='2'/>"
    shade = "<w:shd w:val='clear' w:color='auto' w:fill='D9D9D9'/>"
    path = _raw_docx(
        tmp_path,
        _table(
            _cell("Section 1: About me", span2 + shade),
            _cell("Name") + _cell("Jamie Rowe"),
            _cell("My school", span2, run_props="<w:b/>"),
            _cell("School") + _cell("Oak Academy"),
            _cell("Plain merged note", span2),  # neither shaded nor bold: stays a row
            _cell("Year") + _cell("9"),
            _cell("Last band", span2 + shade),  # nothing after it: stays a row
        ),
    )
    blocks = _blocks(path)
    assert [(b.kind, b.table.rows if b.table else b.text) for b in blocks] == [
        (BlockKind.HEADING, "Section 1: About me"),
        (BlockKind.TABLE, [["Name", "Jamie Rowe"]]),
        (BlockKind.HEADING, "My school"),
        (
            BlockKind.TABLE,
            [
                ["School", "Oak Academy"],
                ["Plain merged note", None],
                ["Year", "9"],
                ["Last band", None],
            ],
        ),
    ]


def test_shaded_paragraph_bands_are_headings(tmp_path: Path) -> None:
    shade = "<w:shd w:val='clear' w:color='auto' w:fill='002060'/>"
    path = _raw_docx(
        tmp_path,
        _p("My health", ppr=shade),
        _p("Jamie is well."),
        _p("A long shaded note that says a great deal more than any heading would say.", ppr=shade),
    )
    assert _headings(_blocks(path)) == [("My health", 2, "band")]


def test_text_box_in_a_cell_and_a_group_of_controls(tmp_path: Path) -> None:
    group = _control(
        "<w:alias w:val='Child details'/>",
        _p(runs=_run("Name: ") + _control("<w:alias w:val='Name'/>", _run("Jamie")))
        + _p(runs=_run("School: ") + _control("<w:tag w:val='SchoolName'/>", _run("Oak"))),
    )
    path = _raw_docx(
        tmp_path,
        _table(_cell("Views") + _cell("", inner=_p(runs=_drawing_box(_p("I like art."))))),
        group,
    )
    blocks = _blocks(path)
    assert blocks[0].table is not None
    assert blocks[0].table.rows == [["Views", "I like art."]]
    assert _label_values(blocks) == [("Name", "Jamie"), ("School name", "Oak")]


# -- the committed fixtures, their headings re-dressed in other habits -------------

HABITS = ["outline", "size", "numbered", "bold", "caps", "band", "title-row"]


def _style_level(paragraph: object) -> int | None:
    name = getattr(getattr(paragraph, "style", None), "name", "") or ""
    if name.startswith("Heading "):
        return int(name.split()[-1])
    return 1 if name == "Title" else None


def _set(parent: object, tag: str, **attrs: str) -> None:
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    parent.append(node)  # type: ignore[attr-defined]


def _redress(source: Path, habit: str, target: Path) -> list[str]:
    """`source` with every heading style replaced by `habit`; the heading texts as written."""
    document = docx.Document(str(source))
    counters = {1: 0, 2: 0, 3: 0}
    texts: list[str] = []
    for paragraph in list(document.paragraphs):
        level = _style_level(paragraph)
        if level is None:
            continue
        text = paragraph.text
        paragraph.style = document.styles["Normal"]
        if habit == "numbered" and level == 2:
            counters[2] += 1
            text = f"{counters[2]}. {text}"
        if habit == "caps":
            text = text.upper()
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        run = paragraph.add_run(text)
        run.bold = habit in {"bold", "numbered", "title-row"} or None
        ppr = paragraph._p.get_or_add_pPr()
        if habit == "size":
            run.font.size = Pt({1: 18, 2: 15}.get(level, 13))
        elif habit == "outline":
            _set(ppr, "w:outlineLvl", val=str(level - 1))
        elif habit == "band":
            _set(ppr, "w:shd", val="clear", fill="1F3864")
        table = paragraph._p.getnext()
        if habit == "title-row" and table is not None and table.tag == qn("w:tbl"):
            columns = len(table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
            row, cell, props = OxmlElement("w:tr"), OxmlElement("w:tc"), OxmlElement("w:tcPr")
            _set(props, "w:gridSpan", val=str(columns))
            _set(props, "w:shd", val="clear", fill="D9D9D9")
            cell.append(props)
            cell.append(copy.deepcopy(paragraph._p))
            row.append(cell)
            table.find(qn("w:tr")).addprevious(row)
            paragraph._p.getparent().remove(paragraph._p)
        texts.append(text)
    document.save(str(target))
    return texts


@pytest.mark.parametrize("habit", HABITS)
def test_fixture_headings_in_other_habits_are_all_read_as_headings(
    tmp_path: Path, habit: str
) -> None:
    for expected_path in expected_files():
        stem = load_expected(expected_path)["id"]
        path = tmp_path / f"{stem}-{habit}.docx"
        written = _redress(GENERATED / f"{stem}.docx", habit, path)
        blocks = _blocks(path)
        assert [t for t, _, _ in _headings(blocks)] == written, stem
        assert not [b for b in blocks if b.kind == BlockKind.HEADING and b.cue == "heading-style"]


@pytest.mark.parametrize("habit", ["outline", "size", "numbered"])
def test_fixtures_with_ranked_heading_habits_parse_to_their_values(
    tmp_path: Path, habit: str
) -> None:
    """Where the habit keeps the heading hierarchy visible, every field is still read.

    (All-bold, all-caps, banded and title-row headings look the same at every level,
    so a sub-heading that matches no section cannot be told from a section there.)
    """
    for expected_path in expected_files():
        expected = load_expected(expected_path)
        path = tmp_path / f"{expected['id']}-{habit}.docx"
        _redress(GENERATED / f"{expected['id']}.docx", habit, path)
        pep = read_pep(path)
        assert field_differences(expected["fields"], pep.model_dump(mode="json")) == []
        assert pep.unrecognised_headings == []
