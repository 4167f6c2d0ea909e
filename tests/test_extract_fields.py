"""The field engine on layouts our generator never makes: shapes, words, types, sections."""

from __future__ import annotations

import datetime as dt

from peplint.extract.build import build_pep
from peplint.extract.profiles import BUILTIN_PROFILES
from peplint.model.document import Block, BlockKind, Document, Table
from peplint.model.pep import Pep, Source

SOURCE = Source(path="x.docx", sha256="0" * 64, format="docx")


def heading(text: str, level: int = 2) -> Block:
    return Block(kind=BlockKind.HEADING, text=text, level=level)


def para(text: str, page: int = 1) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text, page=page)


def table(*rows: list[str | None], page: int = 1) -> Block:
    return Block(kind=BlockKind.TABLE, table=Table(rows=[list(r) for r in rows]), page=page)


def pep(*blocks: Block, **kw: dict[str, list[str]]) -> Pep:
    doc = Document(format="docx", blocks=list(blocks))
    return build_pep(doc, SOURCE, list(BUILTIN_PROFILES), **kw)  # type: ignore[arg-type]


def test_four_cell_rows_with_other_words() -> None:
    got = pep(
        heading("Pupil Details"),
        table(
            ["Full name:", "Sam Lee", "D.O.B.:", "01/02/2012"],
            ["NCY:", "7", "Looked after since:", "14th March 2020"],
        ),
    )
    assert got.child.name == "Sam Lee"
    assert got.child.date_of_birth == dt.date(2012, 2, 1)
    assert got.child.year_group == 7
    assert got.child.date_entered_care == dt.date(2020, 3, 14)
    prov = got.provenance["child.year_group"]
    assert (prov.state, prov.label, prov.section, prov.how) == (
        "found",
        "NCY:",
        "personal_care",
        "table-row",
    )
    assert prov.score is not None and 0.6 <= prov.score <= 1


def test_a_value_that_does_not_parse_to_the_type_is_not_taken() -> None:
    got = pep(
        heading("About me"), table(["Date of birth", "TBC"], ["Year group", "Reception class"])
    )
    assert got.child.date_of_birth is None and got.child.year_group is None
    assert got.field_state("child.date_of_birth") == "empty"
    assert got.field_state("child.emergency_placement") == "not_found"


def test_a_name_is_not_taken_from_a_date() -> None:
    got = pep(heading("Personal details"), table(["Name", "02/03/2009"]))
    assert got.child.name is None


def test_the_section_tells_the_two_sign_off_dates_apart_and_one_next_pep_date_serves_both() -> None:
    got = pep(
        heading("SW sign-off"),
        table(["Complete", "☒ Yes ☐ No"], ["Date", "15/10/2026"]),
        heading("Designated teacher signature"),
        table(
            ["Complete", "Yes"], ["Date", "19/10/2026"], ["Date of next PEP meeting", "10/02/2027"]
        ),
    )
    sw, teacher = got.sign_offs.social_worker, got.sign_offs.designated_teacher
    assert (sw.completed, sw.date) == (True, dt.date(2026, 10, 15))
    assert (teacher.completed, teacher.date) == (True, dt.date(2026, 10, 19))
    assert teacher.next_pep_date == sw.next_pep_date == dt.date(2027, 2, 10)
    assert {
        got.provenance["sign_offs.social_worker.next_pep_date"].how,
        got.provenance["sign_offs.designated_teacher.next_pep_date"].how,
    } == {"table-row", "derived"}


def test_an_empty_next_pep_date_is_not_filled_from_the_other_sign_off() -> None:
    got = pep(
        heading("Social Worker Sign Off"),
        table(["Date of next PEP", ""]),
        heading("Designated Teacher Sign Off"),
        table(["Date of next PEP", "10/02/2027"]),
    )
    assert got.sign_offs.social_worker.next_pep_date is None
    assert got.field_state("sign_offs.social_worker.next_pep_date") == "empty"


def test_form_prompts_never_leak_into_free_text() -> None:
    prompt = "Overview of academic progress, behaviour, strengths and areas of concern:"
    got = pep(heading("Progress"), para(prompt), para("Sam reads well; maths is harder."))
    assert got.attainment.overview == "Sam reads well; maths is harder."
    inline = pep(heading("Progress"), para(f"{prompt} Sam reads well."))
    assert inline.attainment.overview == "Sam reads well."
    assert inline.provenance["attainment.overview"].how == "inline-label"


