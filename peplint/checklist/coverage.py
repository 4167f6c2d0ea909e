"""Layout coverage: how many of the fields the active checklist needs this layout gave.

The fields an item needs are the fields its rules declare they read (`Rule.fields`), so a
pack's own checklist gets its own coverage with no list to keep. A field counts as read
when its label was found, with or without a value (`found` or `empty`). Below the pack's
`coverage_threshold` every output carries one line saying the layout was not read well and
how to map it; far below it, that the document does not look like a PEP at all.
"""

from __future__ import annotations

from peplint.checklist.model import ChecklistSpec, Coverage, ItemCoverage
from peplint.engine import EngineConfig, RuleSettings
from peplint.model.pep import Pep
from peplint.rules.base import Rule, field_state, without_provenance

DEFAULT_THRESHOLD = 0.8
# Settings the run itself reads (beside the rules' parameters); a pack may set them.
RUN_SETTINGS: dict[str, object] = {"coverage_threshold": DEFAULT_THRESHOLD}
# Below this share of the needed fields the file is most likely not a PEP (a letter, an
# invoice, a statistics table), or a PEP in a layout nothing is known of.
NOT_A_PEP_BELOW = 0.25
LEARN_HINT = "map it with `peplint template learn FILE -o my-layout.yaml`, then lint with --pack"


def needed_fields(
    checklist: ChecklistSpec, rules: dict[str, Rule], config: EngineConfig | None = None
) -> dict[str, list[str]]:
    """Item id -> the field paths its enabled rules read, in rule order, without repeats."""
    settings = config.rules if config else {}
    out: dict[str, list[str]] = {}
    for item in checklist.items:
        paths: list[str] = []
        for rule_id in item.rules:
            rule = rules.get(rule_id)
            if rule is None:
                continue
            default = RuleSettings(enabled=getattr(rule, "enabled_by_default", True))
            if not settings.get(rule_id, default).enabled:
                continue  # as run_rules: a rule off by default runs only when switched on
            paths += [p for p in getattr(rule, "fields", ()) if p not in paths]
        out[item.id] = paths
    return out


def layout_coverage(
    pep: Pep,
    checklist: ChecklistSpec,
    rules: dict[str, Rule],
    config: EngineConfig | None = None,
) -> Coverage:
    """How well this PEP's layout was read for the active checklist."""
    threshold = float(
        (config.settings if config else {}).get("coverage_threshold", DEFAULT_THRESHOLD)
    )
    per_item = needed_fields(checklist, rules, config)
    needed: list[str] = []
    for paths in per_item.values():
        needed += [p for p in paths if p not in needed]
    read = {p for p in needed if field_state(pep, p) != "not_found"}
    found = [p for p in needed if p in read]
    missing = [p for p in needed if p not in read]
    items = [
        ItemCoverage(id=i, needed=ps, found=[p for p in ps if p in read])
        for i, ps in per_item.items()
    ]
    if without_provenance(pep) or not needed:
        return Coverage(
            needed=needed,
            found=found,
            not_found=[],
            ratio=None,
            threshold=threshold,
            well_read=True,
            looks_like_pep=True,
            items=items,
        )
    ratio = len(found) / len(needed)
    well_read = ratio >= threshold
    looks_like_pep = ratio >= NOT_A_PEP_BELOW
    counted = (
        f"peplint found {len(found)} of the {len(needed)} fields the checklist needs ({ratio:.0%})"
    )
    message = None
    if not looks_like_pep:
        message = (
            f"This does not look like a PEP: {counted}. No answer below is a judgement of it; "
            f"if it is a PEP in a layout peplint does not know, {LEARN_HINT}."
        )
    elif not well_read:
        message = (
            f"This layout was not read well: {counted}; answers marked unclear need checking by "
            f"eye. To read this layout fully, {LEARN_HINT}."
        )
    return Coverage(
        needed=needed,
        found=found,
        not_found=missing,
        ratio=round(ratio, 4),
        threshold=threshold,
        well_read=well_read,
        looks_like_pep=looks_like_pep,
        message=message,
        items=items,
    )
