"""Resolving a pack with everything it extends into the settings a run uses.

Precedence, lowest first: each rule's built-in defaults; the packs named in
`extends`, in order (each resolved the same way); the pack itself; the project
config file's `settings`. `provenance` records where every effective value came
from, for `peplint pack show-config`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from peplint.checklist.model import ChecklistSpec
from peplint.checklist.scales import PRESETS
from peplint.engine import EngineConfig, RuleSettings, registered_rules
from peplint.errors import ConfigError
from peplint.lint import LintSetup
from peplint.packs.declarative import DeclarativeRule
from peplint.packs.discovery import (
    DEFAULT_PACK,
    ProjectConfig,
    find_config,
    locate,
    registered_packs,
)
from peplint.packs.load import LoadedPack, check_pack, read_pack
from peplint.packs.model import ChecklistDef
from peplint.packs.yaml_source import PackError
from peplint.report import PackInfo
from peplint.rules.base import Rule


@dataclass
class EffectivePack:
    """A pack with its `extends` chain applied."""

    name: str
    version: int | str
    path: Path
    chain: list[str] = field(default_factory=list)  # pack names, base first
    settings: dict[str, Any] = field(default_factory=dict)
    rule_settings: dict[str, RuleSettings] = field(default_factory=dict)
    declarative: dict[str, DeclarativeRule] = field(default_factory=dict)
    lexicon: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    checklist: ChecklistSpec | None = None
    provenance: dict[str, str] = field(
        default_factory=dict
    )  # "settings.x" / "rules.y" -> where from
    loaded: list[LoadedPack] = field(default_factory=list)
    config_path: Path | None = None  # the config file the run used (None: no config file)
    form: Path | None = None  # the pack's own Word form (`form:`), nearest pack's wins

    def setup(self, rules: dict[str, Rule], pm: pluggy.PluginManager | None = None) -> LintSetup:
        """The lint setup this pack describes."""
        all_rules = {**rules, **self.declarative}
        settings = dict(self.settings)
        rule_settings = {
            k: RuleSettings(v.enabled, v.severity, dict(v.params))
            for k, v in self.rule_settings.items()
        }
        lexicon_rule = rule_settings.setdefault("language-that-cares", RuleSettings())
        if self.lexicon:
            lexicon_rule.params["lexicon"] = dict(self.lexicon)
        config = EngineConfig(settings=settings, rules=rule_settings, messages=dict(self.messages))
        setup = LintSetup(
            rules=all_rules,
            config=config,
            pack=PackInfo(name=self.name, version=self.version),
            aliases=self.aliases,
            pm=pm,
        )
        if self.checklist is not None:
            setup.checklist = self.checklist
        setup.form_template = self.form
        return setup


def checklist_spec(definition: ChecklistDef) -> ChecklistSpec:
    """A pack's checklist definition with its scale resolved."""
    scale = (
        PRESETS[definition.scale].model_copy(deep=True)
        if isinstance(definition.scale, str)
        else definition.scale.model_copy(deep=True)
    )
    scale.labels.update(definition.labels)
    return ChecklistSpec(title=definition.title, items=definition.items, scale=scale)


def _default_checklist(registry: dict[str, Path]) -> ChecklistSpec | None:
    """The default pack's checklist, for a pack (such as language-that-cares) that has none:
    without one, nothing could ever fail and every PEP would "meet the standard"."""
    if DEFAULT_PACK not in registry:
        return None
    definition = read_pack(registry[DEFAULT_PACK]).file.checklist
    return checklist_spec(definition) if definition is not None else None


def _rule_settings(value: Any, current: RuleSettings) -> RuleSettings:
    out = RuleSettings(current.enabled, current.severity, dict(current.params))
    if value is False or value == "off":
        out.enabled = False
    elif value is True or value == "on":
        out.enabled = True
    elif isinstance(value, str):
        out.severity = value  # type: ignore[assignment]
        out.enabled = True
    elif isinstance(value, dict):
        params = dict(value)
        out.enabled = bool(params.pop("enabled", True))
        if "severity" in params:
            out.severity = params.pop("severity")
        out.params.update(params)
    return out


