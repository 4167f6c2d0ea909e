"""The rule base class, its documentation shape and the context a rule runs in.

A rule is a class with a stable kebab-case `id`, a default `severity`, the
`sections` it reads, `params` with defaults, and a `RuleDoc` in a fixed shape
(what it checks, why it matters, citing the guidance). Its passing and failing
examples live in ``peplint/rules/examples/<id>.yaml`` and run as tests;
`peplint rules explain ID` prints the doc and the first example of each kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from peplint.model.findings import Finding, Severity
from peplint.model.pep import FieldState, Pep
from peplint.nlp import TextFacts, analyse
from peplint.rules.field_titles import field_title, join_titles
from peplint.rules.target_text import unjudged_targets, unread_target_lines, why_not_a_target

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

PLACEHOLDERS = re.compile(
    r"(?i)^\s*(n/?a|none|nil|tbc|tba|to be confirmed|to follow|see above|as above|as before|"
    r"same as (last|previous) (time|term|pep)|no change|not applicable|-+|\.+|x+|\?+|"
    r"\[.*\]|<.*>|insert .*|enter .*|type here.*|click (or tap )?here.*|please (complete|add|enter).*)\s*$"
)


def is_substantive(text: str | None, min_words: int = 4) -> bool:
    """Whether `text` says something: not empty, not a placeholder, at least `min_words` words."""
    if text is None or PLACEHOLDERS.match(text):
        return False
    return len(re.findall(r"[A-Za-z]+", text)) >= min_words


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation, in the same shape for every rule."""

    summary: str
    what: str
    why: str


@dataclass
class RuleContext:
    """What a rule runs with: its effective parameters and the lint date."""

    params: dict[str, Any]
    severity: Severity
    today: dt.date = field(default_factory=dt.date.today)
    messages: dict[str, str] = field(default_factory=dict)

    def param(self, name: str) -> Any:
        """An effective parameter value."""
        return self.params[name]


class Rule:
    """Base class for a lint rule; subclasses set the class attributes and `check`."""

    id: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    sections: ClassVar[tuple[str, ...]] = ()
    params: ClassVar[dict[str, Any]] = {}
    doc: ClassVar[RuleDoc]
    # False for rules a pack must switch on (other authorities' criteria).
    enabled_by_default: ClassVar[bool] = True
    # The Pep fields the rule reads, as dotted paths ("meeting.date"); "targets[].who" stands
    # for that field of every record. Layout coverage counts them for the checklist items.
    fields: ClassVar[tuple[str, ...]] = ()

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        """Yield the findings for `pep`."""
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------
    def finding(
        self,
        ctx: RuleContext,
        message: str,
        *,
        section: str | None = None,
        location: str | None = None,
        excerpt: str | None = None,
        suggestion: str | None = None,
        page: int | None = None,
        unclear: bool = False,
        advisory: bool = False,
    ) -> Finding:
        """A finding at the rule's effective severity (`advisory` caps it at warning)."""
        severity: Severity = ctx.severity
        if advisory and severity == "error":
            severity = "warning"
        section = section or (self.sections[0] if self.sections else None)
        return Finding(
            rule=self.id,
            severity=severity,
            section=section,
            location=location,
            message=ctx.messages.get(self.id, message) if not unclear else message,
            excerpt=_clip(excerpt),
            suggestion=suggestion,
            page=page,
            unclear=unclear,
        )

    @staticmethod
    def state(pep: Pep, path: str) -> FieldState:
        """Whether this layout had the field `path`: see `field_state`."""
        return field_state(pep, path)

    def unread(
        self,
        ctx: RuleContext,
        pep: Pep,
        *paths: str,
        section: str | None = None,
        location: str | None = None,
        page: int | None = None,
    ) -> Finding | None:
        """The "could not find" finding when any of `paths` is not in this layout, else None.

        Every rule guards what it must read with this before judging, so a field the layout
        does not have gives `unclear` ("check it by eye"), never "no". A field found empty
        is not guarded: that is evidence, and the rule goes on to say "no".
        """
        missing = [path for path in paths if field_state(pep, path) == "not_found"]
        if not missing:
            return None
        titles = list(dict.fromkeys(field_title(path) for path in missing))  # each said once
        them = "it" if len(titles) == 1 else "them"
        names = join_titles(titles)
        finding = self.finding(
            ctx,
            f"{names[0].upper()}{names[1:]} could not be found in this layout; check {them} by eye.",
            section=section,
            location=location,
            page=page,
            unclear=True,
            suggestion=f"If the PEP has {them} under another label, map the label with "
            "`peplint template learn`; peplint has not judged what it could not read.",
        )
        return finding.model_copy(update={"not_found": missing})

    def unjudged_targets(
        self,
        ctx: RuleContext,
        pep: Pep,
        *,
        only: int | None = None,
        location: str | None = None,
        page: int | None = None,
    ) -> Finding | None:
        """The "could not read" finding when a target's text is a label, a heading or
        empty (all targets, or the one at position `only`), else None.

        Such a text is a misread layout, not a target: a rule that would say "no" about
        the targets asks this first, so its "no" rests only on real target text. Asked of
        all the targets, it also finds text of the targets section that no target read
        holds (`unread_target_lines`): a count, or what the targets cover, would rest on
        part of them only.
        """
        positions = [i for i in unjudged_targets(pep) if only is None or i == only]
        if not positions:
            missed = unread_target_lines(pep) if only is None else []
            if not missed:
                return None
            part = f'Part of the targets section was not read as targets ("{_clip(missed[0], 80)}")'
            return self._targets_unread(ctx, part, ["targets"], location, page)
        numbers = ", ".join(str(i + 1) for i in positions)
        reason = why_not_a_target(pep.targets[positions[0]].text)
        noun = "target" if len(positions) == 1 else "targets"
        what = f"The text of {noun} {numbers} was not read ({reason}, not a target)"
        paths = [f"targets[{i}].text" for i in positions]
        return self._targets_unread(ctx, what, paths, location, page)

    def _targets_unread(
        self,
        ctx: RuleContext,
        what: str,
        not_found: list[str],
        location: str | None,
        page: int | None,
    ) -> Finding:
        """The unclear finding for targets that could not all be read."""
        finding = self.finding(
            ctx,
            f"{what}; check the targets by eye.",
            section="smart_targets",
            location=location,
            page=page,
            unclear=True,
            suggestion="If the layout sets its targets out another way, map its labels with "
            "`peplint template learn`; peplint has not judged what it could not read.",
        )
        return finding.model_copy(update={"not_found": not_found})

    @staticmethod
    def page_of(pep: Pep, section: str) -> int | None:
        """The page a section starts on, if the document has it."""
        found = pep.sections.get(section)
        return found.page if found else None

    @staticmethod
    def facts(text: str | None) -> TextFacts:
        """Language facts for `text` (cached per process)."""
        return analyse(text)


