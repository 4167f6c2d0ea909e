"""Timescale rules (checklist D1): initial PEP, review interval, sign-off, next PEP date."""

from __future__ import annotations

from collections.abc import Iterator

from peplint.calendar import terms_between, working_days_after
from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc


def _fmt(day: object) -> str:
    return day.strftime("%d/%m/%Y") if hasattr(day, "strftime") else str(day)


class InitialPepTimescale(Rule):
    id = "initial-pep-timescale"
    severity = "error"
    sections = ("pep_meeting", "personal_care")
    params = {"initial_pep_working_days": 20, "emergency_pep_working_days": 10}
    fields = ("pep_type", "child.date_entered_care", "child.emergency_placement", "meeting.date")
    doc = RuleDoc(
        summary="An initial PEP meets within 20 working days of entering care (10 after an emergency placement).",
        what="For an initial PEP, counts the working days (England's bank holidays excluded) from the date "
        "the young person entered care to the PEP meeting, against `initial_pep_working_days`, or "
        "`emergency_pep_working_days` when the placement was an emergency.",
        why="Walsall's guidance: 'A PEP should be initiated as soon as a young person comes into care and be "
        "completed within 20 days of that date'; the secondary guide: '10 days if placed in an emergency'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if pep.pep_type != "initial":
            return
        if unread := self.unread(ctx, pep, "child.date_entered_care", "meeting.date"):
            yield unread
            return
        entered, met = pep.child.date_entered_care, pep.meeting.date
        if entered is None or met is None:
            yield self.finding(
                ctx,
                "This is an initial PEP but the date of entering care or the meeting date is not "
                "recorded, so the timescale cannot be checked.",
                unclear=True,
                suggestion="Record the date the young person entered care and the PEP meeting date.",
            )
            return
        emergency = bool(pep.child.emergency_placement)
        limit = ctx.param("emergency_pep_working_days" if emergency else "initial_pep_working_days")
        days = working_days_after(entered, met)
        if days > limit:
            kind = "an emergency placement" if emergency else "entering care"
            yield self.finding(
                ctx,
                f"The initial PEP meeting ({_fmt(met)}) was {days} working days after {kind} "
                f"({_fmt(entered)}); it should be within {limit}.",
                location="meeting date",
                page=self.page_of(pep, "pep_meeting"),
                suggestion="Record the reason for the delay and make sure the next PEP is booked on time.",
            )


class ReviewInterval(Rule):
    id = "review-interval"
    severity = "error"
    sections = ("pep_meeting",)
    params = {"max_terms_between_peps": 1}
    fields = ("pep_type", "previous_pep_date", "meeting.date")
    doc = RuleDoc(
        summary="A review PEP is held at most one term after the previous PEP.",
        what="For a review PEP, compares the term of the previous PEP with the term of this meeting "
        "(autumn, spring, summer) and reports a gap of more than `max_terms_between_peps` terms.",
        why="Both guidance documents: the PEP is reviewed every term, three times a year ('The expectation "
        "is that the PEP Meeting and document on ePEP is completed termly').",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if pep.pep_type != "review":
            return
        if unread := self.unread(ctx, pep, "previous_pep_date", "meeting.date"):
            yield unread
            return
        previous, met = pep.previous_pep_date, pep.meeting.date
        if previous is None or met is None:
            yield self.finding(
                ctx,
                "This is a review PEP but the date of the previous PEP or of this meeting is not "
                "recorded, so the review interval cannot be checked.",
                unclear=True,
                suggestion="Record the date of the previous PEP.",
            )
            return
        gap = terms_between(previous, met)
        limit = ctx.param("max_terms_between_peps")
        if gap > limit:
            yield self.finding(
                ctx,
                f"The previous PEP was on {_fmt(previous)}, {gap} terms before this one ({_fmt(met)}); "
                "PEPs should be reviewed every term.",
                location="previous PEP date",
                page=self.page_of(pep, "pep_meeting"),
                suggestion="Explain the gap and book the next PEP for next term.",
            )


class SignOffTimescale(Rule):
    id = "sign-off-timescale"
    severity = "error"
    sections = ("designated_teacher_sign_off",)
    params = {"sign_off_working_days": 5}
    fields = (
        "sign_offs.designated_teacher.completed",
        "sign_offs.designated_teacher.date",
        "meeting.date",
    )
    doc = RuleDoc(
        summary="The designated teacher signs off within 5 working days of the meeting.",
        what="Checks that the designated teacher's sign-off is marked complete and dated no more than "
        "`sign_off_working_days` working days after the PEP meeting.",
        why="Walsall's guidance: 'The PEP should be marked complete within 5 working days of the PEP "
        "meeting taking place.' Other authorities allow 10 (a pack setting).",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        sign_off, met = pep.sign_offs.designated_teacher, pep.meeting.date
        page = self.page_of(pep, "designated_teacher_sign_off")
        if sign_off.completed is False:
            yield self.finding(
                ctx,
                "The designated teacher section is not marked complete.",
                page=page,
                suggestion="Mark the designated teacher section complete once it is finished.",
            )
            return
        if unread := self.unread(
            ctx, pep, "sign_offs.designated_teacher.date", "meeting.date", page=page
        ):
            yield unread
            return
        if sign_off.date is None or met is None:
            yield self.finding(
                ctx,
                "The designated teacher's sign-off date or the meeting date is not recorded, so the "
                "sign-off timescale cannot be checked.",
                unclear=True,
                page=page,
                suggestion="Record the date the designated teacher section was completed.",
            )
            return
        limit = ctx.param("sign_off_working_days")
        days = working_days_after(met, sign_off.date)
        if days > limit:
            yield self.finding(
                ctx,
                f"The designated teacher signed off on {_fmt(sign_off.date)}, {days} working days after "
                f"the meeting on {_fmt(met)}; the limit is {limit}.",
                location="sign-off date",
                page=page,
                suggestion=f"Complete and sign off the PEP within {limit} working days of the meeting.",
            )


class NextPepDate(Rule):
    id = "next-pep-date"
    severity = "error"
    sections = ("social_worker_sign_off", "designated_teacher_sign_off")
    fields = (
        "sign_offs.social_worker.next_pep_date",
        "sign_offs.designated_teacher.next_pep_date",
        "meeting.date",
    )
    doc = RuleDoc(
        summary="Both sign-offs give a next PEP date after the meeting.",
        what="Checks that the social worker's and the designated teacher's sign-offs each record a next PEP "
        "date, and that it falls after this PEP meeting.",
        why="Walsall's guidance: the sign-off 'will only allow you to mark it complete with a date for the "
        "next PEP, so it is advised to arrange that at the end of the PEP meeting'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        met = pep.meeting.date
        for who, sign_off, section in (
            ("social worker", pep.sign_offs.social_worker, "social_worker_sign_off"),
            ("designated teacher", pep.sign_offs.designated_teacher, "designated_teacher_sign_off"),
        ):
            page = self.page_of(pep, section) or self.page_of(pep, "designated_teacher_sign_off")
            path = "sign_offs." + section.removesuffix("_sign_off") + ".next_pep_date"
            if unread := self.unread(ctx, pep, path, section=section, page=page):
                yield unread
                continue
            if sign_off.next_pep_date is None:
                yield self.finding(
                    ctx,
                    f"The {who}'s sign-off has no next PEP date.",
                    section=section,
                    location=f"{who} sign-off",
                    page=page,
                    suggestion="Agree the next PEP date at the end of the meeting and record it.",
                )
            elif met is not None and sign_off.next_pep_date <= met:
                yield self.finding(
                    ctx,
                    f"The {who}'s next PEP date ({_fmt(sign_off.next_pep_date)}) is not after this "
                    f"meeting ({_fmt(met)}).",
                    section=section,
                    location=f"{who} sign-off",
                    page=page,
                    suggestion="Record the date of the next termly PEP.",
                )
