"""The ``peplint`` command line."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

import click

from peplint import __version__, errors
from peplint.cli_conventions import (
    UkDate,
    config_options,
    folder_hint,
    format_for_output,
    refuse_binary_to_terminal,
    selection_options,
    used_line,
    verbose_option,
    waiver_options,
)
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


class PeplintGroup(click.Group):
    """The command group; plugins' commands are added only when a command list is needed
    (`--help`) or a name is not a built-in command, so `--version` stays instant."""

    plugins_added = False

    def _add_plugins(self) -> None:
        if not self.plugins_added:
            self.plugins_added = True
            add_plugin_commands(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command, plugins' included."""
        self._add_plugins()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """A built-in command, or else a plugin's."""
        found = super().get_command(ctx, cmd_name)
        if found is None:
            self._add_plugins()
            found = super().get_command(ctx, cmd_name)
        return found


@click.group(cls=PeplintGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    type=click.Choice(["json", "jsonl", "text"], case_sensitive=False),
    default="text",
    show_default=True,
    help="json: one array of Pep models; jsonl: one Pep per line; text: easier to read.",
)
@verbose_option
@click.option(
    "--password-file",
    type=click.File("r"),
    default=None,
    help="Read a protected PDF's password from this file (never from the command line).",
)
def parse(files: tuple[Path, ...], fmt: str, password_file: TextIO | None) -> None:
    """Print what peplint extracts from each PEP FILE (.docx or .pdf).

    Files are read in a worker process with the default safety limits.
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
    fmt = fmt.lower()
    results = dict(run_isolated(paths, work, Limits()))
    status = EXIT_OK
    as_json: list[Any] = []
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
            as_json.append(data)
        elif fmt == "jsonl":
            click.echo(json.dumps(data, ensure_ascii=False))
        else:
            import yaml

            data.pop("sections", None)
            click.echo(
                f"# {printable(path.name)} ({pep.template}, {pep.source.format}, {pep.source.pages} pages)"
            )
            click.echo(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    if fmt == "json":  # always one JSON document (an array), whatever the number of files
        click.echo(json.dumps(as_json, indent=2, ensure_ascii=False))
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
    type=click.Choice(["docx", "pdf", "html"], case_sensitive=False),
    multiple=True,
    default=(),
    help="Repeat for several formats (default: from the -o file name, else docx).",
)
@verbose_option
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

    suffix = output.suffix.lower().lstrip(".")
    formats = tuple(f.lower() for f in formats)
    if not formats:
        formats = (suffix,) if suffix in {"docx", "pdf", "html"} else ("docx",)
    elif len(formats) == 1 and suffix in {"docx", "pdf", "html"} and suffix != formats[0]:
        _fail_usage(f"--format {formats[0]} does not match the file name {output.name}")
    single_file = len(specs) == 1 and len(formats) == 1 and suffix in {"docx", "pdf", "html"}
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


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    default=None,
    help="text, json, markdown, html, docx (and any format a plugin registers); "
    "default: from the -o file name, else text.",
)
@verbose_option
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
@config_options
@selection_options
@waiver_options
def lint(
    files: tuple[Path, ...],
    fmt: str | None,
    output: Path | None,
    fail_on: str,
    password_file: TextIO | None,
    pack: str | None,
    redact: bool,
    jobs: int,
    seconds: float,
    memory_mb: int,
    manifest: Path | None,
    config_file: Path | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    statistics: bool,
    waiver_files: tuple[Path, ...],
    show_waived: bool,
) -> None:
    """Check PEP FILES against the QA checklist and draft the feedback.

    Files are read in a worker process with memory and time limits per file; a
    file that cannot be read is reported and the others are still checked.
    """
    from peplint.report import Report

    hint = folder_hint(list(files))
    if hint:
        _fail_usage(hint)
    from peplint.plugins.manager import reporters as registered_reporters

    reporters = registered_reporters()
    try:
        fmt = format_for_output(
            fmt, output, {r.extension.lower(): name for name, r in reporters.items()}
        )
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
    if fmt not in reporters:
        _fail_usage(f"unknown --format '{fmt}'; choose from {', '.join(sorted(reporters))}")
    reporter = reporters[fmt]
    if output is None:
        try:
            refuse_binary_to_terminal(fmt, getattr(reporter, "binary", False), reporter.extension)
        except errors.ConfigError as exc:
            _fail_usage(str(exc))
    setup, effective = _setup_and_pack(pack, list(files), config_file, isolated)
    _select_rules(setup, select, extend_select, ignore)
    _use_waivers(setup, effective, list(files), waiver_files)
    setup.password = password_file.read().strip() if password_file else None
    limits = Limits(worker_seconds=seconds, worker_memory_mb=memory_mb)
    run = _run_manifest(setup, effective) if manifest else None
    report = Report(
        pack=setup.pack,
        meta={
            "settings": setup.config.settings,
            "fail_on": fail_on,
            "config": str(effective.config_path) if effective.config_path else None,
            "used": used_line(effective.name, effective.version, effective.config_path),
            "show_waived": show_waived,
            "form_template": str(setup.form_template) if setup.form_template else None,
            "waivers": [str(p) for p in setup.waivers.sources],
        },
    )
    for entry in lint_paths(list(files), setup, limits, jobs, redact):
        report.files.append(entry)
        if run is not None:
            from peplint.safety.manifest import record

            record(run, entry)
    colour = output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        rendered = reporter.render(report, colour=colour)
    except errors.ConfigError as exc:  # e.g. a pack's Word form that cannot be filled
        _fail_usage(str(exc))
    failed: errors.OutputError | None = None
    try:
        if output is not None:
            atomic_write(output, rendered)
        elif not statistics:
            sys.stdout.buffer.write(rendered)
            sys.stdout.flush()
        if statistics:
            _print_statistics(x for f in report.files for x in f.findings)
        if run is not None and manifest is not None:
            from peplint.safety.manifest import now

            run.finished_at = now()
            run.outputs = [output.name] if output else []
            atomic_write(manifest, run.model_dump_json(indent=2) + "\n")
    except OSError as exc:
        failed = errors.output_failed(exc, "the report" if output else "to the terminal")
    on_terminal = output is None and fmt == "text" and failed is None and not statistics
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
@click.option(
    "--fail-on",
    type=click.Choice(["fix", "error", "warning", "info", "never"], case_sensitive=False),
    default="fix",
    show_default=True,
    help="Exit 1 when there is something to fix (fix), or a finding at or above a severity.",
)
@verbose_option
@config_options
@selection_options
@waiver_options
def check(
    file: Path,
    pack: str | None,
    fail_on: str,
    config_file: Path | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    statistics: bool,
    waiver_files: tuple[Path, ...],
    show_waived: bool,
) -> None:
    """Self-check a PEP before you submit it: a to-do list in plain English.

    Exits 0 only when there is nothing to fix, so it can gate a submission.
    """
    from peplint.selfcheck import render, self_check

    hint = folder_hint([file])
    if hint:
        _fail_usage(hint)
    setup, effective = _setup_and_pack(pack, [file], config_file, isolated)
    _select_rules(setup, select, extend_select, ignore)
    _use_waivers(setup, effective, [file], waiver_files)
    entry = lint_paths([file], setup, Limits(), jobs=1, redact=False)[0]
    result = self_check(entry)
    click.echo(render(result, printable_name(file)), nl=False)
    click.echo(
        f"Checked with {used_line(effective.name, effective.version, effective.config_path)}"
    )
    if entry.waived:
        click.echo(_waived_text(entry.waived, show_waived), nl=False)
    if statistics:
        _print_statistics(entry.findings)
    if result.error:
        sys.exit(EXIT_INPUT)
    if fail_on.lower() == "fix":
        sys.exit(EXIT_OK if result.ready else EXIT_FINDINGS)
    sys.exit(_findings_exit(entry.findings, fail_on.lower()))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--rule", "rule_id", required=True, help="The rule whose finding you accept.")
@click.option("--reason", required=True, help="Why, in words a colleague will understand.")
@click.option("--by", "accepted_by", default="", help="Who accepted it (your name or role).")
@click.option(
    "--where", "place", default=None, help="Only the findings whose place contains this text."
)
@click.option(
    "--waivers",
    "waivers_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The waivers file (default: peplint-waivers.yaml in FILE's folder).",
)
@click.option(
    "--pack", "pack", default=None, help="Rule pack: a built-in name or a path to a pack YAML file."
)
@config_options
def waive(
    file: Path,
    rule_id: str,
    reason: str,
    accepted_by: str,
    place: str | None,
    waivers_path: Path | None,
    pack: str | None,
    config_file: Path | None,
    isolated: bool,
) -> None:
    """Accept a finding of RULE in FILE with a reason; later runs stop raising it until the
    PEP changes where it was found (docs/waivers.md)."""
    import datetime as dt

    from peplint.waivers import WAIVERS_FILE, Waiver, add_waivers, child_key, evidence_fingerprint

    setup, _ = _setup_and_pack(pack, [file], config_file, isolated)
    entry = lint_paths([file], setup, Limits(), jobs=1, redact=False)[0]
    if entry.pep is None:
        _fail_usage(f"{file.name} could not be read, so nothing can be waived")
    child = child_key(entry.pep)
    if child is None:
        _fail_usage(f"{file.name}: the child's name was not found, so a waiver could not name them")
    chosen = [
        f
        for f in entry.findings
        if f.rule == rule_id and (place is None or place.lower() in (f.location or "").lower())
    ]
    if not chosen:
        _fail_usage(f"{file.name} has no finding of '{rule_id}' to waive")
    target = waivers_path or file.parent / WAIVERS_FILE
    today = dt.date.today()
    added = add_waivers(
        target,
        [
            Waiver(
                rule=f.rule,
                child=child,
                fingerprint=evidence_fingerprint(f),
                reason=reason,
                accepted_by=accepted_by,
                accepted_on=today,
                where=", ".join(p for p in (f.section, f.location) if p),
            )
            for f in chosen
        ],
    )
    click.echo(f"waived {added} finding(s) of {rule_id} in {target}")


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
    help="Stop after this many of the files checked could not be read (not counting results reused by --resume).",
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
    type=UkDate(),
    default=None,
    help="The date overdue PEPs are judged against, e.g. 01/12/2026 (default today).",
)
@click.option(
    "--key-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="With --redact: the pseudonyms' key, kept outside OUTPUT "
    "(default: peplint/redaction.key in your config folder).",
)
@limit_options
@click.option("--quiet", is_flag=True, help="No progress output.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"], case_sensitive=False),
    default="never",
    show_default=True,
    help="Exit 1 when any PEP has a finding at or above this severity.",
)
@verbose_option
@config_options
@selection_options
@waiver_options
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
    key_file: Path | None,
    seconds: float,
    memory_mb: int,
    quiet: bool,
    fail_on: str,
    config_file: Path | None,
    isolated: bool,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    statistics: bool,
    waiver_files: tuple[Path, ...],
    show_waived: bool,
    executor: str,
    scheduler: str | None,
    tls_ca_file: Path | None,
    tls_cert: Path | None,
    tls_key: Path | None,
) -> None:
    """Review every PEP in FOLDER (recursively): per-PEP reports, summary.csv and a dashboard."""
    import datetime as dt

    from peplint.bulk import uptodate

    as_of = as_of or dt.date.today()
    request = uptodate.bulk_request(
        folder,
        out,
        pack=pack,
        config_file=config_file,
        isolated=isolated,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        waiver_files=waiver_files,
        redact=redact,
        key_file=key_file,
        compare_with=compare_with,
        as_of=as_of.isoformat(),
        seconds=seconds,
        memory_mb=memory_mb,
    )
    if resume and fail_on.lower() == "never" and not statistics and not show_waived:
        # Before the pack, the language pipeline or the models load: nothing to do is cheap.
        done = uptodate.check_resume(out, folder, request, config_file, isolated, waiver_files)
        if done is not None:
            lines, code = done
            for line in lines:
                click.echo(line)
            click.echo(uptodate.UP_TO_DATE)
            sys.exit(code)

    from peplint.bulk.run import BulkOptions, run_bulk

    setup, effective = _setup_and_pack(pack, [folder], config_file, isolated)
    selection = _select_rules(setup, select, extend_select, ignore)
    _use_waivers(setup, effective, [folder], waiver_files)
    if compare_with is not None:  # before the run, not after it
        from peplint.bulk.compare import check_comparable

        try:
            check_comparable(
                compare_with, setup.pack.model_dump(), [i.id for i in setup.checklist.items]
            )
        except errors.ConfigError as exc:
            _fail_usage(str(exc))
    options = BulkOptions(
        jobs=jobs,
        resume=resume,
        max_failures=max_failures,
        redact=redact,
        compare_with=compare_with,
        as_of=as_of,
        limits=Limits(worker_seconds=seconds, worker_memory_mb=memory_mb),
        progress=not quiet,
        key_file=key_file,
        cache_salt=selection.key() + _waivers_key(setup),
        cluster=_cluster_options(executor, scheduler, tls_ca_file, tls_cert, tls_key),
    )
    depends = uptodate.Found(
        config=effective.config_path,
        waivers=tuple(setup.waivers.sources),
        pack_file=effective.path,
        others=tuple(p.path for p in effective.loaded),
    )
    hashes = depends.hashes()  # as read for this run: a file edited during it is not vouched for
    try:
        result = run_bulk(folder, out, setup, [p.path for p in effective.loaded], options)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
    except errors.OutputError as exc:
        click.echo(f"peplint: {exc}", err=True)
        sys.exit(errors.EXIT_OUTPUT)
    if not result.switched:
        click.echo(
            f"peplint: stopped after {max_failures} of the files checked in this run could not "
            "be read; the previous results in the output folder were kept (run again with "
            "--resume to carry on)",
            err=True,
        )
        sys.exit(EXIT_INPUT)
    agg = result.summary["aggregates"]
    printed = [
        f"{agg['total']} PEPs: {agg['meets']} of {agg['read']} readable meet the standard "
        f"({agg['share_meeting']:.0%}); {agg['unreadable']} could not be read. "
        f"Open {out / 'index.html'}",
        f"Made with {used_line(effective.name, effective.version, effective.config_path)}",
    ]
    if agg.get("waived"):
        printed.append(
            f"{agg['waived']} findings are waived (accepted with a reason); see summary.csv"
        )
    for line in printed:
        click.echo(line)
    if result.inputs_digest is not None and compare_with is None:
        if redact:  # the key the run used (made by the run when there was none)
            depends = depends._replace(others=(*depends.others, _key_path(key_file)))
            hashes.update(uptodate.Found(others=(_key_path(key_file),)).hashes())
        _stamp_bulk(out, request, result.inputs_digest, depends, hashes, printed, agg)
    if result.stopped_early:
        click.echo(
            f"peplint: stopped after {max_failures} of the files checked in this run could "
            "not be read",
            err=True,
        )
    if agg.get("waived") and show_waived:
        click.echo(_waived_text(_bulk_findings(out, waived=True), True), nl=False)
    if agg["unreadable"]:
        sys.exit(EXIT_INPUT)
    if statistics or fail_on.lower() != "never":
        findings = _bulk_findings(out)
        if statistics:
            _print_statistics(findings)
        sys.exit(_findings_exit(findings, fail_on.lower()))
    sys.exit(EXIT_OK)


def _key_path(key_file: Path | None) -> Path:
    from peplint.safety.keys import default_key_path

    return (key_file or default_key_path()).expanduser().resolve()


def _stamp_bulk(
    out: Path,
    request: str,
    inputs: str,
    depends: Any,
    hashes: dict[str, str | None],
    printed: list[str],
    agg: dict[str, Any],
) -> None:
    """Vouch for a finished run's outputs, so an unchanged `--resume` has nothing to do."""
    from peplint.bulk import uptodate
    from peplint.bulk.outfolder import read_index

    index = read_index(out)
    states = uptodate.output_states(out, index.files) if index is not None else None
    if states is None:
        return
    stamp = uptodate.Stamp(
        request=request,
        inputs=inputs,
        found=depends,
        depends=hashes,
        outputs=states,
        printed=printed,
        exit_code=EXIT_INPUT if agg["unreadable"] else EXIT_OK,
    )
    import contextlib

    with contextlib.suppress(OSError):  # without a stamp, the next resume does the work
        uptodate.write_stamp(out, stamp)


