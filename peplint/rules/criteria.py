"""Criteria other authorities' QA forms use (Lancashire-style RAG checklists).

Built in but switched off in Walsall's section-d pack, whose checklist does not ask
them; the `lancashire-style` pack switches them on. Each reads the PEP's own text
(sections, targets, meeting notes), since most forms have no dedicated field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from peplint.model.findings import Finding
from peplint.model.pep import Pep, Target
from peplint.nlp.meaning import builtin_thesaurus, stem
from peplint.rules.base import Rule, RuleContext, RuleDoc, is_substantive

PP_PLUS = re.compile(r"(?i)\bpupil premium( plus| grant)?\b|\bPP\+|\bPPG\b|\bPP ?plus\b|\bPPP\b")
COST = re.compile(r"£\s?\d[\d,]*(\.\d\d)?|\b\d[\d,]*(\.\d\d)? ?(pounds|gbp)\b", re.I)
TRANSITION = re.compile(
    r"(?i)\btransition|\binduction\b|\bsettl\w* (in|into)\b|\btaster (days?|sessions?)|"
    r"\bmov(e|es|ing) (up )?(on )?to (secondary|high school|college|sixth form|post-?16|year 7|year 12)|"
    r"\bvisits? (to )?(the |your |his |her )?(new )?(secondary|high school|school|college|sixth form)\b|"
    r"\bcollege (place|application|interview)|\bappl(y|ied|ication)s? (to|for) (college|sixth form|"
    r"apprenticeship|courses?)|\bpost-?16 (plan|destination|options?|provider)"
)
SDQ = re.compile(r"(?i)\bSDQ\b[^.\d]{0,40}?(\d{1,2})\b")
SDQ_SUPPORT = re.compile(
    r"(?i)\bELSA\b|\bCAMHS\b|\bcounsell|\btherap|\bmentor|\bnurture|\bstrateg|\bwell-?being (support|plan)|"
    r"\bemotional (support|literacy)|\bplay therapy|\bmental health (support|team|practitioner)|\bsemh\b"
)
NOT_MET = re.compile(
    r"(?i)\bnot (yet )?(been )?(met|achieved|completed)\b|\bunmet\b|\bpartially (met|achieved)\b|"
    r"\bnot achieved\b|\bstill working (on|towards)\b"
)
MET = re.compile(r"(?i)(?<!not )(?<!not yet )\b(met|achieved|completed)\b(?! in part)")
CHANGED = re.compile(
    r"(?i)\bbroken down\b|\bbreak (it )?down\b|\bsmaller (steps?|targets?|chunks?)\b|\brevised\b|"
    r"\breworded\b|\badapted\b|\bchanged\b|\bnew (step|approach|strategy|support)\b|\bfirst step\b|"
    r"\bstep towards\b|\binstead\b|\bamended\b|\breduced\b|\bsplit\b"
)


def pep_texts(pep: Pep) -> list[str]:
    """Every free text of the PEP a criterion may be met in."""
    texts: list[str | None] = [s.text for s in pep.sections.values()]
    texts += [
        pep.attainment.overview,
        pep.meeting.discussion,
        pep.meeting.actions,
        pep.meeting.previous_actions_review,
        pep.meeting.contributors_views,
        pep.aspirations,
        pep.young_persons_views,
        pep.additional_needs.text,
    ]
    for target in pep.targets:
        texts += [target.text, target.strategy, target.who, target.review]
    return [t for t in texts if t]


def target_text(target: Target) -> str:
    """A target's text with its strategy, who and deadline."""
    return " ".join(filter(None, (target.text, target.strategy, target.who, target.deadline_text)))


def _in_years(pep: Pep, years: list[int]) -> bool:
    return pep.child.year_group is not None and pep.child.year_group in years


class _OtherAuthorities(Rule):
    """A criterion of other authorities' forms: off unless the pack switches it on."""

    enabled_by_default = False


