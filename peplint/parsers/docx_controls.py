"""Word content controls (`w:sdt`): what kind each is, its label and its value.

A control's title (`w:alias`) or tag names the field it holds; its text is the
value, unless Word is still showing the prompt ("Click or tap here to enter
text.", "Choose an item."), which counts as empty whether or not the control
is flagged `w:showingPlcHdr`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from peplint.parsers.docx_styles import VAL, q

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_PLACEHOLDER = re.compile(
    r"(?i)\s*(?:"
    r"(?:click|tap)(?: or (?:click|tap))?(?: here)? to enter (?:a |some |your )?(?:text|date|name)"
    r"|choose an item|select an item|select an option|select one|select from (?:the )?list"
    r"|enter (?:text|a date|date|your text|text here|details)(?: here)?"
    r"|type here|type text here|\[?insert (?:text|date)\]?"
    r")\s*[.…]*\s*"
)
_TAG_PREFIX = re.compile(r"^(?:txt|cbo|ddl|dt|chk|cc|fld|sdt|ctl|dd|tb)(?=[A-Z_\-])")
_MACHINE_TAG = re.compile(r"(?i)^[{(]?[0-9a-f\-]{8,}[})]?$|^\d+$")
_DOC_PARTS_SKIPPED = {"table of contents"}


def is_placeholder(text: str) -> bool:
    """Whether `text` is a content-control prompt rather than an answer."""
    return bool(text.strip()) and _PLACEHOLDER.fullmatch(text) is not None


def readable_tag(tag: str) -> str | None:
    """A tag as words ("ChildDateOfBirth" -> "Child date of birth"); `None` for ids."""
    tag = tag.strip()
    if not tag or _MACHINE_TAG.match(tag):
        return None
    tag = _TAG_PREFIX.sub("", tag)
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", tag)
    words = [w for w in re.split(r"[\s_.\-]+", spaced) if w]
    if not words or not any(ch.isalpha() for ch in "".join(words)):
        return None
    out = [w if w.isupper() and len(w) > 1 else w.lower() for w in words]
    out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


@dataclass(frozen=True)
class ControlInfo:
    """What `w:sdtPr` says about a content control."""

    label: str | None  # title, else the tag made readable
    checkbox: bool | None  # a w14:checkbox's state; `None` when not a checkbox
    showing_placeholder: bool
    full_date: str | None  # a date picker's stored date, "yyyy-mm-dd"
    skipped_part: bool  # a building block (table of contents) that is not content


def control_info(sdt: Any) -> ControlInfo:
    """Read a content control's properties."""
    pr = sdt.find(q("sdtPr"))
    if pr is None:
        return ControlInfo(None, None, False, None, False)
    label: str | None = None
    alias = pr.find(q("alias"))
    if alias is not None and alias.get(VAL, "").strip():
        label = " ".join(alias.get(VAL, "").split())
    else:
        tag = pr.find(q("tag"))
        if tag is not None:
            label = readable_tag(tag.get(VAL, ""))
    checkbox: bool | None = None
    box = pr.find(f"{{{W14}}}checkbox")
    if box is not None:
        state = box.find(f"{{{W14}}}checked")
        checkbox = state is not None and state.get(f"{{{W14}}}val", "0") in {"1", "true"}
    full_date: str | None = None
    date = pr.find(q("date"))
    if date is not None:
        full_date = (date.get(q("fullDate")) or "")[:10] or None
    gallery = pr.find(f"{q('docPartObj')}/{q('docPartGallery')}")
    skipped = gallery is not None and gallery.get(VAL, "").strip().lower() in _DOC_PARTS_SKIPPED
    return ControlInfo(
        label=label,
        checkbox=checkbox,
        showing_placeholder=pr.find(q("showingPlcHdr")) is not None,
        full_date=full_date,
        skipped_part=skipped,
    )


def control_value(info: ControlInfo, text: str) -> str:
    """The answer a control holds: its text, "" for a prompt, a picker's date if only that."""
    text = text.strip()
    if info.showing_placeholder or is_placeholder(text):
        text = ""
    if not text and info.full_date:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", info.full_date)
        if match:
            return f"{match.group(3)}/{match.group(2)}/{match.group(1)}"
    return text
