"""The child's voice (checklist D4)."""

from __future__ import annotations

from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc, first_name, is_substantive


class VoicePresent(Rule):
    id = "voice-present"
    severity = "error"
    sections = ("young_persons_views",)
    params = {"voice_min_words": 10}
    fields = ("young_persons_views",)
    doc = RuleDoc(
        summary="The young person's views are recorded and say something.",
        what="Checks that the young person's views section holds at least `voice_min_words` words and is not "
        "empty, 'N/A', 'see above' or a template prompt.",
        why="Checklist item D4, 'The child's voice is recorded in the PEP'; Walsall: 'This section should be "
        "completed by the young person with the support of the designated teacher.'",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "young_persons_views")
        if unread := self.unread(ctx, pep, "young_persons_views", page=page):
            yield unread
            return
        if not is_substantive(pep.young_persons_views, ctx.param("voice_min_words")):
            yield self.finding(
                ctx,
                "The young person's views are missing or say nothing.",
                excerpt=pep.young_persons_views,
                page=self.page_of(pep, "young_persons_views"),
                suggestion="Help the young person write their views, in their own words, before "
                "the PEP is submitted.",
            )


class VoiceFirstPerson(Rule):
    id = "voice-first-person"
    severity = "warning"
    sections = ("young_persons_views",)
    fields = ("young_persons_views",)
    doc = RuleDoc(
        summary="The young person's views are in their own words, not an adult's paraphrase.",
        what="Compares first-person words (I, me, my) with third-person references to the young person "
        "(he, she, his, her, their first name) in the views section.",
        why="Authorities ask that the child's voice is captured and 'visibly shapes the plan'; a summary "
        "written by an adult ('Jamie said he likes...') is not the child's voice.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        views = pep.young_persons_views
        if not is_substantive(views, 4):
            return  # voice-present reports this
        facts = self.facts(views)
        third = facts.third_person + facts.mentions(first_name(pep))
        if facts.first_person == 0 or third > facts.first_person:
            yield self.finding(
                ctx,
                "The young person's views read as an adult's summary rather than their own words.",
                excerpt=views,
                page=self.page_of(pep, "young_persons_views"),
                suggestion="Record what the young person said in the first person ('I like...', 'I want...').",
            )
