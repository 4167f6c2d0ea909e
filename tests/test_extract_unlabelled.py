"""Label-less values read by their type and place (peplint/extract/unlabelled.py): each rule
of assignment, where it assigns and where it must leave the field unread."""

from __future__ import annotations

import datetime as dt

from peplint.extract.catalogue import builtin_catalogue
from peplint.extract.fields import Extraction
from peplint.extract.unlabelled import HOW, SCORE, assign, classify
from tests.test_extract_fields import heading, para, pep, table


def _how(got: object, path: str) -> str | None:
    prov = got.provenance.get(path)  # type: ignore[attr-defined]
    return prov.how if prov is not None else None


def test_a_line_is_a_value_only_when_wholly_one() -> None:
    cat = builtin_catalogue()
    kinds = {
        "02/03/2009": "date",
        "96.5%": "percent",
        "priya.kaur@example.gov.uk": "email",
        "01922 555 102": "phone",
        "Year 12": "year",
        "NCY 9": "year",
        "Social worker": "role",
        "Designated teacher": "role",
        "Walsall Council": "organisation",
        "Oakfield Sixth Form College": "organisation",
        "Priya Kaur": "person",
    }
    for text, kind in kinds.items():
        found = classify(text, cat)
        assert found is not None and found.kind == kind, text
    for text in (
        "Born on 02/03/2009",
        "Attendance 96%",
        "Date of birth",
        "He is doing well.",
        "Subjects: Psychology",
        "Did they attend? ☒ Yes",
        "in education",
    ):
        assert classify(text, cat) is None, text


def test_pupil_details_by_type_and_meaning() -> None:
    got = pep(
        heading("Pupil details"),
        para("Jamie Rowe"),
        para("02/03/2009"),
        para("Year 12"),
        para("01/05/2019"),
        heading("Social worker sign off"),
        para("Completed ☒ Yes ☐ No"),
        para("15/10/2026"),
        para("10/02/2027"),
    )
    assert got.child.name == "Jamie Rowe"
    assert got.child.date_of_birth == dt.date(2009, 3, 2)  # the earliest, a school age
    assert got.child.year_group == 12
    assert got.child.date_entered_care == dt.date(2019, 5, 1)  # the one date left
    assert got.sign_offs.social_worker.date == dt.date(2026, 10, 15)
    assert got.sign_offs.social_worker.next_pep_date == dt.date(2027, 2, 10)  # the later
    prov = got.provenance["child.date_of_birth"]
    assert prov.how == HOW and prov.label is None and prov.score == SCORE
    assert prov.section == "personal_care"


def test_next_date_is_the_later_whatever_the_order() -> None:
    got = pep(heading("Social worker sign off"), para("10/02/2027"), para("15/10/2026"))
    assert got.sign_offs.social_worker.date == dt.date(2026, 10, 15)
    assert got.sign_offs.social_worker.next_pep_date == dt.date(2027, 2, 10)


def test_two_equal_dates_stay_unread() -> None:
    got = pep(heading("Social worker sign off"), para("10/02/2027"), para("10/02/2027"))
    assert got.field_state("sign_offs.social_worker.date") == "not_found"
    assert got.field_state("sign_offs.social_worker.next_pep_date") == "not_found"


def test_a_birth_date_must_give_a_school_age() -> None:
    # the earliest date gives an age of 40 on the latest: no date of birth, and then two
    # dates for one field: nothing is taken
    got = pep(heading("Pupil details"), para("02/03/1985"), para("01/05/2019"), para("Year 9"))
    assert got.field_state("child.date_of_birth") == "not_found"
    assert got.field_state("child.date_entered_care") == "not_found"
    assert got.child.year_group == 9


def test_a_birth_date_must_fit_the_year_group() -> None:
    got = pep(heading("Pupil details"), para("02/03/2009"), para("Year 3"), para("10/02/2027"))
    assert got.field_state("child.date_of_birth") == "not_found"


def test_one_date_for_two_meeting_dates_stays_unread() -> None:
    # the meeting page expects the meeting's date and the previous PEP's: one date is either
    got = pep(heading("Attendance"), para("14/10/2026"), para("96.5%"))
    assert got.field_state("meeting.date") == "not_found"
    assert got.field_state("previous_pep_date") == "not_found"
    assert got.meeting.attendance_percent == 96.5
    assert _how(got, "meeting.attendance_percent") == HOW


