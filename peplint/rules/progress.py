"""Progress rules: interventions where progress is below expected, English and maths,
and SEN support (checklist D6 and related)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep, Subject, TermResult
from peplint.rules.base import Rule, RuleContext, RuleDoc, is_substantive

TERM_ORDER = {"autumn": 0, "spring": 1, "summer": 2}


def latest_term(subject: Subject) -> TermResult | None:
    """The subject's most recent termly result."""
    filled = [t for t in subject.terms if t.grade or t.progress or t.on_track is not None]
    return max(filled, key=lambda t: TERM_ORDER[t.term]) if filled else None


def is_below_expected(subject: Subject) -> bool:
    """Not on track, or making less than expected progress, in the latest term."""
    term = latest_term(subject)
    return term is not None and (term.on_track is False or term.progress == "less")


def _results_unread(pep: Pep, index: int) -> bool:
    """Whether the reader saw a subject's results but could not read them (a table whose
    columns name no term, and no date saying which term the PEP is of)."""
    entry = pep.provenance.get(f"attainment.subjects[{index}].terms")
    return entry is not None and entry.state == "not_found"


class InterventionWhereBelowExpected(Rule):
    id = "intervention-where-below-expected"
    severity = "error"
    sections = ("attainment_progress",)
    fields = ("attainment.subjects", "attainment.subjects[].intervention")
    doc = RuleDoc(
        summary="Every subject below expected progress has an intervention.",
        what="For each subject whose latest term is not on track or shows less than expected progress, "
        "checks the intervention box says what is in place.",
        why="Walsall's guidance: 'There is also space to write in interventions in place if at least "
        "expected progress is not being made.' Checklist item D6.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        for index, subject in enumerate(pep.attainment.subjects):
            page = self.page_of(pep, "attainment_progress")
            if is_substantive(subject.intervention, 4):
                continue
            if _results_unread(pep, index):  # below expected or not: it cannot be told
                results = f"attainment.subjects[{index}].terms"
                if unread := self.unread(ctx, pep, results, location=subject.subject, page=page):
                    yield unread
                continue
            if not is_below_expected(subject):
                continue
            path = f"attainment.subjects[{index}].intervention"
            if unread := self.unread(ctx, pep, path, location=subject.subject, page=page):
                yield unread
            else:
                yield self.finding(
                    ctx,
                    f"{subject.subject} is below expected progress but no intervention is recorded.",
                    location=subject.subject,
                    page=page,
                    suggestion=f"Say what support is in place for {subject.subject}: what, who, when and how "
                    "often.",
                )


class EnglishMathsRecorded(Rule):
    id = "english-maths-recorded"
    severity = "warning"
    sections = ("attainment_progress",)
    params = {"english_maths_from_year_group": 10}
    fields = ("attainment.subjects", "child.year_group")
    doc = RuleDoc(
        summary="From Key Stage 4, English and maths are recorded with level, grade and progress.",
        what="From `english_maths_from_year_group` to Year 11, checks the subject table has English and maths; at any age, "
        "checks that an English or maths entry gives its level and a current grade or progress.",
        why="Walsall's guidance: 'If the young person is studying GCSE or equivalent maths and English, this "
        "also needs to be clearly recorded ... the level, qualification, attainment, progress and any "
        "interventions.'",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "attainment_progress")
        if unread := self.unread(ctx, pep, "attainment.subjects", page=page):
            yield unread
            return
        found: dict[str, Subject | None] = {"English": None, "maths": None}
        for index, subject in enumerate(pep.attainment.subjects):
            name = subject.subject.lower()
            key = (
                "English"
                if re.search(r"\benglish", name)
                else "maths"
                if re.search(r"\bmath", name)
                else None
            )
            if key is None:
                continue
            found[key] = subject
            if _results_unread(pep, index):
                results = f"attainment.subjects[{index}].terms"
                if unread := self.unread(ctx, pep, results, location=subject.subject, page=page):
                    yield unread
                continue
            term = latest_term(subject)
            if not subject.level or term is None or not (term.grade or term.progress):
                yield self.finding(
                    ctx,
                    f"{subject.subject}: the level, current grade or progress is missing.",
                    location=subject.subject,
                    page=page,
                    suggestion="Record the qualification level, current grade and progress.",
                )
        year = pep.child.year_group
        if year is not None and ctx.param("english_maths_from_year_group") <= year <= 11:
            for key, recorded in found.items():
                if recorded is None:
                    yield self.finding(
                        ctx,
                        f"{key} is not recorded in the attainment table.",
                        page=page,
                        suggestion=f"Add {key} with its level, current grade and progress.",
                    )


class SenSupportRecorded(Rule):
    id = "sen-support-recorded"
    severity = "warning"
    sections = ("additional_needs",)
    fields = (
        "additional_needs.sen_status",
        "additional_needs.text",
        "additional_needs.exam_arrangements",
    )
    doc = RuleDoc(
        summary="With SEN support or an EHCP, the plan and exam arrangements are referenced.",
        what="When the SEN status is SEN support or EHCP, checks the additional needs section refers to the "
        "plan (SEN support plan, EHCP, attached) and records the special exam arrangements.",
        why="Walsall's guidance: with SEN support or an EHCP 'this should be discussed with a copy of the SEN "
        "support plan attached', and 'Record special exam arrangements previously received'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        needs = pep.additional_needs
        if needs.sen_status not in ("sen_support", "ehcp"):
            return
        page = self.page_of(pep, "additional_needs")
        if unread := self.unread(ctx, pep, "additional_needs.text", page=page):
            yield unread
        elif not re.search(r"(?i)\bplan\b|\behcp\b|\battached\b", needs.text or ""):
            yield self.finding(
                ctx,
                "The young person has SEN support or an EHCP but the plan is not referred to.",
                excerpt=needs.text,
                page=page,
                suggestion="Refer to the SEN support plan or EHCP and attach a copy to the PEP.",
            )
        if unread := self.unread(ctx, pep, "additional_needs.exam_arrangements", page=page):
            yield unread
        elif not is_substantive(needs.exam_arrangements, 1):
            yield self.finding(
                ctx,
                "Special exam arrangements are not recorded.",
                page=page,
                suggestion="Record the exam arrangements the young person has or needs "
                "(or 'none').",
            )
