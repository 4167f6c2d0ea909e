"""Post-16 plan and NEET barriers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc, is_substantive

PLAN_WORDS = re.compile(
    r"(?i)\bneed|\bapply|\bapplication|\bcourse|\buniversity|\bcollege|\bapprentice|\bsupport|"
    r"\bworking towards|\bqualification|\bentry|\bopen day|\bcareers?\b|\bgcse|\bplan"
)


class Post16Plan(Rule):
    id = "post16-plan"
    severity = "warning"
    sections = ("post16_plan",)
    params = {"post16_from_year_group": 11, "post16_min_words": 8}
    fields = ("child.year_group", "aspirations")
    doc = RuleDoc(
        summary="From Year 11, the aspirations and the plan to reach them are recorded.",
        what="From `post16_from_year_group`, checks the post-16 / Post Year 14 plan has at least `post16_min_words` words "
        "and says how the aspirations will be reached (courses, entry requirements, applications, "
        "support).",
        why="Walsall's guidance: the Post Year 14 Plan 'should show what the young person's aspirations are "
        "and how they are being supported to achieve these'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        year = pep.child.year_group
        if year is None or year < ctx.param("post16_from_year_group"):
            return
        page = self.page_of(pep, "post16_plan")
        if unread := self.unread(ctx, pep, "aspirations", page=page):
            yield unread
            return
        text = pep.aspirations
        if not is_substantive(text, ctx.param("post16_min_words")):
            yield self.finding(
                ctx,
                "The post-16 plan does not record the young person's aspirations.",
                excerpt=text,
                page=page,
                suggestion="Record what the young person wants to do next and how they will get there.",
            )
        elif not PLAN_WORDS.search(text or ""):
            yield self.finding(
                ctx,
                "The post-16 plan gives aspirations but not how they will be reached.",
                excerpt=text,
                page=page,
                suggestion="Add the entry requirements, applications and support needed.",
            )


class NeetBarriers(Rule):
    id = "neet-barriers"
    severity = "error"
    sections = ("training_neet",)
    fields = ("eet_status",)
    doc = RuleDoc(
        summary="A young person not in education, employment or training has their barriers recorded.",
        what="When the EET status is NEET, checks the Short Term Training or NEET section says what the "
        "barriers are.",
        why="Walsall's guidance: the Short Term Training or NEET section 'also outlines the barriers to EET'.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        if pep.eet_status != "neet":
            return
        section = pep.sections.get("training_neet")
        values = [
            line.split("|", 1)[-1].strip()
            for line in (section.text.splitlines() if section else [])
        ]
        if not any(is_substantive(v, 5) and not re.match(r"(?i)not applicable", v) for v in values):
            yield self.finding(
                ctx,
                "The young person is not in education, employment or training, and the "
                "barriers are not recorded.",
                page=self.page_of(pep, "training_neet"),
                suggestion="Record the barriers to education, employment or training and the "
                "plan to overcome them.",
            )
