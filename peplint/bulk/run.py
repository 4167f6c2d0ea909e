"""Running a bulk review: discover, reuse cached results, check the rest in isolated
workers, then write every output from the reports in path order, so an interrupted
run resumed with `--resume`, and runs with any number of jobs, give the same files."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from peplint import errors
from peplint.bulk.cache import ResultCache
from peplint.bulk.compare import SUMMARY_FORMAT, Change, compare, load_previous
from peplint.bulk.copied import find_copied
from peplint.bulk.discover import discover, output_key
from peplint.bulk.progress import BulkProgress
from peplint.bulk.summary import Row, aggregate, row_for, to_csv
from peplint.lint import LintSetup, lint_file, warm_up
from peplint.output import atomic_write
from peplint.plugins.manager import collect, default_manager
from peplint.reading import file_sha256
from peplint.redact import redact_report
from peplint.report import FileReport, Report
from peplint.safety.isolation import run_isolated
from peplint.safety.limits import Limits
from peplint.safety.manifest import new_manifest, now, record
from peplint.safety.preflight import check_path


@dataclass
class BulkOptions:
    """How a bulk run behaves."""

    jobs: int = 1
    resume: bool = False
    max_failures: int | None = None
    redact: bool = False
    compare_with: Path | None = None
    cache_salt: str = ""  # e.g. a --select fingerprint: results made otherwise are not reused
    as_of: dt.date = field(default_factory=dt.date.today)
    limits: Limits = field(default_factory=Limits)
    progress: bool = True


@dataclass
class BulkResult:
    """What a bulk run produced."""

    rows: list[Row]
    summary: dict[str, Any]
    processed: int
    cached: int
    stopped_early: bool


def _sha_if_safe(path: Path, root: Path) -> str | None:
    try:
        check_path(path, root)
        return file_sha256(path)
    except (errors.InputError, OSError):
        return None


def run_bulk(
    root: Path, out: Path, setup: LintSetup, pack_files: list[Path], options: BulkOptions
) -> BulkResult:
    """Review every PEP under `root`, writing the outputs to `out`."""
    files = discover(root)
    relatives = [p.relative_to(root).as_posix() for p in files]
    out_keys = [output_key(rel, options.redact) for rel in relatives]
    shown = out_keys if options.redact else relatives  # a redacted run never shows input file names
    manifest = new_manifest(setup.pack, pack_files)
    assert manifest.pack_sha256 is not None
    cache = ResultCache(out / ".cache", manifest.pack_sha256 + options.cache_salt, options.redact)
    keys = [
        cache.key(sha, rel) if (sha := _sha_if_safe(p, root)) else None
        for p, rel in zip(files, relatives, strict=True)
    ]
    results: dict[int, FileReport] = {}
    if options.resume:
        for index, key in enumerate(keys):
            cached = cache.get(key) if key else None
            if cached is not None:
                results[index] = cached
    cached_count = len(results)
    todo = [i for i in range(len(files)) if i not in results]

    secret = _redaction_secret(out) if options.redact else None
    warm_up(setup)
    position_of = {files[i]: i for i in todo}
    pep_writer = PepOutputs(out, setup)

    def work(path: Path) -> FileReport:
        # Runs in the worker: check the file, then write its own three reports, in parallel.
        index = position_of[path]
        entry = lint_file(path, setup, options.limits, root)
        entry = redact_report(entry, secret) if options.redact else entry
        entry = _relative(entry, shown[index])
        pep_writer.write(out_keys[index], entry)
        return entry

    failures = sum(r.status == "error" for r in results.values())
    stopped = False
    with BulkProgress(len(files), enabled=options.progress) as progress:
        for _ in range(cached_count):
            progress.advance(failed=False, cached=True)
        for position, report in run_isolated(
            [files[i] for i in todo], work, options.limits, options.jobs
        ):
            index = todo[position]
            report = _relative(report, shown[index])
            if report.status == "error" and not pep_writer.exists(out_keys[index]):
                pep_writer.write(out_keys[index], report)  # the worker died before writing
            results[index] = report
            if keys[index]:
                cache.put(keys[index], report)  # type: ignore[arg-type]
            failures += report.status == "error"
            progress.advance(failed=report.status == "error", cached=False)
            if options.max_failures is not None and failures >= options.max_failures:
                stopped = True
                break
    for index in range(len(files)):
        if index in results and index not in position_of and not pep_writer.exists(out_keys[index]):
            pep_writer.write(
                out_keys[index], results[index]
            )  # cached result whose reports are missing
    pep_writer.prune(keep={out_keys[i] for i in results})
    ordered = [(shown[i], out_keys[i], results[i]) for i in sorted(results)]
    summary, rows = _write_outputs(out, setup, ordered, options)
    for _, _, report in ordered:
        record(manifest, report)
    manifest.finished_at = now()
    manifest.outputs = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and ".cache" not in p.parts and p.name != "manifest.json"
    )
    atomic_write(out / "manifest.json", manifest.model_dump_json(indent=2) + "\n")
    return BulkResult(
        rows,
        summary,
        processed=len(results) - cached_count,
        cached=cached_count,
        stopped_early=stopped,
    )


class PepOutputs:
    """Each PEP's own reports (JSON, HTML, Word) in OUT/peps/, named by its output key."""

    FORMATS = ("json", "html", "docx")

    def __init__(self, out: Path, setup: LintSetup) -> None:
        self.folder = out / "peps"
        self.setup = setup
        self.reporters: dict[str, Any] = collect(
            default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter"
        )

    def write(self, key: str, entry: FileReport) -> None:
        """Render and write the three reports of one PEP."""
        form = self.setup.form_template  # the pack's own Word form, when it has one
        report = Report(
            pack=self.setup.pack,
            meta={
                "settings": self.setup.config.settings,
                "form_template": str(form) if form else None,
            },
            files=[entry],
        )
        for fmt in self.FORMATS:
            atomic_write(self.folder / f"{key}.{fmt}", self.reporters[fmt].render(report))

    def prune(self, keep: set[str]) -> None:
        """Remove reports of PEPs no longer in the folder (from an earlier run into the same OUT)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.is_file() and path.name.rsplit(".", 1)[0] not in keep:
                path.unlink()

    def exists(self, key: str) -> bool:
        """Whether all three reports of a PEP are there."""
        return all((self.folder / f"{key}.{fmt}").is_file() for fmt in self.FORMATS)


def _redaction_secret(out: Path) -> bytes:
    """The output folder's secret for child pseudonyms (made once, kept private, reused on resume)."""
    path = out / ".cache" / "redaction.key"
    if not path.is_file():
        atomic_write(path, os.urandom(32).hex())
    return bytes.fromhex(path.read_text().strip())