def _bulk_findings(out: Path, waived: bool = False) -> list[Any]:
    """Every finding (or every waived one) of a bulk run, from the per-PEP JSON reports."""
    from peplint.report import Report

    findings: list[Any] = []
    for path in sorted((out / "peps").glob("*.json")):
        report = Report.model_validate_json(path.read_text(encoding="utf-8"))
        findings += [x for f in report.files for x in (f.waived if waived else f.findings)]
    return findings


def _use_waivers(setup: Any, effective: Any, inputs: list[Path], extra: tuple[Path, ...]) -> None:
    from peplint.waivers import find_waiver_files, load_waivers

    try:
        files = find_waiver_files(inputs, effective.path) + [p.resolve() for p in extra]
        setup.waivers = load_waivers(dict.fromkeys(files))
    except errors.ConfigError as exc:
        _fail_usage(str(exc))


def _waivers_key(setup: Any) -> str:
    import hashlib

    text = "|".join(sorted(f"{w.rule}:{w.child}:{w.fingerprint}" for w in setup.waivers.waivers))
    return hashlib.sha256(text.encode()).hexdigest()[:16] if text else ""


def _waived_text(waived: list[Any], show: bool) -> str:
    if not show:
        return f"{len(waived)} finding(s) waived; --show-waived lists them.\n"
    lines = ["Waived (accepted with a reason):"]
    for finding in waived:
        lines.append(f"  {finding.rule}: {finding.message} (waived: {finding.waiver})")
    return "\n".join(lines) + "\n"


