"""Opening a .docx package: the three parts the body walker reads, with errors made ours.

python-docx's `Document()` reads every part the package relates (themes, settings,
headers, fonts, thumbnails, a second copy of the styles) and parses most of them; the
walker needs the main document, its styles and its numbering. Those are found as
python-docx finds them (the package's one officeDocument relationship, then the main
part's styles and numbering relationships, targets resolved against the part's folder,
content types from ``[Content_Types].xml``) and parsed with python-docx's parser settings,
so the trees are the ones `Document()` gives. A package without styles gets python-docx's
default styles, as `Document().styles` would.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from peplint import errors

# python-docx's parser settings (blank text dropped, entities never expanded) without its
# element classes: the walker reads tags, attributes and text only, and plain elements are
# quicker to visit. The tree is the same.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class WordParts:
    """The parsed parts of a Word package that its blocks are read from."""

    body: Any  # the main document's `w:body`, or None
    styles: Any  # the styles part's root element
    numbering: Any  # the numbering part's root element, or None


class _NotWord(ValueError):
    """The main part is not a WordprocessingML document (its content type says what)."""

    def __init__(self, content_type: str) -> None:
        super().__init__(content_type)
        self.content_type = content_type


def open_docx(path: Path) -> WordParts:
    """The main document, styles and numbering of `path`; any failure is an `InputError`."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:  # no zip directory: what python-docx calls no package
        raise errors.corrupt("not a Word document package") from None
    except Exception:
        raise errors.corrupt("the Word package is truncated or damaged") from None
    try:
        with archive:
            return _Package(archive).word_parts()
    except errors.InputError:
        raise
    except _NotWord as exc:
        if "macro" in exc.content_type.lower():
            raise errors.unsupported(
                "This is a macro-enabled Word file (.docm); save it as .docx."
            ) from None
        raise errors.corrupt("the Word package is not a document") from None
    except zipfile.BadZipFile:
        raise errors.corrupt("the Word package is truncated or damaged") from None
    except KeyError:
        raise errors.corrupt("the Word package is missing its main document part") from None
    except ValueError:
        raise errors.corrupt("the Word package is not a document") from None
    except Exception:  # lxml and zip internals raise many types on damaged input
        raise errors.corrupt("the Word document's XML is damaged") from None


class _Package:
    """Relationships and content types of an OPC package, read as python-docx reads them."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        from docx.opc.oxml import parse_xml

        self.archive = archive
        # python-docx annotates it as taking str; it passes the parts' bytes itself
        self._parse_opc: Callable[[bytes], Any] = parse_xml  # type: ignore[assignment]
        types = self._parse_opc(archive.read("[Content_Types].xml"))  # KeyError when absent
        self.overrides: dict[str, str] = {}
        self.defaults: dict[str, str] = {}
        for node in types:
            if node.tag == f"{_CT_NS}Override":
                self.overrides[node.get("PartName").lower()] = node.get("ContentType")
            elif node.tag == f"{_CT_NS}Default":
                self.defaults[node.get("Extension").lower()] = node.get("ContentType")

    def content_type(self, partname: str) -> str:
        """The content type of `partname` ("/word/document.xml"); KeyError when none."""
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        ext = posixpath.splitext(partname)[1]
        ext = ext[1:] if ext.startswith(".") else ext
        return self.defaults[ext.lower()]

    def related(self, source: str, reltype: str) -> str:
        """The partname that `source` ("/" for the package) relates by `reltype`: KeyError
        when there is none, ValueError when there are several or it is external."""
        folder, name = posixpath.split(source)
        try:
            xml = self.archive.read(posixpath.join(folder, "_rels", f"{name}.rels")[1:])
        except KeyError:
            xml = None
        rels: dict[str | None, Any] = {}  # by Id: a repeated Id keeps its last entry
        if xml is not None:
            for rel in self._parse_opc(xml):
                if rel.tag == f"{_RELS_NS}Relationship":
                    rels[rel.get("Id")] = rel
        matching = [r for r in rels.values() if r.get("Type") == reltype]
        if not matching:
            raise KeyError(reltype)
        if len(matching) > 1:
            raise ValueError(f"multiple relationships of type {reltype}")
        rel = matching[0]
        if rel.get("TargetMode", "Internal") == "External":
            raise ValueError("an external part")
        return posixpath.abspath(posixpath.join(folder, rel.get("Target")))

    def part(self, partname: str) -> Any:
        """`partname` parsed as python-docx parses it, into plain lxml elements."""
        return etree.fromstring(self.archive.read(partname[1:]), _PARSER)

    def word_parts(self) -> WordParts:
        """The main document's body, styles and numbering."""
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.parts.styles import StylesPart

        main = self.related("/", RT.OFFICE_DOCUMENT)
        content_type = self.content_type(main)
        if content_type != CT.WML_DOCUMENT_MAIN:
            raise _NotWord(content_type)
        document = self.part(main)
        try:
            styles_name: str | None = self.related(main, RT.STYLES)
        except KeyError:
            styles_name = None
        if styles_name is None:
            styles = StylesPart.default(None).element  # type: ignore[arg-type]
        elif self.content_type(styles_name) == CT.WML_STYLES:
            styles = self.part(styles_name)
        else:
            raise ValueError("the styles part is not a styles part")
        numbering = None
        try:
            numbering_name: str | None = self.related(main, RT.NUMBERING)
        except (KeyError, ValueError):
            numbering_name = None  # as python-docx: no single numbering part, no numbering
        if numbering_name is not None and self.content_type(numbering_name) == CT.WML_NUMBERING:
            numbering = self.part(numbering_name)
        body = document.find(f"{{{_W}}}body")
        if body is None:
            raise errors.corrupt("the Word document has no body")
        return WordParts(body=body, styles=styles, numbering=numbering)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