class PupilPremiumPlusCosted(_OtherAuthorities):
    id = "pp-plus-costed"
    severity = "error"
    sections = ("smart_targets",)
    params: ClassVar[dict[str, Any]] = {"pp_plus_years": list(range(0, 12))}
    doc = RuleDoc(
        summary="Pupil Premium Plus spend is costed and linked to a target.",
        what="For a child in a year group of `pp_plus_years` (Reception to Year 11), looks for Pupil "
        "Premium Plus (PP+, PPG) in the targets: at least one target says PP+ funds it, and gives "
        "what it costs (£).",
        why="DfE guidance asks the PEP to say how Pupil Premium Plus will be used to meet the child's "
        "needs; Lancashire's and other authorities' QA forms ask that 'PP+ requests are costed and "
        "linked to a SMART target'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if not _in_years(pep, ctx.param("pp_plus_years")):
            return
        page = self.page_of(pep, "smart_targets")
        funded = [t for t in pep.targets if PP_PLUS.search(target_text(t))]
        if not funded:
            elsewhere = any(PP_PLUS.search(text) for text in pep_texts(pep))
            said = (
                "Pupil Premium Plus is mentioned but not linked to any target."
                if elsewhere
                else "No target says how Pupil Premium Plus will be used."
            )
            yield self.finding(
                ctx,
                said,
                page=page,
                suggestion="Say which target Pupil Premium Plus funds, what it buys and what it costs.",
            )
            return
        if not any(COST.search(target_text(t)) for t in funded):
            yield self.finding(
                ctx,
                "The Pupil Premium Plus spend is not costed.",
                excerpt=funded[0].strategy or funded[0].text,
                page=page,
                suggestion="Give the cost of what Pupil Premium Plus funds (for example '£450: 15 "
                "tuition sessions').",
            )


class TransitionPlan(_OtherAuthorities):
    id = "transition-plan"
    severity = "error"
    sections = ("pep_meeting",)
    params: ClassVar[dict[str, Any]] = {"transition_years": [6, 11], "post16_entry_year": 12}
    doc = RuleDoc(
        summary="A PEP at a key-stage change has a transition plan.",
        what="In a year group of `transition_years` (Year 6 before secondary school, Year 11 before "
        "post-16), and in the autumn term of `post16_entry_year` (entry to post-16), looks in the PEP "
        "for the transition: 'transition', visits or taster days, induction, applications to college, "
        "settling in.",
        why="Authorities' QA forms (Lancashire among them) ask for 'a transition plan at each key stage "
        "change'; moves between settings are when children in care most often lose their place.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        year = pep.child.year_group
        if year is None:
            return
        entry = year == ctx.param("post16_entry_year") and (
            pep.meeting.date is not None and pep.meeting.date.month >= 9
        )
        if year not in ctx.param("transition_years") and not entry:
            return
        if any(TRANSITION.search(text) for text in pep_texts(pep)):
            return
        moment = {6: "the move to secondary school", 11: "the move to post-16"}.get(
            year, "the start of post-16"
        )
        yield self.finding(
            ctx,
            f"The PEP is in Year {year} and has no plan for {moment}.",
            page=self.page_of(pep, "pep_meeting"),
            suggestion="Record the transition plan: visits, who shares information with the new "
            "setting, extra support in the first weeks.",
        )


class SdqStrategies(_OtherAuthorities):
    id = "sdq-strategies"
    severity = "error"
    sections = ("additional_needs",)
    params: ClassVar[dict[str, Any]] = {"sdq_threshold": 17}
    doc = RuleDoc(
        summary="An SDQ score above the threshold comes with strategies for emotional well-being.",
        what="Reads the Strengths and Difficulties Questionnaire score where the PEP gives it ('SDQ "
        "score: 19'); above `sdq_threshold` (17, 'high'), looks for support named for it (ELSA, "
        "CAMHS, a mentor, counselling, strategies) or a target about well-being.",
        why="Authorities' QA forms ask that a high SDQ total (above 17 on the carer's questionnaire, "
        "the 'abnormal' band) comes with strategies to support the child's emotional well-being in "
        "the PEP; set `sdq_threshold` to your form's band.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        scores = [(int(m.group(1)), text) for text in pep_texts(pep) for m in SDQ.finditer(text)]
        high = [(score, text) for score, text in scores if score > ctx.param("sdq_threshold")]
        if not high:
            return
        if any(SDQ_SUPPORT.search(text) for _, text in high):
            return
        thesaurus = builtin_thesaurus()
        wellbeing = {"wellbeing", "emotional", "worry"}
        for target in pep.targets:
            words = self.facts(target_text(target)).lemmas
            if thesaurus.addresses(wellbeing, words) or SDQ_SUPPORT.search(target_text(target)):
                return
        score, text = high[0]
        yield self.finding(
            ctx,
            f"The SDQ score is {score}, above {ctx.param('sdq_threshold')}, and no strategy for the "
            "young person's emotional well-being is recorded.",
            excerpt=text,
            page=self.page_of(pep, "additional_needs"),
            suggestion="Say what will support their emotional well-being (for example ELSA sessions, "
            "a mentor, CAMHS) and add a target for it.",
        )


def _tokens(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[A-Za-z]+", text.lower()) if len(w) > 2}


def _similar(a: str, b: str, threshold: float = 0.8) -> bool:
    left, right = _tokens(a), _tokens(b)
    if not left or not right:
        return False
    return len(left & right) / len(left | right) >= threshold


class UnmetTargetsBrokenDown(_OtherAuthorities):
    id = "unmet-targets-broken-down"
    severity = "warning"
    sections = ("smart_targets",)
    doc = RuleDoc(
        summary="A previous target that was not met is broken down or changed, not repeated unchanged.",
        what="A target whose review says it was not met ('not met', 'not achieved', 'partially met') "
        "should say how it changed ('broken down', 'smaller steps', 'new strategy'); a target that "
        "repeats, nearly word for word, one the review of previous actions says was not met is "
        "reported too; when bulk compares with last term's run (`--compare`), a target that repeats "
        "last term's target for the same child, with no review saying it was met or what changed, "
        "is reported as well.",
        why="Authorities' QA forms ask that 'previous targets are evaluated and, where not met, broken "
        "down into smaller steps' rather than carried forward unchanged.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        review = pep.meeting.previous_actions_review or ""
        unmet_before = [s for s in self.facts(review).sentences if NOT_MET.search(s)]
        page = self.page_of(pep, "smart_targets")
        for index, target in enumerate(pep.targets, start=1):
            own = target.review or ""
            repeated = NOT_MET.search(own) and not CHANGED.search(own)
            if not repeated and unmet_before:
                repeated = any(
                    _similar(target.text, _without_not_met(s)) and not CHANGED.search(s)
                    for s in unmet_before
                )
            if repeated:
                yield self.finding(
                    ctx,
                    f"Target {index} was not met last time and is repeated without being broken "
                    "down or changed.",
                    location=f"target {index}",
                    excerpt=target.text,
                    page=page,
                    suggestion="Break the target into a smaller first step, or change the support, "
                    "and say what changed.",
                )
                continue
            last = next((p for p in pep.previous_targets if _similar(target.text, p.text)), None)
            if last is not None and not MET.search(own) and not CHANGED.search(own):
                yield self.finding(
                    ctx,
                    f"Target {index} repeats last term's target nearly word for word, and its "
                    "review does not say it was met or what changed.",
                    location=f"target {index}",
                    excerpt=target.text,
                    page=page,
                    suggestion="Break the target into a smaller first step, or change the support, "
                    "and say what changed.",
                )


def _without_not_met(sentence: str) -> str:
    return NOT_MET.sub(" ", sentence)


class CoreSubjectTargets(_OtherAuthorities):
    id = "core-subject-targets"
    severity = "error"
    sections = ("smart_targets",)
    params: ClassVar[dict[str, Any]] = {"core_targets_years": list(range(0, 12))}
    doc = RuleDoc(
        summary="At statutory school age there is an English target, a maths target and one other.",
        what="For a year group of `core_targets_years` (Reception to Year 11), looks for a target about "
        "English or literacy (reading, writing, spelling, phonics), one about maths or numeracy, and "
        "at least one about something else (attendance, well-being, another subject).",
        why="Several authorities (Sutton, Lancashire among them) ask for 'a SMART target for English / "
        "literacy, maths and then another area'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if not _in_years(pep, ctx.param("core_targets_years")):
            return
        thesaurus = builtin_thesaurus()
        english = maths = other = False
        for target in pep.targets:
            words = self.facts(target.text).lemmas
            is_english = bool(thesaurus.addresses({"english"}, words))
            is_maths = bool(thesaurus.addresses({"maths"}, words))
            english |= is_english
            maths |= is_maths
            other |= not (is_english or is_maths) and is_substantive(target.text, 3)
        missing = [
            name
            for name, ok in (("English", english), ("maths", maths), ("one other area", other))
            if not ok
        ]
        if missing and (
            misread := self.unjudged_targets(ctx, pep, page=self.page_of(pep, "smart_targets"))
        ):
            yield misread
        elif missing:
            yield self.finding(
                ctx,
                "There is no target for " + " or ".join(missing) + ".",
                page=self.page_of(pep, "smart_targets"),
                suggestion="Set a SMART target for English, one for maths and one for another area "
                "(attendance, well-being or another subject).",
            )


PRIME_AREAS = {
    "communication and language": re.compile(
        r"(?i)\bcommunication\b|\blanguage\b|\bC ?& ?L\b|\bCL\b"
    ),
    "physical development": re.compile(r"(?i)\bphysical\b|\bPD\b"),
    "personal, social and emotional development": re.compile(
        r"(?i)\bpersonal\b|\bsocial\b|\bemotional\b|\bPSED\b"
    ),
}
EYFS_JUDGEMENT = re.compile(
    r"(?i)^\s*(emerging|expected|exceeding|developing|secure|working towards|on track|not on track)\b"
)


def is_early_years(pep: Pep, ages: tuple[int, int]) -> bool:
    """Whether the PEP is for a child in the early years (by age at the meeting, or Reception)."""
    year = pep.child.year_group
    if year is not None:
        return year == 0  # Reception is the last EYFS year
    born, met = pep.child.date_of_birth, pep.meeting.date
    if born is None or met is None:
        return False
    age = met.year - born.year - ((met.month, met.day) < (born.month, born.day))
    return ages[0] <= age <= ages[1]


class EarlyYearsProfile(_OtherAuthorities):
    id = "early-years-profile"
    severity = "error"
    sections = ("attainment_progress",)
    params: ClassVar[dict[str, Any]] = {"early_years_ages": [2, 5]}
    doc = RuleDoc(
        summary="An early-years PEP records the three prime areas with an Emerging / Expected / "
        "Exceeding judgement.",
        what="For a child aged `early_years_ages` (2 to 5) at the meeting, or in Reception, looks in the "
        "attainment table for the EYFS prime areas (communication and language; physical development; "
        "personal, social and emotional development), each with a judgement in the latest term "
        "(Emerging, Expected, Exceeding, or a progress mark).",
        why="Early-years PEPs track the EYFS areas of learning rather than subjects; authorities' "
        "early-years PEP guidance asks for the prime areas to be assessed each term.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        low, high = ctx.param("early_years_ages")
        if not is_early_years(pep, (low, high)):
            return
        page = self.page_of(pep, "attainment_progress")
        missing: list[str] = []
        unjudged: list[str] = []
        for area, pattern in PRIME_AREAS.items():
            rows = [s for s in pep.attainment.subjects if pattern.search(s.subject)]
            if not rows:
                missing.append(area)
                continue
            latest = rows[0].terms[-1] if rows[0].terms else None
            judged = latest is not None and (
                latest.progress is not None
                or latest.on_track is not None
                or bool(latest.grade and EYFS_JUDGEMENT.match(latest.grade))
            )
            if not judged:
                unjudged.append(rows[0].subject)
        if missing:
            yield self.finding(
                ctx,
                "The early-years profile does not record " + "; ".join(missing) + ".",
                page=page,
                suggestion="Record each EYFS prime area with this term's judgement (Emerging, "
                "Expected or Exceeding).",
            )
        if unjudged:
            yield self.finding(
                ctx,
                "No Emerging / Expected / Exceeding judgement this term for "
                + ", ".join(unjudged)
                + ".",
                page=page,
                suggestion="Give this term's judgement for each prime area.",
            )
