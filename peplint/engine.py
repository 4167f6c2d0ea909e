"""The rules stage: run the active rules over a `Pep` and collect their findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pluggy

from peplint.errors import ConfigError
from peplint.model.findings import SEVERITY_RANK, Finding, Severity
from peplint.model.pep import TYPE_AND_PLACE, Pep
from peplint.plugins.manager import collect, default_manager
from peplint.rules.base import RULE_ID, Rule, RuleContext


@dataclass
class RuleSettings:
    """How one rule runs: on or off, its severity and its parameters."""

    enabled: bool = True
    severity: Severity | None = None
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class EngineConfig:
    """Settings for a run: global settings (shared parameter names), per-rule settings, wording."""

    settings: dict[str, Any] = field(default_factory=dict)
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)


def registered_rules(pm: pluggy.PluginManager | None = None) -> dict[str, Rule]:
    """Every registered rule, by id, in registration order."""
    pm = pm or default_manager()
    rules: dict[str, Rule] = collect(pm.hook.peplint_register_rules, lambda r: r.id, "rule")
    for rule_id in rules:
        if not RULE_ID.match(rule_id):
            raise ConfigError(f"rule id '{rule_id}' is not kebab-case")
    return rules


def rule_context(rule: Rule, config: EngineConfig) -> RuleContext:
    """The effective parameters and severity of `rule` under `config`."""
    own = config.rules.get(rule.id, RuleSettings())
    params = {name: config.settings.get(name, default) for name, default in rule.params.items()}
    params.update(own.params)
    return RuleContext(
        params=params,
        severity=own.severity or rule.severity,
        today=config.today,
        messages=config.messages,
    )


def placed_fields(pep: Pep, rule: Rule) -> list[str]:
    """The fields `rule` reads that were placed by type and position, not by a label."""
    return [
        path
        for path in rule.fields
        if (source := pep.provenance.get(path)) is not None and source.how == TYPE_AND_PLACE
    ]


def _with_placed_fields(pep: Pep, rule: Rule, findings: Iterable[Finding]) -> Iterator[Finding]:
    """Each judged finding, marked with the unlabelled values it may rest on."""
    placed = placed_fields(pep, rule)
    for finding in findings:
        if placed and not finding.unclear:
            finding = finding.model_copy(update={"read_by_place": placed})
        yield finding


def run_rules(
    pep: Pep, rules: dict[str, Rule], config: EngineConfig | None = None
) -> list[Finding]:
    """The findings of every enabled rule, most severe first, in rule order within a severity."""
    config = config or EngineConfig()
    # Texts are analysed when a rule first asks (and cached): a text no enabled rule
    # reads (a subject's name, a target's "who") costs nothing.
    findings: list[Finding] = []
    for rule in rules.values():
        default = RuleSettings(enabled=getattr(rule, "enabled_by_default", True))
        if not config.rules.get(rule.id, default).enabled:
            continue
        findings.extend(_with_placed_fields(pep, rule, rule.check(pep, rule_context(rule, config))))
    order = {rule_id: i for i, rule_id in enumerate(rules)}
    findings.sort(key=lambda f: (-SEVERITY_RANK[f.severity], order.get(f.rule, 0)))
    return findings