def _apply(
    effective: EffectivePack, loaded: LoadedPack, rules: dict[str, Rule], known: set[str]
) -> None:
    file = loaded.file
    where = f"pack {file.pack} ({loaded.path.name})"
    declared = check_pack(loaded, {**rules, **effective.declarative}, known)
    for name, value in file.settings.items():
        effective.settings[name] = value
        effective.provenance[f"settings.{name}"] = where
    for rule_id, spec in declared.items():
        effective.declarative[rule_id] = DeclarativeRule(rule_id, spec, loaded.path.name)
        effective.provenance[f"rules.{rule_id}"] = where
    for rule_id, value in file.rules.items():
        if rule_id in declared:
            continue
        effective.rule_settings[rule_id] = _rule_settings(
            value, effective.rule_settings.get(rule_id, RuleSettings())
        )
        effective.provenance[f"rules.{rule_id}"] = where
    if file.form is not None:
        effective.form = (loaded.path.parent / file.form).resolve()
        effective.provenance["form"] = where
    effective.lexicon.update(file.lexicon)
    for key, aliases in file.aliases.items():
        effective.aliases.setdefault(key, []).extend(aliases)
    effective.messages.update(file.messages)
    if file.checklist is not None:
        effective.checklist = checklist_spec(file.checklist)
        effective.provenance["checklist"] = where
    effective.chain.append(file.pack)
    effective.loaded.append(loaded)


def resolve_pack(
    ref: str, pm: pluggy.PluginManager | None = None, config: ProjectConfig | None = None
) -> EffectivePack:
    """Load the pack `ref` (a name or a path) with everything it extends."""
    rules = registered_rules(pm)
    known = {name for rule in rules.values() for name in rule.params}
    registry = registered_packs(pm)
    path = locate(ref, registry)
    effective = EffectivePack(name="", version=1, path=path)
    for name in {n for r in rules.values() for n in r.params}:
        effective.provenance.setdefault(f"settings.{name}", "built-in default")
    visiting: list[Path] = []

    def visit(pack_path: Path) -> LoadedPack:
        resolved = pack_path.resolve()
        if resolved in visiting:
            raise ConfigError(f"{pack_path}: packs extend each other in a loop")
        if any(p.path.resolve() == resolved for p in effective.loaded):
            return next(p for p in effective.loaded if p.path.resolve() == resolved)
        visiting.append(resolved)
        loaded = read_pack(pack_path, keep_going=True)
        for index, parent in enumerate(loaded.file.extends):
            try:
                parent_path = locate(parent, registry, relative_to=pack_path)
            except ConfigError as exc:
                loaded.problems.append(
                    PackError(
                        pack_path,
                        loaded.source.line(("extends", index)),
                        f"cannot extend '{parent}'",
                        str(exc),
                    )
                )
                continue
            visit(parent_path)
        _apply(effective, loaded, rules, known)
        visiting.pop()
        return loaded

    top = visit(path)
    effective.name, effective.version = top.file.pack, top.file.version
    if effective.checklist is None:
        effective.checklist = _default_checklist(registry)
        if effective.checklist is not None:
            effective.provenance["checklist"] = (
                f"pack {DEFAULT_PACK} (the default: {effective.name} has no checklist)"
            )
    if config is not None and config.settings:
        for name, value in config.settings.items():
            if name not in known:
                raise ConfigError(f"{config.path}: unknown setting '{name}'")
            effective.settings[name] = value
            effective.provenance[f"settings.{name}"] = f"config file {config.path}"
    return effective


def setup_for(
    pack: str | None,
    pm: pluggy.PluginManager | None = None,
    cwd: Path | None = None,
    config: ProjectConfig | None = None,
) -> tuple[LintSetup, EffectivePack]:
    """The lint setup for `--pack` (or the config file's pack, or the default pack).

    `config` is the run's config (see `config_for`); without it, the nearest to `cwd`.
    """
    if config is None:
        config = find_config(cwd)
    effective = resolve_pack(pack or config.pack or DEFAULT_PACK, pm, config)
    effective.config_path = config.path
    return effective.setup(registered_rules(pm), pm), effective
