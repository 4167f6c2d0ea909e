"""`peplint target "TEXT"`: which SMART parts one target has, what is missing, and wording to add.

The answer comes from the same functions the smart-* rules use
(`peplint.rules.smart.smart_parts`), so the helper and the lint always agree.
The text may carry its own sub-lines ("Who will help: ...", "By when: ...").
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field

import click

SUGGESTIONS = {
    "who": "Say who will do it: 'You will …' or the young person's name, and the adults involved.",
    "what": "Name an action that can be seen ('read aloud', 'hand in', 'attend') rather than an aim "
    "('improve', 'be more confident', 'work on').",
    "measure": "Add how you will know it is achieved: a number, a score ('8 out of 10'), a grade, "
    "or how often ('four evenings a week').",
    "deadline": "Add a deadline: a date or a term ('by 12 February 2027', 'by the end of the "
    "spring term'), before the next PEP where possible. 'Ongoing' is not a deadline.",
    "strategy": "Add the support: what will help, who provides it and how often ('Support: "
    "weekly tuition with Mrs Patel on Tuesdays').",
}


@dataclass
class TargetAdvice:
    """The helper's answer for one target (the JSON shape of `peplint target --format json`)."""

    text: str
    found: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def advise(text: str, child_name: str | None = None) -> TargetAdvice:
    """Which SMART parts `text` has (with evidence), which are missing, and suggestions."""
    from peplint.rules.smart import PARTS, smart_parts, target_from_text

    parts = smart_parts(target_from_text(text), child_name)
    advice = TargetAdvice(text=text)
    for part in PARTS:
        evidence = parts[part]
        if evidence:
            advice.found[part] = evidence
        else:
            advice.missing.append(part)
            advice.suggestions.append(SUGGESTIONS[part])
    return advice


def render_text(advice: TargetAdvice) -> str:
    """The answer for a person reading a terminal."""
    lines = ["SMART parts found:"]
    lines += [f"  {part}: {evidence}" for part, evidence in advice.found.items()] or ["  none"]
    if advice.missing:
        lines.append("Missing: " + ", ".join(advice.missing))
        lines.append("Suggestions:")
        lines += [f"  - {s}" for s in advice.suggestions]
    else:
        lines.append("Nothing missing: this target is SMART.")
    return "\n".join(lines)


@click.command("target")
@click.argument("text")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--name", "child_name", default=None, help="The young person's first name.")
def target_command(text: str, fmt: str, child_name: str | None) -> None:
    """Check one target: which SMART parts (who, what, measure, deadline, strategy) it has.

    Exits 0 when nothing is missing and 1 otherwise. Read TEXT from stdin with "-".
    """
    if text == "-":
        text = sys.stdin.read().strip()
    if not text.strip():
        raise click.UsageError("give the target's text")
    advice = advise(text, child_name)
    if fmt == "json":
        click.echo(json.dumps(asdict(advice), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(advice))
    sys.exit(1 if advice.missing else 0)
