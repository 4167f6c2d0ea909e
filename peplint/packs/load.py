"""Loading one pack file and checking it: every problem names the file, the line and the fix."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from peplint.checklist.scales import PRESETS
from peplint.model.pep import SECTION_KEYS, Pep
from peplint.packs.fields import EACH_MODELS, field_type, is_date, is_number, is_text
from peplint.packs.model import DeclarativeRuleSpec, PackFile, RuleOverride
from peplint.packs.yaml_source import PackError, PackProblems, YamlSource
from peplint.rules.base import RULE_ID, Rule

SEVERITY_WORDS = {"error", "warning", "info"}
MAX_PACK_BYTES = 1_000_000


@dataclass
class LoadedPack:
    """A pack file read and validated on its own (before `extends` is resolved)."""

    file: PackFile
    source: YamlSource
    problems: list[PackError] = field(default_factory=list)  # found so far, not yet raised

    @property
    def path(self) -> Path:
        """Where the pack was read from."""
        return self.source.path


def _hint(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"did you mean '{close[0]}'?" if close else ""


def read_pack(path: Path, keep_going: bool = False) -> LoadedPack:
    """Parse and schema-check a pack file.

    Every schema problem is found at once. With `keep_going` the parts that are wrong
    are left out and the rest returned with `problems` set, so later checks can find
    theirs too; otherwise the problems are raised together.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        raise PackError(path, 1, "the pack file cannot be read", "check the path") from None
    if len(raw) > MAX_PACK_BYTES:
        raise PackError(
            path,
            1,
            "the pack file is larger than 1 MB",
            "split it into packs that extend each other",
        )
    source = YamlSource(path, raw.decode("utf-8", errors="replace"))
    if not isinstance(source.data, dict):
        raise PackError(
            path,
            1,
            "a pack must be a mapping that starts with 'pack: NAME'",
            "see `peplint pack init` for a starting point",
        )
    data = dict(source.data)
    problems: list[PackError] = []
    try:
        file = PackFile.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(_schema_problem(source, tuple(error["loc"]), error))
            top = error["loc"][0] if error["loc"] else "pack"
            if top == "pack":
                data["pack"] = "unnamed-pack"
            else:
                data.pop(str(top), None)
        data.setdefault("pack", "unnamed-pack")
        file = PackFile.model_validate(data)  # only valid parts are left
    loaded = LoadedPack(file=file, source=source, problems=problems)
    if problems and not keep_going:
        raise PackProblems(problems)
    return loaded


def _schema_problem(source: YamlSource, where: tuple[Any, ...], error: Any) -> PackError:
    line = source.line(where)
    if error["type"] == "extra_forbidden":
        key = str(where[-1])
        parent = where[:-1]
        allowed = _allowed_keys(parent)
        hint = _hint(key, allowed)
        return PackError(
            source.path,
            line,
            f"unknown key '{key}'" + (f" in {'.'.join(map(str, parent))}" if parent else ""),
            hint or f"allowed keys here: {', '.join(sorted(allowed))}",
        )
    dotted = ".".join(str(p) for p in where) or "the pack"
    return PackError(
        source.path, line, f"{dotted}: {error['msg']}", "correct the value on this line"
    )


def _allowed_keys(parent: tuple[Any, ...]) -> set[str]:
    model: Any = PackFile
    from peplint.checklist.model import ItemSpec
    from peplint.packs.model import ChecklistDef, PackTestCase, PackTestExpect

    lookup = {
        "checklist": ChecklistDef,
        "items": ItemSpec,
        "tests": PackTestCase,
        "expect": PackTestExpect,
    }
    for part in parent:
        if isinstance(part, str) and part in lookup:
            model = lookup[part]
    return set(model.model_fields)


