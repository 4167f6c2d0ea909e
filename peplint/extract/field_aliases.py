"""A pack's field label aliases (`fields:`) applied before the fields are read.

A label a layout uses for a field ("Learner DOB" for the date of birth) is rewritten to a
label the extractor knows for that field, in every shape a label takes: a label/value
table row, a table header cell, a "Label: value" line, a label-value block, a sub-heading.
The document's values are untouched.
"""

from __future__ import annotations

import re

from peplint.extract.section_view import normalise_label
from peplint.model.document import Block, BlockKind, Document, Table

# Field path -> a label the extractor reads for it (for list fields, a column header).
KNOWN_LABEL: dict[str, str] = {
    "child.name": "Young person's name",
    "child.date_of_birth": "Date of birth",
    "child.year_group": "Year group",
    "child.date_entered_care": "Date entered care",
    "child.emergency_placement": "Emergency placement",
    "social_worker.name": "Social worker name",
    "social_worker.phone": "Social worker phone",
    "social_worker.email": "Social worker email",
    "designated_teacher.name": "Designated teacher name",
    "designated_teacher.phone": "Designated teacher phone",
    "designated_teacher.email": "Designated teacher email",
    "eet_status": "EET status",
    "setting.name": "Name of setting",
    "setting.course": "Course",
    "additional_needs.sen_status": "SEN status",
    "additional_needs.category": "Category of need",
    "additional_needs.exam_arrangements": "Exam arrangements",
    "additional_needs.text": "Details",
    "attainment.overview": "Overview of progress",
    "meeting.date": "Date of PEP meeting",
    "meeting.young_person_attended": "Did the young person attend",
    "meeting.young_person_absence_reason": "If not, why not",
    "meeting.attendance_percent": "Attendance this academic year",
    "meeting.wellbeing_rag": "Well-being RAG",
    "meeting.discussion": "Summary of discussion",
    "meeting.actions": "Actions",
    "meeting.previous_actions_review": "Review of previous actions",
    "meeting.contributors_views": "Views of those supporting the young person",
    "aspirations": "Aspirations",
    "young_persons_views": "Young person's views",
    "sign_offs.social_worker.completed": "Section complete",
    "sign_offs.social_worker.date": "Date completed",
    "sign_offs.social_worker.next_pep_date": "Date of next PEP",
    "sign_offs.designated_teacher.completed": "Section complete",
    "sign_offs.designated_teacher.date": "Date completed",
    "sign_offs.designated_teacher.next_pep_date": "Date of next PEP",
    "previous_pep_date": "Date of previous PEP",
    "pep_type": "PEP type",
    "targets[].text": "Target",
    "targets[].who": "Who",
    "targets[].deadline_text": "By when",
    "targets[].strategy": "Strategy",
    "attainment.subjects[].subject": "Subject",
    "attainment.subjects[].level": "Level",
    "attainment.subjects[].intervention": "Intervention",
    "carers[].name": "Name",
    "carers[].phone": "Phone",
    "carers[].email": "Email",
    "meeting.attendees[].name": "Name",
    "meeting.attendees[].role": "Role",
    "meeting.attendees[].attended": "Attended",
}


def relabel(document: Document, field_aliases: dict[str, list[str]] | None) -> Document:
    """`document` with every label named in `field_aliases` replaced by a known label."""
    lookup = {
        normalise_label(alias): KNOWN_LABEL[path]
        for path, aliases in (field_aliases or {}).items()
        if path in KNOWN_LABEL
        for alias in aliases
    }
    if not lookup:
        return document

    def label(text: str | None) -> str | None:
        return lookup.get(normalise_label(text), text) if text else text

    blocks: list[Block] = []
    for block in document.blocks:
        if block.kind == BlockKind.TABLE and block.table is not None:
            rows = [[label(cell) if cell else cell for cell in row] for row in block.table.rows]
            blocks.append(block.model_copy(update={"table": Table(rows=rows)}))
        elif block.kind == BlockKind.LABEL_VALUE:
            blocks.append(block.model_copy(update={"label": label(block.label)}))
        elif block.kind == BlockKind.HEADING and normalise_label(block.text) in lookup:
            blocks.append(block.model_copy(update={"text": lookup[normalise_label(block.text)]}))
        elif block.kind == BlockKind.PARAGRAPH:
            match = re.match(r"^([^:\n]{2,60}):(.*)$", block.text, re.DOTALL)
            known = lookup.get(normalise_label(match.group(1))) if match else None
            if match and known:
                blocks.append(block.model_copy(update={"text": f"{known}:{match.group(2)}"}))
            else:
                blocks.append(block)
        else:
            blocks.append(block)
    return document.model_copy(update={"blocks": blocks})