def test_two_percentages_stay_unread() -> None:
    got = pep(heading("Attendance"), para("96.5%"), para("88%"))
    assert got.field_state("meeting.attendance_percent") == "not_found"


def _stage(section: str, *texts: str) -> Extraction:
    """The stage alone on one section's paragraphs (no label reader before it)."""
    out = Extraction()
    assign({section: [para(t) for t in texts]}, builtin_catalogue(), out)
    return out


def test_a_contact_by_its_role_line() -> None:
    out = _stage(
        "education_setting",
        "Mark Ellis",
        "Designated teacher",
        "01922 555 310",
        "m.ellis@example.sch.uk",
    )
    assert out.values["designated_teacher.name"] == "Mark Ellis"
    assert out.values["designated_teacher.phone"] == "01922 555 310"
    assert out.values["designated_teacher.email"] == "m.ellis@example.sch.uk"
    assert "social_worker.name" not in out.values
    assert "child.name" not in out.values  # a contact's name is not the young person's
    assert out.provenance["designated_teacher.name"].how == HOW


def test_a_contact_by_the_only_person_its_section_expects() -> None:
    got = pep(
        heading("Social care contact"),
        para("Priya Kaur"),
        para("01922 555 102"),
        para("priya.kaur@example.gov.uk"),
        para("Walsall Council"),
    )
    assert got.social_worker.name == "Priya Kaur"
    assert got.social_worker.phone == "01922 555 102"
    assert got.social_worker.organisation == "Walsall Council"


def test_a_name_with_no_role_where_contacts_are_expected_too_is_not_theirs() -> None:
    # "School" expects the designated teacher's and the social worker's names: no role, no name
    got = pep(heading("School"), para("Mark Ellis"), para("01922 555 310"))
    assert got.field_state("designated_teacher.name") == "not_found"
    assert got.field_state("designated_teacher.phone") == "not_found"
    assert got.field_state("social_worker.phone") == "not_found"


def test_two_roles_in_one_run_stay_unread() -> None:
    out = _stage(
        "education_setting",
        "Mark Ellis",
        "Designated teacher",
        "Priya Kaur",
        "Social worker",
        "01922 555 310",
    )
    assert not out.values


def test_a_date_in_a_contacts_group_is_still_the_sections() -> None:
    # the sign-off section expects the designated teacher: the dates are the sign-off's
    out = _stage("designated_teacher_sign_off", "19/10/2026", "10/02/2027")
    assert out.values["sign_offs.designated_teacher.date"] == dt.date(2026, 10, 19)
    assert out.values["sign_offs.designated_teacher.next_pep_date"] == dt.date(2027, 2, 10)


def test_a_value_after_an_unmatched_label_is_not_label_less() -> None:
    got = pep(heading("Pupil details"), para("Learner reference"), para("Year 9"))
    assert got.field_state("child.year_group") == "not_found"
    got = pep(heading("Attendance"), heading("Rate this term", 3), para("96.5%"))
    assert got.field_state("meeting.attendance_percent") == "not_found"


def test_a_value_after_its_labels_own_value_is_label_less() -> None:
    # the placeholder is the label's value; the percentage after it has no label
    got = pep(
        heading("Attendance"),
        heading("If not, why not?", 3),
        para("Click or tap here to enter text."),
        para("96.5%"),
    )
    assert got.meeting.attendance_percent == 96.5


def test_a_labelled_value_is_never_overwritten() -> None:
    got = pep(
        heading("Pupil details"),
        table(["Date of birth", "01/01/2010"], ["Year group", "10"]),
        para("02/03/2009"),
        para("Year 12"),
    )
    assert got.child.date_of_birth == dt.date(2010, 1, 1)
    assert got.child.year_group == 10
    assert _how(got, "child.date_of_birth") == "table-row"


def test_a_labelled_layout_is_unaffected() -> None:
    got = pep(
        heading("Pupil details"),
        table(["Name", "Sam Lee"], ["Date of birth", "01/02/2012"], ["Year group", "7"]),
        heading("Social worker sign off"),
        table(["Date completed", "15/10/2026"], ["Next PEP date", "10/02/2027"]),
        heading("Attendance"),
        table(["Attendance", "94%"]),
    )
    assert not [p for p, prov in got.provenance.items() if prov.how == HOW]
    assert got.sign_offs.social_worker.next_pep_date == dt.date(2027, 2, 10)


