"""Held-out layouts: the variants' axes recombined into layouts no variant has.

The fixed variants (variants.py) are what the reader was built against; reading them all
is necessary, not sufficient. Each rendered variant is shifted here along four axes at
once, by the same step on each: its authority (section names and label wording), date
style, target presentation and checkbox style, each moved `shift` places along the list
of that axis's values, so shift 1..5 give five layouts per variant that none of the
variants has. Nothing here is chosen by what the reader handles: the shifts are fixed
before any result is seen, and every shift of every variant is kept.
"""

from __future__ import annotations

import dataclasses

from tests.layouts import vocab
from tests.layouts.variants import VARIANTS, Variant

AUTHORITIES: tuple[vocab.Authority, ...] = (
    vocab.ST_HELENS,
    vocab.SOUTHAMPTON,
    vocab.DUDLEY,
    vocab.GATESHEAD,
    vocab.WALSALL_REWORDED,
    vocab.MY_PEP,
)
SHIFTS = (1, 2, 3, 4, 5)


def _moved(values: list[str], value: str, shift: int) -> str:
    return values[(values.index(value) + shift) % len(values)]


def recombined(shifts: tuple[int, ...] = SHIFTS) -> list[Variant]:
    """Every rendered variant shifted by each of `shifts` (committed producers left out:
    their files come from programs CI may lack)."""
    dates = sorted({v.dates for v in VARIANTS})
    targets = sorted({v.targets for v in VARIANTS})
    checkboxes: dict[str, list[str]] = {}
    for variant in VARIANTS:
        checkboxes.setdefault(variant.producer, [])
        if variant.checkbox not in checkboxes[variant.producer]:
            checkboxes[variant.producer].append(variant.checkbox)
    out = []
    for variant in VARIANTS:
        if variant.committed:
            continue
        for shift in shifts:
            authority = AUTHORITIES[
                (AUTHORITIES.index(variant.authority) + shift) % len(AUTHORITIES)
            ]
            out.append(
                dataclasses.replace(
                    variant,
                    name=f"{variant.name}-x{shift}",
                    authority=authority,
                    dates=_moved(dates, variant.dates, shift),
                    targets=_moved(targets, variant.targets, shift),
                    checkbox=_moved(sorted(checkboxes[variant.producer]), variant.checkbox, shift),
                )
            )
    return out
