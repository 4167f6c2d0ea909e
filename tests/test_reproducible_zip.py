"""Word packages with fixed timestamps: the raw copy gives the very bytes of rewriting every
member with zipfile, and packages it cannot copy are rewritten."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from peplint.reproducible_zip import _rewritten, reproducible_zip
from tests.conftest import GENERATED

DOCX = sorted(GENERATED.glob("*.docx"))


def _saved(path: Path) -> bytes:
    buffer = io.BytesIO()
    Document(str(path)).save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.name)
def test_the_copy_is_byte_for_byte_the_rewrite(path: Path) -> None:
    data = _saved(path)
    fixed = reproducible_zip(data)
    assert fixed == _rewritten(data)
    with zipfile.ZipFile(io.BytesIO(fixed)) as package:
        assert package.testzip() is None
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_saving_twice_gives_the_same_bytes() -> None:
    assert DOCX, "no generated Word fixtures"
    assert reproducible_zip(_saved(DOCX[0])) == reproducible_zip(_saved(DOCX[0]))


@pytest.mark.parametrize("kind", ["stored", "comment", "utf-8 name"])
def test_other_packages_are_rewritten_or_copied_correctly(kind: str) -> None:
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if kind == "stored" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", compression=method) as package:
        package.writestr("word/document.xml", "<w:document/>" * 50)
        package.writestr("naïve.xml" if kind == "utf-8 name" else "a.xml", "<a/>")
        if kind == "comment":
            package.comment = b"made elsewhere"
    data = buffer.getvalue()
    fixed = reproducible_zip(data)
    assert fixed == _rewritten(data)
    with zipfile.ZipFile(io.BytesIO(fixed)) as package:
        assert package.read("word/document.xml") == b"<w:document/>" * 50
