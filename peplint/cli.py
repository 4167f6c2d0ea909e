"""The ``peplint`` command line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

import click
import yaml

from peplint import __version__, errors
from peplint.output import atomic_write
from peplint.safety.limits import Limits

if TYPE_CHECKING:  # the generator pulls in reportlab; load it only when generating
    from peplint.generate.render import OutputFormat

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def printable_name(path: Path) -> str:
    """A file's name as it can be shown (names that are not UTF-8 made printable)."""
    from peplint.safety.names import printable

    return printable(path.name)


def _fail_usage(message: str) -> NoReturn:
    click.echo(f"peplint: {message}", err=True)
    sys.exit(EXIT_USAGE)


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The per-file safety limits, shared by every command that reads PEPs in workers."""
    command = click.option(
        "--memory-mb",
        type=click.IntRange(64, 65536),
        default=Limits().worker_memory_mb,
        show_default=True,
        help="Memory a file's reader may use.",
    )(command)
    return click.option(
        "--timeout",
        "seconds",
        type=click.FloatRange(1, 3600),
        default=Limits().worker_seconds,
        show_default=True,
        help="Seconds allowed per file before its reader is stopped.",
    )(command)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="peplint")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Log progress to stderr (inputs named by hash, never by name).",
)
def main(verbose: bool) -> None:
    """Read completed Personal Education Plans and draft their QA feedback."""
    if verbose:
        import logging

        logging.basicConfig(level=logging.INFO, format="peplint: %(message)s")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="text",
    show_default=True,
    help="json: the Pep model; text: the same, easier to read.",
)
@click.option(
    "--password-file",
    type=click.File("r"),
    default=None,
    help="Read a protected PDF's password from this file (never from the command line).",
)
def parse(files: tuple[Path, ...], fmt: str, password_file: TextIO | None) -> None:
    """Print what peplint extracts from each PEP FILE (.docx or .pdf).

    Each file is read in its own worker process with the default safety limits.
    """
    from peplint.reading import read_pep
    from peplint.report import FileError, FileReport
    from peplint.safety.isolation import run_isolated
    from peplint.safety.names import printable

    password = password_file.read().strip() if password_file else None

    def work(path: Path) -> FileReport:
        try:
            pep = read_pep(path, password=password)
        except errors.InputError as exc:
            return FileReport(
                path=printable(path),
                status="error",
                error=FileError(code=exc.code, message=exc.message),
            )
        return FileReport(path=printable(path), sha256=pep.source.sha256, status="ok", pep=pep)

    paths = list(files)
    results = dict(run_isolated(paths, work, Limits()))
    status = EXIT_OK
    for index, path in enumerate(paths):
        entry = results[index]
        if entry.pep is None:
            assert entry.error is not None
            click.echo(
                f"peplint: {printable(path.name)}: {entry.error.message} [{entry.error.code}]",
                err=True,
            )
            status = EXIT_INPUT
            continue
        pep = entry.pep
        data = pep.model_dump(mode="json")
        if fmt == "json":
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            data.pop("sections", None)
            click.echo(
                f"# {printable(path.name)} ({pep.template}, {pep.source.format}, {pep.source.pages} pages)"
            )
            click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    sys.exit(status)


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    help="A folder (one file per spec), or a file name when there is one spec.",
)
@click.option(
    "--format",
    "formats",
    type=click.Choice(["docx", "pdf", "html"]),
    multiple=True,
    default=("docx",),
    show_default=True,
    help="Repeat for several formats.",
)
@click.option(
    "--expected/--no-expected",
    default=False,
    help="Also write NAME.expected.json: the values a parser must extract.",
)
def generate(
    specs: tuple[Path, ...], output: Path, formats: tuple[str, ...], expected: bool
) -> None:
    """Make realistic example PEPs from case SPECS (YAML), for training and testing."""
    from peplint.generate.render import render_spec
    from peplint.generate.spec import load_spec

    single_file = (
        len(specs) == 1
        and len(formats) == 1
        and output.suffix.lower() in {".docx", ".pdf", ".html"}
    )
    for spec_path in specs:
        try:
            spec = load_spec(spec_path)
        except errors.ConfigError as exc:
            _fail_usage(str(exc))
            return
        for fmt in formats:
            target = output if single_file else output / f"{spec.id}.{fmt}"
            atomic_write(target, render_spec(spec, cast("OutputFormat", fmt)))
            click.echo(f"wrote {target}")
        if expected:
            folder = output.parent if single_file else output
            data = {
                "id": spec.id,
                "template": spec.render.template,
                "fields": spec.pep_fields(),
                "expect": spec.expect,
            }
            atomic_write(
                folder / f"{spec.id}.expected.json",
                json.dumps(data, indent=2, ensure_ascii=False) + "\n",
            )


FAIL_ON = {"error": 2, "warning": 1, "info": 0}


def _reporters() -> dict[str, Any]:
    from peplint.plugins.manager import collect, default_manager

    return collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    help="text, json, markdown, html, docx (and any format a plugin registers).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the report to this file (atomically, private) instead of the terminal.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding at or above this severity is reported.",
)
@click.option(
    "--password-file",
    type=click.File("r"),
    default=None,
    help="Read a protected PDF's password from this file (never from the command line).",
)
@click.option(
    "--pack", "pack", default=None, help="Rule pack: a built-in name or a path to a pack YAML file."
)
@click.option(
    "--redact",
    is_flag=True,
    help="Replace names, dates of birth, phones and emails with placeholders.",
)
@click.option(
    "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Files read at once."
)
@limit_options
@click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a run manifest (who, when, versions, input hashes, outcomes; no content).",
)
def lint(
    files: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    password_file: TextIO | None,
    pack: str | None,
    redact: bool,
    jobs: int,
    seconds: float,
    memory_mb: int,
    manifest: Path | None,
) -> None:
    """Check PEP FILES against the QA checklist and draft the feedback.

    Each file is read in its own worker process with memory and time limits; a
    file that cannot be read is reported and the others are still checked.
    """
    from peplint.report import Report

    reporters = _reporters()
    if fmt not in reporters:
        _fail_usage(f"unknown --format '{fmt}'; choose from {', '.join(sorted(reporters))}")
    setup, effective = _setup_and_pack(pack)
    setup.password = password_file.read().strip() if password_file else None
    limits = Limits(worker_seconds=seconds, worker_memory_mb=memory_mb)
    run = _run_manifest(setup, effective) if manifest else None
    report = Report(pack=setup.pack, meta={"settings": setup.config.settings, "fail_on": fail_on})
    for entry in lint_paths(list(files), setup, limits, jobs, redact):
        report.files.append(entry)
        if run is not None:
            from peplint.safety.manifest import record

            record(run, entry)
    colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = reporters[fmt].render(report, colour=colour)
    failed: errors.OutputError | None = None
    try:
        if output is not None:
            atomic_write(output, rendered)
        else:
            sys.stdout.buffer.write(rendered)
            sys.stdout.flush()
        if run is not None and manifest is not None:
            from peplint.safety.manifest import now

            run.finished_at = now()
            run.outputs = [output.name] if output else []
            atomic_write(manifest, run.model_dump_json(indent=2) + "\n")
    except OSError as exc:
        failed = errors.output_failed(exc, "the report" if output else "to the terminal")
    on_terminal = output is None and fmt == "text" and failed is None  # it says so already
    for entry in report.files:
        if entry.status == "error" and entry.error is not None and not on_terminal:
            click.echo(
                f"peplint: {Path(entry.path).name}: {entry.error.message} [{entry.error.code}]",
                err=True,
            )
    if failed is not None:
        click.echo(f"peplint: {failed}", err=True)
        sys.exit(errors.EXIT_OUTPUT)
    sys.exit(_exit_code(report, fail_on))


def lint_paths(
    paths: list[Path], setup: Any, limits: Limits, jobs: int, redact: bool, root: Path | None = None
) -> list[Any]:
    """Lint each path in an isolated worker; reports in the order of `paths`."""
    from peplint.lint import lint_file, warm_up
    from peplint.redact import redact_report
    from peplint.safety.isolation import run_isolated

    if len(paths) > 1:
        warm_up(setup)  # once here rather than in every forked worker

    def work(path: Path) -> Any:
        entry = lint_file(path, setup, limits, root)
        return redact_report(entry) if redact else entry

    results = dict(run_isolated(paths, work, limits, jobs))
    return [results[i] for i in range(len(paths))]


def _run_manifest(setup: Any, effective: Any) -> Any:
    from peplint.safety.manifest import new_manifest

    return new_manifest(setup.pack, [loaded.path for loaded in effective.loaded])


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--pack", "pack", default=None, help="Rule pack: a built-in name or a path to a pack YAML file."
)
def check(file: Path, pack: str | None) -> None:
    """Self-check a PEP before you submit it: a to-do list in plain English.

    Exits 0 only when there is nothing to fix, so it can gate a submission.
    """
    from peplint.selfcheck import render, self_check

    setup, _ = _setup_and_pack(pack)
    entry = lint_paths([file], setup, Limits(), jobs=1, redact=False)[0]
    result = self_check(entry)
    click.echo(render(result, printable_name(file)), nl=False)
    sys.exit(EXIT_OK if result.ready else (EXIT_INPUT if result.error else EXIT_FINDINGS))


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the reports, summary.csv, index.html and manifest.json.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Files checked at once.",
)
@click.option(
    "--pack", "pack", default=None, help="Rule pack: a built-in name or a path to a pack YAML file."
)
@click.option("--resume", is_flag=True, help="Reuse results already in OUTPUT for unchanged files.")
@click.option(
    "--max-failures",
    type=click.IntRange(1),
    default=None,
    help="Stop after this many files could not be read.",
)
@click.option(
    "--redact", is_flag=True, help="Replace names, dates of birth, phones and emails everywhere."
)
@click.option(
    "--compare",
    "compare_with",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="An earlier bulk OUTPUT folder: add what changed per school and per item.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date overdue PEPs are judged against (default today).",
)
@limit_options
@click.option("--quiet", is_flag=True, help="No progress output.")
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"], case_sensitive=False),
    default="local",
    show_default=True,
    help="Where each PEP is checked: local worker processes, or an existing Dask cluster.",
)
@click.option(
    "--scheduler", default=None, help="The Dask scheduler, tls://HOST:PORT (with --executor dask)."
)
@click.option(
    "--tls-ca-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None
)
@click.option(
    "--tls-cert", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None
)
@click.option(
    "--tls-key", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None
)
def bulk(
    folder: Path,
    out: Path,
    jobs: int,
    pack: str | None,
    resume: bool,
    max_failures: int | None,
    redact: bool,
    compare_with: Path | None,
    as_of: Any,
    seconds: float,
    memory_mb: int,
    quiet: bool,
    executor: str,
    scheduler: str | None,
    tls_ca_file: Path | None,
    tls_cert: Path | None,
    tls_key: Path | None,
) -> None:
    """Review every PEP in FOLDER (recursively): per-PEP reports, summary.csv and a dashboard."""
    import datetime as dt

    from peplint.bulk.run import BulkOptions, run_bulk

    setup, effective = _setup_and_pack(pack)
    options = BulkOptions(
        jobs=jobs,
        resume=resume,
        max_failures=max_failures,
        redact=redact,
        compare_with=compare_with,
        as_of=as_of.date() if as_of else dt.date.today(),
        limits=Limits(worker_seconds=seconds, worker_memory_mb=memory_mb),
        progress=not quiet,
        cluster=_cluster_options(executor, scheduler, tls_ca_file, tls_cert, tls_key),
    )
    try:
        result = run_bulk(folder, out, setup, [p.path for p in effective.loaded], options)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
    except errors.OutputError as exc:
        click.echo(f"peplint: {exc}", err=True)
        sys.exit(errors.EXIT_OUTPUT)
    if not result.switched:
        click.echo(
            f"peplint: stopped after {max_failures} files could not be read; the previous "
            "results in the output folder were kept (run again with --resume to carry on)",
            err=True,
        )
        sys.exit(EXIT_INPUT)
    agg = result.summary["aggregates"]
    click.echo(
        f"{agg['total']} PEPs: {agg['meets']} of {agg['read']} readable meet the standard "
        f"({agg['share_meeting']:.0%}); {agg['unreadable']} could not be read. "
        f"Open {out / 'index.html'}"
    )
    if result.stopped_early:
        click.echo(f"peplint: stopped after {max_failures} files could not be read", err=True)
    sys.exit(EXIT_INPUT if agg["unreadable"] else EXIT_OK)


def _cluster_options(
    executor: str,
    scheduler: str | None,
    tls_ca_file: Path | None,
    tls_cert: Path | None,
    tls_key: Path | None,
) -> Any:
    """The cluster to run on (--executor dask), checked before any work starts."""
    if executor.lower() != "dask":
        if scheduler:
            _fail_usage("--scheduler needs --executor dask")
        return None
    if not scheduler:
        _fail_usage("--executor dask needs --scheduler tls://HOST:PORT")
    from peplint.bulk.cluster import ClusterOptions, check_scheduler_address

    try:
        check_scheduler_address(scheduler)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
    return ClusterOptions(scheduler, tls_ca_file, tls_cert, tls_key)


def _setup_and_pack(pack: str | None) -> tuple[Any, Any]:
    """The lint setup and effective pack for --pack (or the config file's, or section-d); exit 2 on a bad pack."""
    from peplint.packs.resolve import setup_for

    try:
        return setup_for(pack)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))


