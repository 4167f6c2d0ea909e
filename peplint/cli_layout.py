"""The layout onboarding commands: `peplint inspect` and `peplint template learn`.

Both read each file in the same isolated worker as `lint`, with the pack's section and
field aliases, and show or draft from the `Pep` it returns.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from peplint import errors
from peplint.output import atomic_write
from peplint.safety.limits import Limits

if TYPE_CHECKING:
    from peplint.lint import LintSetup
    from peplint.report import FileReport

EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_OUTPUT = 0, 2, 3, 4


def _read(paths: list[Path], pack: str | None) -> tuple[LintSetup, list[FileReport]]:
    """The lint setup of `pack` and, per path, its FileReport (pep, or error)."""
    from peplint.packs.resolve import setup_for
    from peplint.reading import read_pep
    from peplint.report import FileError, FileReport
    from peplint.safety.isolation import run_isolated

    try:
        setup, _ = setup_for(pack)
    except errors.ConfigError as exc:
        click.echo(f"peplint: {exc}", err=True)
        sys.exit(EXIT_USAGE)

    def work(path: Path) -> FileReport:
        try:
            pep = read_pep(path, extra_aliases=setup.aliases, field_aliases=setup.field_aliases)
        except errors.InputError as exc:
            return FileReport(
                path=str(path), status="error", error=FileError(code=exc.code, message=exc.message)
            )
        return FileReport(path=str(path), sha256=pep.source.sha256, status="ok", pep=pep)

    results = dict(run_isolated(paths, work, Limits()))
    return setup, [results[i] for i in range(len(paths))]


def _report_errors(entries: list[FileReport]) -> bool:
    bad = False
    for entry in entries:
        if entry.error is not None:
            name = Path(entry.path).name
            click.echo(f"peplint: {name}: {entry.error.message} [{entry.error.code}]", err=True)
            bad = True
    return bad


@click.command("inspect")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text to read; json for tools.",
)
@click.option("--pack", "pack", default=None, help="Read with this pack's aliases and fields.")
def inspect_command(file: Path, fmt: str, pack: str | None) -> None:
    """Show how peplint read FILE: template, sections and their headings, every field with
    its value and provenance, labels not placed, headings not recognised, coverage."""
    from peplint.inspect import inspect_pep, to_text

    setup, (entry,) = _read([file], pack)
    if _report_errors([entry]):
        sys.exit(EXIT_INPUT)
    assert entry.pep is not None
    inspection = inspect_pep(entry.pep, setup)
    if fmt == "json":
        click.echo(json.dumps(inspection.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        click.echo(to_text(inspection), nl=False)


@click.group("template")
def template() -> None:
    """Onboard a new ePEP layout."""


@template.command("learn")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), required=True, help="The pack YAML to write."
)
@click.option(
    "--pack", "pack", default=None, help="The pack the draft extends (default: section-d)."
)
def template_learn(files: tuple[Path, ...], output: Path, pack: str | None) -> None:
    """Draft a pack fragment for the layout of the sample exports FILES: heading aliases,
    field label aliases, and a commented line for every label or heading to assign."""
    import re

    from peplint.learn import draft_fragment

    setup, entries = _read(list(files), pack)
    bad = _report_errors(entries)
    peps = [e.pep for e in entries if e.pep is not None]
    if not peps:
        sys.exit(EXIT_INPUT)
    name = re.sub(r"[^a-z0-9]+", "-", output.stem.lower()).strip("-") or "my-layout"
    text = draft_fragment(peps, name, extends=pack or setup.pack.name)
    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        click.echo(f"peplint: cannot write {output}: {exc.strerror}", err=True)
        sys.exit(EXIT_OUTPUT)
    click.echo(
        f"wrote {output}: fill in the lines marked '#? ', then `peplint pack validate {output}`",
        err=True,
    )
    sys.exit(EXIT_INPUT if bad else EXIT_OK)
