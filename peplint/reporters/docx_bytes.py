"""Word reports made quickly: each one starts as a copy of a blank A4 form held in
memory, and is written out with the parts every report shares deflated once.

python-docx opens its template (parsing a 350 KB styles part) for every new document and
deflates every part (850 KB of styles) on every save: two thirds of the time a bulk
worker spends on a PEP's Word report. The blank form is made once per process and copied
for each report, its styles part shared rather than copied (no report changes the
styles; one that did would keep its change, and the documents after it would start from
a blank made anew). A part whose bytes were deflated before (styles, theme, settings,
the footer) is not deflated again. The bytes are exactly those of `Document.save`
followed by `reproducible_zip`: the same members, in the same order, deflated the same way.
"""

from __future__ import annotations

import copy
import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from peplint.reproducible_zip import Member, deflated, package_zip, reproducible_zip

_KEPT = 32  # deflated parts remembered (a report has about 20, most met in every report)
_deflated: OrderedDict[tuple[str, bytes], Member] = OrderedDict()
_lock = threading.Lock()  # the web page renders reports in threads


@dataclass
class _Blank:
    """A prepared blank document, and its styles part: shared by every copy, not copied
    (no report changes the styles; they are nine tenths of the document's elements)."""

    doc: Any
    styles: Any
    styles_xml: bytes  # the styles as prepared: a report that changed them is caught


_blanks: dict[Callable[[Any], None], _Blank] = {}


def blank_document(prepare: Callable[[Any], None]) -> Any:
    """A new python-docx document as `prepare` leaves python-docx's blank one: a copy of
    one made once per process for each `prepare` function."""
    blank = _blanks.get(prepare)
    if blank is None:
        blank = _blanks[prepare] = _prepared(prepare)
    return copy.deepcopy(blank.doc, {id(blank.styles): blank.styles})


def _prepared(prepare: Callable[[Any], None]) -> _Blank:
    from docx import Document as new_document

    doc = new_document()
    prepare(doc)
    styles = doc.part.part_related_by(RT.STYLES)
    return _Blank(doc, styles, styles.blob)


def document_bytes(doc: Any) -> bytes:
    """The document as a reproducible Word package (members dated 1980-01-01)."""
    members = _members(doc)
    if members is None:  # a python-docx whose package writer is laid out otherwise
        buffer = io.BytesIO()
        doc.save(buffer)
        return reproducible_zip(buffer.getvalue())
    _forget_a_changed_blank(doc, dict(members))
    return package_zip(_deflate(name, blob) for name, blob in members)


def _forget_a_changed_blank(doc: Any, members: dict[str, bytes]) -> None:
    """A document that changed the styles it shares with its blank keeps its change; the
    documents made after it start from a blank prepared anew."""
    styles = doc.part.part_related_by(RT.STYLES)
    for prepare, blank in list(_blanks.items()):
        if blank.styles is styles and members[styles.partname.membername] != blank.styles_xml:
            del _blanks[prepare]


class _Collected:
    """Stands in for python-docx's zip writer: keeps each member's name and bytes."""

    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.members.append((pack_uri.membername, blob))


def _members(doc: Any) -> list[tuple[str, bytes]] | None:
    """Each member's name and bytes in the order `Document.save` writes them."""
    try:
        from docx.opc.pkgwriter import PackageWriter

        write_types = PackageWriter._write_content_types_stream
        write_rels = PackageWriter._write_pkg_rels
        write_parts = PackageWriter._write_parts
    except (ImportError, AttributeError):
        return None
    package = doc.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    collected: Any = _Collected()  # written to as python-docx writes to its zip writer
    write_types(collected, parts)
    write_rels(collected, package.rels)
    write_parts(collected, parts)
    return collected.members


def _deflate(name: str, blob: bytes) -> Member:
    key = (name, blob)
    with _lock:
        member = _deflated.get(key)
        if member is not None:
            _deflated.move_to_end(key)
            return member
    member = deflated(name, blob)
    with _lock:
        _deflated[key] = member
        while len(_deflated) > _KEPT:
            _deflated.popitem(last=False)
    return member
