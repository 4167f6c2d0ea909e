"""`peplint rules explain`: a rule's documentation in its fixed shape, with its examples."""

from __future__ import annotations

import yaml

from peplint.rules.base import Rule
from peplint.rules.examples_loader import RuleCase, load_examples


def _show(case: RuleCase) -> str:
    body = yaml.safe_dump(case.changes, sort_keys=False, allow_unicode=True, width=90).rstrip()
    params = f"\n  with settings: {case.params}" if case.params else ""
    return f"  {case.name}{params}\n" + "\n".join("    " + line for line in body.splitlines())


def explain(rule: Rule) -> str:
    """The text `peplint rules explain ID` prints."""
    lines = [
        f"{rule.id} ({rule.severity})",
        "",
        rule.doc.summary,
        "",
        "What it checks",
        f"  {rule.doc.what}",
        "",
        "Why it matters",
        f"  {rule.doc.why}",
        "",
        f"Sections read: {', '.join(rule.sections) or '-'}",
    ]
    if rule.params:
        lines.append(
            "Settings (with defaults): "
            + ", ".join(
                f"{k}={v!r}" for k, v in rule.params.items() if not isinstance(v, dict | list)
            )
        )
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
    return "\n".join(lines)
