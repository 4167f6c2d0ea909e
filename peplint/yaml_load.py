"""YAML reading for the bundled data and for packs: libyaml's safe loader where PyYAML was
built with it (every PyYAML wheel is), else PyYAML's own safe loader. The two give the
same data and the same error marks; libyaml is about nine times faster, which is most of
the start-up cost of reading the field catalogue, the word lists and a pack."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """The data of one YAML document, safely (no Python objects), like `yaml.safe_load`."""
    return yaml.load(text, Loader=SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The node tree of one YAML document (for line numbers), like `yaml.compose`."""
    return yaml.compose(text, Loader=SafeLoader)
