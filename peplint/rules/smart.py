"""SMART targets (checklist D7): enough targets; each specific, measurable, time-bound, with a strategy."""

from __future__ import annotations

import re
from collections.abc import Iterator

from peplint.extract.values import LOOKS_LIKE_A_DATE
from peplint.model.findings import Finding
from peplint.model.pep import Pep, Target
from peplint.nlp import analyse
from peplint.nlp.patterns import NOT_NAMES
from peplint.rules.base import Rule, RuleContext, RuleDoc, first_name, is_substantive

_ADULT = (
    r"(?:carers?|foster carers?|key (?:person|adult|worker)|mentor|tutor|teachers?|ta|teaching assistant|"
    r"adviser|advisor|personal adviser|senco|librarian|coach|counsellor|social worker|mum|dad|parent|"
    r"head of year|designated teacher|class teacher|nurse|therapist|keyworker)"
)
STRATEGY_WORDS = re.compile(
    r"(?i)\b(supported by|support from|with the help of|through|using|sessions?|tuition|mentor(ing)?|"
    r"intervention|small[- ]group|programme|will help|will support|will check|will meet|booked|arranged|"
    r"arranges|check-?ins?|(?:checked|signed|supported|led|run|monitored|funded|provided|organised) by|"
    rf"with (?:the help of )?(?:your|his|her|their|a|the)? ?(?:\w+ )?{_ADULT}|"
    r"from (?:mr|mrs|ms|miss|dr)\.? [a-z]+|in (?:the )?(?:\w+ )?club|"
    r"(?:current|existing|additional|extra|1:1|one[- ]to[- ]one|specialist) (?:support|help)|"
    rf"(?:mr|mrs|ms|miss|dr)\.? [a-z]+ (?:will|to)\b|{_ADULT} (?:will|to) (?:support|help|check|sign|meet|"
    r"give|introduce|listen|work|read|monitor|provide|arrange|remind|practise)|"
    r"[A-Z][a-z]+ will (?:sign|check|help|support|meet|give|introduce|listen|monitor|remind))\b"
)
# A target's own sub-lines: "Who will help: Mrs Patel", "Support: weekly tuition", "By when: Easter".
SUB_LINE = re.compile(
    r"(?im)^[ \t•*-]*(who will help|who will support|who|support(?: needed| given)?|strateg(?:y|ies)|"
    r"how(?: we will help| will we help)?|resources|by when|when|deadline|timescale|"
    r"success criteria|how will we know|measure(?:d by)?)\s*[:\-–]\s*(.*)$"
)
SUB_LINE_PART = {
    "who will help": "strategy",
    "who will support": "strategy",
    "who": "who",
    "support": "strategy",
    "support needed": "strategy",
    "support given": "strategy",
    "strategy": "strategy",
    "strategies": "strategy",
    "how": "strategy",
    "how we will help": "strategy",
    "how will we help": "strategy",
    "resources": "strategy",
    "by when": "deadline",
    "when": "deadline",
    "deadline": "deadline",
    "timescale": "deadline",
    "success criteria": "measure",
    "how will we know": "measure",
    "measure": "measure",
    "measured by": "measure",
}
PARTS = ("who", "what", "measure", "deadline", "strategy")
_YOUNG_PERSON = re.compile(r"(?i)\b(you|i|me|young person|yp|pupil|student|child)\b")


def sub_lines(text: str) -> tuple[str, dict[str, str]]:
    """The target's main text and its labelled sub-lines, by SMART part."""
    parts: dict[str, str] = {}
    for match in SUB_LINE.finditer(text):
        part = SUB_LINE_PART[match.group(1).lower()]
        value = match.group(2).strip()
        if value and part not in parts:
            parts[part] = value
    main = SUB_LINE.sub(
        lambda m: m.group(0) if SUB_LINE_PART[m.group(1).lower()] == "measure" else "", text
    )
    main = main.strip()
    return main, parts


def target_from_text(text: str) -> Target:
    """A target read from free text with optional sub-lines ('Who will help:', 'By when:')."""
    main, parts = sub_lines(text)
    return Target(
        text=main or text,
        who=parts.get("who"),
        deadline_text=parts.get("deadline"),
        strategy=parts.get("strategy"),
    )


# "with Sandra": a person named after "with" (case matters, so kept apart from STRATEGY_WORDS).
_WITH_NAME = re.compile(r"\bwith (?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?([A-Z][a-z]+)\b")


def _with_person(text: str, child: str | None) -> str | None:
    for match in _WITH_NAME.finditer(text):
        name = match.group(1)
        if name.lower() not in NOT_NAMES and name != child:
            return match.group(0)
    return None


def _helper_in(who: str | None, child: str | None) -> str | None:
    """The adult a 'who' column names beside the young person, if any."""
    if not is_substantive(who, 1):
        return None
    assert who is not None
    rest = _YOUNG_PERSON.sub(" ", who)
    if child:
        rest = re.sub(rf"(?i)\b{re.escape(child)}\b", " ", rest)
    facts = analyse(rest)
    names = [w for w in re.findall(r"[A-Za-z]+", rest) if w[:1].isupper()]
    if facts.actors or any(w.lower() not in NOT_NAMES for w in names):
        return who
    return None


