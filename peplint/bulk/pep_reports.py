"""Each PEP's own reports in a bulk run (JSON, HTML, Word in peps/, named by the PEP's
output key): the report entry named by its path in the reviewed folder, rendered, and
written. A local worker or a cluster worker renders them where the PEP was checked; this
process writes what it is sent, or renders what no worker could."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from peplint.output import atomic_write
from peplint.plugins.manager import reporters
from peplint.report import FileReport, Report
from peplint.safety.xmlchars import clean_model

if TYPE_CHECKING:
    from peplint.lint import LintSetup
    from peplint.reporters.base import Reporter

FORMATS = ("json", "html", "docx")


def relative_report(report: FileReport, relative: str) -> FileReport:
    """The report with paths relative to the reviewed folder (outputs must not depend on
    where it is), cleaned of characters no output may carry."""
    report.path = relative
    if report.pep is not None:
        report.pep.source.path = relative
    return clean_model(report)  # the summary and dashboard carry no XML-illegal characters


def renders_anywhere(setup: LintSetup) -> bool:
    """Whether another machine renders a PEP's reports as this one would: not when the
    pack names its own Word form, a file on this machine."""
    return setup.form_template is None


class PepOutputs:
    """Each PEP's own reports (JSON, HTML, Word) in a peps/ folder, named by its output key."""

    FORMATS = FORMATS

    def __init__(self, folder: Path, setup: LintSetup) -> None:
        self.folder = folder
        self.setup = setup
        self.reporters: dict[str, Reporter] = reporters()

    def render(self, entry: FileReport) -> dict[str, bytes]:
        """The three reports of one PEP, by format."""
        form = self.setup.form_template  # the pack's own Word form, when it has one
        report = Report(
            pack=self.setup.pack,
            meta={
                "settings": self.setup.config.settings,
                "form_template": str(form) if form else None,
            },
            files=[entry],
        )
        return {fmt: self.reporters[fmt].render(report) for fmt in self.FORMATS}

    def write(self, key: str, entry: FileReport) -> None:
        """Render and write the three reports of one PEP."""
        self.write_rendered(key, self.render(entry))

    def write_rendered(self, key: str, rendered: dict[str, bytes]) -> None:
        """Write the three reports of one PEP, rendered elsewhere."""
        for fmt in self.FORMATS:
            atomic_write(self.folder / f"{key}.{fmt}", rendered[fmt])

    def relatives(self, key: str) -> set[str]:
        """The three reports' paths relative to the output folder."""
        return {f"peps/{key}.{fmt}" for fmt in self.FORMATS}

    def exists(self, key: str) -> bool:
        """Whether all three reports of a PEP are there (as regular files, not links)."""
        return all(
            (p := self.folder / f"{key}.{fmt}").is_file() and not p.is_symlink()
            for fmt in self.FORMATS
        )
