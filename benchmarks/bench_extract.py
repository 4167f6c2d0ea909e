"""What the field engine costs against the extraction of a baseline commit, in one run.

For every fixture (generated, other producers; add files or folders as arguments) the
document is parsed once, then the baseline's extraction (`peplint/extract` of
`--baseline`, taken with `git archive`) and today's are timed interleaved, today's with
its label caches cleared each time (a worker reads one file). Reports the parse cost per
page (blocks + extraction) before and after, and their ratio (goal: at most 1.3).

    python benchmarks/bench_extract.py [--baseline 1aa325f] [--repeat 5] [PATH...]
"""

from __future__ import annotations

import argparse
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

from peplint.extract import catalogue, words
from peplint.extract.build import build_pep
from peplint.extract.profiles import BUILTIN_PROFILES, normalise_heading
from peplint.model.pep import Source
from peplint.reading import read_document

ROOT = Path(__file__).resolve().parent.parent


def baseline_builder(commit: str, folder: Path) -> Any:
    """`build_pep` of `commit`'s extraction, imported as the package `baseline_extract`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "peplint/extract"],
        check=True,
        capture_output=True,
    ).stdout
    package = folder / "baseline_extract"
    package.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.endswith(".py"):
                source = tar.extractfile(member)
                assert source is not None
                text = source.read().decode("utf-8").replace("peplint.extract", "baseline_extract")
                (package / Path(member.name).name).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    build = importlib.import_module("baseline_extract.build")
    profiles = importlib.import_module("baseline_extract.profiles")
    return build.build_pep, list(profiles.BUILTIN_PROFILES)


def cold() -> None:
    """Forget what earlier files taught the label matcher (the data stays loaded)."""
    cat = catalogue.builtin_catalogue()
    cat._matches.clear()
    cat._column_cache.clear()
    cat._is_column.clear()
    words.lemmas.cache_clear()
    normalise_heading.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="1aa325f")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    files = sorted((ROOT / "fixtures").rglob("*.pdf")) + sorted((ROOT / "fixtures").rglob("*.docx"))
    for path in args.paths:
        files += (
            sorted(path.rglob("*.pdf")) + sorted(path.rglob("*.docx")) if path.is_dir() else [path]
        )
    with tempfile.TemporaryDirectory() as tmp:
        old_build, old_profiles = baseline_builder(args.baseline, Path(tmp))
        parse_s = old_s = new_s = 0.0
        pages = 0
        for path in files:
            start = time.perf_counter()
            document = read_document(path)
            parse_s += time.perf_counter() - start
            pages += document.pages
            source = Source(
                path=path.name, sha256="0" * 64, format=document.format, pages=document.pages
            )
            old, new = [], []
            for _ in range(args.repeat):
                start = time.perf_counter()
                old_build(document, source, old_profiles)
                old.append(time.perf_counter() - start)
                cold()
                start = time.perf_counter()
                build_pep(document, source, list(BUILTIN_PROFILES))
                new.append(time.perf_counter() - start)
            old_s += statistics.median(old)
            new_s += statistics.median(new)
    before = (parse_s + old_s) / pages
    after = (parse_s + new_s) / pages
    print(f"{len(files)} files, {pages} pages; blocks {parse_s * 1000:.0f} ms")
    print(f"extraction: {args.baseline} {old_s * 1000:.0f} ms, today {new_s * 1000:.0f} ms")
    print(
        f"parse cost per page: {before * 1000:.1f} ms -> {after * 1000:.1f} ms, ratio {after / before:.3f}"
    )


if __name__ == "__main__":
    main()