def test_section_text_and_its_sub_prompts() -> None:
    got = pep(
        heading("Voice of the child"),
        para("What do you enjoy at school?"),
        para("Art and football."),
        para("What is hard?"),
        para("Spelling."),
    )
    assert got.young_persons_views == "Art and football. Spelling."
    prov = got.provenance["young_persons_views"]
    assert (prov.how, prov.label, prov.section) == (
        "section-text",
        "Voice of the child",
        "young_persons_views",
    )


def test_an_empty_views_section_is_empty_and_a_missing_one_not_found() -> None:
    got = pep(heading("Pupil voice"), heading("Targets"))
    assert got.field_state("young_persons_views") == "empty"
    assert got.field_state("aspirations") == "not_found"


def test_label_paragraph_then_value_and_several_labels_on_a_line() -> None:
    got = pep(
        heading("Meeting details"),
        para("Date of meeting: 14 Oct 2026    Attendance: 91.5%"),
        para("Summary of discussion"),
        para("We agreed a reading plan."),
    )
    assert got.meeting.date == dt.date(2026, 10, 14)
    assert got.meeting.attendance_percent == 91.5
    assert got.meeting.discussion == "We agreed a reading plan."


def test_checkbox_groups_and_option_columns() -> None:
    got = pep(
        heading("The PEP Meeting"),
        table(["", "Yes", "No"], ["Did the young person attend?", "☐", "☒"]),
        heading("Personal details"),
        para("Emergency placement"),
        Block(kind=BlockKind.CHECKBOX, text="Yes", checked=True),
        Block(kind=BlockKind.CHECKBOX, text="No", checked=False),
    )
    assert got.meeting.young_person_attended is False
    assert got.child.emergency_placement is True
    assert got.provenance["meeting.young_person_attended"].how == "checkbox"


def test_a_crossed_glyph_is_not_a_tick() -> None:
    got = pep(heading("About me"), table(["Emergency placement", "✗"]))
    assert got.child.emergency_placement is False


def test_content_controls_and_placeholders() -> None:
    got = pep(
        heading("Education"),
        Block(
            kind=BlockKind.LABEL_VALUE,
            label="School name",
            text="Oak Academy",
            cue="content-control",
        ),
        Block(
            kind=BlockKind.LABEL_VALUE,
            label="Course",
            text="Click or tap here to enter text.",
            cue="content-control",
        ),
    )
    assert got.setting.name == "Oak Academy"
    assert got.provenance["setting.name"].how == "content-control"
    assert got.setting.course is None and got.field_state("setting.course") == "empty"


def test_targets_from_a_numbered_list_with_labelled_sub_lines() -> None:
    got = pep(
        heading("Action plan"),
        para("1. Sam will read 20 minutes a night."),
        para("Success criteria: 5 nights a week on the reading log"),
        para("Who will help: Carer and tutor"),
        para("By when: 12/12/2026"),
        para("2. Sam will join a club."),
        para("Who will help: Mr Lowe"),
    )
    assert [t.text for t in got.targets] == [
        "Sam will read 20 minutes a night.",
        "Sam will join a club.",
    ]
    assert got.targets[0].strategy == "5 nights a week on the reading log"
    assert got.targets[0].who == "Carer and tutor"
    assert got.targets[0].deadline == dt.date(2026, 12, 12)
    assert got.targets[1].who == "Mr Lowe" and got.targets[1].deadline is None


def test_targets_from_repeated_label_value_blocks() -> None:
    got = pep(
        heading("My Outcomes"),
        table(["Target 1", "Read every night"], ["By when", "Christmas"], ["Who", "Sam"]),
        table(["Target 2", "Join a club"], ["By when", "Easter"]),
    )
    assert [(t.text, t.deadline_text) for t in got.targets] == [
        ("Read every night", "Christmas"),
        ("Join a club", "Easter"),
    ]


def test_targets_from_a_table_with_other_column_names() -> None:
    got = pep(
        heading("SMART Targets"),
        table(
            ["What do I want to achieve?", "Steps to achieve", "Person responsible", "Target date"],
            ["Read daily", "Library visits", "Tutor", "01/12/2026"],
        ),
    )
    target = got.targets[0]
    assert (target.text, target.strategy, target.who, target.deadline) == (
        "Read daily",
        "Library visits",
        "Tutor",
        dt.date(2026, 12, 1),
    )
    assert got.provenance["targets"].state == "found"
    assert got.provenance["targets[0].who"].how == "table-column"


