"""Rating scales and their aggregation, defined as data so a pack can define its own.

An item is rated by the first rule whose conditions hold on the counts of its
rules' findings (`errors`, `warnings`, `infos`, `unclear`); the overall rating
by the first rule whose conditions hold on the counts of item ratings (items
marked ``in_overall: false`` are left out). A condition is a count: ``3``
(exactly), ``">=7"``, ``"<=1"``, ``">0"``, ``"<2"``, or ``"all"`` (every item).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

CONDITION = re.compile(r"^(all|(>=|<=|>|<|==)?\s*\d+)$")


class RatingRule(BaseModel):
    """A rating and the counts that give it (no conditions: always)."""

    model_config = ConfigDict(extra="forbid")

    rating: str
    when: dict[str, int | str] = Field(default_factory=dict)

    @field_validator("when")
    @classmethod
    def _conditions(cls, value: dict[str, int | str]) -> dict[str, int | str]:
        for key, cond in value.items():
            if isinstance(cond, str) and not CONDITION.match(cond.strip()):
                raise ValueError(
                    f"condition for '{key}' must be a number, '>=N', '<=N', '>N', '<N' or 'all'"
                )
        return value

    def holds(self, counts: dict[str, int], total: int) -> bool:
        """Whether every condition holds for these counts."""
        return all(_compare(counts.get(key, 0), cond, total) for key, cond in self.when.items())


def _compare(value: int, cond: int | str, total: int) -> bool:
    if isinstance(cond, int):
        return value == cond
    text = cond.strip()
    if text == "all":
        return value == total
    match = re.match(r"(>=|<=|>|<|==)?\s*(\d+)", text)
    assert match is not None  # validated
    op, number = match.group(1) or "==", int(match.group(2))
    return {
        ">=": value >= number,
        "<=": value <= number,
        ">": value > number,
        "<": value < number,
        "==": value == number,
    }[op]


class ScaleSpec(BaseModel):
    """A rating scale: item ratings, overall ratings, which ones meet the standard, labels."""

    model_config = ConfigDict(extra="forbid")

    name: str
    item: list[RatingRule]
    overall: list[RatingRule]
    meets: list[str]
    labels: dict[str, str] = Field(default_factory=dict)
    # The ratings a form offers as tick boxes, in order (default: the item ratings in the
    # order the scale lists them, without "unclear").
    options: list[str] = Field(default_factory=list)

    def item_options(self) -> list[str]:
        """Every item rating a form offers, in the pack's order (not only those given)."""
        listed = self.options or [r.rating for r in self.item if r.rating != "unclear"]
        return list(dict.fromkeys(listed))

    def overall_options(self) -> list[str]:
        """The words of every overall rating, in the pack's order."""
        return list(dict.fromkeys(self.label(r.rating) for r in self.overall))

    def rate_item(self, counts: dict[str, int]) -> str:
        """The rating of one item from its finding counts."""
        return _first(self.item, counts, total=0)

    def rate_overall(self, ratings: list[str]) -> str:
        """The overall rating from the item ratings that count."""
        counts: dict[str, int] = {}
        for rating in ratings:
            counts[rating] = counts.get(rating, 0) + 1
        return _first(self.overall, counts, total=len(ratings))

    def label(self, rating: str) -> str:
        """The words for an overall rating."""
        return self.labels.get(rating, rating)


def _first(rules: list[RatingRule], counts: dict[str, int], total: int) -> str:
    for rule in rules:
        if rule.holds(counts, total):
            return rule.rating
    return rules[-1].rating


YES_NO = ScaleSpec(
    name="yes-no",
    item=[
        RatingRule(rating="no", when={"errors": ">=1"}),
        RatingRule(rating="unclear", when={"unclear": ">=1"}),
        RatingRule(rating="yes"),
    ],
    overall=[RatingRule(rating="meets", when={"yes": "all"}), RatingRule(rating="does-not-meet")],
    meets=["meets"],
    labels={
        "meets": "The PEP meets the expected standard",
        "does-not-meet": "The PEP does not meet the expected standard",
    },
    options=["yes", "no"],
)

RAG = ScaleSpec(
    name="rag",
    item=[
        RatingRule(rating="red", when={"errors": ">=1"}),
        RatingRule(rating="amber", when={"warnings": ">=1"}),
        RatingRule(rating="amber", when={"unclear": ">=1"}),
        RatingRule(rating="green"),
    ],
    overall=[
        RatingRule(rating="red", when={"red": ">=1"}),
        RatingRule(rating="amber", when={"amber": ">=1"}),
        RatingRule(rating="green"),
    ],
    meets=["green"],
    labels={
        "red": "Red: the PEP must be improved before it can be signed off",
        "amber": "Amber: the PEP is adequate but needs improvement",
        "green": "Green: a good PEP",
    },
)

GOLD_GREEN_AMBER_RED = ScaleSpec(
    name="gold-green-amber-red",
    item=[
        RatingRule(rating="gold", when={"errors": 0, "warnings": 0, "unclear": 0}),
        RatingRule(rating="green", when={"errors": 0}),
        RatingRule(rating="amber", when={"errors": 1}),
        RatingRule(rating="red"),
    ],
    overall=[
        RatingRule(rating="red", when={"red": ">=1"}),
        RatingRule(rating="amber", when={"amber": ">=2"}),
        RatingRule(rating="gold", when={"gold": ">=7", "amber": 0}),
        RatingRule(rating="green"),
    ],
    meets=["gold", "green"],
    labels={"gold": "Gold", "green": "Green", "amber": "Amber", "red": "Red"},
)

PRESETS: dict[str, ScaleSpec] = {s.name: s for s in (YES_NO, RAG, GOLD_GREEN_AMBER_RED)}
