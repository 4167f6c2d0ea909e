"""The profile stage entry point: a `Document` becomes a `Pep`."""

from __future__ import annotations

from peplint.extract import fields
from peplint.extract.field_aliases import relabel
from peplint.extract.profiles import TemplateProfile
from peplint.extract.sections import split_sections
from peplint.model.document import Block, BlockKind, Document
from peplint.model.pep import Pep, SectionText, Setting, Source

UNKNOWN_TEMPLATE = "unknown"


def _section_text(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind == BlockKind.TABLE and block.table is not None:
            lines.extend(" | ".join(c for c in row if c) for row in block.table.rows)
        else:
            lines.append(block.text)
    return "\n".join(line for line in lines if line)


def build_pep(
    document: Document,
    source: Source,
    profiles: list[TemplateProfile],
    extra_aliases: dict[str, list[str]] | None = None,
    field_aliases: dict[str, list[str]] | None = None,
) -> Pep:
    """Cut the document into sections and extract every typed field (`field_aliases`:
    a pack's `fields:`, field path -> the labels this layout uses for it)."""
    document = relabel(document, field_aliases)
    doc = split_sections(document, profiles, extra_aliases)
    setting_name, course = fields.setting(doc)
    warnings = list(document.warnings)
    if not doc.matched:
        warnings.append("No PEP section headings were recognised; this may not be a PEP export.")
    return Pep(
        source=source,
        template=doc.profile.name if doc.matched else UNKNOWN_TEMPLATE,
        child=fields.child(doc),
        carers=fields.carers(doc),
        social_worker=fields.social_worker(doc),
        designated_teacher=fields.designated_teacher(doc, setting_name),
        eet_status=fields.eet_status(doc),
        setting=Setting(name=setting_name, course=course),
        additional_needs=fields.additional_needs(doc),
        attainment=fields.attainment(doc),
        targets=fields.targets(doc),
        meeting=fields.meeting(doc),
        aspirations=fields.aspirations(doc),
        young_persons_views=fields.young_persons_views(doc),
        sign_offs=fields.sign_offs(doc),
        previous_pep_date=fields.previous_pep_date(doc),
        pep_type=fields.pep_type(doc),
        sections={
            key: SectionText(heading=s.heading, text=_section_text(s.blocks), page=s.page)
            for key, s in doc.sections.items()
        },
        unrecognised_headings=doc.unrecognised_headings,
        warnings=warnings,
    )