def _select_rules(
    setup: Any, select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...]
) -> Any:
    from peplint.selection import Selection, apply_selection

    selection = Selection.parse(select, extend_select, ignore)
    try:
        apply_selection(setup, selection)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))
    return selection


def _print_statistics(findings: Any) -> None:
    from peplint.selection import format_statistics, statistics

    click.echo(format_statistics(statistics(findings)), nl=False)


def _findings_exit(findings: Any, fail_on: str) -> int:
    from peplint.model.findings import SEVERITY_RANK

    if fail_on == "never":
        return EXIT_OK
    return (
        EXIT_FINDINGS
        if any(SEVERITY_RANK[x.severity] >= FAIL_ON[fail_on] for x in findings)
        else EXIT_OK
    )


def _setup_and_pack(
    pack: str | None,
    inputs: list[Path] | None = None,
    config_file: Path | None = None,
    isolated: bool = False,
) -> tuple[Any, Any]:
    """The lint setup and effective pack for --pack (or the config's, or section-d), with the
    config nearest the inputs (or --config, or none with --isolated); exit 2 when bad."""
    from peplint.packs.discovery import config_for
    from peplint.packs.resolve import setup_for

    try:
        config = config_for(inputs or [], config_file, isolated)
        return setup_for(pack, config=config)
    except errors.ConfigError as exc:
        _fail_usage(str(exc))


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
@click.option("--pack", "pack_ref", default=None, help="Show the rules as this pack sets them.")
def rules_list(pack_ref: str | None) -> None:
    """One line per rule: id, severity (or off), summary; a pack's own rules included."""
    _print_rules(pack_ref)


