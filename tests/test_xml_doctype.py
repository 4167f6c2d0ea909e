"""The DOCTYPE refusal cannot be bypassed by padding or by the part's encoding."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from peplint import errors
from peplint.safety.limits import Limits
from peplint.safety.preflight import preflight
from peplint.safety.xmlscan import UnusualEncoding, has_doctype
from tests import hostile

DOCTYPE = '<!DOCTYPE d [<!ENTITY l0 "ha"><!ENTITY l1 "&l0;&l0;&l0;">]>'
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
BODY = f"<w:document {NS}><w:body><w:p><w:r><w:t>&l1;</w:t></w:r></w:p></w:body></w:document>"


def _docx_with(document_xml: bytes) -> bytes:
    return hostile.replace_member(hostile.good_docx(), "word/document.xml", document_xml)


def _preflight(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    preflight(path, Limits())


def test_a_doctype_after_64_kib_of_padding_is_refused(tmp_path: Path) -> None:
    padding = "<!--" + "x" * (200 * 1024) + "-->"
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{padding}{DOCTYPE}{BODY}'.encode()
    with pytest.raises(errors.InputError) as caught:
        _preflight(tmp_path, _docx_with(xml))
    assert caught.value.code == "unsupported"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_doctype_in_a_utf16_or_utf32_part_is_refused(tmp_path: Path, encoding: str) -> None:
    label = encoding.split("-")[0].upper() + "-" + encoding.split("-")[1]
    xml = f'<?xml version="1.0" encoding="{label}"?>{DOCTYPE}{BODY}'.encode(encoding)
    with pytest.raises(errors.InputError) as caught:
        _preflight(tmp_path, _docx_with(xml))
    assert caught.value.code == "unsupported"


def test_a_doctype_split_across_read_chunks_is_found() -> None:
    from peplint.safety import xmlscan

    padding = b" " * (xmlscan.CHUNK - 4)
    xml = b'<?xml version="1.0"?>' + padding + DOCTYPE.encode() + BODY.encode()
    assert has_doctype(io.BytesIO(xml))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "cp1252"])
def test_parts_without_a_doctype_pass_in_any_accepted_encoding(encoding: str) -> None:
    label = {
        "utf-8": "UTF-8",
        "utf-16": "UTF-16",
        "utf-16-be": "UTF-16BE",
        "cp1252": "windows-1252",
    }
    body = BODY.replace("&l1;", "Zoë")
    xml = f'<?xml version="1.0" encoding="{label[encoding]}"?>{body}'.encode(encoding)
    assert not has_doctype(io.BytesIO(xml))


def test_an_unusual_encoding_is_refused(tmp_path: Path) -> None:
    xml = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE d+AD4-' + BODY.encode()
    with pytest.raises(UnusualEncoding):
        has_doctype(io.BytesIO(xml))
    with pytest.raises(errors.InputError) as caught:
        _preflight(tmp_path, _docx_with(xml))
    assert caught.value.code == "unsupported"


def test_a_good_word_file_still_passes(tmp_path: Path) -> None:
    _preflight(tmp_path, hostile.good_docx())


@pytest.mark.parametrize(
    "encoding,label", [("utf-8", "UTF-8"), ("cp1252", "windows-1252"), ("latin-1", "ISO-8859-1")]
)
def test_a_doctype_in_mixed_case_after_odd_bytes_is_found(encoding: str, label: str) -> None:
    # invalid UTF-8 and a comment's "<!" before it do not hide it from the byte search
    odd = b"\xff\xc3<!-- \x80 -->"
    xml = f'<?xml version="1.0" encoding="{label}"?>'.encode() + odd + b"<!DocType d>"
    assert has_doctype(io.BytesIO(xml + BODY.encode(encoding)))
    assert not has_doctype(io.BytesIO(f'<?xml version="1.0"?>{BODY}'.encode() + odd))


def test_an_entity_split_across_chunks_is_found_in_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    from peplint.safety import xmlscan

    monkeypatch.setattr(xmlscan, "CHUNK", 64)
    for cut in range(1, 9):
        xml = b'<?xml version="1.0"?>'.ljust(64 - cut) + b'<!ENTITY l0 "ha">' + BODY.encode()
        assert has_doctype(io.BytesIO(xml))
