"""Strengths and areas for development (checklist D5)."""

from __future__ import annotations

from collections.abc import Iterator

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc
from peplint.rules.vocabulary import ACADEMIC, DEVELOPMENT_CUES, SOCIAL_EMOTIONAL, STRENGTH_CUES


def development_sentences(pep: Pep) -> list[str]:
    """Sentences of the attainment overview that name an area for development."""
    facts = Rule.facts(pep.attainment.overview)
    return [s for s in facts.sentences if DEVELOPMENT_CUES.search(s)]


class StrengthsIdentified(Rule):
    id = "strengths-identified"
    severity = "error"
    sections = ("attainment_progress",)
    fields = ("attainment.overview",)
    doc = RuleDoc(
        summary="The attainment overview names the young person's educational strengths.",
        what="Looks in the attainment overview for strengths: 'strength', 'good at', 'excels', 'enjoys', "
        "'proud', 'excellent' and similar.",
        why="Checklist item D5; Walsall asks the designated teacher to comment on 'any strengths or areas of "
        "concern' at the top of the Attainment and Progress page.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "attainment_progress")
        if unread := self.unread(ctx, pep, "attainment.overview", page=page):
            yield unread
            return
        overview = pep.attainment.overview or ""
        if not STRENGTH_CUES.search(overview):
            yield self.finding(
                ctx,
                "The attainment overview does not name the young person's strengths.",
                excerpt=overview or None,
                page=self.page_of(pep, "attainment_progress"),
                suggestion="Name at least one thing the young person does well in their learning.",
            )


class DevelopmentAreasIdentified(Rule):
    id = "development-areas-identified"
    severity = "error"
    sections = ("attainment_progress",)
    fields = ("attainment.overview", "attainment.subjects")
    doc = RuleDoc(
        summary="The overview names areas for academic and for social/emotional development.",
        what="Looks in the attainment overview for areas to develop ('an area to develop is...', 'finds ... "
        "hard', 'needs support with'); reports an error when there are none, and a warning when only "
        "academic or only social/emotional areas are named.",
        why="Checklist item D5, 'areas for academic & social/emotional development'; Walsall encourages an "
        "SEMH target where appropriate.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        page = self.page_of(pep, "attainment_progress")
        if unread := self.unread(ctx, pep, "attainment.overview", page=page):
            yield unread
            return
        sentences = development_sentences(pep)
        if not sentences:
            yield self.finding(
                ctx,
                "The attainment overview does not name any areas for development.",
                excerpt=pep.attainment.overview,
                page=page,
                suggestion="Say what the young person needs to work on next, in learning and "
                "in their social and emotional development.",
            )
            return
        joined = " ".join(sentences)
        social = bool(SOCIAL_EMOTIONAL.search(joined))
        subjects = {s.subject.lower() for s in pep.attainment.subjects}
        academic = bool(ACADEMIC.search(joined)) or any(name in joined.lower() for name in subjects)
        if not social:
            yield self.finding(
                ctx,
                "The overview names areas for academic development but none for social "
                "or emotional development.",
                excerpt=joined,
                page=page,
                advisory=True,
                suggestion="Add an area for social or emotional development, or say there is none.",
            )
        elif not academic:
            yield self.finding(
                ctx,
                "The overview names social or emotional areas but no academic area for "
                "development.",
                excerpt=joined,
                page=page,
                advisory=True,
                suggestion="Add the academic area the young person needs to develop.",
            )
