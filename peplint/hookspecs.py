"""Every hook a peplint plugin can implement. This module is the plugin author's manual.

Each hook receives a `register` callback; a plugin calls it once per thing it
adds, and peplint decides what registering means (checking names, refusing
duplicates). Built-in parsers, profiles, rules, reporters and packs are
registered through these same hooks, by the modules named in
`peplint.plugins.manager.BUILTIN_PLUGINS`. Third-party plugins are found
through the ``peplint`` entry-point group::

    [project.entry-points.peplint]
    my_plugin = "my_package.peplint_plugin"

and implement hooks with ``@peplint.hookimpl``. All hooks are called for every
plugin (none is first-result-wins) and return nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import click

    from peplint.extract.profiles import TemplateProfile
    from peplint.parsers.registry import ParserSpec
    from peplint.reporters.base import Reporter
    from peplint.rules.base import Rule

PROJECT = "peplint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def peplint_register_parsers(register: Callable[[ParserSpec], None]) -> None:
    """Register file parsers.

    Called once when the plugin manager is built. Call ``register(ParserSpec(...))``
    for each file format the plugin reads; the spec names the format, how to
    recognise it from its first bytes, and the function that turns a path into
    a `Document` block stream. A format may be registered once.
    """


@hookspec
def peplint_register_profiles(register: Callable[[TemplateProfile], None]) -> None:
    """Register template profiles: which headings map to which canonical section key.

    Called once when the plugin manager is built. Call ``register(TemplateProfile(...))``
    for each ePEP template the plugin knows. Profiles are auto-detected per
    document by how many of their headings it contains; profile names are unique.
    """


@hookspec
def peplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register lint rules.

    Called once when the plugin manager is built. Call ``register(rule)`` with an
    instance of a `peplint.rules.base.Rule` subclass for each rule; rule ids are
    unique, kebab-case and stable, and every rule carries its documentation and
    its passing and failing examples.
    """


@hookspec
def peplint_register_reporters(register: Callable[[Reporter], None]) -> None:
    """Register report writers (text, json, html, docx, ...).

    Called once when the plugin manager is built. Call ``register(reporter)`` with
    an object that has a unique ``name`` and renders a run's report as bytes.
    """


@hookspec
def peplint_register_packs(register: Callable[[str, Any], None]) -> None:
    """Register rule packs shipped by the plugin.

    Called once when packs are discovered. Call ``register(name, path)`` with a
    pack's name and the path (or importlib resource) of its YAML file or folder.
    """


@hookspec
def peplint_register_commands(register: Callable[[click.Command], None]) -> None:
    """Register extra CLI commands.

    Called once when the command line is built. Call ``register(command)`` with a
    `click.Command`; it is added to the ``peplint`` group under its own name.
    """
