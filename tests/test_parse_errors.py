"""Parsers raise the project's typed errors with a one-line message, never a library's."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.cli import main
from peplint.errors import InputError
from peplint.reading import read_pep
from tests.conftest import GENERATED, HOSTILE

needs_hostile = pytest.mark.skipif(
    not HOSTILE.is_dir(), reason="shared/hostile-samples not beside the repo"
)


@needs_hostile
@pytest.mark.parametrize("name", ["aes-256.pdf", "rc4-40.pdf"])
def test_encrypted_pdf_is_reported_as_encrypted(name: str) -> None:
    with pytest.raises(InputError) as caught:
        read_pep(HOSTILE / name)
    assert caught.value.code == "encrypted"
    assert "password" in caught.value.message


@needs_hostile
def test_password_file_opens_a_protected_pdf(tmp_path: Path) -> None:
    secret = tmp_path / "pw.txt"
    secret.write_text("foo\n")
    result = CliRunner().invoke(
        main, ["parse", str(HOSTILE / "rc4-40.pdf"), "--password-file", str(secret)]
    )
    assert result.exit_code == 0, result.output
    assert "foo" not in result.output


@needs_hostile
@pytest.mark.parametrize("name", ["issue-1113-evil-xobjects.pdf", "zen_of_python_corrupted.pdf"])
def test_malformed_pdfs_give_a_result_or_a_typed_error(name: str) -> None:
    try:
        pep = read_pep(HOSTILE / name)
    except InputError as exc:
        assert exc.code in {"corrupt", "no-text"}
    else:
        assert pep.template == "unknown"
        assert pep.warnings


@pytest.mark.parametrize(
    ("content", "suffix", "code"),
    [
        (b"", ".pdf", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, ".doc", "unsupported"),
        (b"PK\x03\x04 not really a zip", ".docx", "corrupt"),
        (b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", ".pdf", "corrupt"),
        (b"Hello, this is plain text", ".docx", "unsupported"),
    ],
)
def test_bad_files_raise_typed_errors(
    tmp_path: Path, content: bytes, suffix: str, code: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_pep(path)
    assert caught.value.code == code
    assert "\n" not in caught.value.message
    assert str(tmp_path) not in caught.value.message


def test_extension_does_not_decide_the_parser(tmp_path: Path) -> None:
    swapped = tmp_path / "really-a-pdf.docx"
    swapped.write_bytes((GENERATED / "walsall-good.pdf").read_bytes())
    assert read_pep(swapped).source.format == "pdf"
    swapped_back = tmp_path / "really-a-docx.pdf"
    swapped_back.write_bytes((GENERATED / "walsall-good.docx").read_bytes())
    assert read_pep(swapped_back).source.format == "docx"


def test_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "x.pdf"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        read_pep(folder)
    assert caught.value.code == "unsupported"


def test_cli_reports_one_line_and_exit_code_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    good = GENERATED / "secondary-good.pdf"
    result = CliRunner().invoke(main, ["parse", str(bad), str(good), "--format", "json"])
    assert result.exit_code == 3
    assert "Leah Okafor" in result.stdout
    errors = [line for line in result.stderr.splitlines() if line]
    assert errors == [
        "peplint: bad.pdf: This file is damaged and cannot be read (the file is empty). [corrupt]"
    ]
    assert "Traceback" not in result.output
