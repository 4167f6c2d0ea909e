"""Checkbox styles as text: crossed-box glyphs, tick marks, words in Yes/No columns."""

from __future__ import annotations

from tests.layouts.forms import Choice, Field, Item, Text


def choice_text(choice: Choice, style: str) -> str:
    """The options as one line of text in `style` ("glyph": ☒ Yes ☐ No; "tick": ✓ Yes  No)."""
    if style == "glyph":
        return "  ".join(f"{'☒' if o == choice.chosen else '☐'} {o}" for o in choice.options)
    if style == "tick":
        return (
            f"✓ {choice.chosen}" if choice.chosen else ""
        )  # print views list only the ticked option
    # in a cell of a grid, a Yes/No-columns form just prints the chosen word
    return choice.chosen or ""


def runs(items: list[Item]) -> list[list[Item] | Item]:
    """Items grouped: consecutive Field/Choice/Text items form one list; others stand alone."""
    out: list[list[Item] | Item] = []
    for item in items:
        if isinstance(item, (Field, Choice, Text)):
            if out and isinstance(out[-1], list):
                out[-1].append(item)
            else:
                out.append([item])
        else:
            out.append(item)
    return out


def split_choices(group: list[Item]) -> list[tuple[str, list[Item]]]:
    """For Yes/No-columns forms: ("fields", items) and ("choices", same-option choices) in order."""
    out: list[tuple[str, list[Item]]] = []
    for item in group:
        kind = "choices" if isinstance(item, Choice) else "fields"
        if (
            out
            and out[-1][0] == kind
            and (kind == "fields" or out[-1][1][0].options == item.options)  # type: ignore[union-attr]
        ):
            out[-1][1].append(item)
        else:
            out.append((kind, [item]))
    return out