def _relative(report: FileReport, relative: str) -> FileReport:
    """The report with paths relative to the reviewed folder (outputs must not depend on where it is)."""
    report.path = relative
    if report.pep is not None:
        report.pep.source.path = relative
    return report


def _write_outputs(
    out: Path, setup: LintSetup, ordered: list[tuple[str, str, FileReport]], options: BulkOptions
) -> tuple[dict[str, Any], list[Row]]:
    item_ids = [item.id for item in setup.checklist.items]
    rows = [row_for(relative, key, entry, item_ids) for relative, key, entry in ordered]
    entries = [entry for _, _, entry in ordered]
    aggregates = aggregate(rows, entries, item_ids, options.as_of)
    copied = find_copied([(rel, key, entry) for rel, key, entry in ordered])
    summary: dict[str, Any] = {
        "format": SUMMARY_FORMAT,
        "version": 1,
        "pack": setup.pack.model_dump(),
        "as_of": options.as_of.isoformat(),
        "items": item_ids,
        "rows": [asdict(r) for r in rows],
        "aggregates": aggregates.to_dict(),
        "copied": [{"text": g.text, "passages": [asdict(p) for p in g.passages]} for g in copied],
    }
    changes: list[Change] = []
    if options.compare_with is not None:
        changes = compare(load_previous(options.compare_with), summary)
        summary["compared_with"] = [asdict(c) for c in changes]
    atomic_write(out / "summary.csv", to_csv(rows, item_ids))
    atomic_write(out / "summary.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    env = Environment(
        loader=PackageLoader("peplint", "templates"),
        autoescape=select_autoescape(["j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    html = env.get_template("dashboard.html.j2").render(
        pack=setup.pack.name,
        agg=aggregates,
        items=setup.checklist.items,
        rows=rows,
        copied=copied,
        changes=changes,
        as_of=options.as_of.isoformat(),
    )
    atomic_write(out / "index.html", html)
    return summary, rows
