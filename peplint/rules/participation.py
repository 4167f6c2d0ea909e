"""Who attended and contributed (checklist D3), and what the meeting recorded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from peplint.model.findings import Finding
from peplint.model.pep import Attendee, Pep
from peplint.rules.base import (
    Rule,
    RuleContext,
    RuleDoc,
    field_state,
    first_name,
    is_substantive,
)

CROSSED = "✗✘☓⊗"
# A ticked option left beside the name ("☐ Yes ☒ No": the mark comes before its option,
# as the extractor reads checkbox groups).
_TICKED_OPTION = re.compile(
    r"(?i)[☒☑✓✔■]\s*(yes|no|y|n|attended|present|absent|did not attend|dna|apologies)\b"
)
_NOT_ATTENDED = {"no", "n", "absent", "did not attend", "dna", "apologies"}


def attendee_attended(attendee: Attendee) -> bool | None:
    """Whether the attendee attended: a crossed mark (✗) or a ticked "No" left in the name or
    role says no, whatever was read into `attended`; otherwise the attended flag."""
    raw = f"{attendee.name or ''} {attendee.role or ''}"
    if any(c in CROSSED for c in raw):
        return False
    option = _TICKED_OPTION.search(raw)
    if option is not None:
        return option.group(1).lower() not in _NOT_ATTENDED
    return attendee.attended


class StatutoryAttendees(Rule):
    id = "statutory-attendees"
    severity = "error"
    sections = ("pep_meeting",)
    params = {"statutory_roles": ["social worker", "designated teacher"]}
    fields = ("meeting.attendees",)
    doc = RuleDoc(
        summary="The social worker and the designated teacher attended the PEP meeting.",
        what="Looks in the attendee list for someone in each role of `statutory_roles` marked as attending.",
        why="The secondary guide: 'It is statutory that the designated teacher and the social worker are "
        "present at the meeting'; Walsall: the social worker 'should be present at all PEP meetings'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "pep_meeting")
        if unread := self.unread(ctx, pep, "meeting.attendees", page=page):
            yield unread
            return
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
            listed = [
                (i, a)
                for i, a in enumerate(pep.meeting.attendees)
                if role in (a.role or "").lower()
            ]
            if any(attendee_attended(a) for _, a in listed):
                continue
            marks = [f"meeting.attendees[{i}].attended" for i, _ in listed]
            if marks and all(field_state(pep, mark) == "not_found" for mark in marks):
                # Listed, and the layout records nothing of whether they attended (no
                # attended column, no heading saying the list is of those present).
                unread = self.unread(ctx, pep, *marks, location="attendees", page=page)
                if unread is not None:
                    yield unread
                    continue
            name = listed[0][1].name if listed else None
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
    fields = (
        "meeting.young_person_attended",
        "meeting.attendees",
        "meeting.young_person_absence_reason",
    )
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
                    attended = attendee_attended(a)
        if attended:
            return
        page = self.page_of(pep, "pep_meeting")
        if attended is None and (
            unread := self.unread(ctx, pep, "meeting.young_person_attended", page=page)
        ):
            yield unread
        elif attended is None:
            yield self.finding(
                ctx,
                "The PEP does not say whether the young person attended the meeting.",
                unclear=True,
                page=page,
                suggestion="Record whether the young person attended.",
            )
        elif unread := self.unread(ctx, pep, "meeting.young_person_absence_reason", page=page):
            yield unread
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


class _WrittenDown(Rule):
    """A rule that checks one text of the meeting page says something."""

    words_param: ClassVar[str]
    path: ClassVar[str]  # the field it reads
    missing: ClassVar[str]
    advice: ClassVar[str]

    def text(self, pep: Pep) -> str | None:
        """The text this rule reads."""
        raise NotImplementedError

    def applies(self, pep: Pep) -> bool:
        """Whether the PEP should have this text at all."""
        return True

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if not self.applies(pep):
            return
        if unread := self.unread(ctx, pep, self.path, page=self.page_of(pep, "pep_meeting")):
            yield unread
            return
        text = self.text(pep)
        if not is_substantive(text, ctx.param(self.words_param)):
            yield self.finding(
                ctx,
                self.missing,
                excerpt=text,
                page=self.page_of(pep, "pep_meeting"),
                suggestion=self.advice,
            )


class ContributorsViews(_WrittenDown):
    id = "contributors-views"
    severity = "error"
    sections = ("pep_meeting",)
    params = {"contributors_views_min_words": 6}
    words_param = "contributors_views_min_words"
    path = "meeting.contributors_views"
    fields = (path,)
    missing = "The views of the adults supporting the young person are not recorded."
    advice = "Add the carer's and professionals' views from the meeting."
    doc = RuleDoc(
        summary="The views of the adults supporting the young person are recorded.",
        what="Checks that the meeting page records the views of those supporting the young person "
        "(carers, social worker, other professionals) in at least `contributors_views_min_words` words.",
        why="Walsall's guidance: 'There is also space at the bottom of the page to record the views of all "
        "people supporting the young person, this is expected to be completed for each PEP.'",
    )

    def text(self, pep: Pep) -> str | None:
        return pep.meeting.contributors_views


class MeetingDiscussion(_WrittenDown):
    id = "meeting-discussion"
    severity = "warning"
    sections = ("pep_meeting",)
    params = {"discussion_min_words": 8}
    words_param = "discussion_min_words"
    path = "meeting.discussion"
    fields = (path,)
    missing = "The main points of the meeting discussion are not recorded."
    advice = "Summarise what was discussed, including any concerns and next steps."
    doc = RuleDoc(
        summary="The main points of the meeting are recorded.",
        what="Checks that the summary of discussion has at least `discussion_min_words` words.",
        why="Walsall's guidance: 'The main points of discussion should be recorded for each PEP'.",
    )

    def text(self, pep: Pep) -> str | None:
        return pep.meeting.discussion


class PreviousActionsReviewed(_WrittenDown):
    id = "previous-actions-reviewed"
    severity = "warning"
    sections = ("pep_meeting",)
    params = {"previous_actions_min_words": 6}
    words_param = "previous_actions_min_words"
    path = "meeting.previous_actions_review"
    fields = ("pep_type", path)
    missing = "The PEP does not review the actions agreed at the previous PEP."
    advice = (
        "Say which previous actions were completed, and what happens to the ones that were not."
    )
    doc = RuleDoc(
        summary="A review PEP records what happened to the previous PEP's actions.",
        what="For a review PEP, checks the review of previous actions has at least "
        "`previous_actions_min_words` words.",
        why="Walsall's guidance: the whole year should show 'that actions from the previous PEP have been "
        "taken'; other authorities: 'Previous targets are evaluated'.",
    )

    def applies(self, pep: Pep) -> bool:
        return pep.pep_type != "initial"

    def text(self, pep: Pep) -> str | None:
        return pep.meeting.previous_actions_review
