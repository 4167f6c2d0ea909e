"""Targets against needs (checklist D6) and the short/long-term mix."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.nlp.lemmas import lemma
from peplint.nlp.meaning import Thesaurus, builtin_thesaurus, stem
from peplint.nlp.patterns import ROLES
from peplint.rules.attendance import attendance_target_exists
from peplint.rules.base import Rule, RuleContext, RuleDoc
from peplint.rules.progress import is_below_expected
from peplint.rules.strengths import development_sentences
from peplint.rules.vocabulary import DEVELOPMENT_CUES, GENERIC, content_lemmas

SEN_CATEGORY_WORDS = {
    "speech": {"speech", "communication", "language"},
    "social": {"emotional", "wellbeing", "semh", "mental", "mentor", "calm", "settle"},
    "cognition": {"reading", "writing", "learning", "literacy", "numeracy"},
    "sensory": {"sensory", "hearing", "vision", "physical"},
}

# Words of a development sentence that say it is a need, not what the need is.
NEED_NOISE = GENERIC | {
    "yet",
    "make",
    "making",
    "progress",
    "expect",
    "expected",
    "rate",
    "level",
    "next",
    "step",
    "track",
    "struggle",
    "difficult",
    "challenging",
    "find",
    "finds",
    "way",
    "lot",
    "bit",
    "sometimes",
    "often",
    "particular",
    "particularly",
    "especially",
    "we",
    "worked",
    "working",
    "helping",
    "supporting",
    "area",
    "areas",
    "need",
    "needs",
}
# People are who helps with a need, never the need itself ("friendships outside your tutor group").
PEOPLE = set(ROLES) | {"classmate", "teacher", "adult", "staff"}
# A clause that starts with one of these continues the previous clause's subject.
_CONTINUES = {"is", "are", "was", "were", "has", "have", "which", "who", "and", "also", "but"}
# Applied to whitespace-normalised text, so no pattern needs more than one space (no backtracking).
_CLAUSE_BREAK = re.compile(r"(?i); ?|: |,? but |, and |, (?=(?:is|are|which|who)\b)|\. ")


@dataclass
class Need:
    """Something the PEP identifies that a target should address: by sharing its
    words (or their synonyms), or by `met`, a test of its own."""

    label: str
    words: set[str]
    met: Callable[[Pep], bool] | None = None
    # Fields the need's words come from: one not in the layout leaves an unmet need
    # unjudged (the SEN category names what a target would have to address).
    reads: tuple[str, ...] = ()


def _clauses(sentence: str) -> list[str]:
    """The sentence's clauses, a clause with no subject of its own joined to the one before."""
    out: list[str] = []
    for part in _CLAUSE_BREAK.split(" ".join(sentence.split())):
        part = part.strip(" ,.")
        if not part:
            continue
        first = part.split()[0].lower()
        if out and first in _CONTINUES:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def need_phrase(clause: str, people: frozenset[str] = frozenset()) -> tuple[str, set[str]] | None:
    """The noun phrase a development clause is about, with its content words.

    The phrase runs from the first to the last content word (with a possessive or
    determiner just before it): "are not yet making the progress we expect in
    reading" is about "reading"; "your confidence with the research methods
    content" keeps its whole noun phrase. None when the clause names no topic."""
    tokens = re.findall(r"[A-Za-z][A-Za-z'’-]*", clause)
    content = [
        i
        for i, tok in enumerate(tokens)
        if len(tok) >= 3
        and lemma(tok) not in NEED_NOISE
        and tok.lower() not in NEED_NOISE
        and lemma(tok) not in PEOPLE
        and tok.lower() not in people
        and not DEVELOPMENT_CUES.fullmatch(tok)
    ]
    if not content:
        return None
    first, last = content[0], content[-1]
    if first > 0 and tokens[first - 1].lower() in {"your", "his", "her", "their", "the", "my"}:
        first -= 1
    words = {lemma(tokens[i]) for i in content}
    return " ".join(tokens[first : last + 1]), words


