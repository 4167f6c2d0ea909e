"""Attendance below the threshold (checklist D6)."""

from __future__ import annotations

from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc
from peplint.rules.vocabulary import ATTENDANCE_WORDS, SCHOOL_ATTENDANCE


def attendance_target_exists(pep: Pep) -> bool:
    """Whether any target is about attending school or college (its text, not its strategy)."""
    return any(SCHOOL_ATTENDANCE.search(t.text) for t in pep.targets)


class AttendanceThreshold(Rule):
    id = "attendance-threshold"
    severity = "error"
    sections = ("pep_meeting",)
    params = {"attendance_threshold": 80}
    fields = ("meeting.attendance_percent", "targets", "meeting.discussion", "meeting.actions")
    doc = RuleDoc(
        summary="Attendance below the threshold comes with reasons, interventions and a target.",
        what="When attendance is below `attendance_threshold` per cent, checks that the meeting notes give "
        "reasons and support and that a target addresses attendance. Attendance not recorded at all is "
        "reported as unclear.",
        why="Walsall's guidance: 'if a young person has attendance of less than 80%, reasons and interventions "
        "to support would be clear here and in the SMART targets.' Many authorities use 90%.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "pep_meeting")
        percent = pep.meeting.attendance_percent
        if unread := self.unread(ctx, pep, "meeting.attendance_percent", page=page):
            yield unread
            return
        if percent is None:
            yield self.finding(
                ctx,
                "Attendance is not recorded.",
                unclear=True,
                page=page,
                suggestion="Record the young person's attendance this academic year.",
            )
            return
        threshold = ctx.param("attendance_threshold")
        if percent >= threshold:
            return
        addressed = attendance_target_exists(pep)
        if not addressed and (
            misread := self.unjudged_targets(ctx, pep, location="attendance", page=page)
        ):
            yield misread
        elif not addressed:
            yield self.finding(
                ctx,
                f"Attendance is {percent:g}%, below {threshold}%, and no target addresses it.",
                location="attendance",
                page=page,
                suggestion="Add a SMART target for attendance, with the support in place.",
            )
        notes = " ".join(
            filter(None, (pep.meeting.discussion, pep.meeting.actions, pep.attainment.overview))
        )
        if not ATTENDANCE_WORDS.search(notes):
            yield self.finding(
                ctx,
                f"Attendance is {percent:g}% but the meeting notes give no reasons or "
                "support for it.",
                location="attendance",
                page=page,
                advisory=True,
                suggestion="Record why attendance is low and what is being done about it.",
            )
