"""The ratchet: which (variant, field) pairs and checklist answers are not yet right.

    python -m tests.layouts.gaps            # what changed against known_gaps.yaml
    python -m tests.layouts.gaps --write    # rewrite known_gaps.yaml from today's results

tests/test_layout_variants.py fails when a field or answer that is NOT listed is
wrong (a regression) and when a listed one is now right (take it off the list,
so the list only shrinks). Refresh it with --write after parser or extraction
work is merged, and read the diff: it should only lose lines.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

from tests.layouts.compare import assess
from tests.layouts.corpus import VariantDocument, build

KNOWN_GAPS = Path(__file__).with_name("known_gaps.yaml")
HEADER = (
    "# Fields and checklist answers each layout variant does not yet get right.\n"
    "# Written by `python -m tests.layouts.gaps --write`; it must only shrink.\n"
    "# Keys are variant--spec; field paths are the Pep model's (targets[1].deadline_text).\n"
)


def load_known() -> dict[str, dict[str, list[str]]]:
    """known_gaps.yaml as {"fields": {key: [path]}, "checklist": {key: [item]}}."""
    if not KNOWN_GAPS.is_file():
        return {"fields": {}, "checklist": {}}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when built with libyaml
    data = yaml.load(KNOWN_GAPS.read_text(encoding="utf-8"), Loader=loader) or {}
    return {"fields": data.get("fields") or {}, "checklist": data.get("checklist") or {}}


def measure(documents: list[VariantDocument]) -> dict[str, dict[str, list[str]]]:
    """Today's gaps for every document."""
    fields: dict[str, list[str]] = {}
    checklist: dict[str, list[str]] = {}
    for doc in documents:
        wrong, answers = assess(doc.spec, doc.path)
        if wrong:
            fields[doc.key] = wrong
        if answers:
            checklist[doc.key] = answers
    return {"fields": fields, "checklist": checklist}


def write(gaps: dict[str, dict[str, list[str]]]) -> None:
    """Rewrite known_gaps.yaml (sorted, so its diffs read well)."""
    body = yaml.safe_dump(
        {kind: dict(sorted(entries.items())) for kind, entries in gaps.items()},
        sort_keys=False,
        width=100,
        allow_unicode=True,
    )
    KNOWN_GAPS.write_text(HEADER + body, encoding="utf-8")


def changes(
    known: dict[str, dict[str, list[str]]], now: dict[str, dict[str, list[str]]]
) -> list[str]:
    """Lines saying what regressed and what is fixed."""
    out: list[str] = []
    for kind in ("fields", "checklist"):
        keys = set(known[kind]) | set(now[kind])
        for key in sorted(keys):
            was, is_ = set(known[kind].get(key, [])), set(now[kind].get(key, []))
            out += [f"regressed {kind} {key}: {p}" for p in sorted(is_ - was)]
            out += [f"fixed     {kind} {key}: {p}" for p in sorted(was - is_)]
    return out


def main(argv: list[str] | None = None) -> int:
    """Report changes against known_gaps.yaml, or rewrite it with --write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="rewrite known_gaps.yaml")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        now = measure(build(Path(tmp)))
    lines = changes(load_known(), now)
    print("\n".join(lines) or "known_gaps.yaml is up to date")
    if args.write:
        write(now)
        print(f"wrote {KNOWN_GAPS}")
    return 0 if args.write or not lines else 1


if __name__ == "__main__":
    sys.exit(main())
