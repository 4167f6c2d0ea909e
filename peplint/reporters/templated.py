"""The Markdown and HTML reporters, rendered from Jinja2 templates with autoescaping."""

from __future__ import annotations

import functools
import re

from jinja2 import Environment, PackageLoader, select_autoescape

from peplint.report import Report
from peplint.reporters.view import file_view
from peplint.safety.xmlchars import clean_model

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|])")


def markdown_escape(value: object) -> str:
    """Text safe inside Markdown: special characters escaped, HTML made inert."""
    text = "" if value is None else str(value)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


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
        report = clean_model(report)  # no XML-illegal or terminal control characters
        files = [file_view(entry) for entry in report.files]
        return _environment().get_template(self.template).render(files=files).encode("utf-8")


class MarkdownReporter:
    """`--format markdown`: a page per file with the checklist, evidence and draft feedback."""

    name = "markdown"
    description = "A Markdown page per file: checklist, evidence, draft feedback."
    extension = "md"

    def render(self, report: Report, *, colour: bool = False) -> bytes:
        """The report as Markdown; document text is escaped so it cannot inject markup."""
        report = clean_model(report)  # no XML-illegal or terminal control characters
        md = markdown_escape
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
                out += [f"### {md(item.id)} {md(item.question)}", ""]
                out += [
                    f"- {md(e.text)}" + (f" (page {e.page})" if e.page else "")
                    for e in item.evidence
                ]
                out.append("")
            out += ["## Draft feedback to the designated teacher", ""]
            out += [
                md(line) if not line.startswith("- ") else "- " + md(line[2:])
                for line in f.feedback_text.split("\n")
            ]
            out.append("")
        return "\n".join(out).encode("utf-8")


MET = {"yes", "gold", "green", "meets"}


class HtmlReporter(_Templated):
    """`--format html`: one self-contained page, no external assets, all text escaped."""

    name = "html"
    description = "A self-contained HTML page: checklist, evidence, draft feedback."
    extension = "html"
    template = "report.html.j2"