def check_pack(
    loaded: LoadedPack, rules: dict[str, Rule], known_settings: set[str]
) -> dict[str, DeclarativeRuleSpec]:
    """Check what a schema cannot: rule ids, settings, sections, patterns, scopes.

    Returns the pack's declarative rule specs by id.
    """
    file, src, path = loaded.file, loaded.source, loaded.path
    problems = loaded.problems
    for name, value in file.settings.items():
        if name not in known_settings:
            problems.append(
                PackError(
                    path,
                    src.line(("settings", name)),
                    f"unknown setting '{name}'",
                    _hint(name, known_settings)
                    or f"settings are: {', '.join(sorted(known_settings))}",
                )
            )
            continue
        _collect(problems, _check_setting_type, loaded, name, value, rules)
    declared: dict[str, DeclarativeRuleSpec] = {}
    for rule_id, value in file.rules.items():
        _collect(problems, _check_rule, loaded, rule_id, value, rules, declared)
    for key in file.aliases:
        if key not in SECTION_KEYS:
            problems.append(
                PackError(
                    path,
                    src.line(("aliases", key)),
                    f"unknown section key '{key}'",
                    _hint(key, set(SECTION_KEYS)) or "see docs/packs.md for the section keys",
                )
            )
    own_ids = {k for k, v in file.rules.items() if isinstance(v, dict) and "type" in v}
    for rule_id in file.messages:
        if rule_id not in rules and rule_id not in own_ids:
            problems.append(
                PackError(
                    path,
                    src.line(("messages", rule_id)),
                    f"a message for unknown rule '{rule_id}'",
                    _hint(rule_id, set(rules)) or "use a rule id from `peplint rules list`",
                )
            )
    if file.checklist is not None:
        _collect(problems, _check_checklist, loaded, set(rules) | own_ids)
    if file.form is not None:
        form = path.parent / file.form
        if form.suffix.lower() != ".docx" or not form.is_file():
            problems.append(
                PackError(
                    path,
                    src.line(("form",)),
                    f"the form '{file.form}' is not a .docx file beside the pack",
                    "give the path of your Word form, relative to the pack file",
                )
            )
    if problems:
        raise PackProblems(problems)
    return declared


def _collect(problems: list[PackError], check: Any, *args: Any) -> None:
    """Run one independent check, keeping its problem instead of stopping at it."""
    try:
        check(*args)
    except PackProblems as exc:
        problems.extend(exc.problems)
    except PackError as exc:
        problems.append(exc)


def _check_rule(
    loaded: LoadedPack,
    rule_id: str,
    value: Any,
    rules: dict[str, Rule],
    declared: dict[str, DeclarativeRuleSpec],
) -> None:
    path, src = loaded.path, loaded.source
    line = src.line(("rules", rule_id))
    if rule_id in rules:
        _check_override(loaded, rule_id, value, rules[rule_id])
    elif isinstance(value, dict) and "type" in value:
        if not RULE_ID.match(rule_id):
            raise PackError(
                path,
                line,
                f"rule id '{rule_id}' is not kebab-case",
                "use lower-case words joined by hyphens",
            )
        declared[rule_id] = _declarative(loaded, rule_id, value)
    else:
        hint = _hint(rule_id, set(rules))
        raise PackError(
            path,
            line,
            f"unknown rule id '{rule_id}'",
            (hint + " " if hint else "") + "(to add a rule of your own, give it a 'type')",
        )


def _check_checklist(loaded: LoadedPack, rule_ids: set[str]) -> None:
    file, src, path = loaded.file, loaded.source, loaded.path
    assert file.checklist is not None
    problems: list[PackError] = []
    scale = file.checklist.scale
    if isinstance(scale, str) and scale not in PRESETS:
        problems.append(
            PackError(
                path,
                src.line(("checklist", "scale")),
                f"unknown scale '{scale}'",
                f"use one of {', '.join(PRESETS)} or define the scale in full",
            )
        )
    for index, item in enumerate(file.checklist.items):
        for rule_id in item.rules:
            if rule_id not in rule_ids:
                problems.append(
                    PackError(
                        path,
                        src.line(("checklist", "items", index, "rules")),
                        f"checklist item {item.id} names unknown rule '{rule_id}'",
                        _hint(rule_id, rule_ids) or "use an id from `peplint rules list`",
                    )
                )
        for key in item.evidence_sections:
            if key not in SECTION_KEYS:
                problems.append(
                    PackError(
                        path,
                        src.line(("checklist", "items", index, "evidence_sections")),
                        f"unknown section key '{key}'",
                        _hint(key, set(SECTION_KEYS)) or "see docs/packs.md for the section keys",
                    )
                )
    if problems:
        raise PackProblems(problems)


def _check_setting_type(loaded: LoadedPack, name: str, value: Any, rules: dict[str, Rule]) -> None:
    default = next((r.params[name] for r in rules.values() if name in r.params), None)
    if default is None:
        return
    ok = (
        isinstance(value, int | float) and not isinstance(value, bool)
        if isinstance(default, int | float)
        else isinstance(value, type(default))
    )
    if not ok:
        raise PackError(
            loaded.path,
            loaded.source.line(("settings", name)),
            f"setting '{name}' should be {type(default).__name__}, not {type(value).__name__}",
            f"for example: {name}: {default!r}",
        )


