"""`peplint bulk --resume` with nothing to do, answered before the command-line library
and the rest of peplint load.

An unchanged resume is a few file checks (peplint.bulk.uptodate), but loading click and
peplint's command line costs about as much again as the checks and Python's own start-up
together. So the `peplint` entry point (peplint.entry) first hands a `bulk --resume`
command line here. It is read with the standard library's argparse, strictly: only the
options of `peplint bulk` that an up-to-date check can answer, each value converted as
the command converts it, and the request digest made by the same function
(`uptodate.bulk_request`). Any other form, an option this reader does not take, a value
the command would refuse, or any doubt, and the answer is None: the full command then
runs, with its own checks, messages and the ordinary resume. So this can only ever skip
work the full command would also skip.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from peplint.bulk import uptodate
from peplint.command_dates import parse_command_date
from peplint.safety.limits import Limits


class _NotRead(Exception):
    """The command line is not one this reader answers: the full command runs."""


class _StrictParser(argparse.ArgumentParser):
    """An argparse parser that never prints, never exits and never guesses abbreviations."""

    def __init__(self) -> None:
        super().__init__(prog="peplint bulk", add_help=False, allow_abbrev=False)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotRead(message)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        raise _NotRead(message or "")


def _parser() -> _StrictParser:
    """The options of `peplint bulk` this reader takes, with the command's defaults."""
    parser = _StrictParser()
    parser.add_argument("folder")
    parser.add_argument("-o", "--output", dest="out", required=True)
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--pack", default=None)
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--max-failures", default=None)
    parser.add_argument("--redact", action="store_true")
    parser.add_argument("--key-file", default=None)
    parser.add_argument("--as-of", default=None)
    parser.add_argument("--timeout", dest="seconds", default=None)
    parser.add_argument("--memory-mb", default=None)
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--fail-on", default="never")
    parser.add_argument("--config", dest="config_file", default=None)
    parser.add_argument("--isolated", action="store_true")
    for name in ("--select", "--extend-select", "--ignore", "--waivers"):
        parser.add_argument(name, action="append", default=[])
    return parser


def _whole(text: str, low: int, high: int | None = None) -> int:
    """An integer option as click's IntRange takes it (anything else: not read here)."""
    try:
        value = int(text.strip())
    except ValueError:
        raise _NotRead(text) from None
    if value < low or (high is not None and value > high):
        raise _NotRead(text)
    return value


def _seconds(text: str | None) -> float:
    if text is None:
        return float(Limits().worker_seconds)
    try:
        value = float(text.strip())
    except ValueError:
        raise _NotRead(text) from None
    if not 1 <= value <= 3600:
        raise _NotRead(text)
    return value


def _request(argv: Sequence[str]) -> tuple[str, argparse.Namespace]:
    """The request digest of the command line `argv` (what follows `peplint bulk`) and its
    options; _NotRead when it is not a resume this reader answers."""
    options = _parser().parse_args(list(argv))
    if not options.resume or options.fail_on.lower() != "never":
        raise _NotRead("not a plain resume")  # --fail-on other than never needs findings
    _whole(options.jobs, 1, 64)
    if options.max_failures is not None:
        _whole(options.max_failures, 1)
    memory_mb = (
        Limits().worker_memory_mb
        if options.memory_mb is None
        else _whole(options.memory_mb, 64, 65536)
    )
    seconds = _seconds(options.seconds)
    as_of = dt.date.today() if options.as_of is None else parse_command_date(options.as_of)
    if as_of is None:
        raise _NotRead("not a date")
    folder, waivers = Path(options.folder), [Path(p) for p in options.waivers]
    # click checks these exist (and are a folder, files): where they are not, its message
    if not folder.is_dir() or not all(p.is_file() for p in waivers):
        raise _NotRead("a path the command refuses")
    for given in (options.config_file, options.key_file):
        if given is not None and Path(given).is_dir():
            raise _NotRead("a folder given as a file")
    request = uptodate.bulk_request(
        folder,
        Path(options.out),
        pack=options.pack,
        config_file=Path(options.config_file) if options.config_file else None,
        isolated=options.isolated,
        select=options.select,
        extend_select=options.extend_select,
        ignore=options.ignore,
        waiver_files=waivers,
        redact=options.redact,
        key_file=Path(options.key_file) if options.key_file else None,
        compare_with=None,
        as_of=as_of.isoformat(),
        seconds=seconds,
        memory_mb=memory_mb,
    )
    return request, options


def quick_resume(argv: Sequence[str]) -> int | None:
    """For the command line `argv` (what follows `peplint bulk`): when it is a resume with
    nothing to do, print what the full command prints and return its exit code; None
    when the full command must run (work to do, or a form this reader does not take)."""
    try:
        request, options = _request(argv)
        folder, out = Path(options.folder), Path(options.out)
        config = Path(options.config_file) if options.config_file else None
        waivers = [Path(p) for p in options.waivers]
        done = uptodate.check_resume(out, folder, request, config, options.isolated, waivers)
    except Exception:  # _NotRead, or any doubt: the full command decides, in its own words
        return None
    if done is None:
        return None
    lines, code = done
    sys.stdout.write("".join(f"{line}\n" for line in [*lines, uptodate.UP_TO_DATE]))
    sys.stdout.flush()
    return code
