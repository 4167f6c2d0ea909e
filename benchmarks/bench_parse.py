"""How much `peplint parse` costs against bare pdfplumber text extraction.

For every PDF fixture, in one run, interleaved so machine noise hits both alike:
  - bare:    pdfplumber.open + page.extract_text() on every page (+ page.close())
  - peplint: the full parse (sniff, blocks, tables, checkboxes, sections, fields)
Reports the median of each per file and the ratio peplint / bare.

    python benchmarks/bench_parse.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from peplint.reading import read_pep

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "fixtures" / "generated").glob("*.pdf")) + sorted(
    (ROOT / "fixtures" / "other-producers").glob("*.pdf")
)


def bare_extract(path: Path) -> int:
    """Bare pdfplumber: the text of every page."""
    chars = 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            chars += len(page.extract_text() or "")
            page.close()
    return chars


def timed(fn: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    read_pep(PDFS[0])  # warm imports and caches once
    bare_extract(PDFS[0])
    rows = []
    for path in PDFS:
        bare, full = [], []
        for _ in range(args.repeat):
            bare.append(timed(bare_extract, path))
            full.append(timed(read_pep, path))
        rows.append((path.name, statistics.median(bare), statistics.median(full)))
    print(f"{'file':48} {'bare ms':>9} {'peplint ms':>11} {'ratio':>6}")
    for name, b, f in rows:
        print(f"{name:48} {b * 1000:9.1f} {f * 1000:11.1f} {f / b:6.2f}")
    total_b = sum(r[1] for r in rows)
    total_f = sum(r[2] for r in rows)
    print(f"{'all files':48} {total_b * 1000:9.1f} {total_f * 1000:11.1f} {total_f / total_b:6.2f}")


if __name__ == "__main__":
    main()