def _print_rules(pack_ref: str | None) -> None:
    from peplint.engine import registered_rules, rule_context

    if pack_ref is None:
        for rule in registered_rules().values():
            click.echo(f"{rule.id:36} {rule.severity:8} {rule.doc.summary}")
        return
    setup, effective = _setup_and_pack(pack_ref)
    for rule_id, rule in setup.rules.items():
        own = setup.config.rules.get(rule_id)
        state = (
            "off"
            if own is not None and not own.enabled
            else rule_context(rule, setup.config).severity
        )
        mark = f"  [pack {effective.name}]" if rule_id in effective.declarative else ""
        click.echo(f"{rule_id:36} {state:8} {rule.doc.summary}{mark}")


@rules.command("explain")
@click.argument("rule_id")
@click.option("--pack", "pack_ref", default=None, help="Explain the rule as this pack sets it.")
def rules_explain(rule_id: str, pack_ref: str | None) -> None:
    """What RULE_ID checks, why it matters, and an example that fails and one that passes."""
    from peplint.engine import registered_rules, rule_context
    from peplint.rules.explain import did_you_mean, explain

    if pack_ref is None:
        found = registered_rules()
        if rule_id not in found:
            _fail_usage(
                f"no rule '{rule_id}'.{did_you_mean(rule_id, list(found))} "
                "`peplint rules list` shows them all"
            )
        click.echo(explain(found[rule_id]), nl=False)
        return
    setup, effective = _setup_and_pack(pack_ref)
    if rule_id not in setup.rules:
        _fail_usage(
            f"no rule '{rule_id}' in pack {effective.name}.{did_you_mean(rule_id, list(setup.rules))} "
            f"`peplint rules list --pack {pack_ref}` shows them all"
        )
    rule = setup.rules[rule_id]
    context = rule_context(rule, setup.config)
    own = setup.config.rules.get(rule_id)
    click.echo(
        explain(
            rule,
            params=context.params,
            severity=context.severity,
            enabled=own is None or own.enabled,
            pack=effective.name,
        ),
        nl=False,
    )


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


