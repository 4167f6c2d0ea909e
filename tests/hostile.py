"""Builders for hostile inputs. Nothing here is committed as a file: tests make them."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from tests.conftest import GENERATED

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def good_docx() -> bytes:
    return (GENERATED / "walsall-good.docx").read_bytes()


def replace_member(
    data: bytes, name: str, content: bytes, extra: dict[str, bytes] | None = None
) -> bytes:
    """A copy of a zip with one member's content replaced (and members added)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(
                info.filename, content if info.filename == name else source.read(info.filename)
            )
        for extra_name, extra_content in (extra or {}).items():
            target.writestr(extra_name, extra_content)
    return out.getvalue()


def document_xml(body: str, doctype: str = "") -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f"<w:document {ns}><w:body>{body}</w:body></w:document>"
    ).encode()


def xxe_docx(canary: Path) -> bytes:
    doctype = f'<!DOCTYPE d [<!ENTITY c SYSTEM "file://{canary}">]>'
    return replace_member(
        good_docx(),
        "word/document.xml",
        document_xml("<w:p><w:r><w:t>&c;</w:t></w:r></w:p>", doctype),
    )


def billion_laughs_docx() -> bytes:
    entities = '<!ENTITY l0 "ha">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return replace_member(
        good_docx(),
        "word/document.xml",
        document_xml("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", f"<!DOCTYPE d [{entities}]>"),
    )


def deep_docx(depth: int = 5000) -> bytes:
    body = (
        "<w:sdt><w:sdtContent>" * depth
        + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
        + "</w:sdtContent></w:sdt>" * depth
    )
    return replace_member(good_docx(), "word/document.xml", document_xml(body))


def huge_text_docx(chars: int = 1_500_000) -> bytes:
    """A document with 1.5 million characters of varied text (it compresses like real text)."""
    import random

    rng = random.Random(0)
    vocabulary = [
        f"{w}{rng.randint(0, 999)}"
        for w in [
            "I",
            "like",
            "college",
            "and",
            "want",
            "to",
            "do",
            "well",
            "in",
            "my",
            "exams",
            "maths",
            "english",
            "art",
            "friends",
            "home",
        ]
    ]
    text, size = [], 0
    while size < chars:
        word = rng.choice(vocabulary)
        text.append(word)
        size += len(word) + 1
    words = " ".join(text)[:chars]
    body = (
        f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Young Person\'s Views</w:t></w:r></w:p>'
        f"<w:p><w:r><w:t>{words}</w:t></w:r></w:p>"
    )
    return replace_member(good_docx(), "word/document.xml", document_xml(body))


def docm() -> bytes:
    return replace_member(
        good_docx(),
        "word/document.xml",
        zipfile.ZipFile(io.BytesIO(good_docx())).read("word/document.xml"),
        extra={"word/vbaProject.bin": b"\0" * 64},
    )


def legacy_doc() -> bytes:
    return OLE2 + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 2048


def encrypted_docx() -> bytes:
    return (
        OLE2
        + b"\0" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + b"\0" * 64
        + "EncryptedPackage".encode("utf-16-le")
        + b"\0" * 2048
    )


def many_members_zip(count: int = 100_000) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for index in range(count):
            archive.writestr(f"word/m{index}.xml", b"")
    return out.getvalue()


def flat_zip_bomb() -> bytes:
    """One member of 200 MB of zeros (compresses about 1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(200):
                member.write(chunk)
    return out.getvalue()


def referenced_zip_bomb(entries: int = 300) -> bytes:
    """Many central-directory entries that all point at one compressed 20 MB member."""
    payload = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = payload.compress(b"\0" * (20 << 20)) + payload.flush()
    crc = zlib.crc32(b"\0" * (20 << 20))
    name = b"word/document.xml"
    local = (
        struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), 20 << 20, len(name), 0
        )
        + name
    )
    body = local + data
    central = b""
    for index in range(entries):
        entry_name = name if index == 0 else f"word/copy{index}.xml".encode()
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(data),
                20 << 20,
                len(entry_name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
            + entry_name
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central), len(body), 0)
    return body + central + end


def lying_sizes_docx() -> bytes:
    """document.xml declares 200 bytes but inflates to 30 MB."""
    real = document_xml("<w:p><w:r><w:t>" + "x" * (30 << 20) + "</w:t></w:r></w:p>")
    data = bytearray(replace_member(good_docx(), "word/document.xml", real))
    name = b"word/document.xml"
    size = struct.pack("<I", len(real))
    lie = struct.pack("<I", 200)
    # patch the uncompressed size in the local header and the central directory entry
    start = 0
    while True:
        at = data.find(name, start)
        if at < 0:
            break
        for offset in (
            at - 8,
            at - 22,
        ):  # uncompressed size: local header name-8, central directory name-22
            if data[offset : offset + 4] == size:
                data[offset : offset + 4] = lie
        start = at + 1
    return bytes(data)


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _stream(data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data)
        return (
            f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def _page_pdf(content: bytes, compressed: bytes | None = None) -> bytes:
    stream = compressed if compressed is not None else _stream(content)
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def cpu_bomb_pdf(operators: int = 2_000_000) -> bytes:
    return _page_pdf(b"BT /F1 1 Tf 10 10 Td (a) Tj ET\n" * operators)


def flate_bomb_pdf(megabytes: int = 400) -> bytes:
    squeezer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(squeezer.compress(chunk) for _ in range(megabytes)) + squeezer.flush()
    stream = (
        f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
    )
    return _page_pdf(b"", compressed=stream)


def cyclic_page_tree_pdf() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def image_only_pdf() -> bytes:
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("RGB", (200, 100), (240, 240, 240))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawImage(ImageReader(picture), 50, 500, width=400, height=200)
    page.save()
    return buffer.getvalue()


def no_cmap_pdf() -> bytes:
    """Text in a CID font with no ToUnicode map: pdfminer can only say (cid:NN)."""
    text = b"".join(b"<%04X>" % (0x100 + i) for i in range(40))
    content = (
        b"BT /F1 12 Tf 50 700 Td "
        + b" ".join(text[i : i + 6] + b" Tj" for i in range(0, len(text), 6))
        + b" ET"
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content, compress=False),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Mystery "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        ]
    )
