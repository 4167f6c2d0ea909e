"""Walsall's "Section D: VS Final Sign Off" checklist: where D1-D7 are decided.

Each item is answered "no" when any of its rules reports an error, "unclear"
when a rule could not decide, and "yes" otherwise (DESIGN section 5).
"""

from __future__ import annotations

from peplint.checklist.model import ChecklistSpec, ItemSpec

SECTION_D = ChecklistSpec(
    title="Section D: VS Final Sign Off",
    items=[
        ItemSpec(
            id="D1",
            question="The PEP has been completed within timescale",
            rules=[
                "initial-pep-timescale",
                "review-interval",
                "sign-off-timescale",
                "next-pep-date",
            ],
            evidence_sections=["designated_teacher_sign_off"],
        ),
        ItemSpec(
            id="D2",
            question="All care information is completed with up to date information",
            rules=["care-info-complete"],
            evidence_sections=["personal_care"],
        ),
        ItemSpec(
            id="D3",
            question="All relevant people have attended and contributed to the PEP",
            rules=["statutory-attendees", "young-person-participation", "contributors-views"],
            evidence_sections=["pep_meeting"],
        ),
        ItemSpec(
            id="D4",
            question="The child's voice is recorded in the PEP",
            rules=["voice-present"],
            evidence_sections=["young_persons_views"],
        ),
        ItemSpec(
            id="D5",
            question="The PEP identifies educational strengths and areas for academic & "
            "social/emotional development?",
            rules=["strengths-identified", "development-areas-identified"],
            evidence_sections=["attainment_progress"],
        ),
        ItemSpec(
            id="D6",
            question="The targets reflect any areas of development identified within the PEP",
            rules=[
                "targets-address-needs",
                "intervention-where-below-expected",
                "attendance-threshold",
            ],
            evidence_sections=["smart_targets"],
        ),
        ItemSpec(
            id="D7",
            question="The targets are written clearly and concisely and identify strategies "
            "needed to achieve the target?",
            rules=[
                "targets-present",
                "smart-specific",
                "smart-measurable",
                "smart-time-bound",
                "smart-strategy",
            ],
            evidence_sections=["smart_targets"],
        ),
    ],
)