def development_needs(
    sentences: list[str], already: set[str], people: frozenset[str] = frozenset()
) -> list[Need]:
    """Needs from the development sentences: one per clause topic, de-duplicated, and none
    for a topic `already` listed (stems of the subjects below expected, attendance)."""
    needs: list[Need] = []
    for sentence in sentences:
        for clause in _clauses(sentence):
            if not DEVELOPMENT_CUES.search(clause) and len(clause.split()) < 4:
                continue
            found = need_phrase(clause, people)
            if found is None:
                continue
            phrase, words = found
            stems = {stem(w) for w in words}
            if stems & already:
                continue  # already listed as its own need
            same = next((n for n in needs if _overlaps(stems, n.words)), None)
            if same is not None:
                same.words |= words
                continue
            needs.append(Need(f'the area for development "{_short(phrase)}"', words))
    return needs


def _overlaps(stems: set[str], words: set[str]) -> bool:
    """Whether one need's topic is contained in the other's."""
    other = {stem(w) for w in words}
    return stems <= other or other <= stems


def identified_needs(pep: Pep, attendance_threshold: float) -> list[Need]:
    """Every need the PEP identifies: subjects below expected, low attendance, additional
    needs, amber or red well-being, and the areas for development in the overview."""
    needs: list[Need] = []
    for subject in pep.attainment.subjects:
        if is_below_expected(subject):
            needs.append(
                Need(
                    f"{subject.subject} (below expected progress)",
                    content_lemmas(Rule.facts(subject.subject).lemmas),
                )
            )
    percent = pep.meeting.attendance_percent
    if percent is not None and percent < attendance_threshold:
        needs.append(Need(f"attendance ({percent:g}%)", {"attendance"}, attendance_target_exists))
    if pep.additional_needs.sen_status in ("sen_support", "ehcp"):
        category = (pep.additional_needs.category or "").lower()
        words = set().union(*(w for key, w in SEN_CATEGORY_WORDS.items() if key in category)) or {
            "sen"
        }
        words |= content_lemmas(Rule.facts(category).lemmas)
        needs.append(
            Need(
                f"additional needs ({pep.additional_needs.category or 'SEN'})",
                words,
                reads=("additional_needs.category",),
            )
        )
    if pep.meeting.wellbeing_rag in ("amber", "red"):
        needs.append(
            Need(f"well-being rated {pep.meeting.wellbeing_rag}", {"wellbeing", "emotional"})
        )
    subject_needs = [n for n in needs if n.label.endswith("(below expected progress)")]
    already = {stem(w) for n in subject_needs for w in n.words}
    if percent is not None and percent < attendance_threshold:
        already |= builtin_thesaurus().same({stem("attendance")})
    people = frozenset(
        name.lower()
        for contact in (pep.child.name, pep.social_worker.name, pep.designated_teacher.name)
        for name in (contact or "").split()
    )
    needs += development_needs(development_sentences(pep), already, people)
    return needs


def _short(text: str, words: int = 12) -> str:
    parts = text.strip().rstrip(".").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def target_words(pep: Pep) -> list[set[str]]:
    """The lemmas of each target (its text, strategy and who)."""
    texts = [" ".join(filter(None, (t.text, t.strategy, t.who))) for t in pep.targets]
    return [Rule.facts(text).lemmas for text in texts]


def thesaurus_for(extra: dict[str, Any] | None) -> Thesaurus:
    """The built-in thesaurus extended by a pack's `synonyms` parameter."""
    return builtin_thesaurus().extended(extra)