def test_a_value_after_a_label_and_value_set_apart_by_a_gap_is_label_less() -> None:
    # "Current status  In education" holds its own value: the school under it has no label
    got = pep(heading("School"), para("Current status  In education"), para("Greenfield Academy"))
    assert got.eet_status == "education"
    assert got.setting.name == "Greenfield Academy"
    assert _how(got, "setting.name") == HOW


def test_a_value_after_a_label_with_one_space_is_still_that_labels() -> None:
    # no gap: "Current status In education" is read as a label, the school its value's line
    got = pep(heading("School"), para("Current status In education"), para("Greenfield Academy"))
    assert _how(got, "setting.name") != HOW


def _pep_dates(first: str, second: str, *more: str) -> object:
    """A lone date after "Type of PEP" among the pupil's details, and lone dates in the
    meeting's section."""
    return pep(
        heading("Pupil details"),
        para("Jamie Rowe"),
        para("02/03/2009"),
        para("Year 12"),
        para("01/05/2019"),
        para("Type of PEP ☐ Initial ☒ Review"),
        para(first),
        heading("Attendance"),
        para(second),
        *(para(m) for m in more),
        table(["Name", "Role"], ["Jamie Rowe", "Young person"]),
    )


def test_the_previous_pep_and_the_meeting_by_their_order_across_sections() -> None:
    got = _pep_dates("18/06/2026", "14/10/2026")
    assert got.pep_type == "review"  # type: ignore[attr-defined]
    assert got.previous_pep_date == dt.date(2026, 6, 18)  # type: ignore[attr-defined]
    assert got.meeting.date == dt.date(2026, 10, 14)  # type: ignore[attr-defined]
    assert _how(got, "previous_pep_date") == HOW and _how(got, "meeting.date") == HOW
    # whatever section holds the earlier date, it is the previous PEP's
    got = _pep_dates("14/10/2026", "18/06/2026")
    assert got.previous_pep_date == dt.date(2026, 6, 18)  # type: ignore[attr-defined]
    assert got.meeting.date == dt.date(2026, 10, 14)  # type: ignore[attr-defined]


def test_dates_no_order_decides_stay_unread() -> None:
    no_care_date = pep(
        heading("Pupil details"),
        para("Type of PEP ☐ Initial ☒ Review"),
        para("18/06/2026"),  # may also be the date of entering care, which no order places
        heading("Attendance"),
        para("14/10/2026"),
    )
    for got in (
        no_care_date,
        _pep_dates("14/10/2026", "14/10/2026"),  # equal: neither is the earlier
        _pep_dates("18/06/2026", "14/10/2026", "01/09/2026"),  # three dates for two fields
    ):
        assert got.field_state("previous_pep_date") == "not_found"  # type: ignore[attr-defined]
        assert got.field_state("meeting.date") == "not_found"  # type: ignore[attr-defined]


def test_a_date_among_the_pupils_details_is_no_meeting_date_without_a_meeting_field() -> None:
    # no PEP question above it: the pupil's details expect no PEP date, and the one
    # meeting-page date is either of two fields
    got = pep(
        heading("Pupil details"),
        para("Year 12"),
        para("Emergency placement? ☐ Yes ☒ No"),
        para("18/06/2026"),
        heading("Attendance"),
        para("14/10/2026"),
    )
    assert got.field_state("previous_pep_date") == "not_found"
    assert got.field_state("meeting.date") == "not_found"


def test_a_previous_pep_date_after_the_meeting_read_is_not_taken() -> None:
    got = pep(
        heading("Pupil details"),
        para("02/03/2009"),
        para("01/05/2019"),
        para("Type of PEP ☐ Initial ☒ Review"),
        para("20/11/2026"),
        heading("Attendance"),
        table(["Date of meeting", "14/10/2026"]),
    )
    assert got.meeting.date == dt.date(2026, 10, 14)
    assert got.field_state("previous_pep_date") == "not_found"
    got = pep(
        heading("Pupil details"),
        para("02/03/2009"),
        para("01/05/2019"),
        para("Type of PEP ☐ Initial ☒ Review"),
        para("18/06/2026"),
        heading("Attendance"),
        table(["Date of meeting", "14/10/2026"]),
    )
    assert got.previous_pep_date == dt.date(2026, 6, 18)


