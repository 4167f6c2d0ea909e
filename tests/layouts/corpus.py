"""Every (variant, spec) document: rendered into a folder, or committed under fixtures/variants/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peplint.generate.spec import CaseSpec, load_spec
from tests.conftest import FIXTURES, SPECS
from tests.layouts.variants import SPEC_IDS, VARIANTS, Variant, render

COMMITTED = FIXTURES / "variants"


@dataclass(frozen=True)
class VariantDocument:
    """One spec in one layout, and where its file is."""

    variant: Variant
    spec: CaseSpec
    path: Path

    @property
    def key(self) -> str:
        """`variant--spec`, the id used in tests and in known_gaps.yaml."""
        return f"{self.variant.name}--{self.spec.id}"


def specs() -> list[CaseSpec]:
    """The case specs every variant renders."""
    return [load_spec(SPECS / f"{spec_id}.yaml") for spec_id in SPEC_IDS]


def committed_path(variant: Variant, spec_id: str) -> Path:
    """Where a committed variant file lives."""
    return COMMITTED / f"{variant.name}--{spec_id}.{variant.format}"


def build(out_dir: Path) -> list[VariantDocument]:
    """Render every variant that is made in the test run into `out_dir`; list those committed
    too (the committed subset is whatever fixtures/variants/make.sh wrote)."""
    out: list[VariantDocument] = []
    for spec in specs():
        for variant in VARIANTS:
            if variant.committed:
                path = committed_path(variant, spec.id)
                if path.is_file():
                    out.append(VariantDocument(variant, spec, path))
            else:
                out.append(VariantDocument(variant, spec, render(variant, spec, out_dir)))
    return out
