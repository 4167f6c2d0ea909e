"""Template profiles: the headings each ePEP template uses for each canonical section.

A profile is data. Built-in profiles are registered through the plugin hook
`peplint_register_profiles` like any third-party one, and a rule pack can add
aliases. The profile whose headings a document uses most is the one that
matched; headings it does not know are still looked up in every other profile.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from peplint.model.pep import SECTION_KEYS


@lru_cache(maxsize=4096)
def normalise_heading(text: str) -> str:
    """A heading reduced for matching: lower case, no punctuation or numbering,
    no "Section C:" part prefix, no leading article."""
    t = text.lower().replace("&", " and ").replace("’", "'")
    t = re.sub(r"^\s*(part|section)\s+[a-z0-9]{1,2}\b\s*[:.\-–]?\s*", "", t)
    t = re.sub(r"^\s*(\d+(\.\d+)*|[a-z])[.)]\s+", "", t)
    t = re.sub(r"[^a-z0-9' ]+", " ", t).replace("'", "")
    t = re.sub(r"^(the|my)\s+(?=\w)", lambda m: "my " if m.group(1) == "my" else "", t.strip())
    return " ".join(t.split())


class TemplateProfile(BaseModel):
    """One ePEP template's section headings."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    structural: list[str] = Field(default_factory=list)  # part headings that open no section

    @field_validator("aliases")
    @classmethod
    def _known_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = sorted(set(value) - set(SECTION_KEYS))
        if unknown:
            raise ValueError(f"unknown section key(s): {', '.join(unknown)}")
        return value

    def heading_map(self) -> dict[str, str]:
        """Normalised heading -> section key."""
        return {normalise_heading(a): key for key, aliases in self.aliases.items() for a in aliases}

    def is_structural(self, heading: str) -> bool:
        """Whether `heading` is a part or title heading of this template."""
        return any(re.search(p, heading, re.IGNORECASE) for p in self.structural)


WALSALL_POST16 = TemplateProfile(
    name="walsall-post16",
    description="Walsall Virtual School post-16 ePEP (Sections A-D)",
    aliases={
        "personal_care": ["Personal / Care Information", "Personal Care Information"],
        "social_worker_info": ["Social Worker Information"],
        "education_setting": [
            "Education, Employed or Apprenticed",
            "Education Employment or Apprenticeship",
        ],
        "training_neet": ["Short Term Training or NEET"],
        "custody_remand": ["Custody and Remand"],
        "additional_needs": ["Additional Needs"],
        "key_contacts": ["Key Contacts"],
        "social_worker_sign_off": ["Social Worker Sign Off"],
        "attainment_progress": ["Attainment and Progress"],
        "smart_targets": ["SMART Targets"],
        "pep_meeting": ["The PEP Meeting", "PEP Meeting Page"],
        "post16_plan": ["Post Year 14 Plan", "Post 16 Plan"],
        "designated_teacher_sign_off": ["Designated Teacher Sign Off"],
        "young_persons_views": ["Young Person's Views", "Young Person's View"],
        "vs_final_sign_off": ["VS Final Sign Off"],
    },
    structural=[
        r"^personal education plan",
        r"social worker section$",
        r"designated teacher section$",
        r"^[ab]\.\s*post 16 plan$",
    ],
)

SECONDARY = TemplateProfile(
    name="secondary",
    description="Generic secondary-school PEP with other authorities' section names "
    "(St Helens, Welfare Call, Southampton, Dudley and post-16 variants)",
    aliases={
        "personal_care": [
            "About Me",
            "General and personal",
            "Essential pupil information",
            "Care information",
            "Personal information",
        ],
        "social_worker_info": ["Social worker details", "Social care information"],
        "education_setting": ["My Education", "Education provision", "Education", "My School"],
        "training_neet": ["Not in education, employment or training", "NEET"],
        "custody_remand": ["Custody", "Youth justice"],
        "additional_needs": [
            "SEN and Additional Needs",
            "Special Educational Needs",
            "SEND",
            "My additional needs",
            "Health information",
            "SDQ",
        ],
        "key_contacts": ["Contact information", "Contacts"],
        "attainment_progress": [
            "My Attainment",
            "Achievement and Attainment",
            "Attainment and progress",
            "My Progress",
            "Attainment",
        ],
        "smart_targets": [
            "My Targets",
            "My Targets/Outcomes",
            "Targets",
            "My Outcomes",
            "Targets and actions",
        ],
        "pep_meeting": [
            "My PEP Meeting",
            "People at the meeting",
            "My Attendance",
            "Attendance",
            "Review and Action Plan",
            "Meeting notes",
            "Carer's views",
        ],
        "post16_plan": [
            "Aspiration Pathway",
            "My Aspirations",
            "Aspirations",
            "Personal Progression Plan",
            "My future",
            "Transition and aspirations",
        ],
        "designated_teacher_sign_off": ["Sign off", "Signatures", "Completion"],
        "young_persons_views": [
            "My Views, Wishes and Feelings",
            "My Views",
            "The Young Person's Voice",
            "Student's View",
            "Young Person's Views Prior to the Meeting",
            "Pupil voice",
            "Voice of the child",
            "Young person's views",
        ],
        "vs_final_sign_off": ["VS Feedback", "Quality Assurance", "Virtual School feedback"],
    },
    structural=[r"^personal education plan"],
)

EARLY_YEARS = TemplateProfile(
    name="early-years",
    description="Early-years PEP (ages 2 to 5): About Me, the EYFS areas of learning rated "
    "Emerging / Expected / Exceeding, next steps",
    aliases={
        "personal_care": ["All About Me", "About Me", "My details", "Child's details"],
        "education_setting": ["My Nursery", "My Setting", "Early Years Setting", "My Pre-school"],
        "attainment_progress": [
            "My Learning and Development",
            "Learning and Development",
            "Early Years Foundation Stage",
            "EYFS",
            "EYFS Profile",
            "Prime Areas of Learning",
            "Areas of Learning",
            "Development Matters",
            "My Progress",
        ],
        "smart_targets": ["My Next Steps", "Next Steps", "Next Steps for My Learning"],
        "pep_meeting": ["My PEP Meeting", "People at my meeting"],
        "young_persons_views": [
            "My Voice",
            "What I Like",
            "Things I Like",
            "I like playing with",
            "I am good at",
            "What my carer says about me",
        ],
        "designated_teacher_sign_off": [
            "Setting Sign Off",
            "Early Years Lead Sign Off",
            "Sign off",
        ],
    },
    structural=[r"^(early years )?personal education plan"],
)

BUILTIN_PROFILES: tuple[TemplateProfile, ...] = (WALSALL_POST16, SECONDARY, EARLY_YEARS)
