"""`peplint bulk --resume` with nothing to do, answered before the command-line library
and the rest of peplint load.

An unchanged resume is a few file checks (peplint.bulk.uptodate), but loading click and
peplint's command line costs about as much again as the checks and Python's own start-up
together. So the `peplint` entry point (peplint.entry) first hands a `bulk --resume`
command line here. It is read with the standard library's getopt, strictly: only the
options of `peplint bulk` that an up-to-date check can answer, each value converted as
the command converts it, and the request digest made by the same function
(`uptodate.bulk_request`). Any other form, an option this reader does not take, a value
the command would refuse, or any doubt, and the answer is None: the full command then
runs, with its own checks, messages and the ordinary resume. So this can only ever skip
work the full command would also skip.
"""

from __future__ import annotations

import datetime as dt
import getopt
import sys
from collections.abc import Sequence
from pathlib import Path

from peplint.bulk import uptodate
from peplint.command_dates import parse_command_date
from peplint.safety.limits import Limits


class _NotRead(Exception):
    """The command line is not one this reader answers: the full command runs."""


# bulk's options this reader takes: with a value (a trailing "="), and flags. The standard
# library's getopt reads them (argparse would load its help formatter and `shutil`, a
# tenth of this answer's time); click takes no abbreviations, so neither does this.
_OPTIONS = (
    "output=",
    "jobs=",
    "pack=",
    "resume",
    "max-failures=",
    "redact",
    "key-file=",
    "as-of=",
    "timeout=",
    "memory-mb=",
    "quiet",
    "fail-on=",
    "config=",
    "isolated",
    "select=",
    "extend-select=",
    "ignore=",
    "waivers=",
)
_MANY = {"select", "extend-select", "ignore", "waivers"}  # click's multiple=True


def _parsed(argv: list[str]) -> tuple[str, dict[str, list[str]]]:
    """The folder and each option's values (flags: [""]) of `argv`, read as click reads
    bulk's command line; _NotRead for anything else."""
    names = {f"--{name.rstrip('=')}" for name in _OPTIONS}
    for token in argv:
        if token == "--":
            break
        if token.startswith("--") and token.split("=", 1)[0] not in names:
            raise _NotRead(token)  # an abbreviation getopt would take, or an unknown option
    try:
        given, positional = getopt.gnu_getopt(argv, "o:", list(_OPTIONS))
    except getopt.GetoptError as exc:
        raise _NotRead(str(exc)) from None
    if len(positional) != 1:
        raise _NotRead("not one folder")
    options: dict[str, list[str]] = {}
    for name, value in given:
        key = "output" if name == "-o" else name[2:]
        if key in _MANY:
            options.setdefault(key, []).append(value)
        else:
            options[key] = [value]  # given again: the last one counts, as in click
    return positional[0], options


def _one(options: dict[str, list[str]], name: str) -> str | None:
    values = options.get(name)
    return values[-1] if values else None


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


def _request(argv: Sequence[str]) -> tuple[str, Path, Path, Path | None, bool, list[Path]]:
    """The request digest of the command line `argv` (what follows `peplint bulk`), with
    its folder, output folder, config file, --isolated and waivers files; _NotRead when
    it is not a resume this reader answers."""
    folder_text, options = _parsed(list(argv))
    if "resume" not in options or "output" not in options:
        raise _NotRead("not a resume")
    if (_one(options, "fail-on") or "never").lower() != "never":
        raise _NotRead("--fail-on needs the findings")
    _whole(_one(options, "jobs") or "1", 1, 64)
    if (failures := _one(options, "max-failures")) is not None:
        _whole(failures, 1)
    memory = _one(options, "memory-mb")
    memory_mb = Limits().worker_memory_mb if memory is None else _whole(memory, 64, 65536)
    seconds = _seconds(_one(options, "timeout"))
    as_of_text = _one(options, "as-of")
    as_of = dt.date.today() if as_of_text is None else parse_command_date(as_of_text)
    if as_of is None:
        raise _NotRead("not a date")
    folder, out = Path(folder_text), Path(_one(options, "output") or "")
    waivers = [Path(p) for p in options.get("waivers", [])]
    config_text, key_text = _one(options, "config"), _one(options, "key-file")
    # click checks these exist (and are a folder, files): where they are not, its message
    if not folder.is_dir() or not all(p.is_file() for p in waivers):
        raise _NotRead("a path the command refuses")
    for given in (config_text, key_text):
        if given is not None and Path(given).is_dir():
            raise _NotRead("a folder given as a file")
    config = Path(config_text) if config_text else None
    isolated = "isolated" in options
    request = uptodate.bulk_request(
        folder,
        out,
        pack=_one(options, "pack"),
        config_file=config,
        isolated=isolated,
        select=options.get("select", []),
        extend_select=options.get("extend-select", []),
        ignore=options.get("ignore", []),
        waiver_files=waivers,
        redact="redact" in options,
        key_file=Path(key_text) if key_text else None,
        compare_with=None,
        as_of=as_of.isoformat(),
        seconds=seconds,
        memory_mb=memory_mb,
    )
    return request, folder, out, config, isolated, waivers


def quick_resume(argv: Sequence[str]) -> int | None:
    """For the command line `argv` (what follows `peplint bulk`): when it is a resume with
    nothing to do, print what the full command prints and return its exit code; None
    when the full command must run (work to do, or a form this reader does not take)."""
    try:
        request, folder, out, config, isolated, waivers = _request(argv)
        done = uptodate.check_resume(out, folder, request, config, isolated, waivers)
    except Exception:  # _NotRead, or any doubt: the full command decides, in its own words
        return None
    if done is None:
        return None
    lines, code = done
    sys.stdout.write("".join(f"{line}\n" for line in [*lines, uptodate.UP_TO_DATE]))
    sys.stdout.flush()
    return code
