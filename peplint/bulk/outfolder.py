"""The bulk output folder: what peplint may write, and the only things it may delete.

The folder's own index (OUT/.peplint-index.json) lists every file peplint wrote there; a
folder with an index is one peplint made. A new run is written into a staging folder beside
the old outputs (OUT/.run-...) and switched in at the end, file by file, so a run that stops
early or is killed never costs the previous run's results. Deleting is limited to files the
index lists, that are regular files (a link is never followed), in folders that are not links.
An output folder that is, holds or sits inside an input folder it did not make is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from peplint import errors
from peplint.output import atomic_write, private_mkdir

INDEX_NAME = ".peplint-index.json"
INDEX_FORMAT = "peplint.output-index"
STAGING_PREFIX = ".run-"
STAGING_MARK = ".peplint-staging"
SUBFOLDERS = ("peps", ".cache")  # the folders under OUT that peplint writes into


class OutputIndex(NamedTuple):
    """What peplint wrote into an output folder (paths relative to it, '/'-separated)."""

    files: list[str]
    # Per PEP output key, the results-cache key its reports were rendered from, so a resumed
    # run reuses reports only when they are of the very result it would render.
    sources: dict[str, str]

    def dump(self) -> str:
        """The index file's text."""
        data = {
            "format": INDEX_FORMAT,
            "version": 1,
            "files": sorted(set(self.files)),
            "sources": dict(sorted(self.sources.items())),
        }
        return json.dumps(data, indent=2) + "\n"


def read_record(path: Path, fmt: str) -> dict[str, Any] | None:
    """A JSON file peplint wrote with `"format": fmt`, as a dict; None when it is missing,
    not a regular file (a link is never followed), not JSON or of another format."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != fmt:
        return None
    return data


def read_index(out: Path) -> OutputIndex | None:
    """The folder's index, or None when peplint did not make the folder."""
    data = read_record(out / INDEX_NAME, INDEX_FORMAT)
    if data is None:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    sources = data.get("sources")
    if not isinstance(sources, dict):
        sources = {}
    return OutputIndex(
        [f for f in files if _safe_relative(f)],
        {str(k): str(v) for k, v in sources.items()},
    )


def is_peplint_output(folder: Path) -> bool:
    """Whether `folder` is an output folder peplint made (it carries an index)."""
    return read_index(folder) is not None


def _safe_relative(relative: str) -> bool:
    parts = relative.split("/")
    return bool(relative) and not relative.startswith("/") and ".." not in parts and "" not in parts


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def check_output_folder(root: Path, out: Path) -> None:
    """Refuse an output folder that would write into, or delete from, the input folder.

    Allowed: a folder outside the input; or, inside the input, a folder peplint made (or
    will make: it does not exist yet). Never the input itself, never an OUT whose peps or
    cache folder is, holds or sits in the input, and never a link in place of those folders.
    """
    source = root.resolve()
    target = out.resolve()
    if target == source:
        raise errors.ConfigError(
            "the output folder is the input folder; choose an output folder outside it"
        )
    for name in SUBFOLDERS:
        sub = out / name
        if sub.is_symlink():
            raise errors.ConfigError(
                f"{name}/ in the output folder is a link; peplint writes only into folders "
                "it made itself: remove the link or choose another output folder"
            )
        resolved = sub.resolve()
        if _inside(source, resolved):
            raise errors.ConfigError(
                f"the output folder's {name}/ would be the input folder or hold it; "
                "choose an output folder outside the input folder"
            )
    if _inside(target, source) and out.exists() and not is_peplint_output(out):
        raise errors.ConfigError(
            "the output folder is inside the input folder and was not made by peplint; "
            "choose an output folder outside the input folder, or a new one"
        )
    if out.exists() and not out.is_dir():
        raise errors.ConfigError("the output path exists and is not a folder")