def test_a_field_filled_in_one_section_stops_competing_in_another() -> None:
    # The pupil's date is too late for a Year 12's birth, so it is the date of entering
    # care or of birth; once "School" gives the birth date, it can only be the other.
    got = pep(
        heading("Pupil details"),
        para("Year 12"),
        para("01/05/2019"),
        heading("School"),
        para("02/03/2009"),
    )
    assert got.child.date_of_birth == dt.date(2009, 3, 2)
    assert got.child.date_entered_care == dt.date(2019, 5, 1)


def test_a_line_a_fields_value_phrases_name_is_that_fields_value() -> None:
    cat = builtin_catalogue()
    named = {
        "Speech, language and communication": "named:additional_needs.category",
        "Cognition and learning": "named:additional_needs.category",
        "Extra time (25%) and a reader in tests": "named:additional_needs.exam_arrangements",
        "A levels: Psychology, Sociology, History": "named:setting.course",
        "BTEC Level 3 Extended Diploma in Sport": "named:setting.course",
    }
    for text, kind in named.items():
        found = classify(text, cat)
        assert found is not None and found.kind == kind, text
    for text in (
        "She is working at a level 4 in maths",  # the phrase does not start the line
        "Extra time is given in all her tests.",  # a sentence
        "Primary area of need",  # a label
        "Exam arrangements",
        "Autism Spectrum Support Service",  # an organisation, whatever its first words
    ):
        found = classify(text, cat)
        assert found is None or not found.kind.startswith("named:"), text


def test_needs_named_by_their_vocabulary_under_a_status_line() -> None:
    got = pep(
        heading("Health and emotional well being"),
        para("SEN status  SEN Support"),
        para("Speech, language and communication"),
        para("Extra time (25%) and a reader in tests"),
        heading("Details of support in place", 3),
        para("Leah has an SEN support plan."),
    )
    assert got.additional_needs.sen_status == "sen_support"
    assert got.additional_needs.category == "Speech, language and communication"
    assert got.additional_needs.exam_arrangements == "Extra time (25%) and a reader in tests"
    assert _how(got, "additional_needs.category") == HOW


def test_a_course_line_stands_apart_from_the_contact_under_it() -> None:
    # the course line is a value of its own: the school above it is not the teacher's
    got = pep(
        heading("School"),
        para("Current status  In education"),
        para("Oakfield Sixth Form College"),
        para("A levels: Psychology, Sociology, History"),
        para("Mark Ellis"),
        para("Designated teacher"),
        para("01922 555 310"),
        para("Oakfield Sixth Form College"),
    )
    assert got.setting.name == "Oakfield Sixth Form College"
    assert got.setting.course == "A levels: Psychology, Sociology, History"
    assert got.designated_teacher.name == "Mark Ellis"
    assert "A levels" not in got.unplaced_labels  # the course's own words, not a label


def test_two_lines_named_for_one_field_stay_unread() -> None:
    got = pep(
        heading("Health and emotional well being"),
        para("SEN status  SEN Support"),
        para("Speech and language"),
        para("Cognition and learning"),
    )
    assert got.field_state("additional_needs.category") == "not_found"


def test_a_labelled_area_of_need_is_unchanged() -> None:
    got = pep(
        heading("Health and emotional well being"),
        table(["Primary area of need", "Autism"], ["Exam arrangements", "None"]),
        para("Cognition and learning"),
    )
    assert got.additional_needs.category == "Autism"
    assert _how(got, "additional_needs.category") == "table-row"


def test_an_initial_pep_has_no_previous_pep_date() -> None:
    # the date after "Type of PEP" may be anything (the date the pupil started school):
    # the meeting page's own date is the meeting's, and an initial PEP has no previous one
    got = pep(
        heading("Pupil details"),
        para("02/03/2009"),
        para("01/05/2019"),
        para("Type of PEP ☒ Initial ☐ Review"),
        para("10/09/2026"),
        heading("Attendance"),
        para("14/10/2026"),
    )
    assert got.pep_type == "initial"
    assert got.meeting.date == dt.date(2026, 10, 14)
    assert got.field_state("previous_pep_date") == "not_found"
