"""How different authorities' PEP forms name their sections and label their fields.

Section names follow the digest of real templates (St Helens, Southampton, Dudley,
Welfare Call / Gateshead, Walsall, Hampshire-style "My PEP"); label wording follows
published PEP forms ("Date of next PEP meeting", "I am in year (NCY)", "Outcome/Target |
Why? | How? | Who will be responsible? | When?"). None of it is copied from
peplint's own templates or profiles: the point is that the parsers have not seen it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GROUPS = (
    "about",
    "social_worker",
    "education",
    "needs",
    "attainment",
    "meeting",
    "targets",
    "aspirations",
    "views",
    "social_worker_sign_off",
    "designated_teacher_sign_off",
)

BASE_LABELS: dict[str, str] = {
    "child.name": "Name of young person",
    "child.date_of_birth": "Date of birth",
    "child.year_group": "Year group",
    "child.date_entered_care": "Date came into care",
    "child.emergency_placement": "Emergency placement?",
    "pep_type": "Type of PEP",
    "previous_pep_date": "Date of previous PEP",
    "contact.role": "Role",
    "contact.name": "Name",
    "contact.phone": "Telephone",
    "contact.email": "Email",
    "contact.organisation": "Organisation",
    "social_worker.name": "Social worker",
    "social_worker.role": "Job title",
    "social_worker.phone": "Social worker telephone",
    "social_worker.email": "Social worker email",
    "social_worker.organisation": "Local authority",
    "designated_teacher.name": "Designated teacher",
    "designated_teacher.role": "Position",
    "designated_teacher.phone": "Designated teacher telephone",
    "designated_teacher.email": "Designated teacher email",
    "designated_teacher.organisation": "School",
    "eet_status": "Current status",
    "setting.name": "Name of school or college",
    "setting.course": "Course / key stage",
    "additional_needs.has_needs": "Does the young person have special educational needs?",
    "additional_needs.sen_status": "SEN status",
    "additional_needs.category": "Primary area of need",
    "additional_needs.exam_arrangements": "Access arrangements for exams",
    "additional_needs.text": "Details of support in place",
    "attainment.overview": "Summary of progress, strengths and areas to develop",
    "subject.subject": "Subject",
    "subject.level": "Qualification",
    "subject.target": "Target grade",
    "term.grade": "grade",
    "term.on_track": "on track?",
    "term.progress": "progress",
    "subject.intervention": "Intervention / support",
    "meeting.date": "Date of this PEP meeting",
    "attendee.name": "Name",
    "attendee.role": "Role",
    "attendee.attended": "Attended",
    "meeting.young_person_attended": "Did the young person attend?",
    "meeting.young_person_absence_reason": "If not, why not and how were their views gathered?",
    "meeting.attendance_percent": "Attendance this year",
    "meeting.wellbeing_rag": "Wellbeing rating",
    "meeting.discussion": "Main points discussed",
    "meeting.contributors_views": "Views of carers and professionals",
    "meeting.previous_actions_review": "Review of actions from the last PEP",
    "meeting.actions": "Actions agreed",
    "aspirations": "Hopes and aspirations for the future",
    "young_persons_views": "What the young person says",
    "sign_offs.social_worker.completed": "Social worker has signed off",
    "sign_offs.social_worker.date": "Date social worker signed",
    "sign_offs.social_worker.next_pep_date": "Next PEP (social worker)",
    "sign_offs.designated_teacher.completed": "Designated teacher has signed off",
    "sign_offs.designated_teacher.date": "Date designated teacher signed",
    "sign_offs.designated_teacher.next_pep_date": "Date of next PEP meeting",
}

BASE_TARGET_LABELS = {
    "text": "Target",
    "why": "Why?",
    "strategy": "How?",
    "who": "Who will be responsible?",
    "deadline_text": "When?",
    "review": "Progress since last PEP",
    "item": "Target",
}

EET = {
    "education": "In education",
    "employment": "Employed",
    "apprenticeship": "Apprenticeship",
    "training": "Training",
    "neet": "NEET",
    "custody": "In custody",
}
SEN = {
    "none": "No SEN",
    "sen_support": "SEN Support",
    "ehcp": "EHCP",
    "assessment": "Being assessed",
}


@dataclass(frozen=True)
class Authority:
    """One authority's words: section titles by group (None folds a group into the one before)."""

    name: str
    sections: dict[str, str | None]
    labels: dict[str, str]
    target_labels: dict[str, str] = field(default_factory=lambda: dict(BASE_TARGET_LABELS))
    order: tuple[str, ...] = GROUPS
    year_format: str = "{}"
    eet_options: dict[str, str] = field(default_factory=lambda: dict(EET))
    sen_options: dict[str, str] = field(default_factory=lambda: dict(SEN))