def _exit_code(report: Any, fail_on: str) -> int:
    from peplint.model.findings import SEVERITY_RANK

    if any(f.status == "error" for f in report.files):
        return EXIT_INPUT
    if fail_on != "never" and any(
        SEVERITY_RANK[x.severity] >= FAIL_ON[fail_on] for f in report.files for x in f.findings
    ):
        return EXIT_FINDINGS
    return EXIT_OK


@main.group()
def rules() -> None:
    """List and explain the lint rules."""


@rules.command("list")
def rules_list() -> None:
    """One line per rule: id, default severity, summary."""
    from peplint.engine import registered_rules

    for rule in registered_rules().values():
        click.echo(f"{rule.id:36} {rule.severity:8} {rule.doc.summary}")


@rules.command("explain")
@click.argument("rule_id")
def rules_explain(rule_id: str) -> None:
    """What RULE_ID checks, why it matters, and an example that fails and one that passes."""
    from peplint.engine import registered_rules
    from peplint.rules.explain import explain

    found = registered_rules()
    if rule_id not in found:
        _fail_usage(f"no rule '{rule_id}'; `peplint rules list` shows them all")
    click.echo(explain(found[rule_id]))


@main.group()
def pack() -> None:
    """Write, check and test rule packs (a Virtual School's checklist and settings)."""


