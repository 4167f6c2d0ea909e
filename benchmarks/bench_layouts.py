"""Extraction accuracy on the layout variants: fields right / fields in the spec.

Every layout variant (tests/layouts/variants.py) of every variant spec is read
with `lint_file`; a field is right when it holds the spec's value (the comparison
of tests/test_layout_variants.py). Prints a Markdown table per variant, then
per format, and the checklist answers that match the spec's `expect:`.

    python benchmarks/bench_layouts.py [--by-spec]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the variant generator is test-only: tests/layouts/

from tests.layouts.compare import assess, expected_fields  # noqa: E402
from tests.layouts.corpus import VariantDocument, build  # noqa: E402
from tests.layouts.variants import VARIANTS  # noqa: E402

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


def main() -> int:
    """Render the variants, read them, print the accuracy tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--by-spec", action="store_true", help="also one row per variant and spec")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        documents = build(Path(tmp))
        print(
            f"{len(documents)} documents: {len(VARIANTS)} variants x specs "
            f"{sorted({d.spec.id for d in documents})}\n"
        )
        print(report(measure(documents), args.by_spec))
    return 0


if __name__ == "__main__":
    sys.exit(main())
