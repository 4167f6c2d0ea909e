"""Who attended and contributed (checklist D3), and what the meeting recorded."""

from __future__ import annotations

from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc, first_name, is_substantive


class StatutoryAttendees(Rule):
    id = "statutory-attendees"
    severity = "error"
    sections = ("pep_meeting",)
    params = {"statutory_roles": ["social worker", "designated teacher"]}
    doc = RuleDoc(
        summary="The social worker and the designated teacher attended the PEP meeting.",
        what="Looks in the attendee list for someone in each role of `statutory_roles` marked as attending.",
        why="The secondary guide: 'It is statutory that the designated teacher and the social worker are "
        "present at the meeting'; Walsall: the social worker 'should be present at all PEP meetings'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "pep_meeting")
        if not pep.meeting.attendees:
            yield self.finding(
                ctx,
                "The PEP does not record who attended the meeting.",
                unclear=True,
                page=page,
                suggestion="List everyone invited and whether they attended.",
            )
            return
        for role in ctx.param("statutory_roles"):
            people = [a for a in pep.meeting.attendees if role in (a.role or "").lower()]
            if not any(a.attended for a in people):
                name = people[0].name if people else None
                said = f"The {role}{f' ({name})' if name else ''} is not recorded as attending the PEP meeting."
                yield self.finding(
                    ctx,
                    said,
                    location="attendees",
                    page=page,
                    suggestion=f"The {role} must attend; if they could not, rearrange the "
                    "meeting or record why and how they contributed.",
                )


class YoungPersonParticipation(Rule):
    id = "young-person-participation"
    severity = "error"
    sections = ("pep_meeting",)
    doc = RuleDoc(
        summary="The young person attended, or why not and how their views were shared is recorded.",
        what="Checks that the young person attended the meeting (the yes/no question or the attendee list); "
        "if not, that the reason and how their views were gathered is written down.",
        why="Walsall's guidance: the PEP Meeting page 'should also show if the young person attended their "
        "PEP and if not, why they did not and show how their views were shared'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        attended = pep.meeting.young_person_attended
        if attended is None:
            name = (first_name(pep) or "").lower()
            for a in pep.meeting.attendees:
                if "young person" in (a.role or "").lower() or (
                    name and name in (a.name or "").lower()
                ):
                    attended = a.attended
        if attended:
            return
        page = self.page_of(pep, "pep_meeting")
        if attended is None:
            yield self.finding(
                ctx,
                "The PEP does not say whether the young person attended the meeting.",
                unclear=True,
                page=page,
                suggestion="Record whether the young person attended.",
            )
        elif not is_substantive(pep.meeting.young_person_absence_reason, 5):
            yield self.finding(
                ctx,
                "The young person did not attend and the PEP does not say why, or how their views "
                "were shared.",
                location="young person's attendance",
                page=page,
                excerpt=pep.meeting.young_person_absence_reason,
                suggestion="Record why the young person did not attend and how their views were gathered "
                "before the meeting.",
            )


class ContributorsViews(Rule):
    id = "contributors-views"
    severity = "error"
    sections = ("pep_meeting",)
    params = {"contributors_views_min_words": 6}
    doc = RuleDoc(
        summary="The views of the adults supporting the young person are recorded.",
        what="Checks that the meeting page records the views of those supporting the young person "
        "(carers, social worker, other professionals) in at least `contributors_views_min_words` words.",
        why="Walsall's guidance: 'There is also space at the bottom of the page to record the views of all "
        "people supporting the young person, this is expected to be completed for each PEP.'",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if not is_substantive(
            pep.meeting.contributors_views, ctx.param("contributors_views_min_words")
        ):
            yield self.finding(
                ctx,
                "The views of the adults supporting the young person are not recorded.",
                excerpt=pep.meeting.contributors_views,
                page=self.page_of(pep, "pep_meeting"),
                suggestion="Add the carer's and professionals' views from the meeting.",
            )


class MeetingDiscussion(Rule):
    id = "meeting-discussion"
    severity = "warning"
    sections = ("pep_meeting",)
    params = {"discussion_min_words": 8}
    doc = RuleDoc(
        summary="The main points of the meeting are recorded.",
        what="Checks that the summary of discussion has at least `discussion_min_words` words.",
        why="Walsall's guidance: 'The main points of discussion should be recorded for each PEP'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if not is_substantive(pep.meeting.discussion, ctx.param("discussion_min_words")):
            yield self.finding(
                ctx,
                "The main points of the meeting discussion are not recorded.",
                excerpt=pep.meeting.discussion,
                page=self.page_of(pep, "pep_meeting"),
                suggestion="Summarise what was discussed, including any concerns and next steps.",
            )


class PreviousActionsReviewed(Rule):
    id = "previous-actions-reviewed"
    severity = "warning"
    sections = ("pep_meeting",)
    params = {"previous_actions_min_words": 6}
    doc = RuleDoc(
        summary="A review PEP records what happened to the previous PEP's actions.",
        what="For a review PEP, checks the review of previous actions has at least `previous_actions_min_words` words.",
        why="Walsall's guidance: the whole year should show 'that actions from the previous PEP have been "
        "taken'; other authorities: 'Previous targets are evaluated'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if pep.pep_type == "initial":
            return
        if not is_substantive(
            pep.meeting.previous_actions_review, ctx.param("previous_actions_min_words")
        ):
            yield self.finding(
                ctx,
                "The PEP does not review the actions agreed at the previous PEP.",
                excerpt=pep.meeting.previous_actions_review,
                page=self.page_of(pep, "pep_meeting"),
                suggestion="Say which previous actions were completed, and what happens to "
                "the ones that were not.",
            )
