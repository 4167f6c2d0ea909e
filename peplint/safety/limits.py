"""The safety limits, with defaults sane for a term's PEP exports."""

from __future__ import annotations

from typing import NamedTuple


# A NamedTuple, not a dataclass: the quick answer to an unchanged `bulk --resume`
# (peplint.bulk.quick_resume) reads these defaults, and importing `dataclasses` (with
# `inspect`) would cost that answer a fifth of its time.
class Limits(NamedTuple):
    """Per-file limits. A PEP export is a few hundred KB; these leave wide room."""

    max_file_mb: float = 50.0  # larger inputs are refused before reading
    max_zip_members: int = 2_000  # a .docx has tens of parts
    max_member_mb: float = 100.0  # declared uncompressed size of one part
    max_total_mb: float = 300.0  # declared uncompressed size of all parts
    max_ratio: float = 200.0  # compression ratio above which a large part is a bomb
    max_stream_mb: float = 64.0  # one PDF stream, decompressed (a page's content is far less)
    max_page_objects: int = 200_000  # drawn objects on one PDF page (a PEP page has thousands)
    worker_memory_mb: int = 1_500  # address space a worker may add to what it inherits
    worker_seconds: float = 120.0  # wall time for one file