def _check_override(loaded: LoadedPack, rule_id: str, value: Any, rule: Rule) -> None:
    line = loaded.source.line(("rules", rule_id))
    if isinstance(value, bool) or (
        isinstance(value, str) and value in {"on", "off", *SEVERITY_WORDS}
    ):
        return
    if not isinstance(value, dict):
        raise PackError(
            loaded.path,
            line,
            f"rules.{rule_id} must be off, on, a severity or a mapping",
            "for example: {severity: error}",
        )
    try:
        override = RuleOverride.model_validate(value)
    except ValidationError as exc:
        raise PackError(
            loaded.path,
            line,
            f"rules.{rule_id}: {exc.errors()[0]['msg']}",
            "severity is error, warning or info; enabled is true or false",
        ) from None
    for param in override.model_extra or {}:
        if param not in rule.params:
            raise PackError(
                loaded.path,
                loaded.source.line(("rules", rule_id, param)),
                f"rule '{rule_id}' has no setting '{param}'",
                _hint(param, set(rule.params))
                or f"its settings are: {', '.join(rule.params) or 'none'}",
            )


def _declarative(loaded: LoadedPack, rule_id: str, value: dict[str, Any]) -> DeclarativeRuleSpec:
    src, path = loaded.source, loaded.path
    where = ("rules", rule_id)
    try:
        spec = DeclarativeRuleSpec.model_validate(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][-1]) if error["loc"] else "type"
        line = src.line((*where, key))
        if error["type"] == "extra_forbidden":
            raise PackError(
                path,
                line,
                f"unknown key '{key}' in rule '{rule_id}'",
                _hint(key, set(DeclarativeRuleSpec.model_fields))
                or "see the pack format in the README",
            ) from None
        raise PackError(
            path, line, f"rule '{rule_id}', {key}: {error['msg']}", "correct the value on this line"
        ) from None

    def fail(key: str, problem: str, fix: str) -> PackError:
        return PackError(path, src.line((*where, key)), f"rule '{rule_id}': {problem}", fix)

    if spec.pattern is not None:
        try:
            regex.compile(spec.pattern)
        except regex.error as exc:
            raise fail(
                "pattern",
                f"the pattern is not a valid regular expression ({exc})",
                "check brackets and escape special characters with a backslash",
            ) from None
    if spec.section is not None and spec.section not in SECTION_KEYS:
        raise fail(
            "section",
            f"unknown section key '{spec.section}'",
            _hint(spec.section, set(SECTION_KEYS)) or "see docs/design.md for the section keys",
        )
    kind = None
    if spec.field is not None:
        model = EACH_MODELS[spec.each] if spec.each else Pep
        kind = field_type(model, spec.field)
        if kind is None:
            raise fail(
                "field",
                f"unknown field '{spec.field}'" + (f" of {spec.each}" if spec.each else ""),
                "use a field name of the PEP model (docs/design.md section 2), e.g. meeting.attendance_percent",
            )
    t = spec.type
    scoped = spec.section or spec.field or spec.each
    if t in ("require", "forbid", "pattern") and spec.pattern is None:
        raise fail("type", f"a '{t}' rule needs a 'pattern'", 'add pattern: "..."')
    if t in ("require", "forbid", "lexicon") and not scoped:
        raise fail(
            "type",
            f"a '{t}' rule needs a 'section' or a 'field'",
            "add section: smart_targets, for example",
        )
    if t == "require" and spec.each:
        raise fail(
            "each",
            "a 'require' rule reads one section or field, not each item",
            "use type: pattern for each item",
        )
    if t == "pattern" and not spec.each:
        raise fail(
            "type",
            "a 'pattern' rule checks each item of a list",
            "add each: targets (or subjects, attendees, carers)",
        )
    if (
        t in ("require", "forbid", "pattern", "lexicon")
        and spec.field is not None
        and not is_text(kind)
    ):
        raise fail(
            "field", f"'{spec.field}' is not text", "use a text field, or a threshold/deadline rule"
        )
    if t == "lexicon" and not spec.terms:
        raise fail("type", "a 'lexicon' rule needs 'terms'", "add terms: {placement: home}")
    if t == "threshold":
        if spec.field is None or not is_number(kind) or spec.each:
            raise fail(
                "field",
                "a 'threshold' rule needs a numeric 'field'",
                "for example field: meeting.attendance_percent",
            )
        if spec.min is None and spec.max is None:
            raise fail("type", "a 'threshold' rule needs 'min' or 'max'", "add min: 90")
    if t == "deadline":
        after_kind = field_type(Pep, spec.after) if spec.after else None
        if spec.field is None or not is_date(kind) or not is_date(after_kind):
            raise fail(
                "field",
                "a 'deadline' rule needs a date 'field' and a date 'after'",
                "for example field: sign_offs.designated_teacher.date, after: meeting.date",
            )
        if spec.working_days is None and spec.days is None:
            raise fail(
                "type", "a 'deadline' rule needs 'working_days' or 'days'", "add working_days: 10"
            )
    if t != "pattern" and spec.section and spec.each:
        raise fail("each", "give a 'section' or 'each', not both", "remove one")
    return spec
