"""Word packages with fixed member timestamps, so equal content gives equal bytes.

python-docx stamps every member of the package it saves with the time of saving. The
members are copied here as they are, compressed data and all, under headers with a fixed
date (1980-01-01) and mode (0644): the bytes are those of recompressing every member with
`zipfile` (the same deflate level), without doing the deflating twice. A package this
copy does not handle (zip64, encrypted, data descriptors, a comment) is rewritten by
`zipfile`, member by member, as before.
"""

from __future__ import annotations

import io
import struct
import zipfile

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_MODE = 0o644 << 16


def _rewritten(data: bytes) -> bytes:
    """The package rewritten member by member by `zipfile` (the general way)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = _MODE
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _copyable(source: zipfile.ZipFile, data: bytes) -> bool:
    if source.comment:
        return False
    for info in source.infolist():
        if (
            info.compress_type != zipfile.ZIP_DEFLATED
            or info.flag_bits & ~0x800  # only the UTF-8 name flag: no descriptors, no encryption
            or info.extra
            or info.comment
            or max(info.file_size, info.compress_size, info.header_offset) >= 0xFFFFFFFF
            or data[info.header_offset : info.header_offset + 4] != b"PK\x03\x04"
        ):
            return False
    return True


def reproducible_zip(data: bytes) -> bytes:
    """`data` (a zip package) with every member dated 1980-01-01 and mode 0644."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        if not _copyable(source, data):
            return _rewritten(data)
        out = bytearray()
        central = bytearray()
        for info in source.infolist():
            name = info.filename.encode("utf-8" if info.flag_bits & 0x800 else "ascii")
            flags = info.flag_bits & 0x800
            start = info.header_offset
            name_len, extra_len = struct.unpack_from("<2H", data, start + 26)
            body = start + 30 + name_len + extra_len
            raw = data[body : body + info.compress_size]
            offset = len(out)
            version = 20  # what zipfile writes for a deflated member
            out += _LOCAL.pack(
                b"PK\x03\x04",
                version,
                0,
                flags,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                info.CRC,
                info.compress_size,
                info.file_size,
                len(name),
                0,
            )
            out += name + raw
            central += _CENTRAL.pack(
                b"PK\x01\x02",
                version,
                3,
                version,
                0,
                flags,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                info.CRC,
                info.compress_size,
                info.file_size,
                len(name),
                0,
                0,
                0,
                0,
                _MODE,
                offset,
            )
            central += name
        count = len(source.infolist())
        end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
        return bytes(out + central + end)
