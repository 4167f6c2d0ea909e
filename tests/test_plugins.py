"""The plugin system: hooks documented and exercised, built-ins registered like
third-party plugins, and an external plugin installed through an entry point."""

from __future__ import annotations

import inspect
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pluggy
import pytest
from click.testing import CliRunner

from peplint import hookspecs
from peplint.cli import add_plugin_commands, main
from peplint.engine import registered_rules
from peplint.lint import LintSetup, lint_file
from peplint.plugins.manager import BUILTIN_PLUGINS, collect, new_manager
from peplint.reading import parsers, profiles
from tests.conftest import GENERATED

HOOKS = [
    name
    for name, _ in inspect.getmembers(hookspecs, inspect.isfunction)
    if name.startswith("peplint_")
]

EXTERNAL_PLUGIN = '''
"""A third-party peplint plugin: one rule, one reporter, one command."""
import click
from peplint import hookspecs
from peplint.rules.base import Rule, RuleDoc


class PupilPremiumMentioned(Rule):
    id = "pupil-premium-mentioned"
    severity = "warning"
    sections = ("smart_targets",)
    doc = RuleDoc(summary="A target says how Pupil Premium Plus is used.",
                  what="Looks for 'Pupil Premium' in the targets.", why="DfE statutory guidance.")

    def check(self, pep, ctx):
        if not any("pupil premium" in " ".join(filter(None, (t.text, t.strategy))).lower() for t in pep.targets):
            yield self.finding(ctx, "No target says how Pupil Premium Plus is used.")


class CountReporter:
    name = "count"
    description = "Number of findings per file."
    extension = "txt"

    def render(self, report, *, colour=False):
        return "".join(f"{len(f.findings)}\\n" for f in report.files).encode()


@hookspecs.hookimpl
def peplint_register_rules(register):
    register(PupilPremiumMentioned())


@hookspecs.hookimpl
def peplint_register_reporters(register):
    register(CountReporter())


@hookspecs.hookimpl
def peplint_register_commands(register):
    @click.command("hello-la")
    def hello():
        click.echo("hello from the plugin")
    register(hello)
'''


def test_every_hook_has_a_docstring_saying_when_it_is_called() -> None:
    assert HOOKS
    for name in HOOKS:
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert "Called" in doc and "register(" in doc, name


def test_every_hook_is_implemented_by_a_builtin_or_exercised_here() -> None:
    pm = new_manager(load_entry_points=False)
    implemented = {name for name in HOOKS if getattr(pm.hook, name).get_hookimpls()}
    # Commands have no built-in implementation; the external plugin below exercises them.
    assert set(HOOKS) - implemented <= {"peplint_register_commands"}
    for name in implemented:
        assert {impl.plugin_name for impl in getattr(pm.hook, name).get_hookimpls()} <= set(
            BUILTIN_PLUGINS
        )


def test_builtins_are_registered_through_the_manager() -> None:
    pm = new_manager(load_entry_points=False)
    assert set(parsers(pm)) == {"docx", "pdf"}
    assert {p.name for p in profiles(pm)} == {"walsall-post16", "secondary", "early-years"}
    assert len(registered_rules(pm)) == 36
    assert {"text", "json"} <= set(
        collect(pm.hook.peplint_register_reporters, lambda r: r.name, "reporter")
    )


def test_a_misspelled_hook_is_an_error() -> None:
    class Typo:
        @hookspecs.hookimpl
        def peplint_register_rule(self, register):  # type: ignore[no-untyped-def]  # missing "s"
            pass

    with pytest.raises(Exception, match="unknown hook"):
        new_manager(load_entry_points=False, extra_plugins=(Typo(),))


@pytest.fixture
def installed_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[pluggy.PluginManager]:
    """A plugin installed as a distribution with a `peplint` entry point."""
    (tmp_path / "la_plugin.py").write_text(textwrap.dedent(EXTERNAL_PLUGIN))
    dist = tmp_path / "la_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: la-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[peplint]\nla = la_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    pm = new_manager()
    yield pm
    sys.modules.pop("la_plugin", None)


