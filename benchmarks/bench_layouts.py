"""Extraction accuracy on the layout variants: fields right / fields in the spec.

Every layout variant (tests/layouts/variants.py) of every variant spec is read
with `lint_file`; a field is right when it holds the spec's value (the comparison
of tests/test_layout_variants.py). Prints a Markdown table per variant, then
per format, and the checklist answers that match the spec's `expect:`.

    python benchmarks/bench_layouts.py [--by-spec] [--baseline REV [--repeat 3]]
    python benchmarks/bench_layouts.py --recombined

With --recombined, the held-out layouts instead (tests/layouts/recombined.py: every rendered
variant shifted along four axes at once, five shifts, layouts no variant has): the same
tables summed over each variant's shifts, and every checklist answer the opposite of the
spec's (a false "no" or a false "yes"), listed.

With --baseline, also the parse cost per page of today's tree against the peplint
package of git revision REV (e.g. the commit before the round-2 reader work),
on the same variant files, measured in one run: each repeat times both sides in
fresh processes one after the other, and the median per file is kept.
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
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the variant generator is test-only: tests/layouts/

from tests.layouts.compare import (  # noqa: E402
    assess,
    assess_answers,
    expected_fields,
    false_answers,
)
from tests.layouts.corpus import VariantDocument, build, specs  # noqa: E402
from tests.layouts.recombined import recombined  # noqa: E402
from tests.layouts.variants import VARIANTS, render  # noqa: E402

Tally = list[int]  # fields right, fields in spec, answers right, answers expected


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:.0f}%" if total else "-"


def _row(name: str, tally: Tally) -> str:
    fields_right, fields, answers_right, answers = tally
    return (
        f"| {name} | {fields_right}/{fields} | {_pct(fields_right, fields)} "
        f"| {answers_right}/{answers} |"
    )


def measure(documents: list[VariantDocument]) -> dict[tuple[str, str], Tally]:
    """(variant, spec id) -> tally."""
    out: dict[tuple[str, str], Tally] = {}
    for doc in documents:
        wrong_fields, wrong_answers = assess(doc.spec, doc.path)
        fields = len(expected_fields(doc.spec))
        answers = len(doc.spec.expect.get("checklist", {}))
        out[(doc.variant.name, doc.spec.id)] = [
            fields - len(wrong_fields),
            fields,
            answers - len(wrong_answers),
            answers,
        ]
    return out


def report(results: dict[tuple[str, str], Tally], by_spec: bool) -> str:
    """The tables as Markdown."""
    by_variant: dict[str, Tally] = defaultdict(lambda: [0, 0, 0, 0])
    by_format: dict[str, Tally] = defaultdict(lambda: [0, 0, 0, 0])
    formats = {v.name: v.format for v in VARIANTS}
    for (name, _spec), tally in results.items():
        for bucket in (by_variant[name], by_format[formats[name]], by_format["all"]):
            for i, value in enumerate(tally):
                bucket[i] += value
    lines = [
        "| variant (producer, format) | fields right / in spec | accuracy | checklist answers as expected |",
        "|---|---|---|---|",
    ]
    for variant in VARIANTS:
        if variant.name in by_variant:
            label = f"{variant.name} ({variant.producer}, {variant.format})"
            lines.append(_row(label, by_variant[variant.name]))
    lines += [
        "",
        "| format | fields right / in spec | accuracy | checklist answers as expected |",
        "|---|---|---|---|",
    ]
    lines += [_row(fmt, by_format[fmt]) for fmt in ("docx", "pdf", "all") if fmt in by_format]
    if by_spec:
        lines += [
            "",
            "| variant -- spec | fields right / in spec | accuracy | checklist answers as expected |",
            "|---|---|---|---|",
        ]
        lines += [_row(f"{v} -- {s}", t) for (v, s), t in sorted(results.items())]
    return "\n".join(lines)


# A worker: imports peplint from the folder given as argv[1], then for each path read on
# stdin prints [seconds to read_pep it, pages]. Two workers (baseline, today) stay up for the
# whole run and are asked in turn, file by file, so machine noise falls on both alike.
WORKER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from peplint.reading import read_pep
for line in sys.stdin:
    start = time.perf_counter()
    pep = read_pep(Path(line.strip()))
    print(json.dumps([time.perf_counter() - start, pep.source.pages]), flush=True)
"""