def _authority(
    name: str,
    sections: dict[str, str | None],
    labels: dict[str, str],
    targets: dict[str, str] | None = None,
    year_format: str = "{}",
) -> Authority:
    return Authority(
        name,
        sections,
        {**BASE_LABELS, **labels},
        {**BASE_TARGET_LABELS, **(targets or {})},
        year_format=year_format,
    )


ST_HELENS = _authority(
    "st-helens",
    {
        "about": "About Me",
        "social_worker": "My Social Worker",
        "education": "My Education",
        "needs": "My Additional Needs",
        "attainment": "My Attainment",
        "meeting": "My PEP Meeting",
        "targets": "My Targets/Outcomes",
        "aspirations": "Aspiration Pathway",
        "views": "My Views, Wishes and Feelings",
        "social_worker_sign_off": "Social Worker Agreement",
        "designated_teacher_sign_off": "Designated Teacher Agreement",
    },
    {
        "child.name": "My name",
        "child.date_of_birth": "My date of birth",
        "child.year_group": "I am in year (NCY)",
        "child.date_entered_care": "Date I became looked after",
        "social_worker.name": "My Social Worker is",
        "designated_teacher.name": "My Designated Teacher is",
        "young_persons_views": "What I want to say about school",
        "meeting.attendance_percent": "My attendance %",
        "meeting.wellbeing_rag": "How I am feeling (RAG)",
    },
    {
        "text": "Outcome/Target",
        "why": "Why?",
        "strategy": "How?",
        "who": "Who will be responsible?",
        "deadline_text": "When?",
    },
    year_format="{}",
)

SOUTHAMPTON = _authority(
    "southampton",
    {
        "about": "Personal Details",
        "social_worker": "Social Care",
        "education": "Education Provision",
        "needs": "Special Educational Needs",
        "attainment": "Achievement and Attainment",
        "meeting": "People at the meeting",
        "targets": "Review and Action Plan",
        "aspirations": "Future Plans",
        "views": "The Young Person's Voice",
        "social_worker_sign_off": "Sign Off",
        "designated_teacher_sign_off": None,
    },
    {
        "child.name": "Child's full name",
        "child.year_group": "NCY",
        "child.date_entered_care": "Date became looked after",
        "meeting.date": "Date of this PEP",
        "previous_pep_date": "Date of last PEP",
        "social_worker.name": "Allocated social worker",
        "designated_teacher.name": "Designated Teacher (DT)",
        "meeting.attendance_percent": "Attendance %",
        "young_persons_views": "Pupil voice",
        "sign_offs.designated_teacher.next_pep_date": "Date of Next PEP",
    },
    {
        "item": "Action",
        "text": "What needs to happen",
        "strategy": "Success criteria",
        "who": "Who will help",
        "deadline_text": "By when",
        "review": "Review of last action",
    },
    year_format="Year {}",
)

