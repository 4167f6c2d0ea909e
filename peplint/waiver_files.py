"""Where a run's waivers files are: found without loading the waivers themselves, so the
up-to-date check of a resume can look for them cheaply (peplint.waivers reads them)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

WAIVERS_FILE = "peplint-waivers.yaml"


def find_waiver_files(inputs: Iterable[Path], pack_file: Path | None) -> list[Path]:
    """Every waivers file for a run: beside the pack, and in each input's folder and the
    folders above it (the term folder)."""
    found: dict[Path, None] = {}
    if pack_file is not None:
        candidate = pack_file.parent / WAIVERS_FILE
        if candidate.is_file():
            found[candidate.resolve()] = None
    for path in inputs:
        folder = path.resolve() if path.is_dir() else path.resolve().parent
        for directory in (folder, *folder.parents):
            candidate = directory / WAIVERS_FILE
            if candidate.is_file():
                found[candidate] = None
    return list(found)
