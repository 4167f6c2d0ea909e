"""Word variants written as raw WordprocessingML, the way form-builder exports look inside.

What python-docx never writes: content controls (w:sdt) whose title (w:alias) and
tag are the only label, with Word's placeholder text when empty, date pickers,
drop-down lists and w14 checkboxes; section titles inside text boxes
(w:txbxContent, once in the DrawingML choice and again in the VML fallback, as Word
writes them); tables whose first row is one shaded cell merged across the table;
two-level headers with horizontally and vertically merged cells.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from tests.layouts.forms import Choice, Field, Grid, Item, Section, Targets, Text
from tests.layouts.marks import runs

PLACEHOLDER = "Click or tap here to enter text."
CHOOSE = "Choose an item."
NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="w14"'
)
WIDTH = 9600  # twentieths of a point across the text area


def _run(text: str, bold: bool = False, color: str | None = None, font: str | None = None) -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if font:
        props = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>' + props
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(*content: str) -> str:
    return f"<w:p>{''.join(content)}</w:p>"


def _tag(label: str) -> str:
    return "cc" + "".join(w.capitalize() for w in re.findall(r"[A-Za-z]+", label))[:40]


def _sdt_props(label: str, extra: str, empty: bool) -> str:
    shown = "<w:showingPlcHdr/>" if empty else ""
    return (
        f'<w:sdtPr><w:alias w:val={quoteattr(label)}/><w:tag w:val="{_tag(label)}"/>'
        f"{shown}{extra}</w:sdtPr>"
    )


def text_control(label: str, value: str, iso: str | None = None, block: bool = False) -> str:
    """A plain-text (or date-picker) content control; the placeholder when empty."""
    empty = not value
    if iso:
        extra = (
            f'<w:date w:fullDate="{iso}T00:00:00Z"><w:dateFormat w:val="dd/MM/yyyy"/>'
            '<w:lid w:val="en-GB"/></w:date>'
        )
    else:
        extra = '<w:text w:multiLine="1"/>' if block else "<w:text/>"
    shown = _run(PLACEHOLDER if empty else value, color="808080" if empty else None)
    content = _p(shown) if block else shown
    return f"<w:sdt>{_sdt_props(label, extra, empty)}<w:sdtContent>{content}</w:sdtContent></w:sdt>"


def dropdown_control(choice: Choice) -> str:
    """A drop-down list content control showing the chosen item ("Choose an item." if none)."""
    items = "".join(
        f"<w:listItem w:displayText={quoteattr(o)} w:value={quoteattr(o)}/>" for o in choice.options
    )
    extra = (
        f'<w:dropDownList><w:listItem w:displayText="{CHOOSE}" w:value=""/>{items}</w:dropDownList>'
    )
    empty = choice.chosen is None
    shown = _run(CHOOSE if empty else choice.chosen or "", color="808080" if empty else None)
    return f"<w:sdt>{_sdt_props(choice.label, extra, empty)}<w:sdtContent>{shown}</w:sdtContent></w:sdt>"


def checkbox_controls(choice: Choice) -> str:
    """One w14 checkbox content control per option, then the option's name."""
    out = []
    for option in choice.options:
        on = option == choice.chosen
        props = (
            f"<w:sdtPr><w:alias w:val={quoteattr(f'{choice.label} {option}')}/>"
            f'<w:tag w:val="{_tag(choice.label)}{option}"/>'
            f'<w14:checkbox><w14:checked w14:val="{int(on)}"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        )
        glyph = _run("☒" if on else "☐", font="MS Gothic")
        out.append(
            f"<w:sdt>{props}<w:sdtContent>{glyph}</w:sdtContent></w:sdt>{_run(f' {option}   ')}"
        )
    return "".join(out)


def _choice_xml(choice: Choice) -> str:
    return checkbox_controls(choice) if len(choice.options) <= 3 else dropdown_control(choice)


def textbox_title(text: str, number: int) -> str:
    """A section title in a floating text box: DrawingML with the VML fallback, as Word writes it."""
    inner = f"<w:txbxContent>{_p(_run(text, bold=True, color='FFFFFF'))}</w:txbxContent>"
    cx, cy = 5800000, 330000
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="{number}" name="Text Box {number}"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="2E4A7D"/></a:solidFill></wps:spPr>'
        f"<wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing>"
    )
    fallback = (
        f'<w:pict><v:shape id="tb{number}" type="#_x0000_t202" '
        f'style="width:456pt;height:26pt" fillcolor="#2E4A7D"><v:textbox>{inner}'
        "</v:textbox></v:shape></w:pict>"
    )
    return _p(
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _tc(
    content: str,
    width: int,
    span: int = 1,
    fill: str | None = None,
    vmerge: str | None = None,
    block: bool = False,
) -> str:
    """A table cell; `content` is runs, or block-level XML (then an empty paragraph closes it)."""
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    body = content + _p() if block else _p(content)
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"


def _tbl(columns: int, rows: list[str]) -> str:
    width = WIDTH // columns
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{WIDTH}" w:type="dxa"/><w:tblBorders>{borders}'
        f"</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


class WordMLForm:
    """Builds document.xml for the text-box/content-control or shaded-title-row variants."""

    def __init__(self, heading: str, fields: str, targets: str) -> None:
        self.heading, self.fields, self.targets = heading, fields, targets
        self.body: list[str] = []

    def value_xml(self, item: Item, block: bool = False) -> str:
        if isinstance(item, Choice):
            return _choice_xml(item)
        if isinstance(item, Field):
            return text_control(item.label, item.value, item.iso)
        assert isinstance(item, Text)
        return text_control(item.label, item.value, block=block)

    def controls(self, group: list[Item]) -> None:
        """Fields whose only label is the content control's title; long texts get a prompt."""
        for item in group:
            if isinstance(item, Text):
                self.body.append(_p(_run(item.label, bold=True)))
                self.body.append(self.value_xml(item, block=True))
            elif isinstance(item, Choice):
                self.body.append(_p(_run(f"{item.label}  "), _choice_xml(item)))
            else:
                self.body.append(_p(self.value_xml(item)))

    def two_cell_rows(self, group: list[Item]) -> list[str]:
        """Label cell | a cell holding the content control (block-level for free text)."""
        w = WIDTH // 4
        rows = []
        for item in group:
            label = _tc(_run(item.label), w, fill="F2F2F2")  # type: ignore[union-attr]
            block = isinstance(item, Text)
            value = _tc(self.value_xml(item, block=block), w * 3, span=3, block=block)
            rows.append(f"<w:tr>{label}{value}</w:tr>")
        return rows

    def four_cell_rows(self, group: list[Item]) -> list[str]:
        rows, pending, w = [], list(group), WIDTH // 4
        while pending:
            item = pending.pop(0)
            label = _tc(_run(item.label, bold=True), w, fill="D9E2F3")  # type: ignore[union-attr]
            if not isinstance(item, Text) and pending and not isinstance(pending[0], Text):
                other = pending.pop(0)
                rows.append(
                    f"<w:tr>{label}{_tc(self.value_xml(item), w)}"
                    f"{_tc(_run(other.label, bold=True), w, fill='D9E2F3')}"  # type: ignore[union-attr]
                    f"{_tc(self.value_xml(other), w)}</w:tr>"
                )
            else:
                rows.append(
                    f"<w:tr>{label}{_tc(self.value_xml(item, block=isinstance(item, Text)), w * 3, span=3, block=isinstance(item, Text))}</w:tr>"
                )
        return rows

    def grid(self, grid: Grid) -> None:
        columns = len(grid.headers)
        w = WIDTH // columns
        groups = _header_groups(grid.headers)
        rows = []
        if any(len(members) > 1 for _, members in groups):
            top, second = [], []
            for name, members in groups:
                if len(members) > 1:
                    top.append(
                        _tc(
                            _run(name, bold=True),
                            w * len(members),
                            span=len(members),
                            fill="D9D9D9",
                        )
                    )
                    second += [
                        _tc(_run(grid.headers[i].split(" ", 1)[1], bold=True), w, fill="D9D9D9")
                        for i in members
                    ]
                else:
                    top.append(_tc(_run(name, bold=True), w, fill="D9D9D9", vmerge="restart"))
                    second.append(_tc("", w, fill="D9D9D9", vmerge="continue"))
            rows += [f"<w:tr>{''.join(top)}</w:tr>", f"<w:tr>{''.join(second)}</w:tr>"]
        else:
            rows.append(
                "<w:tr>"
                + "".join(_tc(_run(h, bold=True), w, fill="D9D9D9") for h in grid.headers)
                + "</w:tr>"
            )
        for row in grid.rows:
            cells = [
                _tc(checkbox_controls(c) if isinstance(c, Choice) else _run(c), w) for c in row
            ]
            rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
        self.body.append(_tbl(columns, rows))
        self.body.append(_p())

    def target_list(self, block: Targets) -> None:
        lab = block.labels
        parts = ("text", "strategy", "who", "deadline_text", "review")
        if self.targets == "grid":
            headers = (
                lab["text"],
                lab["why"],
                lab["strategy"],
                lab["who"],
                lab["deadline_text"],
                lab["review"],
            )
            self.grid(
                Grid(
                    headers,
                    tuple(
                        (
                            t.text,
                            "",
                            t.strategy or "",
                            t.who or "",
                            t.deadline_text or "",
                            t.review or "",
                        )
                        for t in block.targets
                    ),
                )
            )
            return
        if self.targets == "numbered":  # Word's own list numbering: "1." is not in the text
            for target in block.targets:
                self.body.append(
                    f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/>'
                    f"</w:numPr></w:pPr>{_run(target.text)}</w:p>"
                )
                for part in parts[1:]:
                    line = f"{lab[part]}: {getattr(target, part) or ''}".rstrip()
                    self.body.append(f'<w:p><w:pPr><w:ind w:left="720"/></w:pPr>{_run(line)}</w:p>')
            return
        for number, target in enumerate(block.targets, 1):
            self.body.append(_p(_run(f"{lab['item']} {number}", bold=True)))
            for part in parts:
                label = f"{lab[part]} {number}"
                self.body.append(text_control(label, getattr(target, part) or "", block=True))

    def section(self, number: int, section: Section) -> None:
        title_row: str | None = None
        if self.heading == "textbox":
            self.body.append(textbox_title(section.title, number))
        elif self.heading == "outline":  # a custom style with an outline level, auto-numbered
            self.body.append(
                f'<w:p><w:pPr><w:pStyle w:val="PEPSectionTitle"/></w:pPr>{_run(section.title)}</w:p>'
            )
        else:
            title_row = (
                f"<w:tr>{_tc(_run(section.title, bold=True, color='FFFFFF'), WIDTH, span=4, fill='1F3864')}"
                "</w:tr>"
            )
        for chunk in runs(section.items):
            if isinstance(chunk, list):
                if self.fields == "content_control":
                    self.controls(chunk)
                else:
                    make = self.four_cell_rows if self.fields == "four_cell" else self.two_cell_rows
                    rows = ([title_row] if title_row else []) + make(chunk)
                    title_row = None
                    self.body.append(_tbl(4, rows))
                    self.body.append(_p())
            elif isinstance(chunk, Grid):
                if title_row:
                    self.body += [_tbl(4, [title_row]), _p()]
                    title_row = None
                self.grid(chunk)
            elif isinstance(chunk, Targets):
                if title_row:
                    self.body += [_tbl(4, [title_row]), _p()]
                    title_row = None
                self.target_list(chunk)


def _header_groups(headers: tuple[str, ...]) -> list[tuple[str, list[int]]]:
    """Headers that share a term name as first word ("Autumn grade", "Autumn progress") grouped."""
    out: list[tuple[str, list[int]]] = []
    for index, header in enumerate(headers):
        first = header.split(" ", 1)[0]
        grouped = first in ("Autumn", "Spring", "Summer") and " " in header
        if grouped and out and out[-1][0] == first:
            out[-1][1].append(index)
        else:
            out.append((first if grouped else header, [index]))
    return out


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    "</Relationships>"
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
    '<w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="PEPSectionTitle">'
    '<w:name w:val="PEP Section Title"/><w:basedOn w:val="Normal"/><w:pPr>'
    '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:before="240" w:after="60"/>'
    '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="24"/>'
    "</w:rPr></w:style></w:styles>"
)


def _decimal_list(abstract_id: int) -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )


NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    f"{_decimal_list(0)}{_decimal_list(1)}"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Personal Education Plan</dc:title>'
    "<dc:creator>ePEP form builder</dc:creator></cp:coreProperties>"
)


def render_wordml(
    sections: list[Section], title: str, path: Path, *, heading: str, fields: str, targets: str
) -> Path:
    """Write the sections as a .docx of hand-written WordprocessingML."""
    form = WordMLForm(heading, fields, targets)
    form.body.append(_p(_run(title, bold=True)))
    for number, section in enumerate(sections, 1):
        form.section(number, section)
    sect = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
        'w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}>'
        f"<w:body>{''.join(form.body)}{sect}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/_rels/document.xml.rels", DOC_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", STYLES)
        archive.writestr("word/numbering.xml", NUMBERING)
        archive.writestr("docProps/core.xml", CORE)
    return path
