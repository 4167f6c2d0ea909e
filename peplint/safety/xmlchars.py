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
    data = model.model_dump(mode="python")
    if not _dirty(data):
        return model
    return type(model).model_validate(_clean(data))
