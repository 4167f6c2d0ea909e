"""Choosing which rules run, as ruff does: `--select`, `--extend-select`, `--ignore`.

`--select` replaces the pack's choice of rules, `--extend-select` adds to it and
`--ignore` takes away, in that order. An id ending in "-" is a prefix ("smart-" is every
rule whose id starts so). An unknown id is a usage error with the nearest ids suggested.
Also `statistics`: the count of findings per rule, for `--statistics`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from peplint.engine import RuleSettings
from peplint.errors import ConfigError
from peplint.lint import LintSetup
from peplint.model.findings import Finding
from peplint.rules.explain import did_you_mean


@dataclass
class Selection:
    """The rule ids (or prefixes) given on the command line."""

    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)

    @classmethod
    def parse(
        cls,
        select: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> Selection:
        """From repeated and/or comma-separated option values."""

        def split(values: Iterable[str]) -> list[str]:
            return [p.strip() for v in values for p in v.split(",") if p.strip()]

        return cls(split(select), split(extend_select), split(ignore))

    def __bool__(self) -> bool:
        return bool(self.select or self.extend_select or self.ignore)

    def key(self) -> str:
        """A short fingerprint, so cached results made with another selection are not reused."""
        text = f"{sorted(self.select)}|{sorted(self.extend_select)}|{sorted(self.ignore)}"
        return hashlib.sha256(text.encode()).hexdigest()[:16] if self else ""


def _matches(spec: str, known: list[str], option: str) -> list[str]:
    if spec.endswith("-"):
        found = [rule_id for rule_id in known if rule_id.startswith(spec)]
    else:
        found = [spec] if spec in known else []
    if not found:
        raise ConfigError(
            f"{option} {spec}: no such rule.{did_you_mean(spec.rstrip('-'), known)} "
            "`peplint rules list` shows them all"
        )
    return found


def apply_selection(setup: LintSetup, selection: Selection) -> None:
    """Switch the setup's rules on and off as the selection says (in place)."""
    if not selection:
        return
    known = list(setup.rules)
    rules = setup.config.rules

    def set_enabled(rule_id: str, enabled: bool) -> None:
        current = rules.get(rule_id, RuleSettings())
        rules[rule_id] = RuleSettings(enabled, current.severity, dict(current.params))

    if selection.select:
        chosen = {r for spec in selection.select for r in _matches(spec, known, "--select")}
        for rule_id in known:
            set_enabled(rule_id, rule_id in chosen)
    for spec in selection.extend_select:
        for rule_id in _matches(spec, known, "--extend-select"):
            set_enabled(rule_id, True)
    for spec in selection.ignore:
        for rule_id in _matches(spec, known, "--ignore"):
            set_enabled(rule_id, False)


def statistics(findings: Iterable[Finding]) -> list[tuple[str, str, int]]:
    """(rule, severity, count) per rule and severity, most frequent first."""
    counts = Counter((f.rule, "unclear" if f.unclear else f.severity) for f in findings)
    return sorted(
        ((rule, severity, n) for (rule, severity), n in counts.items()),
        key=lambda row: (-row[2], row[0]),
    )


def format_statistics(rows: list[tuple[str, str, int]]) -> str:
    """The `--statistics` table: count, rule id, severity."""
    if not rows:
        return "No findings.\n"
    return "".join(f"{n:6}  {rule:36} {severity}\n" for rule, severity, n in rows)
