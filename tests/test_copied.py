"""Copied-text detection: finds near-identical passages across children, ignores a
child's own repeats and stock phrases alone, and stays near-linear on a large term."""

from __future__ import annotations

import random

from peplint.bulk import copied
from peplint.bulk.copied import find_copied
from peplint.model.pep import Child, Pep, Source, Target
from peplint.report import FileReport

SUBJECTS = ["maths", "English", "science", "history", "art", "music", "French", "PE"]


def _entry(child: str, targets: list[str]) -> FileReport:
    pep = Pep(
        source=Source(path=f"{child}.pdf", sha256="0" * 64, format="pdf"),
        template="t",
        child=Child(name=child),
        targets=[Target(text=t) for t in targets],
    )
    return FileReport(path=f"{child}.pdf", sha256="0" * 64, status="ok", pep=pep)


def _items(entries: list[FileReport]) -> list[tuple[str, str, FileReport]]:
    return [(e.path, e.path, e) for e in entries]


GENERIC = "You will work hard in all your lessons and complete every piece of homework on time."


def test_near_copies_across_children_are_grouped() -> None:
    varied = GENERIC.replace("every piece of", "all of your")  # Jaccard just under 0.8
    nearly = GENERIC.replace("on time.", "on time!")  # the same words
    groups = find_copied(
        _items(
            [
                _entry("Ava Stone", [GENERIC]),
                _entry("Noah Price", [nearly]),
                _entry("Mia Lee", [varied]),
                _entry(
                    "Leo Park", ["Leo will read aloud with his carer for ten minutes each night."]
                ),
            ]
        )
    )
    assert [sorted(p.file for p in g.passages) for g in groups] == [
        ["Ava Stone.pdf", "Noah Price.pdf"]
    ]


def test_one_childs_own_repeats_are_not_copying() -> None:
    assert find_copied(_items([_entry("Ava Stone", [GENERIC, GENERIC])])) == []


def test_the_childs_name_does_not_hide_a_copy() -> None:
    groups = find_copied(
        _items(
            [
                _entry("Ava Stone", [f"Ava will {GENERIC.lower()}"]),
                _entry("Noah Price", [f"Noah will {GENERIC.lower()}"]),
            ]
        )
    )
    assert len(groups) == 1 and len(groups[0].passages) == 2


def _term(children: int, seed: int = 7) -> list[FileReport]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(3000)]
    entries = []
    for n in range(children):
        own = " ".join(rng.choice(words) for _ in range(14))
        subject = SUBJECTS[n % len(SUBJECTS)]
        entries.append(
            _entry(
                f"child {n}",
                [GENERIC, f"In {subject} you will practise your times tables with support.", own],
            )
        )
    return entries


def test_a_large_term_is_compared_within_the_bound(monkeypatch: object) -> None:
    counted = {"steps": 0}
    real = copied.defaultdict

    class Counting(dict):  # type: ignore[type-arg]
        def __missing__(self, key: object) -> int:
            counted["steps"] += 1
            self[key] = 0
            return 0

    def counting_defaultdict(factory: object) -> object:
        return Counting() if factory is int else real(factory)  # type: ignore[arg-type]

    import pytest

    patch = pytest.MonkeyPatch()
    patch.setattr(copied, "defaultdict", counting_defaultdict)
    try:
        small = _term(1000)
        groups = find_copied(_items(small))
        small_steps = counted["steps"]
        counted["steps"] = 0
        find_copied(_items(_term(4000)))
        large_steps = counted["steps"]
    finally:
        patch.undo()
    generic = next(g for g in groups if g.text == GENERIC)
    assert len(generic.passages) == 1000
    tables = [g for g in groups if "times tables" in g.text]
    assert sum(len(g.passages) for g in tables) == 1000
    # Candidate pairs grow with the number of passages, not with its square.
    assert large_steps <= 4 * small_steps * 1.5
