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
from peplint.model.pep import Pep
from peplint.nlp import TextFacts, analyse

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
    def page_of(pep: Pep, section: str) -> int | None:
        """The page a section starts on, if the document has it."""
        found = pep.sections.get(section)
        return found.page if found else None

    @staticmethod
    def facts(text: str | None) -> TextFacts:
        """Language facts for `text` (cached per process)."""
        return analyse(text)


def _clip(text: str | None, limit: int = 240) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_name(pep: Pep) -> str | None:
    """The child's first name, if the PEP gives a name."""
    return pep.child.name.split()[0] if pep.child.name else None
