"""The terminal reporter: each file's checklist, grouped findings and overall judgement."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape

from peplint.model.findings import Finding
from peplint.report import FileReport, Report
from peplint.reporters.view import used

ANSWER_STYLE = {
    "yes": "green",
    "no": "bold red",
    "unclear": "yellow",
    "gold": "bold yellow",
    "green": "green",
    "amber": "yellow",
    "red": "bold red",
}


def answer_style(answer: str) -> str:
    """The colour of any scale's rating (a pack's own ratings are shown bold)."""
    return ANSWER_STYLE.get(answer.lower(), "bold")


SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


class TextReporter:
    """`--format text`: grouped by checklist item; colour only on a terminal."""

    name = "text"
    show_waived = False
    description = "Readable terminal output, grouped by checklist item."
    extension = "txt"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report as plain or coloured text."""
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=colour,
            no_color=not colour,
            width=100,
            highlight=False,
            soft_wrap=not colour,
        )
        self.show_waived = bool((report.meta or {}).get("show_waived"))
        for entry in report.files:
            self._file(console, entry)
        console.print(escape(f"Checked with {used(report)}"), style="dim")
        return buffer.getvalue().encode("utf-8")

    def _file(self, console: Console, entry: FileReport) -> None:
        console.print(f"[bold]{escape(entry.path)}[/bold]")
        if entry.status == "error" and entry.error is not None:
            console.print(
                f"  [red]could not be read[/red] [{entry.error.code}]: {escape(entry.error.message)}"
            )
            console.print()
            return
        assert entry.checklist is not None
        pep = entry.pep
        if pep is not None:
            meeting = (
                pep.meeting.date.strftime("%d/%m/%Y") if pep.meeting.date else "date not recorded"
            )
            console.print(f"  template {pep.template}; PEP meeting {meeting}")
        for item in entry.checklist.items:
            style = answer_style(item.answer)
            console.print(
                f"  [{style}]{item.answer.upper():8}[/{style}] {item.id} {escape(item.question)}"
            )
            for finding in (f for f in entry.findings if f.rule in item.rules):
                self._finding(console, finding, indent=13)
        others = [
            f for f in entry.findings if not any(f.rule in i.rules for i in entry.checklist.items)
        ]
        if others:
            console.print("  Other findings:")
            for finding in others:
                self._finding(console, finding, indent=4)
        if entry.waived:
            if self.show_waived:
                console.print("  Waived (accepted with a reason):")
                for finding in entry.waived:
                    console.print(
                        f"    {finding.rule}: {escape(finding.message)} "
                        f"[dim](waived: {escape(finding.waiver or '')})[/dim]"
                    )
            else:
                console.print(f"  {len(entry.waived)} finding(s) waived; --show-waived lists them.")
        overall = entry.checklist.overall
        style = "bold green" if overall.meets else "bold red"
        console.print(f"  [{style}]{escape(overall.label)}[/{style}]")
        console.print()

    def _finding(self, console: Console, finding: Finding, indent: int) -> None:
        pad = " " * indent
        style = SEVERITY_STYLE[finding.severity]
        where = f" ({finding.location})" if finding.location else ""
        page = f" p.{finding.page}" if finding.page else ""
        console.print(
            f"{pad}[{style}]{finding.severity}[/{style}] {finding.rule}{escape(where)}{page}: "
            f"{escape(finding.message)}"
        )
        if finding.suggestion:
            console.print(f"{pad}  -> {escape(finding.suggestion)}")
