"""Whether a `peplint bulk --resume` has nothing to do, decided before anything heavy loads.

A finished run leaves a stamp in OUT/.cache: a digest of the command's options, the
peplint version and the installed plugins; the digest of every input (name and content);
the hash of every other file the run read (the pack's files, the config, the waivers
files, the redaction key); where the config and waivers files were found; the size and
modification time of every output; and the lines the command printed. A resume whose
stamp matches on all of these would rewrite the same files from the same cached results,
so it prints the lines again and stops (like make's up-to-date check). Anything else,
a missing or damaged stamp included, takes the ordinary path, which reuses the cache.

The stamp is removed when any run starts and written only when a run finished cleanly:
an interrupted run never leaves a stamp that vouches for outputs it did not finish. It
holds no input file names (a redacted run's outputs must not name children): inputs
are one digest over all names and contents.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

STAMP_FORMAT = "peplint-bulk-up-to-date"
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
STAMP_NAME = "up-to-date.json"


def stamp_path(out: Path) -> Path:
    """Where the stamp of the output folder `out` is kept."""
    return out / ".cache" / STAMP_NAME


def _sha256(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes (None: missing, unreadable or not a file)."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


PLUGIN_GROUP = "[peplint]"  # the entry-point group third-party plugins register under
METADATA_FOLDERS = (".dist-info", ".egg-info")


def _plugins() -> list[list[Any]]:
    """The installed third-party plugins, as the import path shows them: each installed
    distribution's metadata folder whose `entry_points.txt` has a `peplint` group, with
    that file's text and the folder's change time (a reinstall makes a new folder).

    Read straight from the folders rather than through `importlib.metadata`, whose import
    and scan of every distribution cost most of an up-to-date resume. It asks the same
    question more strictly: a plugin found twice on the path is listed twice, and any
    reinstall of a plugin takes the ordinary path even at the same version.
    """
    found: list[list[Any]] = []
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                folders = sorted(e.name for e in listing if e.name.endswith(METADATA_FOLDERS))
        except OSError:  # a zip archive or a missing folder: nothing installed in it
            continue
        for name in folders:
            folder = os.path.join(entry or ".", name)
            try:
                text = Path(folder, "entry_points.txt").read_text(
                    encoding="utf-8", errors="replace"
                )
                changed = os.stat(folder).st_mtime_ns
            except OSError:
                continue
            if any(line.strip() == PLUGIN_GROUP for line in text.splitlines()):
                found.append([os.path.abspath(folder), changed, text])
    return found


def request_digest(options: dict[str, Any]) -> str:
    """The digest of what a run was asked to do: the options that shape its outputs, the
    peplint version and the installed plugins."""
    from peplint import __version__

    text = json.dumps(
        {"options": options, "version": __version__, "plugins": _plugins()},
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def bulk_request(
    folder: Path,
    out: Path,
    *,
    pack: str | None,
    config_file: Path | None,
    isolated: bool,
    select: Iterable[str],
    extend_select: Iterable[str],
    ignore: Iterable[str],
    waiver_files: Iterable[Path],
    redact: bool,
    key_file: Path | None,
    compare_with: Path | None,
    as_of: str,
    seconds: float,
    memory_mb: int,
) -> str:
    """The request digest of a `peplint bulk` command, from its options as the command
    line gives them (`as_of` an ISO date): the one function both the command and its
    quick up-to-date check (peplint.bulk.quick_resume) ask, so the two always agree."""
    return request_digest(
        {
            "folder": folder.resolve(),
            "out": out.resolve(),
            "pack": pack,
            "config": config_file.resolve() if config_file else None,
            "isolated": isolated,
            "select": list(select),
            "extend_select": list(extend_select),
            "ignore": list(ignore),
            "waivers": [p.resolve() for p in waiver_files],
            "redact": redact,
            "key_file": key_file.resolve() if key_file else None,
            "compare": compare_with.resolve() if compare_with else None,
            "as_of": as_of,
            "limits": [float(seconds), int(memory_mb)],
        }
    )


UP_TO_DATE = "Nothing has changed since the run that made these outputs: they are up to date."


def inputs_digest(pairs: Iterable[tuple[str, str]]) -> str:
    """One digest over every input's relative name and content hash."""
    digest = hashlib.sha256()
    for relative, sha in sorted(pairs):
        digest.update(relative.encode("utf-8", "surrogateescape") + b"\0" + sha.encode() + b"\n")
    return digest.hexdigest()


# NamedTuples, not dataclasses: this module is read before anything heavy loads, and
# `dataclasses` (with `inspect`) would cost an up-to-date resume a fifth of its time.
class Found(NamedTuple):
    """The files besides the inputs a run depends on, and where discovery found them."""

    config: Path | None = None
    waivers: tuple[Path, ...] = ()
    pack_file: Path | None = None
    others: tuple[Path, ...] = ()  # the pack's files, a redaction key

    def hashes(self) -> dict[str, str | None]:
        """Each file's content hash, by path (None: missing or not a regular file)."""
        paths = [*self.others, *self.waivers, *([self.config] if self.config else [])]
        return {str(p): _sha256(p) for p in sorted(set(paths))}