def test_external_plugin_adds_a_rule_and_a_reporter(installed_plugin: pluggy.PluginManager) -> None:
    rules = registered_rules(installed_plugin)
    assert "pupil-premium-mentioned" in rules
    setup = LintSetup(rules=rules, pm=installed_plugin)
    report = lint_file(GENERATED / "secondary-good.pdf", setup)
    assert [f.rule for f in report.findings] == ["pupil-premium-mentioned"]
    reporters = collect(
        installed_plugin.hook.peplint_register_reporters, lambda r: r.name, "reporter"
    )
    from peplint.report import PackInfo, Report

    rendered = reporters["count"].render(Report(pack=PackInfo(name="x", version=1), files=[report]))
    assert rendered == b"1\n"


def test_external_plugin_adds_a_command(
    installed_plugin: pluggy.PluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peplint.plugins.manager as manager

    monkeypatch.setattr(manager, "default_manager", lambda: installed_plugin)
    add_plugin_commands(main)
    try:
        result = CliRunner().invoke(main, ["hello-la"])
        assert result.output == "hello from the plugin\n"
    finally:
        main.commands.pop("hello-la", None)


def test_lint_json_from_cli_is_the_contract() -> None:
    result = CliRunner().invoke(
        main, ["lint", str(GENERATED / "walsall-good.pdf"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["format"], data["version"]) == ("peplint.report", 2)
    entry = data["files"][0]
    assert set(entry) >= {
        "path",
        "sha256",
        "status",
        "error",
        "pep",
        "checklist",
        "findings",
        "feedback",
    }
    overall = entry["checklist"]["overall"]
    assert (overall["meets"], overall["label"]) == (True, "The PEP meets the expected standard")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([str(GENERATED / "walsall-good.pdf")], 0),
        ([str(GENERATED / "walsall-weak-targets.pdf")], 1),
        ([str(GENERATED / "walsall-weak-targets.pdf"), "--fail-on", "never"], 0),
        ([str(GENERATED / "secondary-absent-no-voice.docx"), "--fail-on", "warning"], 1),
        ([str(GENERATED / "walsall-good.pdf"), "--format", "nope"], 2),
    ],
)
def test_lint_exit_codes(args: list[str], code: int) -> None:
    assert CliRunner().invoke(main, ["lint", *args]).exit_code == code


def test_lint_exit_3_when_a_file_is_unreadable_and_the_rest_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(
        main, ["lint", str(bad), str(GENERATED / "walsall-good.pdf"), "--format", "json"]
    )
    assert result.exit_code == 3
    files = json.loads(result.stdout)["files"]
    assert [f["status"] for f in files] == ["error", "ok"]
    assert files[0]["error"]["code"] == "corrupt"
    assert "Traceback" not in result.output


def test_rules_list_and_explain() -> None:
    listing = CliRunner().invoke(main, ["rules", "list"]).output
    assert len(listing.strip().splitlines()) == 36
    text = CliRunner().invoke(main, ["rules", "explain", "smart-time-bound"]).output
    for heading in (
        "What it checks",
        "Why it matters",
        "Example that fails",
        "Example that passes",
    ):
        assert heading in text
    assert "Ongoing" in text
    assert CliRunner().invoke(main, ["rules", "explain", "no-such-rule"]).exit_code == 2


def test_a_plugin_parser_reads_a_format_of_its_own(tmp_path: Path) -> None:
    """Pre-flight checks safety only; which formats are read is the parser registry's choice."""
    from peplint.model.document import Block, BlockKind, Document
    from peplint.parsers.registry import ParserSpec
    from peplint.reading import read_pep

    def read_text_pep(path: Path, password: str | None) -> Document:
        lines = path.read_text().splitlines()[1:]
        return Document(
            format="docx",
            blocks=[
                Block(kind=BlockKind.HEADING, text=lines[0], level=2),
                Block(kind=BlockKind.PARAGRAPH, text=lines[1]),
            ],
        )

    class TextExport:
        @hookspecs.hookimpl
        def peplint_register_parsers(self, register):  # type: ignore[no-untyped-def]
            register(
                ParserSpec(
                    "text-pep",
                    "Plain-text PEP export",
                    lambda head: head.startswith(b"PEP-TEXT"),
                    read_text_pep,
                )
            )

    path = tmp_path / "export.txt"
    path.write_text(
        "PEP-TEXT\nMy Views, Wishes and Feelings\nI like drama and I want to be in the school play.\n"
    )
    pm = new_manager(load_entry_points=False, extra_plugins=(TextExport(),))
    assert (
        read_pep(path, pm=pm).young_persons_views
        == "I like drama and I want to be in the school play."
    )
    with pytest.raises(Exception, match="not a Word"):
        read_pep(path)  # without the plugin the format is still refused, with a typed error
