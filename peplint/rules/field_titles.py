"""What a QA officer calls each Pep field, for "could not be found in this layout" messages.

Keys are dotted field paths as in `Pep.provenance`; "targets[].who" names that field of
every record. A path not listed here is named from its own words.
"""

from __future__ import annotations

import re

FIELD_TITLES: dict[str, str] = {
    "child.name": "the young person's name",
    "child.date_of_birth": "the date of birth",
    "child.year_group": "the year group",
    "child.date_entered_care": "the date entered care",
    "child.emergency_placement": "whether the placement was an emergency",
    "carers": "the carer details",
    "carers[].name": "the carers' names",
    "carers[].phone": "the carers' phone numbers",
    "carers[].email": "the carers' emails",
    "social_worker.name": "the social worker's name",
    "social_worker.phone": "the social worker's phone",
    "social_worker.email": "the social worker's email",
    "designated_teacher.name": "the designated teacher's name",
    "designated_teacher.phone": "the designated teacher's phone",
    "designated_teacher.email": "the designated teacher's email",
    "eet_status": "the education, employment or training status",
    "setting.name": "the school, college or provider",
    "additional_needs.sen_status": "the SEN status",
    "additional_needs.category": "the area of need",
    "additional_needs.exam_arrangements": "the exam arrangements",
    "additional_needs.text": "the additional needs details",
    "attainment.overview": "the attainment overview",
    "attainment.subjects": "the subject table",
    "attainment.subjects[].intervention": "the subject interventions",
    "attainment.subjects[].level": "the subject levels",
    "targets": "the targets",
    "targets[].text": "the target text",
    "targets[].who": "who each target is for",
    "targets[].deadline_text": "the target deadlines",
    "targets[].strategy": "the target strategies",
    "meeting.date": "the meeting date",
    "meeting.attendees": "the list of who attended",
    "meeting.attendees[].attended": "whether each person listed attended",
    "meeting.young_person_attended": "whether the young person attended",
    "meeting.young_person_absence_reason": "why the young person did not attend",
    "meeting.attendance_percent": "the attendance figure",
    "meeting.wellbeing_rag": "the well-being rating",
    "meeting.discussion": "the summary of discussion",
    "meeting.actions": "the actions",
    "meeting.previous_actions_review": "the review of previous actions",
    "meeting.contributors_views": "the views of those supporting the young person",
    "aspirations": "the aspirations and post-16 plan",
    "young_persons_views": "the young person's views",
    "sign_offs.social_worker.completed": "whether the social worker signed off",
    "sign_offs.social_worker.date": "the social worker's sign-off date",
    "sign_offs.social_worker.next_pep_date": "the social worker's next PEP date",
    "sign_offs.designated_teacher.completed": "whether the designated teacher signed off",
    "sign_offs.designated_teacher.date": "the designated teacher's sign-off date",
    "sign_offs.designated_teacher.next_pep_date": "the designated teacher's next PEP date",
    "previous_pep_date": "the previous PEP date",
    "pep_type": "whether this is an initial or a review PEP",
}


def field_title(path: str) -> str:
    """The words for a field path: its title, or the path's own words."""
    title = FIELD_TITLES.get(path) or FIELD_TITLES.get(re.sub(r"\[\d+\]", "[]", path))
    if title:
        return title
    words = re.sub(r"\[\d*\]", "", path).replace(".", " ").replace("_", " ")
    return "the " + words


def join_titles(titles: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]
