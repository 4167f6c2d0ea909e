"""`peplint rules explain`: a rule's documentation in its fixed shape, with its examples.

With a pack, the settings, severity and lexicon are the pack's; a section with nothing
to say is left out rather than printed empty.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from peplint.rules.base import Rule
from peplint.rules.examples_loader import RuleCase, load_examples


def _show(case: RuleCase) -> str:
    body = yaml.safe_dump(case.changes, sort_keys=False, allow_unicode=True, width=90).rstrip()
    params = f"\n  with settings: {case.params}" if case.params else ""
    return f"  {case.name}{params}\n" + "\n".join("    " + line for line in body.splitlines())


def did_you_mean(rule_id: str, known: list[str]) -> str:
    """ " Did you mean 'x'?" for a mistyped rule id, or ""."""
    close = difflib.get_close_matches(rule_id, known, n=3, cutoff=0.6)
    if not close:
        return ""
    return " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def explain(
    rule: Rule,
    params: dict[str, Any] | None = None,
    severity: str | None = None,
    enabled: bool = True,
    pack: str | None = None,
) -> str:
    """The text `peplint rules explain ID` prints (`params` and `severity`: a pack's)."""
    effective = params if params is not None else dict(rule.params)
    state = "off" if not enabled else (severity or rule.severity)
    heading = f"{rule.id} ({state}" + (f" in pack {pack})" if pack else ")")
    lines = [heading, ""]
    if rule.doc.summary:
        lines += [rule.doc.summary, ""]
    if rule.doc.what:
        lines += ["What it checks", f"  {rule.doc.what}", ""]
    if rule.doc.why:
        lines += ["Why it matters", f"  {rule.doc.why}", ""]
    if rule.sections:
        lines.append(f"Sections read: {', '.join(rule.sections)}")
    plain = {k: v for k, v in effective.items() if not isinstance(v, dict | list)}
    if plain:
        label = "Settings" if pack else "Settings (with defaults)"
        lines.append(f"{label}: " + ", ".join(f"{k}={v!r}" for k, v in plain.items()))
    for name, value in effective.items():
        if isinstance(value, dict) and value:
            sample = ", ".join(f"{k} -> {v}" for k, v in list(value.items())[:5])
            more = f", and {len(value) - 5} more" if len(value) > 5 else ""
            lines.append(f"{name.capitalize()} ({len(value)} terms): {sample}{more}")
    examples = load_examples(rule.id)
    if examples is not None:
        if examples.failing:
            lines += [
                "",
                "Example that fails (changes to a complete PEP):",
                _show(examples.failing[0]),
            ]
        if examples.passing:
            lines += ["", "Example that passes:", _show(examples.passing[0])]
    return "\n".join(lines).rstrip() + "\n"
