"""Running a bulk review: discover, reuse cached results, check the rest in isolated
workers, then write every output from the reports in path order, so an interrupted
run resumed with `--resume`, and runs with any number of jobs, give the same files."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Generator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from peplint import errors
from peplint.bulk.cache import ResultCache
from peplint.bulk.cluster import ClusterOptions
from peplint.bulk.compare import SUMMARY_FORMAT, Change, compare, load_previous
from peplint.bulk.copied import find_copied_in
from peplint.bulk.discover import find_inputs, output_keys
from peplint.bulk.held import HeldPep, held_bytes, held_from_bytes, hold
from peplint.bulk.held import warm as warm_held
from peplint.bulk.outfolder import OutputIndex, Staging, check_output_folder, read_index
from peplint.bulk.pep_reports import PepOutputs, relative_report, renders_anywhere
from peplint.bulk.progress import BulkProgress
from peplint.bulk.summary import Row, aggregate, to_csv
from peplint.bulk.uptodate import inputs_digest, remove_stamp
from peplint.lint import LintSetup, lint_file, warm_up
from peplint.model.pep import Pep, Target
from peplint.output import atomic_write
from peplint.reading import file_sha256
from peplint.redact import redact_report
from peplint.report import FileError, FileReport
from peplint.safety.isolation import Brief, is_limit_failure, run_isolated, unread_result
from peplint.safety.keys import redaction_key
from peplint.safety.limits import Limits
from peplint.safety.manifest import RunManifest, new_manifest, now
from peplint.safety.names import printable
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
    key_file: Path | None = None  # the redaction key (default: the user's config folder)
    cluster: ClusterOptions | None = None  # run the per-PEP work on a Dask cluster


@dataclass
class BulkResult:
    """What a bulk run produced."""

    rows: list[Row]
    summary: dict[str, Any]
    processed: int
    cached: int
    stopped_early: bool
    switched: bool = True  # False: stopped early, the previous run's outputs were kept
    # Every input's name and content, when a resume with nothing changed could skip the
    # work (each file read safely, none stopped by a limit); else None (peplint.bulk.uptodate)
    inputs_digest: str | None = None


def _checked(
    files: list[Path],
    todo: list[int],
    work: Callable[[Path], FileReport | Brief],
    setup: LintSetup,
    options: BulkOptions,
    root: Path,
    shown: list[str],
    write_rendered: Callable[[int, dict[str, bytes]], None],
) -> Generator[tuple[int, FileReport | Brief], None, None]:
    """(position in `todo`, report) as each file is checked: in local isolated workers
    (which send, of a file they read and stored, a Brief of what this process keeps of
    it), or on the Dask cluster the options name. What this process does with a result
    then is the same for both.
    Cluster workers render each PEP's reports too, handed to `write_rendered` (by index
    into `files`), unless this run redacts or the pack's Word form is a file here."""
    paths = [files[i] for i in todo]
    if options.cluster is None:
        return run_isolated(paths, work, options.limits, options.jobs)  # none: no workers
    if not paths:
        return _nothing()  # no cluster contacted
    from peplint.bulk.cluster import run_on_cluster

    if options.redact or not renders_anywhere(setup):
        return run_on_cluster(paths, setup, options.limits, options.cluster, root)

    def written(position: int, rendered: dict[str, bytes]) -> None:
        with contextlib.suppress(OSError, KeyError):  # written here again, or reported
            write_rendered(todo[position], rendered)

    names = [shown[i] for i in todo]
    return run_on_cluster(paths, setup, options.limits, options.cluster, root, names, written)


def _nothing() -> Generator[tuple[int, FileReport | Brief], None, None]:
    """No results: what a run with no file to check gets instead of workers."""
    yield from ()


def _stop_at(options: BulkOptions, failures: int) -> bool:
    """Whether --max-failures is reached: by the files this run checked that could not be
    read (results reused by --resume and unlistable folders do not count; a file stopped
    by a limit is not cached, so a resumed run checks it, and counts it, again)."""
    return options.max_failures is not None and failures >= options.max_failures


