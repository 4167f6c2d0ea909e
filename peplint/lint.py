"""Linting one file end to end: read, run the rules, answer the checklist, draft feedback.

Errors reading the file become an error entry, never an exception, so one bad
file never stops a run.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pluggy

from peplint import errors
from peplint.checklist.coverage import layout_coverage
from peplint.checklist.evaluate import evaluate
from peplint.checklist.model import ChecklistSpec
from peplint.engine import EngineConfig, registered_rules, run_rules
from peplint.feedback import compose_feedback
from peplint.model.pep import Pep, Target
from peplint.reading import file_sha256, read_pep
from peplint.report import FileError, FileReport, PackInfo
from peplint.rules.base import Rule
from peplint.safety.limits import Limits
from peplint.safety.names import printable
from peplint.waivers import WaiverSet

# Logs name inputs by hash only: never a file name or any document text.
log = logging.getLogger("peplint")


@dataclass
class LintSetup:
    """What a lint run needs: the rules, their configuration, the checklist, the pack."""

    rules: dict[str, Rule]
    config: EngineConfig = field(default_factory=EngineConfig)
    checklist: ChecklistSpec = field(
        default_factory=lambda: ChecklistSpec(title="Checklist", items=[])
    )
    pack: PackInfo = field(default_factory=lambda: PackInfo(name="section-d", version=1))
    aliases: dict[str, list[str]] = field(default_factory=dict)
    field_aliases: dict[str, list[str]] = field(default_factory=dict)  # a pack's `fields:`
    password: str | None = None
    pm: pluggy.PluginManager | None = None
    waivers: WaiverSet = field(default_factory=WaiverSet)  # accepted findings (peplint.waivers)
    form_template: Path | None = None  # the pack's own Word form, if it has one

    @classmethod
    def default(cls, pm: pluggy.PluginManager | None = None) -> LintSetup:
        """The setup of the default pack (section-d: Walsall's checklist and settings)."""
        from peplint.packs.resolve import resolve_pack

        return resolve_pack("section-d", pm).setup(registered_rules(pm), pm)


def lint_file(
    path: Path,
    setup: LintSetup,
    limits: Limits | None = None,
    root: Path | None = None,
    previous_targets: Callable[[Pep], list[Target]] | None = None,
) -> FileReport:
    """The report for one file (status "error" when it cannot be read). `previous_targets`
    gives last term's targets for the PEP's child, when a run compares with last term."""
    try:
        pep = read_pep(
            path,
            password=setup.password,
            pm=setup.pm,
            extra_aliases=setup.aliases,
            field_aliases=setup.field_aliases,
            limits=limits,
            root=root,
        )
    except errors.InputError as exc:
        try:
            digest: str | None = file_sha256(path) if path.is_file() else None
        except OSError:
            digest = None
        log.info("input %s not read: %s", digest or "-", exc.code)
        return FileReport(
            path=printable(path),
            sha256=digest,
            status="error",
            error=FileError(code=exc.code, message=exc.message),
        )
    if previous_targets is not None:
        pep.previous_targets = previous_targets(pep)
    findings, waived = setup.waivers.split(pep, run_rules(pep, setup.rules, setup.config))
    checklist = evaluate(setup.checklist, findings, pep)
    coverage = layout_coverage(pep, setup.checklist, setup.rules, setup.config)
    log.info("input %s linted: %d findings", pep.source.sha256, len(findings))
    return FileReport(
        path=printable(path),
        sha256=pep.source.sha256,
        status="ok",
        degraded=pep.source.degraded,
        pep=pep,
        checklist=checklist,
        coverage=coverage,
        findings=findings,
        waived=waived,
        feedback=compose_feedback(pep, checklist, findings),
    )


def warm_up(setup: LintSetup, years: tuple[int, ...] | None = None) -> None:
    """Pay every first-use cost once, in this process, before workers are forked from it:
    the language pipeline, the PDF word list and engines, the parsers, profiles and
    lexicon, the school calendar of the years PEPs fall in, the report templates and the
    Word renderer. Forked workers inherit all of it instead of each repeating it."""
    # The collector is paused while the warm-up builds its long-lived objects: its passes
    # over them (a tenth of a second) would free almost nothing (about 500 objects).
    collecting = gc.isenabled()
    gc.disable()
    try:
        import datetime as dt

        from peplint.calendar import load_years
        from peplint.nlp.pipeline import get_pipeline
        from peplint.parsers.pdf_tables import common_words
        from peplint.reading import parsers, profiles
        from peplint.rules.language import default_lexicon

        get_pipeline()
        common_words()
        default_lexicon()
        parsers(setup.pm)
        profiles(setup.pm)
        this_year = dt.date.today().year
        load_years(years or (this_year - 1, this_year, this_year + 1))
        _warm_reporters(setup)
        _warm_reading(setup)
    finally:
        # Everything alive now is inherited by the workers: moved out of the collector's
        # reach, their pages are not written (and so not copied) by a worker's collections.
        gc.freeze()
        if collecting:
            gc.enable()


def _warm_reading(setup: LintSetup) -> None:
    """Lint the bundled synthetic PEP in each format once (peplint/data/warm_up/): every
    lazily loaded table, vocabulary and font a real PEP needs is then loaded here."""
    folder = resources.files("peplint") / "data" / "warm_up"
    disabled, log.disabled = log.disabled, True  # no log lines for documents the user never gave
    try:
        for name in ("pep.docx", "pep.pdf"):
            with resources.as_file(folder / name) as path:
                lint_file(path, setup, None, path.parent)
    finally:
        log.disabled = disabled


def _warm_reporters(setup: LintSetup) -> None:
    """Render an empty report in every built-in document format once (templates compiled,
    the Word package's parts loaded)."""
    from peplint.plugins.manager import reporters
    from peplint.report import Report

    empty = Report(pack=setup.pack)
    for reporter in reporters(setup.pm).values():
        if reporter.name in {"html", "markdown", "docx", "json"}:
            reporter.render(empty)
