"""What a Word paragraph looks like: its style's heading level, weight, capitals and size.

Styles are resolved from `styles.xml` through their `basedOn` chain, so a
heading style named "PEP Section" that inherits from "heading 1", or a body
style given an outline level, is still known as a heading. Localised Word
writes localised style ids ("berschrift1") but usually English names; both
the name and a few localised names are recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


VAL = q("val")
_B, _CAPS, _SZ = q("b"), q("caps"), q("sz")
_LOOK_TAGS = frozenset({_B, _CAPS, _SZ})
_HEADING_NAME = re.compile(
    r"(?i)(?:heading|überschrift|titre|kop|t[ií]tulo|titolo|rubrik|otsikko|nag[łl][óo]wek"
    r"|encabezado|overskrift|cabe[çc]alho|заголовок)\s*(\d)"
)
_TITLE_NAMES = {"title", "subtitle", "titel", "titre", "título", "titolo", "untertitel"}
_NOT_SECTION_WORDS = ("table", "toc", "caption", "char", "header", "footer", "index", "contents")
_OFF = {"0", "false", "off", "none"}


def on_off(node: Any) -> bool | None:
    """The value of an on/off property element (`<w:b/>` is on), `None` when absent."""
    if node is None:
        return None
    return node.get(VAL, "1").lower() not in _OFF


@dataclass(frozen=True)
class RunLook:
    """Character formatting that decides whether text looks like a heading."""

    bold: bool | None = None
    caps: bool | None = None
    size: int | None = None  # half-points

    def over(self, base: RunLook) -> RunLook:
        """This formatting with `base` filling what it leaves unset."""
        if self.bold is not None and self.caps is not None and self.size is not None:
            return self  # nothing left for `base` to fill (looks are immutable: share it)
        if self.bold is None and self.caps is None and self.size is None:
            return base
        return RunLook(
            bold=self.bold if self.bold is not None else base.bold,
            caps=self.caps if self.caps is not None else base.caps,
            size=self.size if self.size is not None else base.size,
        )


def child_of(parent: Any, tag: str) -> Any:
    """The first child of `parent` with Clark name `tag`, or None: `parent.find(tag)`
    without the path parsing (the walker asks this of nearly every element)."""
    return next(parent.iterchildren(tag), None)


def run_look(rpr: Any) -> RunLook:
    """The heading-relevant formatting stated directly in a `w:rPr`."""
    if rpr is None:
        return PLAIN
    first: dict[str, Any] = {}  # the first child of each look tag, as find() would give
    for node in rpr:
        if node.tag in _LOOK_TAGS and node.tag not in first:
            first[node.tag] = node
    if not first:
        return PLAIN
    size = first.get(_SZ)
    try:
        size_val = int(size.get(VAL)) if size is not None else None
    except (TypeError, ValueError):
        size_val = None
    return RunLook(bold=on_off(first.get(_B)), caps=on_off(first.get(_CAPS)), size=size_val)


PLAIN = RunLook()  # no formatting stated


@dataclass(frozen=True)
class ParagraphStyle:
    """A paragraph style with its `basedOn` chain resolved."""

    name: str = ""
    outline_level: int | None = None  # 0-based; None for body text
    heading_level: int | None = None  # from the style's name
    look: RunLook = RunLook()
    numbered: tuple[str, int] | None = None  # (numId, ilvl) from the style
    is_list: bool = False
    is_toc: bool = False
    shaded: bool = False  # the style fills the paragraph's background (a band)


class StyleSheet:
    """Styles and numbering of one package, resolved lazily and remembered."""

    def __init__(self, styles: Any, numbering: Any) -> None:
        self._raw: dict[str, Any] = {}
        self._char_raw: dict[str, Any] = {}
        self.default_style = ""
        default_look = RunLook()
        if styles is not None:
            defaults = styles.find(q("docDefaults"))
            if defaults is not None:
                rpr = defaults.find(f"{q('rPrDefault')}/{q('rPr')}")
                default_look = run_look(rpr)
            for style in styles.findall(q("style")):
                sid = style.get(q("styleId"), "")
                kind = style.get(q("type"), "paragraph")
                if kind == "paragraph":
                    self._raw[sid] = style
                    if style.get(q("default")) in {"1", "true", "on"}:
                        self.default_style = sid
                elif kind == "character":
                    self._char_raw[sid] = style
        if not self.default_style and "Normal" in self._raw:
            self.default_style = "Normal"
        self._default_look = RunLook(
            bold=default_look.bold or False,
            caps=default_look.caps or False,
            size=default_look.size or 20,  # Word's own default is 10 pt
        )
        self._resolved: dict[str, ParagraphStyle] = {}
        self._char_resolved: dict[str, RunLook] = {}
        self._num_formats = _numbering_formats(numbering)
        base = self.paragraph(self.default_style)
        self.body_size = base.look.over(self._default_look).size or 20

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        """The resolved paragraph style (the default style when `style_id` is unknown)."""
        sid = style_id if style_id in self._raw else self.default_style
        cached = self._resolved.get(sid)
        if cached is None:
            cached = self._resolved[sid] = self._resolve(sid, set())
        return cached

    def _resolve(self, sid: str, seen: set[str]) -> ParagraphStyle:
        style = self._raw.get(sid)
        if style is None or sid in seen:
            return ParagraphStyle()
        seen.add(sid)
        based = style.find(q("basedOn"))
        parent = self._resolve(based.get(VAL, ""), seen) if based is not None else ParagraphStyle()
        name_node = style.find(q("name"))
        name = name_node.get(VAL, "") if name_node is not None else sid
        ppr = style.find(q("pPr"))
        outline = parent.outline_level
        numbered = parent.numbered
        shaded = parent.shaded
        if ppr is not None:
            shd = ppr.find(q("shd"))
            if shd is not None:
                shaded = filled(shd)
            node = ppr.find(q("outlineLvl"))
            if node is not None:
                outline = _outline_value(node)
            num = ppr.find(q("numPr"))
            if num is not None:
                numbered = numbering_of(num) or numbered
        level = _heading_level_from_name(name)
        lowered = name.lower()
        return ParagraphStyle(
            name=name,
            outline_level=outline,
            heading_level=level if level is not None else parent.heading_level,
            look=run_look(style.find(q("rPr"))).over(parent.look),
            numbered=numbered,
            is_list=parent.is_list or lowered.startswith("list") or "bullet" in lowered,
            is_toc=parent.is_toc or lowered.startswith("toc") or "contents" in lowered,
            shaded=shaded,
        )

    def char_look(self, style_id: str) -> RunLook:
        """The formatting a character style (`w:rStyle`) gives, through `basedOn`."""
        cached = self._char_resolved.get(style_id)
        if cached is None:
            cached = RunLook()
            seen: set[str] = set()
            sid = style_id
            while sid in self._char_raw and sid not in seen:
                seen.add(sid)
                style = self._char_raw[sid]
                cached = cached.over(run_look(style.find(q("rPr"))))
                based = style.find(q("basedOn"))
                sid = based.get(VAL, "") if based is not None else ""
            self._char_resolved[style_id] = cached
        return cached

    def is_placeholder_style(self, style_id: str) -> bool:
        """Whether a character style is Word's "Placeholder Text" (a control's prompt)."""
        style = self._char_raw.get(style_id)
        name_node = style.find(q("name")) if style is not None else None
        name = name_node.get(VAL, "") if name_node is not None else ""
        return "placeholder" in f"{style_id} {name}".lower()

    def base_look(self, style: ParagraphStyle) -> RunLook:
        """What a run with no formatting of its own looks like in `style`."""
        return style.look.over(self._default_look)

    def is_bullet(self, numbering: tuple[str, int]) -> bool:
        """Whether a numbering instance draws bullets rather than numbers."""
        return self._num_formats.get(numbering, "decimal") in {"bullet", "none"}


def filled(shd: Any) -> bool:
    """Whether a `w:shd` paints a colour (not none, auto or white)."""
    fill = shd.get(q("fill"), "").lower()
    pattern = shd.get(VAL, "clear").lower()
    if pattern not in {"clear", "nil"} and pattern != "none":
        return True  # a pattern shade such as solid or pct25
    return fill not in {"", "auto", "ffffff", "none"}


def _outline_value(node: Any) -> int | None:
    try:
        value = int(node.get(VAL, "9"))
    except ValueError:
        return None
    return value if 0 <= value < 9 else None  # 9 means body text


def outline_level(ppr: Any) -> tuple[bool, int | None]:
    """Whether a paragraph states an outline level directly, and which (None: body text)."""
    node = ppr.find(q("outlineLvl")) if ppr is not None else None
    if node is None:
        return False, None
    return True, _outline_value(node)


def numbering_of(num_pr: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a `w:numPr`, or `None` when it switches numbering off."""
    num_id = num_pr.find(q("numId"))
    if num_id is None or num_id.get(VAL, "0") == "0":
        return None
    ilvl = num_pr.find(q("ilvl"))
    try:
        level = int(ilvl.get(VAL, "0")) if ilvl is not None else 0
    except ValueError:
        level = 0
    return num_id.get(VAL, "0"), level


def _heading_level_from_name(name: str) -> int | None:
    match = _HEADING_NAME.search(name)
    if match:
        return max(1, int(match.group(1)))
    lowered = name.strip().lower()
    if lowered in _TITLE_NAMES:
        return 1
    if "heading" in lowered and not any(w in lowered for w in _NOT_SECTION_WORDS):
        return 2
    return None


def _numbering_formats(numbering: Any) -> dict[tuple[str, int], str]:
    """numFmt per (numId, ilvl), through each num's abstract numbering."""
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in numbering.findall(q("abstractNum")):
        levels: dict[int, str] = {}
        for lvl in node.findall(q("lvl")):
            fmt = lvl.find(q("numFmt"))
            try:
                index = int(lvl.get(q("ilvl"), "0"))
            except ValueError:
                continue
            levels[index] = fmt.get(VAL, "decimal") if fmt is not None else "decimal"
        abstract[node.get(q("abstractNumId"), "")] = levels
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.findall(q("num")):
        ref = num.find(q("abstractNumId"))
        levels = abstract.get(ref.get(VAL, "") if ref is not None else "", {})
        for index, fmt in levels.items():
            formats[(num.get(q("numId"), ""), index)] = fmt
    return formats
