"""Targets against needs (checklist D6) and the short/long-term mix."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.attendance import attendance_target_exists
from peplint.rules.base import Rule, RuleContext, RuleDoc
from peplint.rules.progress import is_below_expected
from peplint.rules.strengths import development_sentences
from peplint.rules.vocabulary import DEVELOPMENT_CUES, content_lemmas, expand

SEN_CATEGORY_WORDS = {
    "speech": {"speech", "communication", "language"},
    "social": {"emotional", "wellbeing", "semh", "mental", "mentor", "calm", "settle"},
    "cognition": {"reading", "writing", "learning", "literacy", "numeracy"},
    "sensory": {"sensory", "hearing", "vision", "physical"},
}


@dataclass
class Need:
    """Something the PEP identifies that a target should address: by sharing its
    words (or their synonyms), or by `met`, a test of its own."""

    label: str
    words: set[str]
    met: Callable[[Pep], bool] | None = None


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
        needs.append(Need(f"attendance ({percent:g}%)", set(), attendance_target_exists))
    if pep.additional_needs.sen_status in ("sen_support", "ehcp"):
        category = (pep.additional_needs.category or "").lower()
        words = set().union(*(w for key, w in SEN_CATEGORY_WORDS.items() if key in category)) or {
            "sen"
        }
        words |= content_lemmas(Rule.facts(category).lemmas)
        needs.append(Need(f"additional needs ({pep.additional_needs.category or 'SEN'})", words))
    if pep.meeting.wellbeing_rag in ("amber", "red"):
        needs.append(
            Need(f"well-being rated {pep.meeting.wellbeing_rag}", {"wellbeing", "emotional"})
        )
    named = {s.subject.lower() for s in pep.attainment.subjects if is_below_expected(s)}
    if percent is not None and percent < attendance_threshold:
        named.add("attendance")
    for sentence in development_sentences(pep):
        for clause in re.split(r"(?i),? and (?:we |you |he |she )|; |\. ", sentence):
            if not DEVELOPMENT_CUES.search(clause) and len(clause.split()) < 4:
                continue
            if any(word in clause.lower() for word in named):
                continue  # already listed as its own need
            words = content_lemmas(Rule.facts(clause).lemmas)
            if words:
                needs.append(Need(f'the area for development "{_short(clause)}"', words))
    return needs


def _short(text: str, words: int = 12) -> str:
    parts = text.strip().rstrip(".").split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def target_words(pep: Pep) -> list[set[str]]:
    """The lemmas of each target (its text, strategy and who)."""
    texts = [" ".join(filter(None, (t.text, t.strategy, t.who))) for t in pep.targets]
    return [Rule.facts(text).lemmas for text in texts]


class TargetsAddressNeeds(Rule):
    id = "targets-address-needs"
    severity = "error"
    sections = ("smart_targets",)
    params = {"attendance_threshold": 80}
    fields = (
        "targets",
        "attainment.subjects",
        "meeting.attendance_percent",
        "additional_needs.sen_status",
        "meeting.wellbeing_rag",
        "attainment.overview",
    )
    doc = RuleDoc(
        summary="Every need the PEP identifies has a related target.",
        what="Lists the needs the PEP identifies (subjects below expected progress, attendance below "
        "`attendance_threshold`, SEN support or an EHCP, amber or red well-being, areas for development "
        "named in the overview) and looks for a target sharing its words or their synonyms "
        "('friendships' and 'social', 'worries' and 'anxiety', 'maths' and 'fractions').",
        why="Checklist item D6, 'The targets reflect any areas of development identified within the PEP'; "
        "QA criteria: 'SMART targets that meet an identified need'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if unread := self.unread(ctx, pep, "targets", page=self.page_of(pep, "smart_targets")):
            yield unread
            return
        targets = [expand(words) for words in target_words(pep)]
        for need in identified_needs(pep, ctx.param("attendance_threshold")):
            wanted = expand(need.words)
            met = need.met(pep) if need.met else any(wanted & words for words in targets)
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