def _usable_brief(brief: Brief, shown: str, out_key: str) -> HeldPep | None:
    """What a local worker sent of the file shown as `shown`, if it is that file's and of
    a file it read: None otherwise (this process then decides from the stored report)."""
    try:
        kept = held_from_bytes(brief.data)
    except ValueError:
        return None
    if kept.row.file != shown or kept.row.report != out_key or kept.failed:
        return None
    return kept


def _differs_from_stored(cache: ResultCache, key: str | None, report: FileReport) -> bool:
    """Whether the file's worker may have stored a result other than `report`: unless the
    cache holds this very report, its reports may say otherwise (it stopped between
    writing them and the cache entry, or the file could not be hashed: no entry)."""
    return key is None or cache.get(key) != report


def _last_term(compare_with: Path | None) -> dict[str, list[Target]]:
    """Last term's targets per child when the run compares with last term's run."""
    if compare_with is None:
        return {}
    from peplint.bulk.compare import previous_targets_by_child

    return previous_targets_by_child(compare_with)


def _last_term_key(by_child: dict[str, list[Target]]) -> str:
    """A part of the cache key: results checked against other last-term targets differ."""
    if not by_child:
        return ""
    text = json.dumps({k: [t.text for t in v] for k, v in sorted(by_child.items())})
    return "+last-term:" + hashlib.sha256(text.encode()).hexdigest()[:16]


def _last_term_targets(
    by_child: dict[str, list[Target]], compare_with: Path | None
) -> Callable[[Pep], list[Target]] | None:
    """Last term's targets for a PEP's child, when the run compares with last term's run;
    loaded once here and inherited by every forked worker."""
    if compare_with is None:
        return None
    from peplint.waivers import child_key

    def lookup(pep: Pep) -> list[Target]:
        key = child_key(pep)
        return list(by_child.get(key, [])) if key else []

    return lookup


def _sha_if_safe(path: Path, root: Path) -> str | None:
    try:
        check_path(path, root)
        return file_sha256(path)
    except (errors.InputError, OSError):
        return None


def run_bulk(
    root: Path, out: Path, setup: LintSetup, pack_files: list[Path], options: BulkOptions
) -> BulkResult:
    """Review every PEP under `root`, writing the outputs to `out`.

    The new outputs are written beside the previous run's and switched in at the end; a
    run that stops early (--max-failures) leaves a previous run's outputs as they were.
    """
    check_output_folder(root, out)
    remove_stamp(out)  # this run will change the outputs: nothing vouches for them until it ends
    found = find_inputs(root)
    if not found.files and not found.unreadable:
        raise errors.ConfigError(
            "no PEP files (.pdf, .docx) were found in the folder; check the folder name"
        )
    files = sorted([*found.files, *found.unreadable], key=lambda p: p.relative_to(root).as_posix())
    folders = set(found.unreadable)
    relatives = [p.relative_to(root).as_posix() for p in files]
    out_keys = output_keys(relatives, options.redact)
    shown = (
        out_keys if options.redact else [printable(r) for r in relatives]
    )  # a redacted run never shows input file names
    manifest = new_manifest(setup.pack, pack_files)
    assert manifest.pack_sha256 is not None
    previous = read_index(out)
    try:
        staging = Staging(out)
    except OSError as exc:
        raise errors.output_failed(exc, "to the output folder") from None
    try:
        return _run_staged(
            root,
            out,
            setup,
            options,
            files,
            relatives,
            out_keys,
            shown,
            manifest,
            previous,
            staging,
            folders,
        )
    except OSError as exc:
        # Only outputs are written in this process (inputs are read in the workers): the
        # output folder is full, read-only or gone. The results cached so far are kept.
        raise errors.output_failed(exc, "to the output folder") from None
    finally:
        with contextlib.suppress(OSError):
            staging.discard()


