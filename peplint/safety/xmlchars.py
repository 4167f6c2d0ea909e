"""Characters no output may carry: those XML 1.0 forbids (NUL and most C0 controls, lone
surrogates, U+FFFE/U+FFFF) and the C1 controls a terminal obeys. Document text sometimes
holds them (a NUL in a PDF's text layer); a Word or HTML report with one is unreadable, and
in a terminal they can move the cursor. Every reporter renders a report cleaned of them."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

Model = TypeVar("Model", bound=BaseModel)
# What an illegal character can look like in a model's JSON (UTF-8 bytes): C0 controls
# escaped (as \u00XX, \b or \f), DEL and U+FFFE/U+FFFF as themselves. Each is found by a
# substring search, far quicker than a regular expression over the whole report. A match
# may be a false alarm (a text holding a backslash and a "b"); the exact check decides.
# Lone surrogates make the JSON fail.
_MAYBE_IN_JSON = (b"\\u000", b"\\u001", b"\\b", b"\\f", b"\x7f", b"\xef\xbf\xbe", b"\xef\xbf\xbf")
_C1_LEAD = b"\xc2"  # U+0080-U+00BF in UTF-8: \xc2 then \x80-\xbf; the C1 controls end in \x80-\x9f


def _maybe_illegal(raw: bytes) -> bool:
    """Whether a model's JSON may hold a character `ILLEGAL` matches (never False if it does)."""
    if any(mark in raw for mark in _MAYBE_IN_JSON):
        return True
    at = raw.find(_C1_LEAD)
    while at != -1:
        if 0x80 <= raw[at + 1] <= 0x9F:
            return True
        at = raw.find(_C1_LEAD, at + 2)
    return False


def clean_text(text: str) -> str:
    """`text` without characters an XML document or a terminal must not receive."""
    return ILLEGAL.sub("", text)


def _clean(data: Any) -> Any:
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, list):
        return [_clean(v) for v in data]
    if isinstance(data, dict):
        return {_clean(k): _clean(v) for k, v in data.items()}
    return data


def _dirty(data: Any) -> bool:
    if isinstance(data, str):
        return ILLEGAL.search(data) is not None
    if isinstance(data, list):
        return any(_dirty(v) for v in data)
    if isinstance(data, dict):
        return any(_dirty(k) or _dirty(v) for k, v in data.items())
    return False


def clean_model(model: Model) -> Model:
    """`model` with every string cleaned (the same object when there is nothing to clean)."""
    try:
        if not _maybe_illegal(model.__pydantic_serializer__.to_json(model)):
            return model  # the common case, told from the JSON in one pass
    except ValueError:  # pydantic's serialisation error: lone surrogates
        pass
    data = model.model_dump(mode="python")
    if not _dirty(data):
        return model
    return type(model).model_validate(_clean(data))
