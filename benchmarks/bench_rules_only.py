"""Rules-only accuracy: checklist answers with parsing taken out.

For every fixture spec (fixtures/specs/*.yaml), the spec's content is built straight
into a `Pep` (no document, no parser) and linted with the default pack; its checklist
answers and finding rules are compared with the spec's own `expect:`. The same is done
end to end on the generated Word and PDF files, so a wrong answer can be told apart:
wrong in rules-only is a rule error, right in rules-only but wrong end to end is a
parse error.

    python benchmarks/bench_rules_only.py
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from peplint.checklist.evaluate import evaluate
from peplint.engine import run_rules
from peplint.generate.spec import CaseSpec, load_spec
from peplint.lint import LintSetup, lint_file
from peplint.model.findings import Finding
from peplint.model.pep import Pep, Source

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "fixtures" / "specs"
GENERATED = ROOT / "fixtures" / "generated"


def spec_pep(spec: CaseSpec) -> Pep:
    """The spec's content as a `Pep`, as if read perfectly (no provenance: every field read)."""
    source = Source(path=f"{spec.id}.spec", sha256="0" * 64, format="docx")
    return Pep(source=source, template=spec.render.template, **spec.pep_fields())


@dataclass
class Tally:
    """Checklist items and finding sets matched against the specs."""

    items: int = 0
    items_right: int = 0
    cases: int = 0
    findings_right: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, label: str, answers: dict[str, str], rules: set[str], expect: dict) -> None:  # type: ignore[type-arg]
        wanted = expect.get("checklist", {})
        self.cases += 1
        for item, answer in wanted.items():
            self.items += 1
            if answers.get(item) == answer:
                self.items_right += 1
            else:
                self.wrong.append(f"  {label} {item}: said {answers.get(item)}, expected {answer}")
        want_rules = set(expect.get("findings", []))
        if rules == want_rules:
            self.findings_right += 1
        else:
            self.wrong.append(
                f"  {label} findings: extra {sorted(rules - want_rules)}, missing {sorted(want_rules - rules)}"
            )

    def line(self, name: str) -> str:
        share = self.items_right / self.items if self.items else 1.0
        return (
            f"{name:<12} checklist items {self.items_right}/{self.items} ({share:.1%}), "
            f"finding sets exact {self.findings_right}/{self.cases}"
        )


def _rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings if f.severity in ("error", "warning")}


def main() -> int:
    setup = LintSetup.default()
    tallies = {"rules-only": Tally(), "docx": Tally(), "pdf": Tally()}
    for path in sorted(SPECS.glob("*.yaml")):
        spec = load_spec(path)
        if not spec.expect:
            continue
        pep = spec_pep(spec)
        findings = run_rules(pep, setup.rules, setup.config)
        checklist = evaluate(setup.checklist, findings, pep)
        answers = {item.id: item.answer for item in checklist.items}
        tallies["rules-only"].add(spec.id, answers, _rules(findings), spec.expect)
        for fmt in ("docx", "pdf"):
            document = GENERATED / f"{spec.id}.{fmt}"
            if not document.is_file():
                continue
            report = lint_file(document, setup)
            got = {i.id: i.answer for i in report.checklist.items} if report.checklist else {}
            tallies[fmt].add(f"{spec.id}.{fmt}", got, _rules(report.findings), spec.expect)
    for name, tally in tallies.items():
        print(tally.line(name))
    for name, tally in tallies.items():
        if tally.wrong:
            print(f"wrong ({name}):")
            print("\n".join(tally.wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
