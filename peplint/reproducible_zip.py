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
import zlib
from collections.abc import Iterable
from typing import NamedTuple

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


class Member(NamedTuple):
    """One member of a package as it is stored: name, flags, CRC, deflated data, size."""

    name: bytes
    flags: int  # 0x800 when the name is UTF-8, else 0
    crc: int
    raw: bytes  # the deflated data
    size: int  # the data's length before deflating


def package_zip(members: Iterable[Member]) -> bytes:
    """A reproducible zip file of deflated members (from `deflated`, or copied as stored),
    each dated 1980-01-01 with mode 0644, laid out as `zipfile` lays them out."""
    out = bytearray()
    central = bytearray()
    count = 0
    version = 20  # what zipfile writes for a deflated member
    for name, flags, crc, raw, size in members:
        offset = len(out)
        # The fields the local header and the central directory entry share, in order.
        shared = (flags, zipfile.ZIP_DEFLATED, _DOS_TIME, _DOS_DATE, crc, len(raw), size, len(name))
        out += _LOCAL.pack(b"PK\x03\x04", version, 0, *shared, 0)
        out += name + raw
        # Made by version 20 on Unix (3); no extra field, comment, disk number or internal
        # attributes; the mode; where the local header starts.
        central += _CENTRAL.pack(
            b"PK\x01\x02", version, 3, version, 0, *shared, 0, 0, 0, 0, _MODE, offset
        )
        central += name
        count += 1
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def reproducible_zip(data: bytes) -> bytes:
    """`data` (a zip package) with every member dated 1980-01-01 and mode 0644."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        if not _copyable(source, data):
            return _rewritten(data)
        members = []
        for info in source.infolist():
            start = info.header_offset
            name_len, extra_len = struct.unpack_from("<2H", data, start + 26)
            body = start + 30 + name_len + extra_len
            members.append(
                Member(
                    info.filename.encode("utf-8" if info.flag_bits & 0x800 else "ascii"),
                    info.flag_bits & 0x800,
                    info.CRC,
                    data[body : body + info.compress_size],
                    info.file_size,
                )
            )
        return package_zip(members)


def deflated(name: str, data: bytes) -> Member:
    """A member deflated as `zipfile` deflates it (the same level and window), so the
    package's bytes are those `zipfile` and `reproducible_zip` would give."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    try:
        encoded, flags = name.encode("ascii"), 0
    except UnicodeEncodeError:
        encoded, flags = name.encode("utf-8"), 0x800
    return Member(encoded, flags, zlib.crc32(data), raw, len(data))