def _run_staged(
    root: Path,
    out: Path,
    setup: LintSetup,
    options: BulkOptions,
    files: list[Path],
    relatives: list[str],
    out_keys: list[str],
    shown: list[str],
    manifest: RunManifest,
    previous: OutputIndex | None,
    staging: Staging,
    folders: set[Path],
) -> BulkResult:
    last_term_by_child = _last_term(options.compare_with)
    cache = ResultCache(
        out / ".cache",
        (manifest.pack_sha256 or "") + options.cache_salt + _last_term_key(last_term_by_child),
        options.redact,
    )
    hashes = [_sha_if_safe(p, root) for p in files]
    keys = [
        cache.key(sha, rel) if sha else None for sha, rel in zip(hashes, relatives, strict=True)
    ]
    kept = PepOutputs(out / "peps", setup)
    pep_writer = PepOutputs(staging.path("peps"), setup)
    previous_files = set(previous.files) if previous is not None else set()

    def in_place(index: int) -> bool:
        """Whether a cached result's reports are in the previous outputs, as they are."""
        owned = kept.relatives(out_keys[index]) <= previous_files
        same = previous is not None and previous.sources.get(out_keys[index]) == keys[index]
        return owned and same and kept.exists(out_keys[index])

    item_ids = [item.id for item in setup.checklist.items]

    def keep_of(index: int, report: FileReport) -> HeldPep:
        return hold(shown[index], out_keys[index], report, item_ids)

    # Until the summary is written, each result is held as what the summary reads of it
    # (bulk.held); a cached one's reports are written now unless they are in place.
    held: dict[int, HeldPep] = {}
    reports_in_place: set[int] = set()
    if options.resume:
        for index, key in enumerate(keys):
            cached = cache.get(key) if key else None
            if cached is None:
                continue
            held[index] = keep_of(index, cached)
            if in_place(index):
                reports_in_place.add(index)
            else:
                pep_writer.write(out_keys[index], cached)
    cached_count = len(held)
    for index, path in enumerate(files):
        if path in folders:  # a sub-folder that could not be listed: its own error entry
            error = errors.unreadable_folder()
            report = FileReport(
                path=shown[index],
                status="error",
                error=FileError(code=error.code, message=error.message),
            )
            report = relative_report(report, shown[index])
            pep_writer.write(out_keys[index], report)
            held[index] = keep_of(index, report)
    todo = [i for i in range(len(files)) if i not in held]

    secret = redaction_key(out, options.key_file) if options.redact else None
    if todo and options.cluster is None:
        warm_up(setup)  # once here, inherited by every forked worker; nothing to do, no cost
        warm_held()
    last_term = _last_term_targets(last_term_by_child, options.compare_with)
    position_of = {files[i]: i for i in todo}

    def work(path: Path) -> FileReport | Brief:
        # Runs in the worker: check the file, then write its three reports and its cache
        # entry, in parallel; the parent writes only what a worker could not. Of a file
        # read and stored, the parent is sent only what it keeps (bulk.held).
        index = position_of[path]
        entry = lint_file(path, setup, options.limits, root, previous_targets=last_term)
        entry = redact_report(entry, secret) if options.redact else entry
        entry = relative_report(entry, shown[index])
        brief = None if entry.status == "error" else Brief(held_bytes(keep_of(index, entry)))
        try:
            pep_writer.write(out_keys[index], entry)
            if keys[index] and not is_limit_failure(entry):
                cache.put(keys[index], entry)  # type: ignore[arg-type]
        except OSError:
            return entry  # the parent writes it again and reports a failure
        return brief or entry

    failures = 0  # of the files this run checks (see _stop_at)
    stopped = False
    with BulkProgress(len(files), enabled=options.progress) as progress:
        for _ in range(cached_count):
            progress.advance(failed=False, cached=True)
        for _ in folders:
            progress.advance(failed=True, cached=False)
        checked = _checked(
            files,
            todo,
            work,
            setup,
            options,
            root,
            shown,
            lambda index, rendered: pep_writer.write_rendered(out_keys[index], rendered),
        )
        # However the loop ends (done, --max-failures, an interruption), the workers are
        # stopped here, before anything is switched in or the staging folder removed: a
        # worker given its next file must not write into a folder already gone.
        with contextlib.closing(checked):
            for position, outcome in checked:
                index = todo[position]
                key = keys[index]
                if isinstance(outcome, Brief):  # read and stored by its worker
                    briefed = _usable_brief(outcome, shown[index], out_keys[index])
                    if briefed is not None:
                        held[index] = briefed
                        progress.advance(failed=False, cached=False)
                        continue
                    # Never expected: what the worker sent does not fit its file. Its
                    # stored report stands, or the file is an error entry (not cached;
                    # its reports written again below).
                    stored = cache.get(key) if key else None
                    outcome = stored or unread_result(shown[index])
                report = outcome
                if options.cluster is not None:
                    if options.redact:
                        report = redact_report(report, secret)  # cluster workers return it as read
                    report = relative_report(report, shown[index])
                elif report.pep is None:
                    # An error entry the isolation layer made (a timeout, a crash): named by
                    # its input's own path. A report with a PEP came from `work` above, which
                    # made it relative and clean already.
                    report = relative_report(report, shown[index])
                if (
                    options.cluster is None
                    and report.status == "error"
                    and _differs_from_stored(cache, key, report)
                ):
                    # An error this process made of a file its worker may have stored
                    # another result for (it stopped after writing, or sent what could not
                    # be used): this error is the file's result everywhere. Its reports are
                    # written again, and any stored result goes (limit failures and results
                    # that could not be read back are not cached; the others are, below).
                    if key:
                        cache.drop(key)
                    pep_writer.write(out_keys[index], report)
                if key and not is_limit_failure(report) and not cache.has(key):
                    cache.put(key, report)  # its worker could not
                if not pep_writer.exists(out_keys[index]):
                    # The worker died before writing, or could not write: an error here is
                    # the output folder's, never the PEP's (its verdict is in the cache).
                    pep_writer.write(out_keys[index], report)
                held[index] = keep_of(index, report)  # its reports are written
                failures += report.status == "error"
                progress.advance(failed=report.status == "error", cached=False)
                if _stop_at(options, failures) and len(held) < len(files):
                    stopped = True  # files are left to check (after the last, the run is done)
                    break
    if stopped and previous is not None:
        # The previous run's outputs stay as they were; this run's results are in the
        # cache, so `--resume` carries on from them.
        return BulkResult([], {}, len(held) - cached_count, cached_count, True, switched=False)
    # Every other PEP's reports were written into the staging folder above.
    if stopped:
        # A first run stopped early: its outputs are the results it holds. A report that
        # another worker wrote after the stop was decided, of a file not in the summary,
        # is left out (otherwise which ones appear would depend on the workers' timing).
        held_reports = {name for i in held for name in pep_writer.relatives(out_keys[i])}
        for name in staging.staged():
            if name.startswith("peps/") and name not in held_reports:
                os.unlink(staging.path(name))
    keep = {name for index in reports_in_place for name in kept.relatives(out_keys[index])}
    ordered = [held[i] for i in sorted(held)]
    summary, rows = _write_outputs(staging.folder, setup, ordered, options)
    manifest.inputs.extend(h.manifest for h in ordered)
    manifest.finished_at = now()
    written = {*staging.staged(), *keep} - {"manifest.json"}
    reports = [name for name in written if name.startswith("peps/")]
    # Per-PEP report names come from input names, which often carry a child's name.
    manifest.outputs = [*sorted(written - set(reports)), f"peps/ ({len(reports)} reports)"]
    atomic_write(staging.path("manifest.json"), manifest.model_dump_json(indent=2) + "\n")
    sources = {out_keys[i]: keys[i] for i in held if keys[i]}
    staging.commit(keep, sources)  # type: ignore[arg-type]
    vouched = (
        not stopped
        and not folders
        and all(hashes)
        and not any(h.limit_failure for h in held.values())
    )
    return BulkResult(
        rows,
        summary,
        processed=len(held) - cached_count,
        cached=cached_count,
        stopped_early=stopped,
        inputs_digest=inputs_digest(zip(relatives, hashes, strict=True)) if vouched else None,  # type: ignore[arg-type]
    )


def _write_outputs(
    out: Path, setup: LintSetup, ordered: list[HeldPep], options: BulkOptions
) -> tuple[dict[str, Any], list[Row]]:
    item_ids = [item.id for item in setup.checklist.items]
    rows = [h.row for h in ordered]
    aggregates = aggregate(rows, [h.flagged for h in ordered], item_ids, options.as_of)
    copied = find_copied_in([h.copy for h in ordered])
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
