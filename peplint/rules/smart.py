"""SMART targets (checklist D7): enough targets; each specific, measurable, time-bound, with a strategy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep, Target
from peplint.rules.base import Rule, RuleContext, RuleDoc, first_name, is_substantive

STRATEGY_WORDS = re.compile(
    r"(?i)\b(supported by|support from|with the help of|through|using|sessions?|tuition|mentor(ing)?|club|"
    r"intervention|group|programme|will help|will support|will check|will meet|booked|arranged)\b"
)


def _label(index: int, target: Target) -> str:
    words = target.text.split()
    short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return f'target {index} ("{short}")'


class _TargetRule(Rule):
    """A rule that checks each target in turn."""

    sections = ("smart_targets",)
    columns: tuple[str, ...] = ()  # the target fields a "no" rests on besides its text

    def target_problem(self, pep: Pep, target: Target, ctx: RuleContext) -> tuple[str, str] | None:
        """(message, suggestion) when the target fails, else None."""
        raise NotImplementedError

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "smart_targets")
        for index, target in enumerate(pep.targets, start=1):
            problem = self.target_problem(pep, target, ctx)
            if problem is not None and (
                unread := self.unread(
                    ctx,
                    pep,
                    *(f"targets[{index - 1}].{column}" for column in self.columns),
                    location=_label(index, target),
                    page=page,
                )
            ):
                yield unread
            elif problem is not None:
                message, suggestion = problem
                yield self.finding(
                    ctx,
                    f"Target {index}: {message}",
                    location=_label(index, target),
                    excerpt=target.text,
                    suggestion=suggestion,
                    page=page,
                )


class TargetsPresent(Rule):
    id = "targets-present"
    severity = "error"
    sections = ("smart_targets",)
    params = {"min_targets": 3}
    fields = ("targets",)
    doc = RuleDoc(
        summary="The PEP has at least 3 targets.",
        what="Counts the targets in the SMART targets section against `min_targets`.",
        why="Authorities ask for at least three SMART targets (one asks for English, maths and one other); "
        "Walsall asks for shorter- and longer-term targets.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        wanted = ctx.param("min_targets")
        page = self.page_of(pep, "smart_targets")
        if unread := self.unread(ctx, pep, "targets", page=page):
            yield unread
            return
        if len(pep.targets) < wanted:
            yield self.finding(
                ctx,
                f"The PEP has {len(pep.targets)} target(s); at least {wanted} are expected.",
                page=self.page_of(pep, "smart_targets"),
                suggestion=f"Set at least {wanted} SMART targets that meet the needs identified.",
            )


class SmartSpecific(_TargetRule):
    id = "smart-specific"
    severity = "error"
    columns = ("who",)
    fields = ("targets", "targets[].who")
    doc = RuleDoc(
        summary="Each target says who will do what.",
        what="Checks each target names who acts: the 'who' column, or in the text 'you', a name, a title "
        "(Mr, Mrs, Dr) or a role (tutor, carer, mentor).",
        why="QA criteria: 'Specific: who will do what.'",
    )

    def target_problem(self, pep: Pep, target: Target, ctx: RuleContext) -> tuple[str, str] | None:
        if is_substantive(target.who, 1):
            return None
        facts = self.facts(target.text)
        name = first_name(pep)
        if facts.actors or facts.mentions(name) or facts.capitalised:
            return None
        return (
            "it does not say who will do what.",
            "Name who will act: the young person ('you'), and the adults who will support them.",
        )


class SmartMeasurable(_TargetRule):
    id = "smart-measurable"
    severity = "error"
    fields = ("targets",)
    doc = RuleDoc(
        summary="Each target says how success will be measured.",
        what="Checks each target's text for a measure: a number or percentage, a grade, a frequency ('twice "
        "a week'), 'at least', 'out of'.",
        why="QA criteria: 'Measurable: by how much / how we will know.'",
    )

    def target_problem(self, pep: Pep, target: Target, ctx: RuleContext) -> tuple[str, str] | None:
        if self.facts(target.text).measures:
            return None
        return (
            "it does not say how success will be measured.",
            "Add how you will know it is achieved: a "
            "number, a grade, how often, or something that can be seen.",
        )


class SmartTimeBound(_TargetRule):
    id = "smart-time-bound"
    severity = "error"
    columns = ("deadline_text",)
    fields = ("targets", "targets[].deadline_text")
    doc = RuleDoc(
        summary="Each target has a deadline.",
        what="Checks each target's deadline (its 'by when' column, or its text) for a date, a term ('by the "
        "end of Spring term 2027'), 'by Easter' or 'before the next PEP'. 'Ongoing', 'regularly' and "
        "'as required' are not deadlines.",
        why="QA criteria: 'Time-bound: by when (a date or term before the next PEP)'; words that are not "
        "deadlines: 'ongoing', 'regularly', 'as required', 'when possible'.",
    )

    def target_problem(self, pep: Pep, target: Target, ctx: RuleContext) -> tuple[str, str] | None:
        if target.deadline is not None:
            return None
        when = self.facts(target.deadline_text)
        if when.has_deadline:
            return None
        if not target.deadline_text and self.facts(target.text).has_deadline:
            return None
        said = (
            f"'{target.deadline_text}' is not a deadline"
            if target.deadline_text
            else "it has no deadline"
        )
        return (f"{said}.", "Give a date or a term, before the next PEP where possible.")


class SmartStrategy(_TargetRule):
    id = "smart-strategy"
    severity = "error"
    columns = ("strategy",)
    fields = ("targets", "targets[].strategy")
    doc = RuleDoc(
        summary="Each target names the support or strategy and who provides it.",
        what="Checks each target's strategy column (or, where the template has none, its text) for the "
        "support that will help: sessions, tuition, a mentor, who will check.",
        why="Checklist item D7: targets 'identify strategies needed to achieve the target'; interventions "
        "say what, when, where, by whom and how often.",
    )

    def target_problem(self, pep: Pep, target: Target, ctx: RuleContext) -> tuple[str, str] | None:
        if is_substantive(target.strategy, 3) or STRATEGY_WORDS.search(target.text):
            return None
        return (
            "it does not say what support or strategy will help, or who provides it.",
            "Add the strategy: what will happen, who will do it and how often.",
        )
