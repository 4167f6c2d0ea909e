"""The Word package is opened as python-docx opens it, reading only the parts the walker needs."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from peplint import errors
from peplint.parsers.docx_blocks import read_docx
from peplint.parsers.docx_package import open_docx
from tests import hostile

RELS = "word/_rels/document.xml.rels"


def _members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(hostile.good_docx())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _write(tmp_path: Path, members: dict[str, bytes]) -> Path:
    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _xml(element: Any) -> bytes:
    return bytes(etree.tostring(element))


def _edit(members: dict[str, bytes], name: str, pattern: str, replacement: str) -> None:
    members[name] = re.sub(pattern, replacement, members[name].decode()).encode()


def test_the_parts_are_the_ones_python_docx_gives(tmp_path: Path) -> None:
    path = _write(tmp_path, _members())
    ours, theirs = open_docx(path), docx.Document(str(path))
    assert _xml(ours.body) == _xml(theirs.element.body)
    assert _xml(ours.styles) == _xml(theirs.styles.element)
    assert _xml(ours.numbering) == _xml(theirs.part.numbering_part.element)


def test_a_renamed_main_part_is_found_by_its_relationship(tmp_path: Path) -> None:
    members = _members()
    expected = read_docx(_write(tmp_path, members)).blocks
    members["word/main.xml"] = members.pop("word/document.xml")
    members["word/_rels/main.xml.rels"] = members.pop(RELS)
    _edit(members, "_rels/.rels", r'Target="/?word/document.xml"', 'Target="/word/./main.xml"')
    _edit(members, "[Content_Types].xml", "/word/document.xml", "/WORD/Main.XML")
    assert read_docx(_write(tmp_path, members)).blocks == expected


def test_a_package_without_styles_gets_python_docx_default_styles(tmp_path: Path) -> None:
    members = _members()
    _edit(members, RELS, r'<Relationship [^>]*/styles"[^>]*/>', "")
    members.pop("word/styles.xml")
    path = _write(tmp_path, members)
    assert _xml(open_docx(path).styles) == _xml(docx.Document(str(path)).styles.element)


def test_a_macro_main_part_is_refused_as_docm(tmp_path: Path) -> None:
    members = _members()
    main = r"wordprocessingml\.document\.main\+xml"
    _edit(members, "[Content_Types].xml", main, "ms-word.document.macroEnabled.main+xml")
    with pytest.raises(errors.InputError) as caught:
        open_docx(_write(tmp_path, members))
    assert caught.value.code == "unsupported"


@pytest.mark.parametrize("case", ["no body", "styles of another type", "dangling styles"])
def test_a_broken_package_is_a_typed_error(tmp_path: Path, case: str) -> None:
    members = _members()
    if case == "no body":
        _edit(members, "word/document.xml", r"(?s)<w:body>.*</w:body>", "")
    elif case == "styles of another type":
        _edit(members, "[Content_Types].xml", r'<Override PartName="/word/styles.xml"[^>]*/>', "")
    else:
        members.pop("word/styles.xml")
    with pytest.raises(errors.InputError) as caught:
        read_docx(_write(tmp_path, members))
    assert caught.value.code == "corrupt"


def test_a_damaged_part_the_walker_never_reads_does_not_stop_it(tmp_path: Path) -> None:
    members = _members()
    expected = read_docx(_write(tmp_path, members)).blocks
    members["docProps/core.xml"] = members["docProps/core.xml"][:40]
    assert read_docx(_write(tmp_path, members)).blocks == expected
