"""The quick answer to an unchanged `peplint bulk --resume` (peplint.bulk.quick_resume): it
says "up to date" only where the full command would, in the same words and with the same
exit code, and hands every other command line to the full command."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peplint.bulk.run as bulk_run
from peplint.bulk import uptodate
from peplint.bulk.quick_resume import _NotRead, _request, quick_resume
from peplint.cli import main
from tests.test_bulk_up_to_date import CHANGES, _bulk, _folder

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def done(tmp_path: Path) -> tuple[Path, Path]:
    """A term folder and the output folder of a finished run over it."""
    folder, out = _folder(tmp_path), tmp_path / "out"
    assert _bulk(folder, out).exit_code == 3  # broken.pdf could not be read
    return folder, out


def _quick(*argv: str) -> tuple[int | None, str]:
    printed = io.StringIO()
    with redirect_stdout(printed):
        code = quick_resume(list(argv))
    return code, printed.getvalue()


def _resume_argv(folder: Path, out: Path, *extra: str) -> list[str]:
    return [str(folder), "-o", str(out), "--quiet", "--as-of", "01/03/2027", "--resume", *extra]


def test_an_unchanged_resume_is_answered_as_the_full_command_answers_it(
    done: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = done
    full = _bulk(folder, out, "--resume")
    assert uptodate.UP_TO_DATE in full.output
    code, printed = _quick(*_resume_argv(folder, out))
    assert (code, printed) == (full.exit_code, full.output)


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_any_change_goes_to_the_full_command(change: str, done: tuple[Path, Path]) -> None:
    folder, out = done
    CHANGES[change](folder, out)
    assert _quick(*_resume_argv(folder, out)) == (None, "")


@pytest.mark.parametrize(
    "extra",
    [
        ("--help",),
        ("-v",),
        ("--statistics",),
        ("--show-waived",),
        ("--fail-on", "error"),
        ("--jobs", "0"),
        ("--jobs", "two"),
        ("--timeout", "0.5"),
        ("--memory-mb", "63"),
        ("--max-failures", "0"),
        ("--executor", "local"),
        ("--resum",),  # click takes no abbreviations, and neither does this reader
        ("--quiet=yes",),
        ("extra-folder",),
    ],
)
def test_command_lines_it_does_not_read_go_to_the_full_command(
    extra: tuple[str, ...], done: tuple[Path, Path]
) -> None:
    folder, out = done
    assert _quick(*_resume_argv(folder, out), *extra) == (None, "")


def test_options_that_change_the_request_are_not_up_to_date(done: tuple[Path, Path]) -> None:
    folder, out = done
    args = [str(folder), "-o", str(out), "--quiet", "--resume"]
    assert _quick(*args, "--as-of", "02/03/2027") == (None, "")
    assert _quick(*args, "--as-of", "01/03/2027", "--ignore", "smart-") == (None, "")
    assert _quick(*args, "--as-of", "01/03/2027", "--redact") == (None, "")
    assert _quick(*args, "--as-of", "2027-03-01")[0] == 3  # the same day, written as ISO


def test_without_resume_or_a_folder_nothing_is_answered(tmp_path: Path) -> None:
    assert _quick(str(tmp_path), "-o", str(tmp_path / "out")) == (None, "")
    assert _quick(str(tmp_path / "missing"), "-o", str(tmp_path / "out"), "--resume") == (None, "")


def test_the_peplint_command_answers_an_unchanged_resume_without_loading_the_cli(
    done: tuple[Path, Path],
) -> None:
    folder, out = done
    code = (
        "import sys; from peplint.entry import run; sys.argv = ['peplint', *sys.argv[1:]]\n"
        "try:\n    run()\nfinally:\n    print('cli loaded' if 'click' in sys.modules else 'cli not loaded')"
    )
    resume = subprocess.run(
        [sys.executable, "-c", code, "bulk", *_resume_argv(folder, out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert resume.returncode == 3, resume.stderr
    assert uptodate.UP_TO_DATE in resume.stdout
    assert resume.stdout.rstrip().endswith("cli not loaded")


# Any mix of bulk's options, in any order: where the quick reader gives a request digest,
# the full command makes the same one (and so could only ever skip the same work).
_VALUES = {
    "--jobs": ["1", "2", "64", "65", "0", " 3", "+2", "x"],
    "--as-of": ["01/03/2027", "2027-03-01", "1/3/27", "31/02/2027", " 01.03.2027 ", "01-03-2027"],
    "--timeout": ["30", "1", "0.5", "3600", "1e3", "nan", "-5"],
    "--memory-mb": ["64", "63", "1500", "65537", "1_000"],
    "--pack": ["walsall", "section-d", "a pack.yaml"],
    "--select": ["D1", "smart-", "D1,D2"],
    "--extend-select": ["voice-"],
    "--ignore": ["smart-"],
    "--max-failures": ["1", "0", "5"],
    "--fail-on": ["never", "NEVER", "error"],
    "-o": ["out", "out2"],
    "--output": ["out"],
    "--config": ["peplint.toml", "conf"],
    "--key-file": ["key", "conf"],
    "--waivers": ["w.yaml", "missing.yaml"],
}
_FLAGS = ["--quiet", "--isolated", "--redact", "--statistics", "-v", "--show-waived"]


@st.composite
def _command_lines(draw: st.DrawFn) -> list[str]:
    tokens: list[str] = ["--resume"]
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            tokens.append(draw(st.sampled_from(_FLAGS)))
            continue
        name = draw(st.sampled_from(sorted(_VALUES)))
        value = draw(st.sampled_from(_VALUES[name]))
        tokens += [f"{name}={value}"] if draw(st.booleans()) and name != "-o" else [name, value]
    if "-o" not in tokens and not any(t.startswith(("--output", "-o")) for t in tokens):
        tokens += ["-o", "out"]
    at = draw(st.integers(0, len(tokens)))
    tokens[at:at] = [draw(st.sampled_from(["term", "missing-term"]))]
    return draw(st.permutations(tokens)) if draw(st.booleans()) else tokens


class _Asked(Exception):
    pass


def _both_requests(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[str | None, list[str]]:
    """The quick reader's request digest for `argv` (None: not read) and those the full
    command asked the up-to-date check about (none: it refused the command line)."""
    try:
        quick: str | None = _request(argv)[0]
    except _NotRead:
        quick = None
    asked: list[str] = []

    def record(out: Path, folder: Path, request: str, *rest: object) -> None:
        asked.append(request)
        raise _Asked

    def refuse(*args: object) -> None:
        raise _Asked  # past the up-to-date check (e.g. --fail-on error): no run here

    with monkeypatch.context() as patched:
        patched.setattr(uptodate, "check_resume", record)
        patched.setattr(bulk_run, "run_bulk", refuse)
        CliRunner().invoke(main, ["bulk", *argv])
    return quick, asked


def _term_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "term").mkdir(exist_ok=True)
    (tmp_path / "conf").mkdir(exist_ok=True)
    (tmp_path / "w.yaml").write_text("waivers: []\n")


@pytest.mark.parametrize(
    "argv",
    [
        ["term", "-o", "out", "--resume"],
        ["--resume", "-oout", "term", "--jobs", "2", "--quiet"],
        ["term", "--output=out", "--resume", "--as-of", " 1/3/27 ", "--max-failures", "3"],
        ["term", "-o", "out", "--resume", "--select", "D1", "--select=D2", "--ignore", "smart-"],
        ["term", "-o", "out", "--resume", "--extend-select", "voice-", "--pack", "walsall"],
        ["term", "-o", "out", "--resume", "--isolated", "--config", "peplint.toml"],
        ["term", "-o", "out", "--resume", "--redact", "--key-file", "key"],
        ["term", "-o", "out", "--resume", "--timeout", "30", "--memory-mb", "2000"],
        ["term", "-o", "out", "--resume", "--waivers", "w.yaml", "--fail-on", "NEVER"],
    ],
)
def test_the_forms_it_reads_give_the_full_commands_request(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _term_here(tmp_path, monkeypatch)
    quick, asked = _both_requests(argv, monkeypatch)
    assert quick is not None
    assert asked == [quick]


@settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(argv=_command_lines())
def test_where_it_reads_a_command_line_the_full_command_reads_it_alike(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _term_here(tmp_path, monkeypatch)
    quick, asked = _both_requests(argv, monkeypatch)
    if quick is not None:
        assert asked == [quick], argv