@pack.command("list")
def pack_list() -> None:
    """The built-in and installed rule packs."""
    from peplint.packs.discovery import registered_packs
    from peplint.packs.load import read_pack

    for name, path in sorted(registered_packs().items()):
        click.echo(f"{name:24} {read_pack(path).file.description}")


@pack.command("init")
@click.argument("name")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the pack (default: NAME.yaml here).",
)
def pack_init(name: str, output: Path | None) -> None:
    """Start a new pack NAME with examples of every part and two tests."""
    import re

    from peplint.packs.scaffold import scaffold

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        _fail_usage("a pack name is lower-case words joined by hyphens, e.g. 'my-la'")
    target = output or Path(f"{name}.yaml")
    if target.exists():
        _fail_usage(f"{target} exists already; choose another name or remove it")
    atomic_write(target, scaffold(name))
    click.echo(
        f"wrote {target}: edit it, then run `peplint pack validate {target}` and `peplint pack test {target}`"
    )


@pack.command("validate")
@click.argument("pack_ref")
def pack_validate(pack_ref: str) -> None:
    """Check a pack (and what it extends): keys, rule ids, settings, patterns, sections."""
    from peplint.packs.resolve import resolve_pack

    try:
        effective = resolve_pack(pack_ref)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
        return
    checklist = effective.checklist.title if effective.checklist else "none"
    click.echo(
        f"{effective.name} is valid (extends {' > '.join(effective.chain[:-1]) or 'nothing'}; "
        f"{len(effective.declarative)} rule(s) of its own; checklist: {checklist})"
    )