@pack.command("rules")
@click.argument("pack_ref")
def pack_rules(pack_ref: str) -> None:
    """The rules as PACK_REF sets them: severity or off, its own rules marked."""
    _print_rules(pack_ref)


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
    from peplint.packs.yaml_source import PackProblems

    try:
        effective = resolve_pack(pack_ref)
    except PackProblems as exc:
        for problem in exc.problems:
            click.echo(
                f"peplint: {problem.path}:{problem.line}: {problem.problem}; {problem.fix}",
                err=True,
            )
        if len(exc.problems) > 1:
            click.echo(
                f"peplint: {len(exc.problems)} problems; fix them and validate again", err=True
            )
        sys.exit(EXIT_USAGE)
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
@click.option(
    "--junitxml",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the results as JUnit XML (for CI systems).",
)
def pack_test(pack_ref: str, own_only: bool, junitxml: Path | None) -> None:
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
    if junitxml is not None:
        from peplint.packs.junit import junit_xml

        atomic_write(junitxml, junit_xml(results, f"peplint pack {effective.name}"))
    sys.exit(EXIT_OK if passed == len(results) else EXIT_FINDINGS)


@pack.command("schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
def pack_schema_command(output: Path | None) -> None:
    """The JSON Schema of pack files, for editors that check YAML as you type."""
    from peplint.packs.schema import pack_schema_text

    text = pack_schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, text)