class _Worker:
    def __init__(self, package_root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(package_root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def parse(self, path: str) -> tuple[float, int]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(path + "\n")
        self.process.stdin.flush()
        seconds, pages = json.loads(self.process.stdout.readline())
        return seconds, pages

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)


def _baseline_tree(revision: str, into: Path) -> Path:
    """The peplint package of `revision`, unpacked from git into `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "peplint"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def parse_cost(documents: list[VariantDocument], revision: str, repeat: int) -> str:
    """Parse seconds per page, today / `revision`, per format, as Markdown."""
    paths = [str(d.path) for d in documents]
    seconds: dict[str, dict[str, list[float]]] = {"baseline": {}, "today": {}}
    pages: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workers = {"baseline": _Worker(_baseline_tree(revision, Path(tmp))), "today": _Worker(ROOT)}
        try:
            for round_ in range(repeat + 1):  # round 0 warms both up and is not counted
                for path in paths:
                    order = ("baseline", "today") if round_ % 2 else ("today", "baseline")
                    for side in order:
                        took, pages[path] = workers[side].parse(path)
                        if round_:
                            seconds[side].setdefault(path, []).append(took)
        finally:
            for worker in workers.values():
                worker.close()
    fmt = {str(d.path): d.variant.format for d in documents}
    lines = [
        f"| format | ms per page at {revision} | ms per page today | ratio |",
        "|---|---|---|---|",
    ]
    for wanted in ("docx", "pdf", "all"):
        chosen = [p for p in paths if wanted in ("all", fmt[p])]
        if not chosen:
            continue
        per_page = {}
        for side, measured in seconds.items():
            total = sum(statistics.median(measured[p]) for p in chosen)
            per_page[side] = 1000 * total / sum(max(pages[p], 1) for p in chosen)
        ratio = per_page["today"] / per_page["baseline"]
        lines.append(
            f"| {wanted} | {per_page['baseline']:.1f} | {per_page['today']:.1f} | {ratio:.2f} |"
        )
    return "\n".join(lines)


def held_out(out_dir: Path) -> tuple[str, list[str]]:
    """Accuracy on the recombined layouts, summed per base variant, and the flipped answers."""
    results: dict[tuple[str, str], Tally] = {}
    flipped: list[str] = []
    for variant in recombined():
        for spec in specs():
            path = render(variant, spec, out_dir)
            wrong, answers = assess_answers(spec, path)
            expected: dict[str, str] = spec.expect.get("checklist", {})
            fields = len(expected_fields(spec))
            right = sum(answers.get(item) == want for item, want in expected.items())
            base = variant.name.rsplit("-x", 1)[0]
            tally = results.setdefault((base, spec.id), [0, 0, 0, 0])
            for i, value in enumerate((fields - len(wrong), fields, right, len(expected))):
                tally[i] += value
            for item in false_answers(spec, answers):
                want = expected[item]
                flipped.append(
                    f"{variant.name} -- {spec.id}: {item} {answers[item]} (expected {want})"
                )
    return report(results, by_spec=False), flipped


def main() -> int:
    """Render the variants, read them, print the accuracy tables (and the parse cost ratio)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--by-spec", action="store_true", help="also one row per variant and spec")
    parser.add_argument("--baseline", metavar="REV", help="git revision to compare parse cost with")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the parse timing")
    parser.add_argument(
        "--recombined", action="store_true", help="the held-out recombined layouts instead"
    )
    args = parser.parse_args()
    if args.recombined:
        with tempfile.TemporaryDirectory() as tmp:
            table, flipped = held_out(Path(tmp))
            print(f"{len(recombined())} recombined layouts x {len(specs())} specs\n")
            print(table)
            print(f"\nAnswers the opposite of the spec's: {len(flipped)}")
            for line in flipped:
                print(f"- {line}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        documents = build(Path(tmp))
        print(
            f"{len(documents)} documents: {len(VARIANTS)} variants x specs "
            f"{sorted({d.spec.id for d in documents})}\n"
        )
        print(report(measure(documents), args.by_spec))
        if args.baseline:
            print(f"\nParse cost per page (median of {args.repeat} runs, same files):\n")
            print(parse_cost(documents, args.baseline, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