_RECORD = re.compile(r"^(?P<list>[a-z_.]+)\[(?P<index>\d*)\]\.(?P<rest>.+)$")


_NOT_FIELDS = {"source", "template", "sections", "unrecognised_headings", "warnings"}
_NOT_FIELDS |= {"provenance", "unplaced_labels"}
_legacy_seen: list[tuple[Pep, bool]] = []  # the last PEP asked about (rules ask many times)


def without_provenance(pep: Pep) -> bool:
    """Whether `pep` was built without provenance (old code, rule examples, pack tests).

    Such a PEP has values but no provenance; its fields all count as read, so the rules
    judge the values as before. A reader that records provenance records an entry for
    every value it read, so a PEP with no provenance and no values is a document in which
    nothing was found (a letter, a blank page): every field is `not_found`.
    """
    if pep.provenance:
        return False
    if _legacy_seen and _legacy_seen[0][0] is pep:
        return _legacy_seen[0][1]
    values = pep.model_dump(exclude=_NOT_FIELDS, exclude_defaults=True, exclude_none=True)
    answer = bool(values)
    _legacy_seen[:] = [(pep, answer)]
    return answer


def field_state(pep: Pep, path: str) -> FieldState:
    """`found`, `empty` or `not_found` for a dotted field path, as the rules read it.

    A PEP built without provenance (`without_provenance`) counts every field as read. A
    per-record path with an empty index ("targets[].deadline_text") is the best state of
    that field over the records; a list with no records answers for its fields.
    """
    provenance = pep.provenance
    if without_provenance(pep):
        return "found"
    entry = provenance.get(path)
    if entry is not None:
        return entry.state
    if _has_value(pep, path):
        return "found"  # a value is evidence it was read, whatever the reader recorded
    match = _RECORD.match(path)
    if match is None:
        return "not_found"
    list_path, index, rest = match.group("list", "index", "rest")
    if index:
        return "not_found"
    pattern = re.compile(rf"^{re.escape(list_path)}\[\d+\]\.{re.escape(rest)}$")
    states = {e.state for key, e in provenance.items() if pattern.match(key)}
    if not states:
        whole = provenance.get(list_path)
        return "empty" if whole is not None and whole.state == "empty" else "not_found"
    return "found" if "found" in states else "empty" if "empty" in states else "not_found"


_STEP = re.compile(r"([a-z_]+)|\[(\d*)\]")


def _has_value(pep: Pep, path: str) -> bool:
    """Whether the PEP holds a value at `path` ("targets[].who": in any record)."""
    values: list[Any] = [pep]
    for name, index in _STEP.findall(path):
        if name:
            values = [getattr(v, name, None) for v in values]
        elif index:
            values = [v[int(index)] for v in values if isinstance(v, list) and int(index) < len(v)]
        else:
            values = [item for v in values if isinstance(v, list) for item in v]
        values = [v for v in values if v is not None]
    return any(v not in ("", []) for v in values)


def _clip(text: str | None, limit: int = 240) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_name(pep: Pep) -> str | None:
    """The child's first name, if the PEP gives a name."""
    return pep.child.name.split()[0] if pep.child.name else None
