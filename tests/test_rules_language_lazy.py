"""The rules stage analyses a text only when a rule asks for it."""

from __future__ import annotations

from collections.abc import Iterator

from peplint.engine import run_rules
from peplint.model.findings import Finding
from peplint.model.pep import Pep, Source, Target
from peplint.nlp import analyse
from peplint.nlp.analysis import _CACHE
from peplint.rules.base import Rule, RuleContext


class _AsksForTargetText(Rule):
    """Reads the language facts of each target's text, nothing else."""

    id = "asks-for-target-text"

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        """No findings; only the asking matters here."""
        for target in pep.targets:
            analyse(target.text)
        yield from ()


def test_texts_no_rule_reads_are_not_analysed() -> None:
    pep = Pep(
        source=Source(path="plan.pdf", sha256="0" * 64, format="pdf"),
        template="unknown",
        targets=[
            Target(
                text="Read with a reading buddy for 20 minutes 3 times a week.",
                who="Unasked Helper Name and the form tutor",
                strategy="Unasked strategy: paired reading in the library.",
            )
        ],
    )
    _CACHE.clear()
    run_rules(pep, {"asks-for-target-text": _AsksForTargetText()})
    assert pep.targets[0].text in _CACHE
    assert not any("Unasked" in text for text in _CACHE)
