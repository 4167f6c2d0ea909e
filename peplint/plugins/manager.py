"""Building the plugin manager: built-in plugins and third-party entry points, the same way.

Built-in plugins are modules listed in `BUILTIN_PLUGINS` (as datasette does);
third-party ones load from the ``peplint`` entry-point group. `check_pending`
turns a misspelled hook implementation into an error instead of a silent no-op.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

from peplint import hookspecs
from peplint.errors import ConfigError

BUILTIN_PLUGINS: tuple[str, ...] = (
    "peplint.plugins.builtin_parsers",
    "peplint.plugins.builtin_profiles",
    "peplint.plugins.builtin_rules",
    "peplint.plugins.builtin_reporters",
    "peplint.plugins.builtin_packs",
    "peplint.plugins.builtin_commands",
)

if TYPE_CHECKING:
    from peplint.reporters.base import Reporter

T = TypeVar("T")


def new_manager(
    load_entry_points: bool = True, extra_plugins: tuple[Any, ...] = ()
) -> pluggy.PluginManager:
    """A plugin manager with the built-ins, entry-point plugins and any `extra_plugins`."""
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        pm.load_setuptools_entrypoints(hookspecs.PROJECT)
    for plugin in extra_plugins:
        pm.register(plugin)
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise ConfigError(f"a peplint plugin implements an unknown hook: {exc}") from None
    return pm


@functools.cache
def default_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager (built once)."""
    return new_manager()


def collect(hook: Callable[..., Any], key: Callable[[T], str], kind: str) -> dict[str, T]:
    """Call a ``register``-style hook and gather what plugins register, by unique name."""
    found: dict[str, T] = {}

    def register(item: T) -> None:
        name = key(item)
        if name in found:
            raise ConfigError(f"two plugins register the {kind} '{name}'")
        found[name] = item

    hook(register=register)
    return found


def reporters(pm: pluggy.PluginManager | None = None) -> dict[str, Reporter]:
    """Every registered reporter by format name (built-in and third-party), from `pm` or
    the process-wide manager."""
    manager = pm or default_manager()
    return collect(manager.hook.peplint_register_reporters, lambda r: r.name, "reporter")
