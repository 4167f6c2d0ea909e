"""`peplint pack test`: run a pack's own test cases and report like a test runner."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from peplint.checklist.evaluate import evaluate
from peplint.engine import run_rules
from peplint.errors import InputError
from peplint.lint import LintSetup
from peplint.model.pep import Pep
from peplint.packs.model import PackTestCase
from peplint.packs.resolve import EffectivePack
from peplint.reading import read_pep
from peplint.rules.examples_loader import RuleCase, baseline, merge


@dataclass
class CaseResult:
    """The outcome of one pack test case."""

    pack: str
    name: str
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """No expectation was broken."""
        return not self.problems


def _pep_for(case: PackTestCase, pack_file: Path) -> Pep:
    if case.fixture:
        return read_pep((pack_file.parent / case.fixture).resolve())
    data = merge(copy.deepcopy(baseline()), case.pep or {})
    return RuleCase(case.name, data).pep()


def run_case(case: PackTestCase, pack_file: Path, setup: LintSetup) -> list[str]:
    """What went wrong in one case (empty when it passes)."""
    if case.pep is None and case.fixture is None:
        return ["the case gives neither 'pep' nor 'fixture'"]
    try:
        pep = _pep_for(case, pack_file)
    except InputError as exc:
        return [f"the fixture cannot be read: {exc.message}"]
    except ValueError as exc:
        return [f"the case's PEP is not valid: {str(exc).splitlines()[0]}"]
    findings = run_rules(pep, setup.rules, setup.config)
    found = {f.rule for f in findings}
    checklist = evaluate(setup.checklist, findings, pep)
    problems = [
        f"expected a finding from '{r}', got none" for r in case.expect.findings if r not in found
    ]
    problems += [
        f"did not expect a finding from '{r}': {next(f.message for f in findings if f.rule == r)}"
        for r in case.expect.no_findings
        if r in found
    ]
    answers = {i.id: i.answer for i in checklist.items}
    for item, wanted in case.expect.checklist.items():
        if item not in answers:
            problems.append(f"the checklist has no item '{item}'")
        elif answers[item] != wanted:
            problems.append(f"checklist {item}: expected '{wanted}', got '{answers[item]}'")
    if case.expect.meets is not None and checklist.overall.meets != case.expect.meets:
        problems.append(f"expected meets={case.expect.meets}, got '{checklist.overall.label}'")
    return problems


def run_pack_tests(effective: EffectivePack, own_only: bool = False) -> list[CaseResult]:
    """Run the test cases of the pack and, unless `own_only`, of the packs it extends,
    each under the settings of the pack that defines it."""
    from peplint.engine import registered_rules
    from peplint.packs.resolve import resolve_pack

    rules = registered_rules()
    packs = effective.loaded[-1:] if own_only else effective.loaded
    results = []
    for loaded in packs:
        if not loaded.file.tests:
            continue
        own = effective if loaded is effective.loaded[-1] else resolve_pack(str(loaded.path))
        setup = own.setup(rules)
        for case in loaded.file.tests:
            results.append(
                CaseResult(loaded.file.pack, case.name, run_case(case, loaded.path, setup))
            )
    return results
