"""The Markdown and HTML reporters, rendered from Jinja2 templates with autoescaping."""

from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, select_autoescape

from peplint.report import Report
from peplint.reporters.view import evidence_text, file_view, item_label, used, where

_MD_INLINE = re.compile(r"[`*<>|~]")
_MD_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")  # in_a_name stays as it is
_MD_LINK_CLOSE = re.compile(r"\](?=[(\[])")  # only "](" or "][" can make a link
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def markdown_escape(value: object) -> str:
    """Text safe inside Markdown and still readable when pasted as plain text: only what
    would become markup is escaped ("[CHILD]" and "(page 2)" stay as they are), HTML inert."""
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("\\", "\\\\")
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(0), text)
    text = _MD_EMPHASIS_UNDERSCORE.sub(r"\\_", text)
    text = _MD_LINK_CLOSE.sub(r"\\]", text)
    return _MD_LINE_START.sub(r"\1\\\2", text)


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("peplint", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


class _Templated:
    name = ""
    description = ""
    extension = ""
    template = ""

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report rendered with this reporter's template."""
        files = [file_view(entry) for entry in report.files]
        return (
            _environment()
            .get_template(self.template)
            .render(
                files=files,
                used=used(report),
                evidence_text=evidence_text,
                where=where,
                show_waived=bool((report.meta or {}).get("show_waived")),
            )
            .encode("utf-8")
        )


class MarkdownReporter:
    """`--format markdown`: a page per file with the checklist, evidence and draft feedback."""

    name = "markdown"
    description = "A Markdown page per file: checklist, evidence, draft feedback."
    extension = "md"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report as Markdown; document text is escaped so it cannot inject markup."""
        md = markdown_escape
        show_waived = bool((report.meta or {}).get("show_waived"))
        out: list[str] = []
        for f in (file_view(entry) for entry in report.files):
            out += [f"# {md(f.title)}: {md(f.child)}", ""]
            if f.error:
                out += [f"**{md(f.path)}** could not be read: {md(f.error)}", ""]
                continue
            out += [
                "| | |",
                "|---|---|",
                f"| Young person | {md(f.child)} |",
                f"| School or setting | {md(f.school)} |",
                f"| PEP meeting | {md(f.pep_date)} |",
                f"| File | {md(f.path)} |",
                "",
                "## Checklist",
                "",
                "| | Question | Answer |",
                "|---|---|---|",
            ]
            out += [f"| {md(i.id)} | {md(i.question)} | **{md(i.answer)}** |" for i in f.items]
            out += ["", f"**Overall: {md(f.judgement)}**", ""]
            for item in f.items:
                if not item.evidence or item.answer in MET:
                    continue
                out += [f"### {md(item_label(item))}", ""]
                out += [
                    "- "
                    + (f"`{e.rule}` " if e.rule else "")
                    + md(evidence_text(e))
                    + (f" (page {e.page})" if e.page and e.rule else "")
                    for e in item.evidence
                ]
                out.append("")
            if f.findings:
                out += [
                    "## Findings",
                    "",
                    "| Rule | Severity | Where | What |",
                    "|---|---|---|---|",
                ]
                out += [
                    f"| `{x.rule}` | {x.severity}{' (unclear)' if x.unclear else ''} | "
                    f"{md(where(x))} | {md(x.message)} |"
                    for x in f.findings
                ]
                out.append("")
            if f.waived and show_waived:
                out += ["## Waived (accepted with a reason)", ""]
                out += [f"- `{x.rule}` {md(x.message)} (waived: {md(x.waiver)})" for x in f.waived]
                out.append("")
            elif f.waived:
                out += [f"{len(f.waived)} finding(s) waived.", ""]
            if f.warnings:
                out += ["## Reading notes", ""]
                out += [f"- {md(w)}" for w in f.warnings]
                out.append("")
            out += ["## Draft feedback to the designated teacher", ""]
            out += [
                md(line) if not line.startswith("- ") else "- " + md(line[2:])
                for line in f.feedback_text.split("\n")
            ]
            out.append("")
        out += [f"_Checked with {md(used(report))}_", ""]
        return "\n".join(out).encode("utf-8")


MET = {"yes", "gold", "green", "meets"}


class HtmlReporter(_Templated):
    """`--format html`: one self-contained page, no external assets, all text escaped."""

    name = "html"
    description = "A self-contained HTML page: checklist, evidence, draft feedback."
    extension = "html"
    template = "report.html.j2"
