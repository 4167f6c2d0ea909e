"""How the PEP is written: to the young person, in language that cares, without placeholders."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from peplint import yaml_load
from peplint.calendar import terms_between
from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.nlp.analysis import without_quotations
from peplint.rules.base import PLACEHOLDERS, Rule, RuleContext, RuleDoc, first_name


@functools.cache
def default_lexicon() -> dict[str, str]:
    """The lexicon of the built-in language-that-cares pack (rule_packs/language-that-cares.yaml)."""
    text = (
        resources.files("peplint.rule_packs")
        .joinpath("language-that-cares.yaml")
        .read_text(encoding="utf-8")
    )
    return dict(yaml_load.safe_load(text).get("lexicon", {}))


# Uses of a term that are not the care sense it stands for.
_NOT_THIS_SENSE: dict[str, str] = {
    "placement": r"(?<!work )(?<!work-)(?<!college )(?<!course )",
    "contact": r"(?<!key )",
}
_AFTER: dict[str, str] = {
    "contact": r"(?! (details|number|numbers|information|me|us|them|the school|school|college))",
    "placement": r"(?! days?)",
}


@dataclass(frozen=True)
class LexiconEntry:
    """A term to avoid and the preferred wording."""

    term: str
    preferred: str
    pattern: re.Pattern[str]


def compile_lexicon(lexicon: dict[str, str]) -> list[LexiconEntry]:
    """Regexes for each term: whole words, plural allowed; upper-case acronyms match case."""
    entries = []
    for term, preferred in lexicon.items():
        body = re.escape(term).replace(r"\ ", r"\s+")
        flags = 0 if term.isupper() else re.IGNORECASE
        before, after = _NOT_THIS_SENSE.get(term, ""), _AFTER.get(term, "")
        entries.append(
            LexiconEntry(term, preferred, re.compile(rf"{before}\b{body}s?\b{after}", flags))
        )
    return entries


def narrative(pep: Pep) -> list[tuple[str, str, str]]:
    """(section, location, text) for the professionals' own writing (not the young person's views)."""
    out: list[tuple[str, str, str]] = []
    add = out.append
    if pep.attainment.overview:
        add(("attainment_progress", "attainment overview", pep.attainment.overview))
    for s in pep.attainment.subjects:
        if s.intervention:
            add(("attainment_progress", f"{s.subject} intervention", s.intervention))
    for i, t in enumerate(pep.targets, start=1):
        for part in (t.text, t.strategy, t.review):
            if part:
                add(("smart_targets", f"target {i}", part))
    m = pep.meeting
    for label, text in (
        ("summary of discussion", m.discussion),
        ("actions", m.actions),
        ("review of previous actions", m.previous_actions_review),
        ("views of those supporting", m.contributors_views),
        ("reason for not attending", m.young_person_absence_reason),
    ):
        if text:
            add(("pep_meeting", label, text))
    if pep.aspirations:
        add(("post16_plan", "aspirations", pep.aspirations))
    if pep.additional_needs.text:
        add(("additional_needs", "additional needs", pep.additional_needs.text))
    return out


class WrittenToYoungPerson(Rule):
    id = "written-to-young-person"
    severity = "warning"
    sections = ("attainment_progress", "smart_targets")
    doc = RuleDoc(
        summary="The designated teacher's writing speaks to the young person ('you'), not about them.",
        what="In the attainment overview, interventions and targets, compares second-person words (you, "
        "your) with third-person references to the young person (he, she, his, her, their first name, "
        "not counting 'Jamie,' used to address them).",
        why="Walsall's guidance: 'We are asking education providers to write the PEP to the young person' "
        "(Language That Cares).",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        texts = [
            t for sec, _, t in narrative(pep) if sec in ("attainment_progress", "smart_targets")
        ]
        if not texts:
            return
        name = first_name(pep)
        second = third = 0
        for text in texts:
            facts = self.facts(text)
            second += facts.second_person
            vocative = len(re.findall(rf"\b{re.escape(name)}\s*,", text)) if name else 0
            third += facts.third_person + max(facts.mentions(name) - vocative, 0)
        if third > second:
            example = next(
                (t for t in texts if self.facts(t).third_person or (name and name in t)), texts[0]
            )
            yield self.finding(
                ctx,
                f"The PEP is written about the young person rather than to them ({third} third-person "
                f"references, {second} 'you').",
                excerpt=example,
                page=self.page_of(pep, "attainment_progress"),
                suggestion="Write to the young person: 'You have made great progress in...', 'You will...'.",
            )


class LanguageThatCares(Rule):
    id = "language-that-cares"
    severity = "warning"
    sections = ("attainment_progress", "smart_targets", "pep_meeting")
    params = {"lexicon": {}}  # empty: the built-in language-that-cares pack's lexicon
    doc = RuleDoc(
        summary="Stigmatising or jargon terms, with the preferred wording.",
        what="Looks in the professionals' writing (not the young person's own words, nor quotations of "
        "them) for the terms of the pack's lexicon: placement, contact, LAC, respite, birth parents...",
        why="Walsall's 'Language That Cares' briefing and TACT's guide: words such as 'placement' and "
        "'contact' are care-system jargon; say 'home' and 'family time'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        entries = compile_lexicon(ctx.param("lexicon") or default_lexicon())
        for section, location, text in narrative(pep):
            plain = without_quotations(text)
            for entry in entries:
                match = entry.pattern.search(plain)
                if match:
                    yield self.finding(
                        ctx,
                        f"'{match.group(0)}' is care-system language; say '{entry.preferred}'.",
                        section=section,
                        location=location,
                        excerpt=text,
                        page=self.page_of(pep, section),
                        suggestion=f"Replace '{match.group(0)}' with '{entry.preferred}'.",
                    )


class PlaceholderText(Rule):
    id = "placeholder-text"
    severity = "warning"
    sections = ("young_persons_views", "attainment_progress", "smart_targets", "pep_meeting")
    doc = RuleDoc(
        summary="Template prompts, 'N/A', 'TBC', 'as above', or text left from an earlier term.",
        what="Reports fields that hold only a placeholder ('N/A', 'TBC', 'see above', '[insert...]', 'click "
        "here to enter text') and text that names a term more than one term before this PEP (text "
        "carried over from an old PEP).",
        why="Walsall's guidance: the PEP is 'a living, evolving' record updated each term; QA criteria: an "
        "unmet target is 'not repeated word for word'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        fields = narrative(pep)
        if pep.young_persons_views:
            fields.append(("young_persons_views", "young person's views", pep.young_persons_views))
        met = pep.meeting.date
        for section, location, text in fields:
            if PLACEHOLDERS.match(text) or re.search(
                r"(?i)\[insert|lorem ipsum|click here to enter", text
            ):
                yield self.finding(
                    ctx,
                    f"The {location} holds placeholder text ('{text.strip()[:40]}').",
                    section=section,
                    location=location,
                    excerpt=text,
                    page=self.page_of(pep, section),
                    suggestion="Replace the placeholder with this term's information.",
                )
                continue
            if met is None:
                continue
            for term, year in re.findall(
                r"(?i)\b(autumn|spring|summer)\s+(?:term\s+)?(20\d\d)\b", text
            ):
                month = {"autumn": 10, "spring": 2, "summer": 6}[term.lower()]
                named = dt.date(int(year), month, 1)
                if terms_between(named, met) > 1:
                    yield self.finding(
                        ctx,
                        f"The {location} mentions {term.capitalize()} {year}, more than a term before "
                        "this PEP; it may be left from an earlier PEP.",
                        section=section,
                        location=location,
                        excerpt=text,
                        page=self.page_of(pep, section),
                        suggestion="Update the text for this term.",
                    )
                    break