def _real_folder(path: Path) -> bool:
    """A folder that is not a link."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _unlink_own(out: Path, relative: str) -> None:
    """Remove OUT/relative if it is a regular file in real (unlinked) folders under OUT."""
    if not _safe_relative(relative):
        return
    folder = out
    *parents, name = relative.split("/")
    for part in parents:
        folder = folder / part
        if not _real_folder(folder):
            return
    path = folder / name
    try:
        info = path.lstat()
    except OSError:
        return
    if stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
        # A link is removed as a link (unlink never follows it); its target is untouched.
        with contextlib.suppress(OSError):
            path.unlink()


class Staging:
    """A run's outputs written beside the old ones, switched in by `commit`."""

    def __init__(self, out: Path) -> None:
        self.out = out
        private_mkdir(out)
        remove_stale_staging(out)
        self.folder = out / f"{STAGING_PREFIX}{os.getpid()}-{os.urandom(4).hex()}"
        private_mkdir(self.folder)
        atomic_write(self.folder / STAGING_MARK, "peplint staging folder\n")

    def path(self, relative: str) -> Path:
        """Where a new output is written before the switch."""
        return self.folder / relative

    def staged(self) -> list[str]:
        """The outputs written into the staging folder so far."""
        found: list[str] = []
        folders = [("", os.fspath(self.folder))]
        while folders:
            prefix, folder = folders.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((f"{prefix}{entry.name}/", entry.path))
                    elif (
                        entry.name != STAGING_MARK
                        and not entry.name.startswith(".")
                        and entry.is_file()
                    ):
                        found.append(prefix + entry.name)
        return sorted(found)

    def commit(self, keep: set[str], sources: dict[str, str] | None = None) -> OutputIndex:
        """Move every staged output into place; delete the previous run's outputs not in
        `keep` (only those the index lists); write the new index; remove the staging folder."""
        previous = read_index(self.out) or OutputIndex([], {})
        staged = self.staged()
        new = sorted(set(staged) | keep)
        # Until the switch is complete, the index covers old and new, so a run killed
        # part way still knows every file it owns.
        atomic_write(self.out / INDEX_NAME, OutputIndex(previous.files + new, {}).dump())
        for relative in staged:
            target = self.out / relative
            # Checked for every file (an lstat a folder): a folder swapped for a link
            # since an earlier file is refused, never written through.
            self._real_folders(relative.rpartition("/")[0])
            if target.is_symlink():
                target.unlink()  # replace the link itself, never write through it
            os.replace(self.path(relative), target)
        for relative in set(previous.files) - set(new):
            _unlink_own(self.out, relative)
        index = OutputIndex(new, sources or {})
        atomic_write(self.out / INDEX_NAME, index.dump())
        self.discard()
        return index

    def _real_folders(self, folder: str) -> None:
        """Make OUT/folder (relative, "/"-separated) and each folder between it and OUT
        that is missing, outermost first; refuse one that is not a real folder (a link
        or a file put there)."""
        path = self.out
        for part in folder.split("/") if folder else ():
            path = path / part
            if _real_folder(path):
                continue
            if not path.exists() and not path.is_symlink():
                private_mkdir(path)  # its parents are real folders, checked above
                continue
            raise errors.ConfigError(
                f"{path.relative_to(self.out)}/ in the output folder is not a "
                "folder peplint made; nothing was switched there"
            )

    def discard(self) -> None:
        """Remove the staging folder and whatever this run wrote into it."""
        remove_own_tree(self.folder)


def remove_own_tree(folder: Path) -> None:
    """Remove a staging folder peplint made (it carries the staging mark); links inside are
    removed as links, never followed."""
    if not _real_folder(folder) or not (folder / STAGING_MARK).is_file():
        return
    for dirpath, dirs, names in os.walk(folder, topdown=False, followlinks=False):
        for name in names:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(dirpath, name))
        for name in dirs:
            path = os.path.join(dirpath, name)
            with contextlib.suppress(OSError):
                if os.path.islink(path):
                    os.unlink(path)
                else:
                    os.rmdir(path)
    with contextlib.suppress(OSError):
        os.rmdir(folder)


def remove_stale_staging(out: Path) -> None:
    """Remove staging folders left by runs that were killed."""
    if not _real_folder(out):
        return
    for entry in out.iterdir():
        if entry.name.startswith(STAGING_PREFIX) and not _running(entry.name):
            remove_own_tree(entry)


def _running(name: str) -> bool:
    """Whether the run that made staging folder `name` is still running (another process)."""
    try:
        pid = int(name[len(STAGING_PREFIX) :].split("-", 1)[0])
    except ValueError:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
