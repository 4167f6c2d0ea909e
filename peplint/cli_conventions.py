"""Conventions every peplint command keeps, in one place: the output format from the file
name, no binary output to a terminal, case-insensitive formats, UK dates, `-v` anywhere."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from peplint.command_dates import parse_command_date
from peplint.errors import ConfigError


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (a function, so tests can stand in for one)."""
    return sys.stdout.isatty()


def format_for_output(
    fmt: str | None, output: Path | None, by_extension: dict[str, str], default: str = "text"
) -> str:
    """The output format: `--format` if given (any case), else from -o's extension, else `default`.

    A `--format` that contradicts the file's extension is refused rather than writing,
    say, text into a .docx. `by_extension` maps extensions (no dot) to format names.
    """
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    inferred = by_extension.get(suffix) if suffix else None
    if fmt:
        chosen = fmt.lower()
        if suffix and inferred is not None and inferred != chosen:
            raise ConfigError(
                f"--format {chosen} does not match the file name {output.name}; "  # type: ignore[union-attr]
                f"use -o with a .{_extension_of(chosen, by_extension)} name or drop --format"
            )
        return chosen
    if inferred is not None:
        return inferred
    if suffix and output is not None:
        known = ", ".join(f".{e}" for e in sorted(by_extension))
        raise ConfigError(
            f"cannot tell the format from the file name {output.name} ({known}); add --format"
        )
    return default


def _extension_of(fmt: str, by_extension: dict[str, str]) -> str:
    return next((ext for ext, name in by_extension.items() if name == fmt), fmt)


def refuse_binary_to_terminal(name: str, binary: bool, extension: str) -> None:
    """Stop before writing a binary format (Word) to a terminal, where it shows as noise."""
    if binary and stdout_is_terminal():
        raise ConfigError(
            f"--format {name} makes a file, not text for the screen; "
            f"add -o NAME.{extension} to write it"
        )


class UkDate(click.ParamType):
    """A date as people in England write it: 01/12/2026 is 1 December; ISO 2026-12-01 too."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The date, or a usage error saying which forms are accepted."""
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        day = parse_command_date(text)
        if day is not None:
            return day
        self.fail(
            f"'{text}' is not a date; write it day first, e.g. 01/12/2026, or as 2026-12-01",
            param,
            ctx,
        )


def _verbose(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        import logging  # here, not at the top: every command's start-up would pay for it

        logging.basicConfig(level=logging.INFO, format="peplint: %(message)s")


def verbose_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """`-v/--verbose` accepted after the subcommand as well as before it."""
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_verbose,
        help="Log progress to stderr (inputs named by hash, never by name).",
    )(command)


def folder_hint(paths: list[Path]) -> str | None:
    """The message for a folder given to a one-file command, pointing to `peplint bulk`."""
    for path in paths:
        if path.is_dir():
            quoted = f'"{path}"' if re.search(r"\s", str(path)) else str(path)
            return (
                f"{path} is a folder; to check every PEP in it run "
                f"`peplint bulk {quoted} -o REVIEW-FOLDER`"
            )
    return None


def config_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--config FILE` and `--isolated`, for every command that reads a project config."""
    command = click.option(
        "--isolated",
        is_flag=True,
        help="Ignore every config file (peplint.toml, pyproject.toml).",
    )(command)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Use this config file instead of the nearest one above each input.",
    )(command)


def used_line(pack: str, version: object, config: Path | None) -> str:
    """The line every output carries: which pack and which config file made it."""
    where = str(config) if config else "none (built-in defaults)"
    return f"pack {pack} (version {version}); config file: {where}"


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Rule selection as in ruff: --select, --extend-select, --ignore, and --statistics."""
    command = click.option(
        "--statistics", is_flag=True, help="Print the number of findings per rule."
    )(command)
    for name, text in (
        ("--ignore", "Switch these rules off (ids or prefixes such as 'smart-'; comma-separated)."),
        ("--extend-select", "Also run these rules, on top of the pack's."),
        ("--select", "Run only these rules (ids or prefixes; comma-separated)."),
    ):
        command = click.option(name, multiple=True, metavar="IDS", help=text)(command)
    return command


def waiver_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--waivers FILE` (besides those found) and `--show-waived`."""
    command = click.option(
        "--show-waived", is_flag=True, help="List findings that waivers cover, with the reason."
    )(command)
    return click.option(
        "--waivers",
        "waiver_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A waivers file to use as well as those beside the pack and in the term folder.",
    )(command)
