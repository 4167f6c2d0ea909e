"""CPU cost per page of the PDF reader against an earlier commit's, in one run.

Two worker processes import peplint: one from this checkout, one from
`git archive BASELINE` unpacked in a temporary folder. Each PDF fixture is
parsed (`read_pdf`, the parser stage alone) by both in turn, interleaved, so
machine noise hits both alike; the CPU time of each parse is measured inside
its worker. Reports the median per file, ms per page, and the ratio new / old.

    python benchmarks/bench_pdf_reader.py --baseline 1aa325f [--repeat 5] [PDF ...]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "fixtures" / "generated").glob("*.pdf")) + sorted(
    (ROOT / "fixtures" / "other-producers").glob("*.pdf")
)
WORKER = """
import json, sys, time
from pathlib import Path
from peplint.parsers.pdf_blocks import read_pdf
for line in sys.stdin:
    path = Path(line.strip())
    start = time.process_time()
    document = read_pdf(path)
    spent = time.process_time() - start
    print(json.dumps({"cpu": spent, "pages": document.pages}), flush=True)
"""


def _worker(tree: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WORKER],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _ask(worker: subprocess.Popen[str], path: Path) -> dict[str, float]:
    assert worker.stdin is not None and worker.stdout is not None
    worker.stdin.write(f"{path}\n")
    worker.stdin.flush()
    return dict(json.loads(worker.stdout.readline()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True, help="commit to compare against")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDFs to read (default: the fixtures)")
    args = parser.parse_args()
    pdfs = [p.resolve() for p in args.pdfs] or PDFS
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", args.baseline, "peplint"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        old, new = _worker(Path(tmp)), _worker(ROOT)
        try:
            for worker in (old, new):
                _ask(worker, pdfs[0])  # warm imports and caches
            rows = []
            for path in pdfs:
                cpu_old, cpu_new = [], []
                pages = 1.0
                for _ in range(args.repeat):
                    cpu_old.append(_ask(old, path)["cpu"])
                    answer = _ask(new, path)
                    cpu_new.append(answer["cpu"])
                    pages = answer["pages"]
                rows.append(
                    (path.name, pages, statistics.median(cpu_old), statistics.median(cpu_new))
                )
        finally:
            for worker in (old, new):
                if worker.stdin is not None:
                    worker.stdin.close()
                worker.wait()
    print(f"{'file':44} {'pages':>5} {'old ms/pg':>10} {'new ms/pg':>10} {'ratio':>6}")
    for name, pages, a, b in rows:
        print(
            f"{name:44} {pages:5.0f} {a * 1000 / pages:10.1f} {b * 1000 / pages:10.1f} {b / a:6.2f}"
        )
    total_pages = sum(r[1] for r in rows)
    old_total, new_total = sum(r[2] for r in rows), sum(r[3] for r in rows)
    print(
        f"{'all':44} {total_pages:5.0f} {old_total * 1000 / total_pages:10.1f} "
        f"{new_total * 1000 / total_pages:10.1f} {new_total / old_total:6.2f}"
    )


if __name__ == "__main__":
    main()
