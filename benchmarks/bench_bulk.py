"""Bulk throughput, resume cost and worker memory, as whole commands, paired and interleaved.

Generates N synthetic PEPs (default 100; the fixture specs with other children's
names, half Word and half PDF), then runs `peplint bulk` as a new process each time,
in rounds. Each round runs the 1-worker and the 2-worker command back to back (the
order alternating from round to round, A B, B A, ...), each into a fresh output
folder, then an unchanged `--resume` of the 2-worker output. It reports, as the
median over rounds of each round's own ratio:
  - 2 workers against 1 (goal >= 1.9): wall time of the 1-worker command / the 2-worker one;
  - `--resume` with nothing changed against the first run (goal < 2%): both whole
    commands, process start-up included;
  - peak resident memory of the largest process of a run (a worker or the parent),
    for N/4 and N files (goal: flat as N grows);
  - the machine's own ceiling for two processes, measured in the same round: two copies
    of a fixed pure-Python loop at once against one copy alone (2.00 on two free cores;
    less when other work shares them), so the bulk speed-up can be read against what the
    machine gave at that moment, not only against 2;
  - the fixed cost of a command (start-up, warm-up, summary: a 1-worker run over one
    PEP) and the speed-up of the rest, (1-worker - fixed) / (2-worker - fixed): the
    fixed cost is paid once in either mode, so it bounds the whole-command ratio at N;
  - the CPU of the whole command (every process) with 2 workers against 1: above 1.00 by
    what the same work costs more when two workers share the machine's caches and memory.
Times are wall-clock of the whole process (start-up, warm-up, every worker, the
summary and the dashboard), read with os.wait4, which also gives the peak memory.

    python benchmarks/bench_bulk.py [--n 100] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hassan", "Isla", "Jack"]
LAST = ["Adams", "Bell", "Clarke", "Dixon", "Evans", "Fox", "Green", "Hill", "Iqbal", "Jones"]
PEPLINT = [sys.executable, "-m", "peplint"]
# As an installed peplint runs: with its byte-code cached (an editable checkout under
# PYTHONDONTWRITEBYTECODE would compile every module in every process).
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def make_corpus(folder: Path, n: int) -> None:
    """N PEPs in eight school folders: the fixture specs under other names, Word and PDF in turn."""
    specs = [load_spec(p) for p in sorted((ROOT / "fixtures" / "specs").glob("*.yaml"))]
    for i in range(n):
        spec = specs[i % len(specs)].model_copy(deep=True)
        spec.child.name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        fmt = "pdf" if i % 2 else "docx"
        school = folder / f"school-{i % 8}"
        school.mkdir(exist_ok=True)
        (school / f"pep-{i:04d}.{fmt}").write_bytes(render_spec(spec, fmt))  # type: ignore[arg-type]


@dataclass
class Run:
    """One whole command: wall seconds, the peak resident memory of its largest process and
    the CPU seconds of all its processes (user and system, workers included)."""

    seconds: float
    peak_mb: float
    cpu: float = 0.0


def bulk(folder: Path, out: Path, jobs: int, resume: bool = False) -> Run:
    """Run `peplint bulk` as a new process and time it from outside."""
    command = [*PEPLINT, "bulk", str(folder), "-o", str(out), "--jobs", str(jobs), "--quiet"]
    command += ["--as-of", "01/03/2027", "--isolated"]
    if resume:
        command.append("--resume")
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read() if process.stderr else b""
    if process.returncode not in (0, 1):
        raise SystemExit(f"bulk failed ({process.returncode}): {error.decode()[-500:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


# A fixed amount of pure-Python work, about a second on the project's machine.
LOOP = "total = 0\nfor i in range(12_000_000):\n    total += i * i % 7\n"


def ceiling() -> float:
    """Two processes' throughput against one's on this machine, now: 2 x (one copy's wall
    time, the better of one run before and one after) / (wall time of two copies started
    together), so one slowed single run does not make the ceiling look higher than it is."""
    command = [sys.executable, "-c", LOOP]

    def alone() -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True)
        return time.perf_counter() - start

    before = alone()
    start = time.perf_counter()
    pair = [subprocess.Popen(command) for _ in range(2)]
    for process in pair:
        process.wait()
    together = time.perf_counter() - start
    return 2 * min(before, alone()) / together


def fresh(out: Path) -> Path:
    shutil.rmtree(out, ignore_errors=True)
    return out


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _spread(values: list[float]) -> str:
    return f"{min(values):.2f}-{max(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    quarter = max(args.n // 4, 1)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        corpus, small = base / "corpus", base / "small"
        corpus.mkdir()
        small.mkdir()
        start = time.perf_counter()
        make_corpus(corpus, args.n)
        make_corpus(small, quarter)
        single = base / "single"
        single.mkdir()
        make_corpus(single, 1)
        print(f"generated {args.n} + {quarter} PEPs in {time.perf_counter() - start:.1f}s")
        bulk(small, fresh(base / "warm"), jobs=2)  # file cache and byte-code warm, not counted
        one: list[float] = []
        two: list[float] = []
        speedup: list[float] = []
        resume: list[float] = []
        resume_share: list[float] = []
        peak_n: list[float] = []
        peak_quarter: list[float] = []
        machine: list[float] = []
        fixed: list[float] = []
        work_speedup: list[float] = []
        cpu_growth: list[float] = []
        for round_no in range(args.rounds):
            order = (1, 2) if round_no % 2 == 0 else (2, 1)
            machine.append(ceiling())
            runs = {jobs: bulk(corpus, fresh(base / f"out{jobs}"), jobs=jobs) for jobs in order}
            machine.append(ceiling())
            again = bulk(corpus, base / "out2", jobs=2, resume=True)
            peak_quarter.append(bulk(small, fresh(base / "outq"), jobs=1).peak_mb)
            fixed.append(bulk(single, fresh(base / "out-single"), jobs=1).seconds)
            work_speedup.append(
                (runs[1].seconds - fixed[-1]) / max(runs[2].seconds - fixed[-1], 1e-9)
            )
            cpu_growth.append(runs[2].cpu / runs[1].cpu)
            one.append(runs[1].seconds)
            two.append(runs[2].seconds)
            speedup.append(runs[1].seconds / runs[2].seconds)
            resume.append(again.seconds)
            resume_share.append(again.seconds / runs[2].seconds)
            peak_n.append(runs[1].peak_mb)
            print(
                f"round {round_no + 1}: 1 worker {runs[1].seconds:.1f}s, 2 workers "
                f"{runs[2].seconds:.1f}s ({speedup[-1]:.2f}x), --resume {again.seconds:.2f}s "
                f"({resume_share[-1]:.1%}); fixed cost {fixed[-1]:.2f}s, the rest "
                f"{work_speedup[-1]:.2f}x; machine ceiling before/after "
                f"{machine[-2]:.2f}x/{machine[-1]:.2f}x"
            )
    print(f"\n{args.n} PEPs, {args.rounds} rounds, whole commands; median (range) over rounds")
    print(f"1 worker:  {_median(one):6.1f}s  {args.n / _median(one):5.2f} PEPs/s")
    print(f"2 workers: {_median(two):6.1f}s  {args.n / _median(two):5.2f} PEPs/s")
    print(f"speed-up with 2 workers: {_median(speedup):.2f}x ({_spread(speedup)}) (goal >= 1.9)")
    print(
        f"the machine's own 2-process ceiling in the same rounds: {_median(machine):.2f}x "
        f"({_spread(machine)}); bulk's speed-up is {_median(speedup) / _median(machine):.0%} of it"
    )
    print(
        f"fixed cost of a command (one PEP, 1 worker): {_median(fixed):.2f}s; the rest of "
        f"the run with 2 workers: {_median(work_speedup):.2f}x ({_spread(work_speedup)})"
    )
    print(
        f"CPU of the whole command (every process), 2 workers / 1 worker: "
        f"{_median(cpu_growth):.3f} ({_spread(cpu_growth)}): what the same work costs when "
        "two workers share the machine's caches and memory"
    )
    print(
        f"--resume with nothing changed: {_median(resume):.2f}s = {_median(resume_share):.1%} "
        f"of the first 2-worker run ({min(resume_share):.1%}-{max(resume_share):.1%}) (goal < 2%)"
    )
    print(
        f"peak memory of the largest process: {_median(peak_quarter):.0f} MB with {quarter} PEPs, "
        f"{_median(peak_n):.0f} MB with {args.n} ({_median(peak_n) / _median(peak_quarter):.2f}x)"
    )


if __name__ == "__main__":
    main()
