"""The layout variants: each a name and its axes, rendered from one case spec.

Axes: producer, heading style, field presentation, date style, checkbox style,
target presentation, authority (section names and label wording), contacts
(a people table or labelled fields). Every value of every axis is used by at
least one variant, and no two variants share more than a few values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from peplint.generate.spec import CaseSpec
from tests.layouts import vocab
from tests.layouts.forms import build_form


@dataclass(frozen=True)
class Variant:
    """One layout: how a spec is laid out and which program writes the file."""

    name: str
    producer: str  # python-docx | wordml | reportlab | libreoffice | chromium
    heading: str
    fields: str
    dates: str
    checkbox: str
    targets: str
    authority: vocab.Authority
    contacts: str = "fields"
    base: str | None = None  # libreoffice: the Word writer whose file it converts
    actions: bool = False  # a platform's "Edit Delete" action column left in its tables

    @property
    def format(self) -> str:
        """The file format the variant produces."""
        return "docx" if self.producer in ("python-docx", "wordml") else "pdf"

    @property
    def committed(self) -> bool:
        """Made by a program CI may lack, so committed under fixtures/variants/."""
        return self.producer in ("libreoffice", "chromium")

    def axes(self) -> dict[str, str]:
        """The variant's axes, for reports."""
        data = asdict(self)
        data["authority"] = self.authority.name
        data.pop("name")
        data.pop("base")
        if data.pop("actions"):
            data["quirks"] = "Edit Delete action column"
        return {k: str(v) for k, v in data.items()}


VARIANTS: tuple[Variant, ...] = (
    Variant(
        "docx-bold-2cell",
        "python-docx",
        "bold",
        "two_cell",
        "short",
        "glyph",
        "grid",
        vocab.ST_HELENS,
        contacts="table",
    ),
    Variant(
        "docx-numbered-4cell",
        "python-docx",
        "numbered",
        "four_cell",
        "numeric",
        "columns",
        "numbered",
        vocab.SOUTHAMPTON,
    ),
    Variant(
        "docx-styles-inline",
        "python-docx",
        "styles",
        "inline",
        "weekday",
        "tick",
        "blocks",
        vocab.DUDLEY,
    ),
    Variant(
        "docx-titlerow-qa",
        "python-docx",
        "title_row",
        "qa_table",
        "ordinal",
        "glyph",
        "grid",
        vocab.WALSALL_REWORDED,
        contacts="table",
    ),
    Variant(
        "docx-bold-labelpara",
        "python-docx",
        "bold",
        "label_para",
        "numeric",
        "tick",
        "blocks",
        vocab.MY_PEP,
    ),
    Variant(
        "wordml-textbox-controls",
        "wordml",
        "textbox",
        "content_control",
        "short",
        "content_control",
        "blocks",
        vocab.WALSALL_REWORDED,
    ),
    Variant(
        "wordml-shaded-4cell",
        "wordml",
        "title_row",
        "four_cell",
        "weekday",
        "content_control",
        "grid",
        vocab.MY_PEP,
        contacts="table",
    ),
    Variant(
        "wordml-outline-2cell",
        "wordml",
        "outline",
        "two_cell",
        "ordinal",
        "content_control",
        "numbered",
        vocab.ST_HELENS,
    ),
    Variant(
        "pdf-band-above",
        "reportlab",
        "band",
        "label_above",
        "weekday",
        "drawn",
        "numbered",
        vocab.GATESHEAD,
        contacts="table",
    ),
    Variant(
        "pdf-caps-gap", "reportlab", "caps", "gap", "ordinal", "brackets", "grid", vocab.SOUTHAMPTON
    ),
    Variant(
        "pdf-large-above",
        "reportlab",
        "large",
        "label_above",
        "short",
        "brackets",
        "blocks",
        vocab.DUDLEY,
        contacts="table",
    ),
    Variant(
        "pdf-smallcaps-gap-actions",
        "reportlab",
        "smallcaps",
        "gap",
        "numeric",
        "drawn",
        "blocks",
        vocab.WALSALL_REWORDED,
        contacts="table",
        actions=True,
    ),
    Variant(
        "docx-bold-stacked",
        "python-docx",
        "bold",
        "stacked",
        "weekday",
        "glyph",
        "numbered",
        vocab.MY_PEP,
        contacts="table",
    ),
    # committed under fixtures/variants/ (made by fixtures/variants/make.sh)
    Variant(
        "libreoffice-numbered-labelpara",
        "libreoffice",
        "numbered",
        "label_para",
        "ordinal",
        "glyph",
        "numbered",
        vocab.GATESHEAD,
        base="python-docx",
    ),
    Variant(
        "libreoffice-textbox-controls",
        "libreoffice",
        "textbox",
        "content_control",
        "numeric",
        "content_control",
        "grid",
        vocab.DUDLEY,
        base="wordml",
    ),
    Variant(
        "libreoffice-bold-stacked",
        "libreoffice",
        "bold",
        "stacked",
        "short",
        "tick",
        "grid",
        vocab.SOUTHAMPTON,
        base="python-docx",
    ),
    Variant(
        "chromium-large-gap",
        "chromium",
        "large",
        "gap",
        "numeric",
        "tick",
        "grid",
        vocab.ST_HELENS,
        contacts="table",
    ),
)

BY_NAME = {v.name: v for v in VARIANTS}
SPEC_IDS = ("walsall-good", "secondary-good", "walsall-weak-targets", "secondary-absent-no-voice")


def render(variant: Variant, spec: CaseSpec, out_dir: Path) -> Path:
    """Write `spec` in `variant`'s layout into `out_dir`; the path of the file written."""
    sections = build_form(spec, variant.authority, variant.dates, variant.contacts)
    path = out_dir / f"{variant.name}--{spec.id}.{variant.format}"
    title = "Personal Education Plan"
    if variant.producer == "python-docx":
        from tests.layouts.word import render_word

        return render_word(
            sections,
            title,
            path,
            heading=variant.heading,
            fields=variant.fields,
            checkbox=variant.checkbox,
            targets=variant.targets,
        )
    if variant.producer == "wordml":
        from tests.layouts.wordml import render_wordml

        return render_wordml(
            sections,
            title,
            path,
            heading=variant.heading,
            fields=variant.fields,
            targets=variant.targets,
        )
    if variant.producer == "reportlab":
        from tests.layouts.printview import render_print_view

        running = f"{spec.child.name or ''} - Personal Education Plan"
        return render_print_view(
            sections,
            title,
            running,
            path,
            heading=variant.heading,
            fields=variant.fields,
            checkbox=variant.checkbox,
            targets=variant.targets,
            actions=variant.actions,
        )
    raise ValueError(f"{variant.name}: {variant.producer} files are committed, not rendered here")