def find_who(target: Target, child: str | None) -> str | None:
    """Evidence of who acts: the 'who' column, 'you', a name, a title or a role in the text."""
    if is_substantive(target.who, 1):
        return target.who
    facts = analyse(target.text)
    if facts.actors:
        return facts.actors[0]
    if child and facts.mentions(child):
        return child
    names = [w for w in facts.capitalised if w.lower() not in NOT_NAMES]
    return names[0] if names else None


def find_what(target: Target) -> str | None:
    """Evidence of a concrete action: a verb that is not a vague aim, or an aim with a measure."""
    facts = analyse(target.text)
    if facts.actions:
        return facts.actions[0]
    if facts.aims and facts.measures:
        return f"{facts.aims[0]} … {facts.measures[0]}"
    return None


def find_measure(target: Target) -> str | None:
    """Evidence of how success is measured: a number, grade, frequency or 'at least'."""
    facts = analyse(target.text)
    if facts.measures:
        return facts.measures[0]
    _, parts = sub_lines(target.text)
    return parts.get("measure") if is_substantive(parts.get("measure"), 2) else None


def find_deadline(target: Target) -> str | None:
    """Evidence of a deadline: a date, a term, 'by Easter', 'before the next PEP'."""
    if target.deadline is not None:
        return target.deadline.isoformat()
    when = analyse(target.deadline_text)
    if when.has_deadline:
        return when.deadlines[0]
    text = analyse(target.text)
    if not target.deadline_text and text.has_deadline:
        return text.deadlines[0]
    return None


def find_strategy(target: Target, child: str | None) -> str | None:
    """Evidence of the support: the strategy column, a 'Support:' / 'Strategies:' /
    'Who will help:' sub-line, an adult in the 'who' column, or support words in the text."""
    if is_substantive(target.strategy, 2) or _helper_in(target.strategy, child):
        return target.strategy
    if is_substantive(target.strategy, 1) and STRATEGY_WORDS.search(target.strategy or ""):
        return target.strategy
    _, parts = sub_lines(target.text)
    if is_substantive(parts.get("strategy"), 1):
        return parts["strategy"]
    match = STRATEGY_WORDS.search(target.text)
    if match:
        return match.group(0)
    return _with_person(target.text, child) or _helper_in(target.who, child)


def smart_parts(target: Target, child: str | None = None) -> dict[str, str | None]:
    """Each SMART part's evidence in the target (None where it is missing). The rules and
    `peplint target` both answer from this."""
    return {
        "who": find_who(target, child),
        "what": find_what(target),
        "measure": find_measure(target),
        "deadline": find_deadline(target),
        "strategy": find_strategy(target, child),
    }


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

    def target_unreadable(self, target: Target) -> str | None:
        """What of a failing target peplint could not read, when that, not the target,
        may be why it fails (then the finding is unclear, not a "no"); else None."""
        return None

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "smart_targets")
        for index, target in enumerate(pep.targets, start=1):
            misread = self.unjudged_targets(
                ctx, pep, only=index - 1, location=_label(index, target), page=page
            )
            if misread is not None:  # a label or heading read as the target: not judged
                yield misread
                continue
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
                message: str = problem[0]
                suggestion: str | None = problem[1]
                unreadable = self.target_unreadable(target)
                if unreadable:  # what peplint could not read, not the target, may fail it
                    message, suggestion = f"{unreadable}; check it by eye.", None
                yield self.finding(
                    ctx,
                    f"Target {index}: {message}",
                    location=_label(index, target),
                    excerpt=target.text,
                    suggestion=suggestion,
                    unclear=bool(unreadable),
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
            if misread := self.unjudged_targets(ctx, pep, page=page):
                yield misread  # the count rests on what was misread
                return
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
        if find_who(target, first_name(pep)):
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
        if find_measure(target):
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
        if find_deadline(target):
            return None
        said = (
            f"'{target.deadline_text}' is not a deadline"
            if target.deadline_text
            else "it has no deadline"
        )
        return (f"{said}.", "Give a date or a term, before the next PEP where possible.")

    def target_unreadable(self, target: Target) -> str | None:
        text = target.deadline_text or ""
        if LOOKS_LIKE_A_DATE.search(text):
            return f"'{text}' looks like a date written in a form peplint does not read"
        return None


class SmartStrategy(_TargetRule):
    id = "smart-strategy"
    severity = "error"
    columns = ("strategy",)
    fields = ("targets", "targets[].strategy")
    doc = RuleDoc(
        summary="Each target names the support or strategy and who provides it.",
        what="Checks each target's strategy column, its own 'Support:' / 'Strategies:' / 'Who will help:' "
        "sub-line, an adult named in its 'who' column, or its text for the support that will help: "
        "sessions, tuition, a mentor, who will check.",
        why="Checklist item D7: targets 'identify strategies needed to achieve the target'; interventions "
        "say what, when, where, by whom and how often.",
    )

    def target_problem(self, pep: Pep, target: Target, ctx: RuleContext) -> tuple[str, str] | None:
        if find_strategy(target, first_name(pep)):
            return None
        return (
            "it does not say what support or strategy will help, or who provides it.",
            "Add the strategy: what will happen, who will do it and how often.",
        )
