"""Bulk on a Dask cluster against bulk with local workers, on one machine: N synthetic
PEPs (as `bench_bulk.py` makes them), `--jobs 2` against a LocalCluster of two worker
processes, in interleaved rounds (A B, B A, ...). Reports each one's wall time and the CPU
of this process (the parent: finding, sending, writing), median over rounds, and the
ratio of each round. Needs the cluster extra (`pip install "peplint[cluster]"`).

    python benchmarks/bench_cluster.py [--n 100] [--rounds 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_bulk import make_corpus
from peplint.bulk.cluster import ClusterOptions
from peplint.bulk.run import BulkOptions, run_bulk
from peplint.packs.resolve import setup_for


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(corpus: Path, out: Path, options: BulkOptions) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds of one bulk run."""
    shutil.rmtree(out, ignore_errors=True)
    setup, effective = setup_for("section-d")
    cpu, start = _cpu(), time.perf_counter()
    run_bulk(corpus, out, setup, [p.path for p in effective.loaded], options)
    return time.perf_counter() - start, _cpu() - cpu


def main() -> None:
    import dask
    import distributed

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.n)
        with (
            dask.config.set({"distributed.worker.daemon": False}),
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
        ):
            ways = {
                "local, --jobs 2": BulkOptions(progress=False, jobs=2),
                "LocalCluster, 2 workers": BulkOptions(
                    progress=False, cluster=ClusterOptions(cluster.scheduler_address)
                ),
            }
            _timed(corpus, Path(tmp) / "warm", ways["LocalCluster, 2 workers"])  # not counted
            results: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
            for round_no in range(args.rounds):
                names = list(ways) if round_no % 2 == 0 else list(reversed(ways))
                for name in names:
                    results[name].append(_timed(corpus, Path(tmp) / "out", ways[name]))
    print(f"{args.n} PEPs, {args.rounds} rounds; median wall and this process's CPU")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name:24s} {wall:6.1f} s  {args.n / wall:5.1f} PEPs/s  parent CPU {cpu:5.2f} s")
    ratios = [
        c[0] / w[0]
        for w, c in zip(results["local, --jobs 2"], results["LocalCluster, 2 workers"], strict=True)
    ]
    print(f"cluster / local wall, per round: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