def test_a_pack_adds_field_labels() -> None:
    blocks = (heading("About me"), table(["Kestrel number", "9"]))
    assert pep(*blocks).child.year_group is None
    assert "Kestrel number" in pep(*blocks).unplaced_labels
    aliased = pep(*blocks, field_aliases={"child.year_group": ["Kestrel number"]})
    assert aliased.child.year_group == 9 and aliased.unplaced_labels == []


def test_labels_seen_but_placed_nowhere() -> None:
    got = pep(
        heading("About me"), table(["Favourite colour", "Blue"], ["Date of birth", "01/02/2012"])
    )
    assert got.unplaced_labels == ["Favourite colour"]


def test_section_headings_have_provenance() -> None:
    got = pep(heading("Wishes and feelings"), para("I like art."))
    prov = got.provenance["sections.young_persons_views"]
    assert (prov.label, prov.how) == ("Wishes and feelings", "heading-words")


def test_targets_as_plain_paragraphs_each_followed_by_labelled_lines() -> None:
    got = pep(
        heading("My Targets/Outcomes"),
        para("Target 1"),
        para("Sam will read for twenty minutes every night."),
        para("How?: Reading log checked on Fridays"),
        para("When?: By Christmas"),
        para("Sam will join a lunchtime club this term."),
        para("Who will be responsible?: Mr Lowe"),
    )
    assert [(t.text, t.strategy, t.deadline_text, t.who) for t in got.targets] == [
        (
            "Sam will read for twenty minutes every night.",
            "Reading log checked on Fridays",
            "By Christmas",
            None,
        ),
        ("Sam will join a lunchtime club this term.", None, None, "Mr Lowe"),
    ]


def test_padded_label_value_rows_and_a_date_is_not_a_name() -> None:
    got = pep(
        heading("About Me"),
        table(["My name", "Sam Lee", None, None], ["Date of birth", "01/02/2012", None, None]),
        heading("Social Worker Agreement"),
        table(["Next PEP (social worker)", "10/02/2027", None, None]),
    )
    assert got.child.name == "Sam Lee" and got.child.date_of_birth == dt.date(2012, 2, 1)
    assert got.sign_offs.social_worker.next_pep_date == dt.date(2027, 2, 10)
    assert got.field_state("social_worker.name") == "not_found"


def test_another_fields_line_met_by_a_label_is_not_evidence_of_empty() -> None:
    got = pep(
        heading("About me"),
        table(["Date of birth", "Year group 12"], ["Date came into care", "Name: Sam Lee"]),
    )
    assert got.field_state("child.date_of_birth") == "not_found"
    assert got.field_state("child.date_entered_care") == "not_found"


def test_a_bare_label_reads_in_the_section_its_neighbours_belong_to() -> None:
    # the heading over the needs fields opens the personal section; the bare "Details"
    # counts only among the needs, and its neighbours say that is where it sits
    needs = table(
        ["SEN status", "SEN support"],
        ["Primary area of need", "Speech, language and communication"],
        ["Details", "Reviewed each term with the SENCo."],
    )
    got = pep(heading("About me"), table(["Name", "Sam Lee"]), heading("Pupil information"), needs)
    assert got.additional_needs.text == "Reviewed each term with the SENCo."
    assert got.provenance["additional_needs.text"].section == "personal_care"
    # a bare label with no such neighbours stays unplaced
    alone = pep(heading("About me"), table(["Name", "Sam Lee"], ["Details", "Lives with Tom."]))
    assert alone.additional_needs.text is None


def test_a_stage_named_by_its_label_words_and_a_figure_is_one_value() -> None:
    # "Key Stage 3" on a line of its own: the label's words and the figure are one name
    got = pep(heading("School"), para("Greenfield Academy"), para("Key Stage 3"))
    assert got.setting.course == "Key Stage 3"
    # a colon parts a label from its value: the figure alone is the value
    got = pep(heading("School"), para("Key stage: 4"))
    assert got.setting.course == "4"
    # a figure after a longer label is that label's value, not part of a name
    got = pep(heading("Pupil details"), para("Year group 12"))
    assert got.child.year_group == 12
