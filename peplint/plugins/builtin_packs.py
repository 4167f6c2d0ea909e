"""Built-in plugin: the rule packs in rule_packs/ (installed as `peplint.rule_packs`)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from peplint.hookspecs import hookimpl


@hookimpl
def peplint_register_packs(register: Callable[[str, Any], None]) -> None:
    """Register every YAML file of the built-in rule packs under its file name."""
    folder = resources.files("peplint.rule_packs")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            register(entry.name[: -len(".yaml")], Path(str(entry)))
