"""Bulk throughput, resume cost and worker memory, measured in one run.

Generates N synthetic PEPs (default 200; the fixture specs with other children's
names, half Word and half PDF), then reports:
  - throughput of `peplint bulk` with 1 and with 2 workers, and their ratio (goal >= 1.8);
  - a `--resume` re-run with nothing changed, as a fraction of the first run (goal < 5%);
  - peak resident memory of a worker, for N/4 and N files (goal: flat as N grows).
Each bulk run happens in a forked process, so its workers' peak memory can be read
from that process's RUSAGE_CHILDREN.

    python benchmarks/bench_bulk.py [--n 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

from peplint.bulk.run import BulkOptions, run_bulk
from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from peplint.packs.resolve import setup_for

ROOT = Path(__file__).resolve().parent.parent
FIRST = [
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Finn",
    "Grace",
    "Hassan",
    "Isla",
    "Jack",
    "Kai",
    "Lily",
]
LAST = [
    "Adams",
    "Bell",
    "Clarke",
    "Dixon",
    "Evans",
    "Fox",
    "Green",
    "Hill",
    "Iqbal",
    "Jones",
    "Khan",
    "Lee",
]


def make_corpus(folder: Path, n: int) -> None:
    specs = [load_spec(p) for p in sorted((ROOT / "fixtures" / "specs").glob("*.yaml"))]
    for i in range(n):
        spec = specs[i % len(specs)].model_copy(deep=True)
        spec.child.name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        fmt = "pdf" if i % 2 else "docx"
        school = folder / f"school-{i % 8}"
        school.mkdir(exist_ok=True)
        (school / f"pep-{i:04d}.{fmt}").write_bytes(render_spec(spec, fmt))  # type: ignore[arg-type]


def _bulk(conn, folder: Path, out: Path, jobs: int, resume: bool) -> None:  # type: ignore[no-untyped-def]
    setup, effective = setup_for("section-d")
    options = BulkOptions(jobs=jobs, resume=resume, progress=False, as_of=dt.date(2027, 3, 1))
    start = time.perf_counter()
    run_bulk(folder, out, setup, [p.path for p in effective.loaded], options)
    seconds = time.perf_counter() - start
    conn.send((seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))
    conn.close()


def timed_bulk(folder: Path, out: Path, jobs: int, resume: bool = False) -> tuple[float, float]:
    """(seconds, peak worker RSS in MB) of one bulk run in a fresh forked process."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_bulk, args=(child, folder, out, jobs, resume))
    process.start()
    child.close()
    result = parent.recv()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus, small = base / "corpus", base / "small"
        corpus.mkdir()
        small.mkdir()
        start = time.perf_counter()
        make_corpus(corpus, args.n)
        make_corpus(small, max(args.n // 4, 1))
        print(
            f"generated {args.n} + {max(args.n // 4, 1)} PEPs in {time.perf_counter() - start:.1f}s"
        )
        one, mem_n = timed_bulk(corpus, base / "out1", jobs=1)
        two, _ = timed_bulk(corpus, base / "out2", jobs=2)
        again, _ = timed_bulk(corpus, base / "out2", jobs=2, resume=True)
        _, mem_small = timed_bulk(small, base / "out3", jobs=1)
    print(f"1 worker:  {one:6.1f}s  {args.n / one:5.2f} PEPs/s")
    print(f"2 workers: {two:6.1f}s  {args.n / two:5.2f} PEPs/s")
    print(f"speed-up with 2 workers: {one / two:.2f}x (goal >= 1.8)")
    print(
        f"--resume with nothing changed: {again:.2f}s = {again / two:.1%} of the first 2-worker run (goal < 5%)"
    )
    print(
        f"peak worker memory: {mem_small:.0f} MB with {max(args.n // 4, 1)} PEPs, {mem_n:.0f} MB with {args.n}"
    )


if __name__ == "__main__":
    main()