@pack.command("test")
@click.argument("pack_ref")
@click.option(
    "--own-only",
    is_flag=True,
    help="Run only this pack's tests, not those of the packs it extends.",
)
def pack_test(pack_ref: str, own_only: bool) -> None:
    """Run a pack's test cases and report like a test runner (exit 1 if any fails)."""
    from peplint.packs.resolve import resolve_pack
    from peplint.packs.testing import run_pack_tests

    try:
        effective = resolve_pack(pack_ref)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
        return
    results = run_pack_tests(effective, own_only)
    for result in results:
        click.echo(f"{'PASS' if result.passed else 'FAIL'} {result.pack}: {result.name}")
        for problem in result.problems:
            click.echo(f"     {problem}")
    passed = sum(r.passed for r in results)
    click.echo(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(EXIT_OK if passed == len(results) else EXIT_FINDINGS)


@pack.command("show-config")
@click.option(
    "--pack", "pack_ref", default=None, help="The pack (default: the config file's, or section-d)."
)
def pack_show_config(pack_ref: str | None) -> None:
    """The effective settings, rules and checklist, and where each came from."""
    from peplint.engine import registered_rules, rule_context
    from peplint.packs.discovery import find_config
    from peplint.packs.resolve import setup_for

    try:
        setup, effective = setup_for(pack_ref)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
        return
    config = find_config()
    click.echo(f"pack: {effective.name} (version {effective.version}) from {effective.path}")
    click.echo(f"chain: {' > '.join(effective.chain)}")
    if config.path:
        click.echo(f"config file: {config.path}")
    click.echo("settings:")
    defaults = {
        n: v
        for r in registered_rules().values()
        for n, v in r.params.items()
        if not isinstance(v, dict | list)
    }
    for name in sorted(defaults):
        value = effective.settings.get(name, defaults[name])
        source = effective.provenance.get("settings." + name, "built-in default")
        click.echo(f"  {name} = {value!r}    [{source}]")
    click.echo("rules:")
    for rule_id, rule in setup.rules.items():
        own = setup.config.rules.get(rule_id)
        state = (
            "off"
            if own is not None and not own.enabled
            else rule_context(rule, setup.config).severity
        )
        source = effective.provenance.get("rules." + rule_id, "built-in default")
        click.echo(f"  {rule_id:36} {state:8} [{source}]")
    click.echo(
        f"checklist: {setup.checklist.title} ({len(setup.checklist.items)} items, "
        f"scale {setup.checklist.scale.name}) [{effective.provenance.get('checklist', 'built-in default')}]"
    )


def add_plugin_commands(group: click.Group) -> None:
    """Add the CLI commands plugins register (`peplint_register_commands`)."""
    from peplint.plugins.manager import default_manager

    def register(command: click.Command) -> None:
        if command.name in group.commands:
            raise errors.ConfigError(
                f"a plugin registers the command '{command.name}', which exists already"
            )
        group.add_command(command)

    default_manager().hook.peplint_register_commands(register=register)


def run() -> None:
    """Entry point that turns any peplint error into a one-line message."""
    try:
        add_plugin_commands(main)
        main(standalone_mode=True)
    except errors.ConfigError as exc:
        click.echo(f"peplint: {exc}", err=True)
        sys.exit(EXIT_USAGE)
