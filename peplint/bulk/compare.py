"""Comparing a term with the last: what changed per school and per checklist item."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from peplint.errors import ConfigError
from peplint.model.pep import Target

SUMMARY_FORMAT = "peplint.bulk-summary"


@dataclass
class Change:
    """One line of the comparison: a school or a checklist item, then and now."""

    kind: str  # "school" | "item"
    name: str
    before: str
    now: str
    direction: str  # "better" | "worse" | "same" | "new" | "gone"


def load_previous(folder: Path) -> dict[str, Any]:
    """The summary.json of an earlier `peplint bulk` output folder."""
    path = folder / "summary.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ConfigError(
            f"{folder}: no readable summary.json from an earlier `peplint bulk` run"
        ) from None
    if data.get("format") != SUMMARY_FORMAT:
        raise ConfigError(f"{path}: not a peplint bulk summary")
    return data


def check_comparable(folder: Path, pack: dict[str, Any], items: list[str]) -> dict[str, Any]:
    """The earlier run's summary, checked before a run starts: it must exist and have been
    made with the same pack (name and checklist items), or the comparison would mislead."""
    previous = load_previous(folder)
    before = previous.get("pack") or {}
    if before.get("name") != pack.get("name"):
        raise ConfigError(
            f"{folder} was made with the pack '{before.get('name', 'unknown')}', this run uses "
            f"'{pack.get('name')}'; compare runs made with the same pack"
        )
    if list(previous.get("items", [])) != list(items):
        raise ConfigError(
            f"{folder} has the checklist items {', '.join(previous.get('items', [])) or 'none'}, "
            f"this run has {', '.join(items)}; compare runs made with the same checklist"
        )
    return previous


def _share(bucket: dict[str, int] | None) -> float | None:
    if not bucket or not bucket.get("peps"):
        return None
    return bucket["meets"] / bucket["peps"]


def compare(previous: dict[str, Any], current: dict[str, Any]) -> list[Change]:
    """Changes per school (share meeting the standard) and per item (share failing)."""
    changes: list[Change] = []
    before_schools = previous["aggregates"]["by_school"]
    now_schools = current["aggregates"]["by_school"]
    for school in sorted(set(before_schools) | set(now_schools)):
        b, n = _share(before_schools.get(school)), _share(now_schools.get(school))
        changes.append(
            Change(
                "school",
                school,
                _pct(b, before_schools.get(school)),
                _pct(n, now_schools.get(school)),
                _direction(b, n, higher_is_better=True),
            )
        )
    b_read, n_read = previous["aggregates"]["read"], current["aggregates"]["read"]
    for item in current["items"]:
        b_fail = previous["aggregates"]["item_failures"].get(item)
        n_fail = current["aggregates"]["item_failures"].get(item)
        b = b_fail / b_read if b_fail is not None and b_read else None
        n = n_fail / n_read if n_fail is not None and n_read else None
        changes.append(
            Change(
                "item",
                item,
                "-" if b is None else f"{b:.0%} failing",
                "-" if n is None else f"{n:.0%} failing",
                _direction(b, n, higher_is_better=False),
            )
        )
    return changes


def _pct(share: float | None, bucket: dict[str, int] | None) -> str:
    if share is None or bucket is None:
        return "-"
    return f"{share:.0%} of {bucket['peps']} meet"


def _direction(before: float | None, now: float | None, higher_is_better: bool) -> str:
    if before is None:
        return "new"
    if now is None:
        return "gone"
    if f"{now:.0%}" == f"{before:.0%}":  # equal as shown (whole percentages): "same"
        return "same"
    return "better" if (now > before) == higher_is_better else "worse"


def previous_targets_by_child(folder: Path) -> dict[str, list[Target]]:
    """Last term's targets per child (by the waivers' child fingerprint: name and date of
    birth), from the per-PEP reports of an earlier bulk output folder. A redacted run's
    children cannot be matched and give nothing."""
    from peplint.report import Report
    from peplint.waivers import child_key

    found: dict[str, list[Target]] = {}
    for path in sorted((folder / "peps").glob("*.json")):
        try:
            report = Report.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for entry in report.files:
            key = child_key(entry.pep) if entry.pep is not None else None
            if key and entry.pep is not None and entry.pep.targets:
                found.setdefault(key, list(entry.pep.targets))
    return found