class TargetsAddressNeeds(Rule):
    id = "targets-address-needs"
    severity = "error"
    sections = ("smart_targets",)
    params: ClassVar[dict[str, Any]] = {"attendance_threshold": 80, "synonyms": {}}
    fields = (
        "targets",
        "attainment.subjects",
        "meeting.attendance_percent",
        "additional_needs.sen_status",
        "additional_needs.category",
        "meeting.wellbeing_rag",
        "attainment.overview",
    )
    doc = RuleDoc(
        summary="Every need the PEP identifies has a related target.",
        what="Lists the needs the PEP identifies (subjects below expected progress, attendance below "
        "`attendance_threshold`, SEN support or an EHCP, amber or red well-being, areas for development "
        "named in the overview) and looks for a target sharing its words or their synonyms "
        "('friendships' and 'social', 'worries' and 'anxiety', 'maths' and 'fractions'), comparing word "
        "stems ('calmer' and 'calm'). Needs are the noun phrases a development sentence is about, with "
        "their subject, each once. The synonyms are data (peplint/data/synonyms.yaml); a pack adds its "
        "own with `synonyms: {groups: [[...]], related: {word: [...]}}`. SEN support with no area of "
        "need in the layout is unclear rather than unaddressed: the area names what a target must meet.",
        why="Checklist item D6, 'The targets reflect any areas of development identified within the PEP'; "
        "QA criteria: 'SMART targets that meet an identified need'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if unread := self.unread(ctx, pep, "targets", page=self.page_of(pep, "smart_targets")):
            yield unread
            return
        thesaurus = thesaurus_for(ctx.param("synonyms"))
        targets = target_words(pep)
        for need in identified_needs(pep, ctx.param("attendance_threshold")):
            met = (
                need.met(pep)
                if need.met
                else any(thesaurus.addresses(need.words, words) for words in targets)
            )
            if not met and need.reads:
                page = self.page_of(pep, "smart_targets")
                unread = self.unread(ctx, pep, *need.reads, location=need.label, page=page)
                if unread is not None:
                    yield unread
                    continue
            if not met and (
                misread := self.unjudged_targets(
                    ctx, pep, location=need.label, page=self.page_of(pep, "smart_targets")
                )
            ):
                yield misread  # a misread target might be the one that meets it
                continue
            if not met:
                yield self.finding(
                    ctx,
                    f"No target addresses {need.label}.",
                    location=need.label,
                    page=self.page_of(pep, "smart_targets"),
                    suggestion="Add a SMART target for this need, or explain why none is needed.",
                )


class TargetsShortAndLongTerm(Rule):
    id = "targets-short-and-long-term"
    severity = "warning"
    sections = ("smart_targets", "post16_plan")
    fields = ("targets", "targets[].deadline_text", "aspirations")
    doc = RuleDoc(
        summary="There are short-term targets and longer-term targets linked to the aspirations.",
        what="Looks for a short-term target (deadline by the next PEP, 'this term', 'before the next PEP') "
        "and a longer-term one (deadline after the next PEP, or sharing words with the young person's "
        "aspirations).",
        why="Walsall's guidance: 'Ensure that SMART targets set are both shorter and longer term. Targets "
        "must be working towards the longer term aspirations'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if not pep.targets:
            return
        next_pep = (
            pep.sign_offs.designated_teacher.next_pep_date
            or pep.sign_offs.social_worker.next_pep_date
        )
        aspiration_words = content_lemmas(self.facts(pep.aspirations).lemmas)
        short = long = False
        for target, words in zip(pep.targets, target_words(pep), strict=True):
            when = (target.deadline_text or "").lower()
            if target.deadline and next_pep:
                short |= target.deadline <= next_pep
                long |= target.deadline > next_pep
            if re.search(
                r"next pep|this term|this half|end of (the )?(autumn|spring|summer)", when
            ):
                short = True
            if aspiration_words & content_lemmas(words):
                long = True
        page = self.page_of(pep, "smart_targets")
        if not (short and long) and (misread := self.unjudged_targets(ctx, pep, page=page)):
            yield misread
            return
        if not short:
            yield self.finding(
                ctx,
                "No target is clearly short-term (due by the next PEP).",
                page=page,
                suggestion="Add at least one target to complete before the next PEP.",
            )
        if not long:
            yield self.finding(
                ctx,
                "No target works towards the young person's longer-term aspirations.",
                page=page,
                suggestion="Add a target that is a step towards their aspirations.",
            )


def addresses_need(need_text: str, target_text: str, thesaurus: Thesaurus | None = None) -> bool:
    """Whether a target addresses a need written as a development sentence, as
    targets-address-needs decides it (used by benchmarks/bench_needs.py)."""
    thesaurus = thesaurus or builtin_thesaurus()
    needs = development_needs(Rule.facts(need_text).sentences or [need_text], set())
    if not needs:
        needs = [Need("need", found[1])] if (found := need_phrase(need_text)) else []
    target = Rule.facts(target_text).lemmas
    return bool(needs) and all(thesaurus.addresses(n.words, target) for n in needs)