@pack.command("show-config")
@click.option(
    "--pack", "pack_ref", default=None, help="The pack (default: the config file's, or section-d)."
)
@click.argument("where", required=False, type=click.Path(path_type=Path))
@config_options
def pack_show_config(
    pack_ref: str | None, where: Path | None, config_file: Path | None, isolated: bool
) -> None:
    """The effective settings, rules and checklist, and where each came from."""
    from peplint.engine import registered_rules, rule_context

    setup, effective = _setup_and_pack(pack_ref, [where] if where else [], config_file, isolated)
    click.echo(f"pack: {effective.name} (version {effective.version}) from {effective.path}")
    click.echo(f"chain: {' > '.join(effective.chain)}")
    click.echo(f"config file: {effective.config_path or 'none (built-in defaults)'}")
    click.echo("settings:")
    from peplint.checklist.coverage import RUN_SETTINGS

    defaults = {
        n: v
        for r in registered_rules().values()
        for n, v in r.params.items()
        if not isinstance(v, dict | list)
    } | RUN_SETTINGS
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

    if isinstance(group, PeplintGroup):
        group.plugins_added = True

    def register(command: click.Command) -> None:
        if command.name in group.commands:
            raise errors.ConfigError(
                f"a plugin registers the command '{command.name}', which exists already"
            )
        group.add_command(command)

    default_manager().hook.peplint_register_commands(register=register)


def _add_target_command(group: click.Group) -> None:
    from peplint.target_helper import target_command

    group.add_command(target_command)


_add_target_command(main)

from peplint.cli_layout import inspect_command, template  # noqa: E402  (after main exists)

main.add_command(inspect_command)
main.add_command(template)


def run() -> None:
    """Entry point that turns any peplint error into a one-line message."""
    # pydantic hands every value its models validate to the pydantic plugins installed in
    # the environment (observability tools among them): in peplint's own process, that is
    # children's data, so none is loaded (unless PYDANTIC_DISABLE_PLUGINS is set already).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        main(standalone_mode=True)
    except errors.ConfigError as exc:
        click.echo(f"peplint: {exc}", err=True)
        sys.exit(EXIT_USAGE)
