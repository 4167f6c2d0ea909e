"""Built-in plugin: commands beyond the core CLI (`peplint serve`)."""

from __future__ import annotations

from collections.abc import Callable

import click

from peplint.hookspecs import hookimpl


@hookimpl
def peplint_register_commands(register: Callable[[click.Command], None]) -> None:
    """Register the built-in extra commands."""
    from peplint.web.command import serve_command

    register(serve_command)