class Stamp(NamedTuple):
    """What a finished run vouches for."""

    request: str
    inputs: str
    found: Found
    depends: dict[str, str | None]
    outputs: dict[str, list[int]]
    printed: list[str]
    exit_code: int

    def dump(self) -> str:
        """The stamp file's text."""
        return json.dumps(
            {
                "format": STAMP_FORMAT,
                "version": 1,
                "request": self.request,
                "inputs": self.inputs,
                "config": str(self.found.config) if self.found.config else None,
                "waivers": [str(p) for p in self.found.waivers],
                "pack_file": str(self.found.pack_file) if self.found.pack_file else None,
                "depends": self.depends,
                "outputs": self.outputs,
                "printed": self.printed,
                "exit_code": self.exit_code,
            },
            indent=1,
            sort_keys=True,
        )


def output_states(out: Path, relatives: Iterable[str]) -> dict[str, list[int]] | None:
    """Size and modification time of each output (None: one is missing or not a file)."""
    states: dict[str, list[int]] = {}
    folder = os.fspath(out)
    for relative in relatives:
        try:
            info = os.lstat(os.path.join(folder, relative))  # hundreds: no Path per output
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        states[relative] = [info.st_size, info.st_mtime_ns]
    return states


def remove_stamp(out: Path) -> None:
    """Withdraw the stamp: a run is about to change the outputs."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(stamp_path(out))


def write_stamp(out: Path, stamp: Stamp) -> None:
    """Record a finished run's stamp (private, atomic)."""
    from peplint.output import atomic_write

    atomic_write(stamp_path(out), stamp.dump() + "\n")


def read_stamp(out: Path) -> dict[str, Any] | None:
    """The stamp's data, or None when there is none or it is not one of ours."""
    from peplint.bulk.outfolder import read_record

    return read_record(stamp_path(out), STAMP_FORMAT)


def current_inputs(root: Path) -> str | None:
    """The inputs digest of `root` now (None: a folder or file could not be read safely,
    which the ordinary path reports)."""
    from peplint.bulk.discover import find_inputs
    from peplint.safety.preflight import check_path

    found = find_inputs(root)
    if found.unreadable:
        return None
    pairs = []
    for path in found.files:
        try:
            check_path(path, root)
        except Exception:  # any refusal: the ordinary path gives its error entry
            return None
        sha = _sha256(path)
        if sha is None:
            return None
        pairs.append((path.relative_to(root).as_posix(), sha))
    return inputs_digest(pairs)


def _unchanged(
    out: Path, root: Path, found: Found, data: dict[str, Any]
) -> tuple[list[str], int] | None:
    """The lines to print and the exit code when the stamp `data` (of this request) still
    holds for `out`: the files found, read and written are as they were; else None."""
    if data.get("config") != (str(found.config) if found.config else None):
        return None  # a config file appeared, went or moved
    if data.get("waivers") != [str(p) for p in found.waivers]:
        return None
    depends = data.get("depends")
    if not isinstance(depends, dict):
        return None
    for name, sha in depends.items():
        if _sha256(Path(name)) != sha:
            return None
    outputs = data.get("outputs")
    if not isinstance(outputs, dict) or output_states(out, outputs) != outputs:
        return None
    if current_inputs(root) != data.get("inputs"):
        return None
    printed, code = data.get("printed"), data.get("exit_code")
    if not isinstance(printed, list) or not isinstance(code, int):
        return None
    # The lines come from a file in a folder meant for sharing: nothing that moves a
    # terminal's cursor is echoed from it.
    return [_CONTROLS.sub("", str(line)) for line in printed], code


def discovered(
    root: Path,
    config_file: Path | None,
    isolated: bool,
    pack_file: Path | None,
    extra_waivers: Iterable[Path],
) -> Found:
    """Where a run over `root` finds its config and waivers files now (a bad config
    raises ConfigError, which the ordinary path reports)."""
    from peplint.packs.discovery import config_for
    from peplint.waiver_files import find_waiver_files

    config = config_for([root], config_file, isolated)
    waivers = find_waiver_files([root], pack_file) + [p.resolve() for p in extra_waivers]
    return Found(config=config.path, waivers=tuple(dict.fromkeys(waivers)), pack_file=pack_file)


def check_resume(
    out: Path,
    root: Path,
    request: str,
    config_file: Path | None,
    isolated: bool,
    extra_waivers: Iterable[Path],
) -> tuple[list[str], int] | None:
    """For `bulk --resume`: the lines to print and the exit code when nothing has changed
    since the run that made `out`'s outputs; None when there is work to do."""
    data = read_stamp(out)
    if data is None or data.get("request") != request:
        return None
    pack_file = data.get("pack_file")
    try:
        found = discovered(
            root, config_file, isolated, Path(pack_file) if pack_file else None, extra_waivers
        )
    except Exception:  # the ordinary path reports a bad config in its own words
        return None
    return _unchanged(out, root, found, data)
