"""Importing spaCy without its command line.

spaCy's package start-up imports its command-line tools (``spacy.cli``: weasel, httpx,
typer; about a fifth of a second, a sixth of `peplint lint` on one file) only to offer
`spacy.info` at the top level; peplint never runs them. While spaCy loads, a placeholder
stands in for ``spacy.cli.info``; it is removed straight after, so a later
``import spacy.cli`` loads the real one, and `spacy.info` calls the real `info`. If a
spaCy release needs more of its command line to start, the placeholder is dropped and
spaCy is imported whole: slower, never broken.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, loading spaCy's command line when it is first asked for."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _placeholders() -> dict[str, ModuleType]:
    cli = ModuleType(_CLI, "A placeholder while spaCy loads (peplint.nlp.spacy_quick).")
    cli.__path__ = []
    info = ModuleType(_INFO)
    info.info = _info  # type: ignore[attr-defined]
    return {_CLI: cli, _INFO: info}


def _forget_spacy() -> None:
    for name in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
        del sys.modules[name]


def import_spacy() -> ModuleType:
    """The `spacy` package, imported without its command line when it is not loaded yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    placeholders = _placeholders()
    for name, module in placeholders.items():
        sys.modules[name] = module
    try:
        import spacy
    except Exception:  # this spaCy needs its command line to start: import it whole
        _forget_spacy()
        import spacy
    finally:
        for name, module in placeholders.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


spacy = import_spacy()

from spacy.language import Language  # noqa: E402  (after spaCy is loaded above)
from spacy.matcher import Matcher  # noqa: E402

__all__ = ["Language", "Matcher", "import_spacy", "spacy"]
