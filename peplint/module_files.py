"""Loading one module of a large package from its file, without running the package.

Start-up matters for a command a QA officer runs many times a day: importing spaCy
takes about a second and `holidays.countries` imports 250 countries, while peplint needs
one word list and one calendar from them. A module whose imports are all absolute and
light can be loaded on its own under a private name; when the file is not where this
release keeps it, callers fall back to the ordinary import.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType


@cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, without importing spaCy (a second of start-up)."""
    module = load_module_file("spacy", "lang/en/stop_words.py", "peplint._spacy_stop_words")
    if module is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        return frozenset(STOP_WORDS)
    return frozenset(module.STOP_WORDS)


def load_module_file(package: str, relative: str, name: str) -> ModuleType | None:
    """`relative` (e.g. "countries/united_kingdom.py") of the installed `package`, loaded
    as the module `name`; None when the package or the file is not there."""
    spec = importlib.util.find_spec(package)  # finds, does not import, a top-level package
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / relative
    module_spec = importlib.util.spec_from_file_location(name, path)
    if not path.is_file() or module_spec is None or module_spec.loader is None:
        return None
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module
