"""Rules a pack writes in YAML: require, forbid, lexicon, threshold, deadline, pattern.

They are ordinary `Rule`s once built, so the engine, the checklist and the
reporters treat them like built-in ones. Patterns run with a time limit: a
pattern that backtracks catastrophically reports an unclear finding for that
rule instead of hanging the run.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from peplint.calendar import working_days_after
from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.packs.fields import get_value, section_text
from peplint.packs.model import DeclarativeRuleSpec
from peplint.rules.base import Rule, RuleContext, RuleDoc

PATTERN_SECONDS = 0.5


class PatternTimeout(Exception):
    """A pack pattern ran longer than allowed."""


def _search(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    try:
        return pattern.search(text, timeout=PATTERN_SECONDS)
    except TimeoutError:
        raise PatternTimeout from None


class DeclarativeRule(Rule):
    """A rule built from a pack's YAML."""

    def __init__(self, rule_id: str, spec: DeclarativeRuleSpec, source: str) -> None:
        self.id = rule_id  # type: ignore[misc]
        self.spec = spec
        self.severity = spec.severity  # type: ignore[misc]
        self.sections = (spec.section,) if spec.section else ()  # type: ignore[misc]
        self.params = {}  # type: ignore[misc]
        self.doc = RuleDoc(  # type: ignore[misc]
            summary=spec.summary or spec.message,
            what=f"A '{spec.type}' rule from the pack file {source}.",
            why=spec.why or "Set by the Virtual School's rule pack.",
        )
        flags = regex.IGNORECASE if spec.type != "pattern" or spec.pattern is None else 0
        self.pattern = regex.compile(spec.pattern, flags | regex.V0) if spec.pattern else None
        self.terms = [
            (t, p, regex.compile(rf"\b{regex.escape(t)}s?\b", regex.IGNORECASE))
            for t, p in (spec.terms or {}).items()
        ]

    # -- scopes ---------------------------------------------------------------------
    def _texts(self, pep: Pep) -> list[tuple[str, str]]:
        """(location, text) pairs this rule reads."""
        spec = self.spec
        if spec.each:
            items = getattr(pep, spec.each) if spec.each != "subjects" else pep.attainment.subjects
            if spec.each == "attendees":
                items = pep.meeting.attendees
            field = spec.field or {"targets": "text", "subjects": "subject"}.get(spec.each, "name")
            return [
                (f"{spec.each[:-1]} {i}", str(get_value(item, field) or ""))
                for i, item in enumerate(items, start=1)
            ]
        if spec.section:
            return [(spec.section, section_text(pep, spec.section))]
        if spec.field:
            return [(spec.field, str(get_value(pep, spec.field) or ""))]
        return []

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        try:
            yield from getattr(self, f"_check_{self.spec.type}")(pep, ctx)
        except PatternTimeout:
            yield self.finding(
                ctx,
                f"The pack rule '{self.id}' has a pattern that took too long on this PEP, "
                "so it was stopped; simplify the pattern.",
                unclear=True,
            )

    def _found(
        self, pep: Pep, ctx: RuleContext, location: str, excerpt: str | None = None
    ) -> Finding:
        page = self.page_of(pep, self.spec.section) if self.spec.section else None
        return self.finding(
            ctx,
            self.spec.message,
            location=location,
            excerpt=excerpt,
            suggestion=self.spec.suggestion,
            page=page,
        )

    def _check_require(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        assert self.pattern is not None
        texts = self._texts(pep)
        if self.spec.each:
            return  # validated: require reads a section or field
        if not any(_search(self.pattern, text) for _, text in texts):
            yield self._found(pep, ctx, texts[0][0] if texts else "")

    def _check_forbid(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        assert self.pattern is not None
        for location, text in self._texts(pep):
            match = _search(self.pattern, text)
            if match:
                yield self._found(pep, ctx, location, excerpt=match.group(0))

    def _check_pattern(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        assert self.pattern is not None
        for location, text in self._texts(pep):
            if not _search(self.pattern, text):
                yield self._found(pep, ctx, location, excerpt=text or None)

    def _check_lexicon(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        for location, text in self._texts(pep):
            for _term, preferred, pattern in self.terms:
                match = _search(pattern, text)
                if match:
                    yield self.finding(
                        ctx,
                        f"{self.spec.message} '{match.group(0)}': say '{preferred}'.",
                        location=location,
                        excerpt=match.group(0),
                        suggestion=f"Replace '{match.group(0)}' with '{preferred}'.",
                    )

    def _check_threshold(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        assert self.spec.field is not None
        value = get_value(pep, self.spec.field)
        if value is None:
            yield self.finding(
                ctx,
                f"{self.spec.field} is not recorded, so '{self.id}' cannot be checked.",
                unclear=True,
                location=self.spec.field,
            )
            return
        low, high = self.spec.min, self.spec.max
        if (low is not None and value < low) or (high is not None and value > high):
            yield self._found(
                pep,
                ctx,
                self.spec.field,
                excerpt=f"{value:g}" if isinstance(value, float) else str(value),
            )

    def _check_deadline(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        assert self.spec.field is not None and self.spec.after is not None
        when, start = get_value(pep, self.spec.field), get_value(pep, self.spec.after)
        if when is None or start is None:
            yield self.finding(
                ctx,
                f"{self.spec.field} or {self.spec.after} is not recorded, so '{self.id}' "
                "cannot be checked.",
                unclear=True,
                location=self.spec.field,
            )
            return
        late = (
            working_days_after(start, when) > self.spec.working_days
            if self.spec.working_days is not None
            else (when - start).days > (self.spec.days or 0)
        )
        if late:
            yield self._found(pep, ctx, self.spec.field, excerpt=when.isoformat())
