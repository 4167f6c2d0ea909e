"""What a parser plugin registers: a format, how to recognise it, how to read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peplint.model.document import Document

ReadFunction = Callable[[Path, str | None], Document]


@dataclass(frozen=True)
class ParserSpec:
    """A file format peplint can read.

    `sniff` is given the file's first 8 KiB and says whether this parser reads
    it; `read` turns a path (and an optional password) into a `Document` and
    raises only `peplint.errors.InputError`.
    """

    format: str
    description: str
    sniff: Callable[[bytes], bool]
    read: ReadFunction
