"""Linting one file end to end: read, run the rules, answer the checklist, draft feedback.

Errors reading the file become an error entry, never an exception, so one bad
file never stops a run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pluggy

from peplint import errors
from peplint.checklist.evaluate import evaluate
from peplint.checklist.model import ChecklistSpec
from peplint.engine import EngineConfig, registered_rules, run_rules
from peplint.feedback import compose_feedback
from peplint.reading import file_sha256, read_pep
from peplint.report import FileError, FileReport, PackInfo
from peplint.rules.base import Rule
from peplint.safety.limits import Limits
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
    path: Path, setup: LintSetup, limits: Limits | None = None, root: Path | None = None
) -> FileReport:
    """The report for one file (status "error" when it cannot be read)."""
    try:
        pep = read_pep(
            path,
            password=setup.password,
            pm=setup.pm,
            extra_aliases=setup.aliases,
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
            path=str(path),
            sha256=digest,
            status="error",
            error=FileError(code=exc.code, message=exc.message),
        )
    findings, waived = setup.waivers.split(pep, run_rules(pep, setup.rules, setup.config))
    checklist = evaluate(setup.checklist, findings, pep)
    log.info("input %s linted: %d findings", pep.source.sha256, len(findings))
    return FileReport(
        path=str(path),
        sha256=pep.source.sha256,
        status="ok",
        degraded=pep.source.degraded,
        pep=pep,
        checklist=checklist,
        findings=findings,
        waived=waived,
        feedback=compose_feedback(pep, checklist, findings),
    )


def warm_up(setup: LintSetup) -> None:
    """Load what every file needs once, in this process, before workers are forked from it:
    the language pipeline, the PDF word list, the parsers, profiles and the lexicon."""
    from peplint.nlp.pipeline import get_pipeline
    from peplint.parsers.pdf_tables import common_words
    from peplint.reading import parsers, profiles
    from peplint.rules.language import default_lexicon

    get_pipeline()
    common_words()
    default_lexicon()
    parsers(setup.pm)
    profiles(setup.pm)