DUDLEY = _authority(
    "dudley",
    {
        "about": "Pupil details",
        "social_worker": "Social care contact",
        "education": "School",
        "needs": "Health and emotional well being",
        "attainment": "Attainment and progress",
        "meeting": "Attendance",
        "targets": "Targets",
        "aspirations": "Careers and aspirations",
        "views": "Young person's views",
        "social_worker_sign_off": "Social worker sign off",
        "designated_teacher_sign_off": "DT sign off",
    },
    {
        "child.name": "Pupil name",
        "child.year_group": "Year",
        "meeting.date": "PEP meeting date",
        "social_worker.name": "SW name",
        "social_worker.phone": "SW tel",
        "social_worker.email": "SW email",
        "designated_teacher.name": "DT name",
        "designated_teacher.phone": "DT tel",
        "designated_teacher.email": "DT email",
        "meeting.attendance_percent": "Current attendance",
        "young_persons_views": "In my own words",
        "sign_offs.social_worker.completed": "Completed by SW",
        "sign_offs.social_worker.date": "Date",
        "sign_offs.social_worker.next_pep_date": "Next PEP date",
        "sign_offs.designated_teacher.completed": "Completed by DT",
        "sign_offs.designated_teacher.date": "Date",
        "sign_offs.designated_teacher.next_pep_date": "Next PEP date",
    },
    {
        "item": "Target",
        "text": "Target",
        "strategy": "Strategies and support",
        "who": "Who is responsible",
        "deadline_text": "Timescale",
        "review": "Progress review",
    },
    year_format="Year {}",
)

GATESHEAD = _authority(
    "welfare-call",
    {
        "about": "General and personal",
        "social_worker": "Care information",
        "education": "Education provision",
        "needs": "Essential pupil information",
        "attainment": "Progress and attainment",
        "meeting": "PEP meeting record",
        "targets": "Action plan",
        "aspirations": "Post 16 pathway",
        "views": "Pupil voice",
        "social_worker_sign_off": "Quality Assurance",
        "designated_teacher_sign_off": None,
    },
    {
        "child.name": "Forename and surname",
        "child.year_group": "National curriculum year",
        "child.date_entered_care": "Date entered care",
        "child.emergency_placement": "Emergency placement",
        "eet_status": "EET status",
        "setting.name": "Education provider",
        "setting.course": "Course",
        "meeting.attendance_percent": "Attendance (%)",
        "young_persons_views": "Pupil's views",
        "meeting.wellbeing_rag": "Wellbeing RAG",
    },
    {
        "item": "Target",
        "text": "SMART target",
        "strategy": "Support to be provided",
        "who": "Responsible person",
        "deadline_text": "Target date",
        "review": "Outcome of review",
    },
)

WALSALL_REWORDED = _authority(
    "walsall-reworded",
    {
        "about": "Personal and care information",
        "social_worker": "Social worker details",
        "education": "Education, employment or apprenticeship",
        "needs": "Additional needs",
        "attainment": "Attainment & Progress",
        "meeting": "PEP Meeting",
        "targets": "SMART targets",
        "aspirations": "Post Year 14 plan",
        "views": "Young people's views",
        "social_worker_sign_off": "Social worker sign-off",
        "designated_teacher_sign_off": "Designated teacher sign-off",
    },
    {
        "child.name": "Young person's name",
        "child.year_group": "NCY",
        "meeting.date": "Date of PEP meeting",
        "sign_offs.social_worker.next_pep_date": "Date of next PEP meeting",
        "young_persons_views": "My views, wishes and feelings",
    },
    {
        "item": "Target",
        "text": "SMART target",
        "strategy": "Strategy / support",
        "who": "Who",
        "deadline_text": "By when",
        "review": "Review",
    },
)

MY_PEP = _authority(
    "my-pep",
    {
        "about": "Who I am",
        "social_worker": "People who support me",
        "education": "My school",
        "needs": "Help I get with learning",
        "attainment": "How I am doing",
        "meeting": "My meeting",
        "targets": "My plan",
        "aspirations": "My future",
        "views": "What I think",
        "social_worker_sign_off": "Social worker check",
        "designated_teacher_sign_off": "School check",
    },
    {
        "child.name": "My name",
        "child.date_of_birth": "My birthday",
        "child.year_group": "My year group",
        "young_persons_views": "My views",
        "aspirations": "When I grow up I want to",
        "meeting.attendance_percent": "My attendance",
    },
    {
        "item": "Goal",
        "text": "What I will do",
        "strategy": "Success criteria",
        "who": "Who will help",
        "deadline_text": "By when",
        "review": "How it went last time",
    },
)
