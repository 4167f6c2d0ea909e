"""Reading one input file into a `Pep`: sniff the type, parse, extract fields.

This is the first two stages of the pipeline (parser, profile) behind one call.
It raises only `peplint.errors.InputError`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pluggy

from peplint import errors
from peplint.extract.build import build_pep
from peplint.extract.profiles import TemplateProfile
from peplint.model.document import Document
from peplint.model.pep import Pep, Source
from peplint.parsers.registry import ParserSpec
from peplint.plugins.manager import collect, default_manager
from peplint.safety.limits import Limits
from peplint.safety.names import printable
from peplint.safety.preflight import preflight

HEAD_BYTES = 8192


def parsers(pm: pluggy.PluginManager | None = None) -> dict[str, ParserSpec]:
    """Every registered parser, by format."""
    pm = pm or default_manager()
    return collect(pm.hook.peplint_register_parsers, lambda p: p.format, "parser")


def profiles(pm: pluggy.PluginManager | None = None) -> list[TemplateProfile]:
    """Every registered template profile."""
    pm = pm or default_manager()
    return list(
        collect(pm.hook.peplint_register_profiles, lambda p: p.name, "template profile").values()
    )


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def choose_parser(head: bytes, available: dict[str, ParserSpec]) -> ParserSpec:
    """The parser for a file whose first bytes are `head`."""
    for spec in available.values():
        if spec.sniff(head):
            return spec
    raise errors.unsupported("This is not a Word (.docx) or PDF file.")


def read_document(
    path: Path,
    password: str | None = None,
    pm: pluggy.PluginManager | None = None,
    limits: Limits | None = None,
    root: Path | None = None,
) -> Document:
    """Run the pre-flight checks, then parse `path` with the parser its bytes call for."""
    head = preflight(path, limits, root)[:HEAD_BYTES]
    spec = choose_parser(head, parsers(pm))
    return spec.read(path, password)


def read_pep(
    path: Path,
    password: str | None = None,
    pm: pluggy.PluginManager | None = None,
    extra_aliases: dict[str, list[str]] | None = None,
    limits: Limits | None = None,
    root: Path | None = None,
) -> Pep:
    """Run the pre-flight checks, parse `path` and extract the typed PEP model."""
    document = read_document(path, password, pm, limits, root)
    source = Source(
        path=printable(path),
        sha256=file_sha256(path),
        format=document.format,
        pages=document.pages,
        degraded=document.degraded,
    )
    return build_pep(document, source, profiles(pm), extra_aliases)
