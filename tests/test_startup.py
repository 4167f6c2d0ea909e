"""Start-up stays light: spaCy is imported on first use only, and only the UK calendar of
`holidays` is loaded (issue 16 item 3). Each case runs in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import GENERATED

PROBE = """
import json, sys
from click.testing import CliRunner
from peplint.cli import add_plugin_commands, main
add_plugin_commands(main)
{work}
print(json.dumps({{
    "spacy": "spacy" in sys.modules,
    "countries": sorted(m for m in sys.modules if m.startswith("holidays.countries.")),
    "uk": sys.modules["peplint.calendar"]._uk_calendar.cache_info().currsize == 1
    if "peplint.calendar" in sys.modules else False,
}}))
"""


def probe(work: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(work=work)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "args",
    [["--version"], ["--help"], ["pack", "validate", "section-d"], ["rules", "list"]],
    ids=["version", "help", "pack-validate", "rules-list"],
)
def test_commands_without_language_work_do_not_import_spacy(args: list[str]) -> None:
    loaded = probe(f"CliRunner().invoke(main, {args!r})")
    assert not loaded["spacy"]


def test_reading_a_pep_does_not_import_spacy() -> None:
    pdf, docx = GENERATED / "walsall-good.pdf", GENERATED / "walsall-good.docx"
    loaded = probe(
        "from peplint.reading import read_pep\n"
        f"read_pep(__import__('pathlib').Path({str(pdf)!r}))\n"
        f"read_pep(__import__('pathlib').Path({str(docx)!r}))"
    )
    assert not loaded["spacy"]


def test_lint_loads_only_the_uk_calendar() -> None:
    loaded = probe(
        "from peplint.lint import LintSetup, lint_file\n"
        f"lint_file(__import__('pathlib').Path({str(GENERATED / 'walsall-good.docx')!r}), "
        "LintSetup.default())"
    )
    assert loaded["uk"] and loaded["countries"] == []
    assert loaded["spacy"]  # the text rules did need it, and loaded it on first use
