"""The draft feedback as structure, so every reporter renders the same content."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ActionPoint(BaseModel):
    """One thing to change: what is missing, where, the text concerned, the next step."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    severity: str
    what: str
    where: str | None = None
    quote: str | None = None
    next_step: str | None = None


class ItemFeedback(BaseModel):
    """The feedback for one checklist item that is not yet met."""

    model_config = ConfigDict(extra="forbid")

    item: str
    question: str
    answer: str
    points: list[ActionPoint] = Field(default_factory=list)


class Feedback(BaseModel):
    """Draft feedback to the designated teacher."""

    model_config = ConfigDict(extra="forbid")

    greeting: str
    opening: str
    strengths: list[str] = Field(default_factory=list)
    items: list[ItemFeedback] = Field(default_factory=list)
    advice: list[ActionPoint] = Field(default_factory=list)
    judgement: str
    closing: str

    def to_text(self) -> str:
        """Plain text, as it goes into the "Further Comments" box."""
        lines = [self.greeting, "", self.opening]
        if self.strengths:
            lines += ["", "What is working well:"] + [f"- {s}" for s in self.strengths]
        if self.items:
            lines += ["", "What needs to change before the PEP meets the standard:"]
            for item in self.items:
                lines.append(f"{item.item}. {item.question}")
                for point in item.points:
                    lines.append("- " + point_text(point))
        if self.advice:
            lines += ["", "To make the PEP stronger (not required for sign-off):"]
            lines += ["- " + point_text(p) for p in self.advice]
        lines += ["", self.judgement, "", self.closing]
        return "\n".join(lines)


def point_text(point: ActionPoint) -> str:
    """One action point as a sentence or two."""
    text = point.what
    if point.where:
        text += f" ({point.where})"
    if point.quote:
        text += f' The PEP says: "{point.quote}"'
    if point.next_step:
        text += f" Next step: {point.next_step}"
    return text
