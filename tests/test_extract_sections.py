"""Headings no profile names are classified to a section key by their words (sections.yaml)."""

from __future__ import annotations

import pytest

from peplint.extract.profiles import BUILTIN_PROFILES
from peplint.extract.section_words import classify_heading, section_words
from peplint.extract.sections import split_sections
from peplint.model.document import Block, BlockKind, Document, Table
from peplint.model.pep import SECTION_KEYS

ENTRIES = [
    (entry.key, phrase, entry.requires[0] if entry.requires else ())
    for entry in section_words()
    for phrase in entry.phrases
]


def test_every_section_key_has_words() -> None:
    assert {entry.key for entry in section_words()} == set(SECTION_KEYS)


@pytest.mark.parametrize(("key", "phrase", "required"), ENTRIES)
def test_every_keyword_classifies_to_its_own_key(
    key: str, phrase: str, required: tuple[str, ...]
) -> None:
    heading = f"{phrase} {' '.join(required)}".strip()
    found = classify_heading(heading)
    assert found is not None and found.key == key, heading


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("4. My Targets / Outcomes", "smart_targets"),
        ("Action plan", "smart_targets"),
        ("Wishes and feelings", "young_persons_views"),
        ("The voice of the child", "young_persons_views"),
        ("SW sign-off", "social_worker_sign_off"),
        ("Social care declaration", "social_worker_sign_off"),
        ("Designated Teacher signature", "designated_teacher_sign_off"),
        ("Completion", "designated_teacher_sign_off"),
        ("Virtual School use only", "vs_final_sign_off"),
        ("Progress and attainment data", "attainment_progress"),
        ("Attendees", "pep_meeting"),
        ("Meeting details", "pep_meeting"),
        ("Personal details", "personal_care"),
        ("Who am I?", "personal_care"),
        ("Current school", "education_setting"),
        ("Health and well-being", "additional_needs"),
        ("Professionals involved", "key_contacts"),
        ("My future", "post16_plan"),
        ("Youth offending", "custody_remand"),
        ("Carers", "personal_care"),
        ("Who I live with", "personal_care"),
        ("Designated Teacher", "education_setting"),
        ("Designated Teacher sign off", "designated_teacher_sign_off"),
    ],
)
def test_headings_of_other_forms(heading: str, key: str) -> None:
    found = classify_heading(heading)
    assert found is not None and found.key == key
    assert 0.34 <= found.score <= 1.0


@pytest.mark.parametrize(
    "heading",
    [
        "Views of those supporting the young person",
        "Carer's views",
        "Views of carers and professionals",
        "Things that matter",
        "Zebra",
    ],
)
def test_headings_that_fit_no_section(heading: str) -> None:
    assert classify_heading(heading) is None


def test_a_vague_heading_scores_lower_than_an_exact_one() -> None:
    exact = classify_heading("Targets")
    vague = classify_heading("Tasks to be completed by next PEP meeting")
    assert exact is not None and vague is not None
    assert vague.score < exact.score


def _doc(*blocks: tuple[str, str, int | None]) -> Document:
    return Document(
        format="docx",
        blocks=[
            Block(kind=BlockKind(kind), text=text, level=level) for kind, text, level in blocks
        ],
    )


def test_unknown_headings_open_sections_by_their_words() -> None:
    doc = _doc(
        ("heading", "Pupil details", 2),
        ("paragraph", "Name: Sam", None),
        ("heading", "What I think", 2),
        ("paragraph", "I like maths.", None),
        ("heading", "Things that matter", 2),
        ("paragraph", "Something.", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert set(out.sections) == {"personal_care", "young_persons_views"}
    views = out.sections["young_persons_views"]
    assert views.how == "words" and 0 < views.score <= 1
    assert [b.text for b in views.blocks] == ["I like maths."]
    assert out.unrecognised_headings == ["Things that matter"]


def test_profile_aliases_win_over_words() -> None:
    # "Review and Action Plan" reads like targets, but a profile names it a meeting heading.
    out = split_sections(_doc(("heading", "Review and Action Plan", 2)), list(BUILTIN_PROFILES))
    assert list(out.sections) == ["pep_meeting"]
    assert out.sections["pep_meeting"].how == "alias"
    assert out.sections["pep_meeting"].score == 1.0


def test_a_deeper_heading_that_fits_no_other_section_stays_a_sub_heading() -> None:
    doc = _doc(
        ("heading", "The PEP Meeting", 2),
        ("heading", "Views of those supporting the young person", 3),
        ("paragraph", "Sandra is pleased.", None),
        ("heading", "Summary of discussion", 3),
        ("paragraph", "We talked.", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["pep_meeting"]
    assert len(out.sections["pep_meeting"].blocks) == 4
    assert out.unrecognised_headings == []


def test_a_numbered_line_and_a_merged_title_row_are_headings() -> None:
    doc = Document(
        format="docx",
        blocks=[
            Block(kind=BlockKind.PARAGRAPH, text="3. Education Provision"),
            Block(kind=BlockKind.PARAGRAPH, text="1. Sam will read every night."),
            Block(
                kind=BlockKind.TABLE,
                table=Table(rows=[["My plan", None], ["Target", "Read daily"]]),
            ),
        ],
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["education_setting", "smart_targets"]
    assert out.sections["education_setting"].blocks[0].text == "1. Sam will read every night."
    table = out.sections["smart_targets"].blocks[0].table
    assert table is not None and table.rows == [["Target", "Read daily"]]


def test_a_bold_label_over_its_value_stays_in_its_section() -> None:
    # "Social worker" over "Priya Kaur" labels a field: it opens no section of its own,
    # and the labels after it ("Job title") stay in the section around them.
    doc = _doc(
        ("heading", "People who support me", 3),
        ("heading", "Social worker", 5),
        ("paragraph", "Priya Kaur", None),
        ("heading", "Job title", 5),
        ("paragraph", "Social worker", None),
        ("heading", "My meeting", 3),
        ("paragraph", "Held at school.", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["key_contacts", "pep_meeting"]
    texts = [b.text for b in out.sections["key_contacts"].blocks]
    assert texts == ["Social worker", "Priya Kaur", "Job title", "Social worker"]
    assert out.unrecognised_headings == []


def test_a_deeper_heading_over_content_still_opens_its_section() -> None:
    # the same words over sub-headings and running text are a section heading
    doc = _doc(
        ("heading", "People who support me", 2),
        ("heading", "Social worker", 3),
        ("heading", "Name", 4),
        ("paragraph", "Priya Kaur", None),
        ("heading", "Anything else", 3),
        ("paragraph", "Visits monthly.", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["key_contacts", "social_worker_info"]
    assert [b.text for b in out.sections["social_worker_info"].blocks] == ["Name", "Priya Kaur"]
    # a sibling the words do not place returns to the section around it, not to nowhere
    assert [b.text for b in out.sections["key_contacts"].blocks] == [
        "Anything else",
        "Visits monthly.",
    ]
    assert out.unrecognised_headings == []


def test_a_label_made_of_common_words_still_matches() -> None:
    from peplint.extract.words import lemmas

    assert lemmas("What I will do") == ("what", "i", "will", "do")
    assert lemmas("What I will do next") == ("next",)


def test_a_label_heading_ends_at_the_next_field() -> None:
    # "Social worker email" over its value, then a label-value block: a label, not a section
    doc = _doc(
        ("heading", "Care information", 2),
        ("label-value", "Priya Kaur", None),
        ("heading", "Social worker email", 3),
        ("paragraph", "priya@example.org", None),
        ("label-value", "Walsall Council", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert "social_worker_info" not in out.sections

    # a bold title over fields (and nothing else) is a heading of its own
    def titled(label: str) -> Document:
        field = Block(kind=BlockKind.LABEL_VALUE, label=label, text="Priya Kaur")
        return Document(format="docx", blocks=[*_doc(*care).blocks, field])

    care = (("heading", "Care information", 2), ("heading", "Social worker", 3))
    out = split_sections(titled("Name"), list(BUILTIN_PROFILES))
    assert list(out.sections)[-1] == "social_worker_info"
    # over a content control of its own title, the heading is that control's label
    out = split_sections(titled("Social worker"), list(BUILTIN_PROFILES))
    assert "social_worker_info" not in out.sections


def _tick_table(question: str) -> Block:
    return Block(
        kind=BlockKind.TABLE, text="", table=Table(rows=[["", "Yes", "No"], [question, "X", ""]])
    )


def test_a_label_heading_over_a_bare_value_ends_at_the_table_after_it() -> None:
    # "Attendance (%)" / "96.5%" then a tick table asking the next question: the heading is
    # a label (an alias of the meeting section, it must not reopen it and vanish), and so is
    # "Next PEP (social worker)" over a date before the designated teacher's tick table
    doc = Document(
        format="docx",
        blocks=[
            *_doc(
                ("heading", "PEP meeting record", 3),
                ("heading", "Attendance (%)", 5),
                ("paragraph", "96.5%", None),
            ).blocks,
            _tick_table("Young person attended"),
            *_doc(
                ("heading", "Quality Assurance", 3),
                ("heading", "Next PEP (social worker)", 5),
                ("paragraph", "10/02/2027", None),
            ).blocks,
            _tick_table("Designated teacher has signed off"),
        ],
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["pep_meeting", "vs_final_sign_off"]
    meeting = [b.text for b in out.sections["pep_meeting"].blocks]
    assert meeting[:2] == ["Attendance (%)", "96.5%"]
    assert [b.text for b in out.sections["vs_final_sign_off"].blocks][:2] == [
        "Next PEP (social worker)",
        "10/02/2027",
    ]


def test_a_sub_heading_over_a_line_of_words_and_a_table_still_opens_its_section() -> None:
    # words that introduce a table are a title's, not a value: the heading stays a heading
    doc = Document(
        format="docx",
        blocks=[
            *_doc(
                ("heading", "General and personal", 3),
                ("heading", "My Attendance", 4),
                ("paragraph", "Figures from the school register", None),
            ).blocks,
            _tick_table("Persistent absence"),
        ],
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["personal_care", "pep_meeting"]


def test_a_heading_that_opens_its_section_again_ends_the_label_before_it() -> None:
    # "Review and Action Plan" names the meeting section again: the lines under it are not
    # the value of "Actions agreed", the last label read in that section
    from peplint.extract.pairs import read_pairs

    doc = _doc(
        ("heading", "PEP meeting record", 3),
        ("heading", "Actions agreed", 4),
        ("paragraph", "Mr Ellis to book tuition.", None),
        ("heading", "Review and Action Plan", 3),
        ("paragraph", "1. Jamie will read every night.", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["pep_meeting"]
    reading = read_pairs(out.sections["pep_meeting"].blocks, "pep_meeting")
    assert [(p.label, p.value) for p in reading.pairs] == [
        ("Actions agreed", "Mr Ellis to book tuition.")
    ]
    # nor is it a label: the lines under it are under no label, as under a section's first
    # heading (a numbered list there is read as the targets it is)
    assert [(p.text, p.under) for p in reading.paragraphs][-1] == (
        "1. Jamie will read every night.",
        None,
    )


def test_a_deeper_heading_half_of_whose_words_name_a_section_stays_a_sub_heading() -> None:
    # "What needs to happen" (a target's label over its text) shares one word of two with
    # the additional needs section; under the action plan it opens no section of its own
    doc = _doc(
        ("heading", "Targets", 3),
        ("heading", "Target 1", 5),
        ("heading", "What needs to happen", 5),
        (
            "paragraph",
            "Jamie will complete two past-paper questions every week and score at least six out of ten.",
            None,
        ),
        ("heading", "By when", 5),
        ("paragraph", "By 13 February 2027", None),
    )
    out = split_sections(doc, list(BUILTIN_PROFILES))
    assert list(out.sections) == ["smart_targets"]
    assert "What needs to happen" in [b.text for b in out.sections["smart_targets"].blocks]
    # a deeper heading whose words fit a section wholly still opens it
    doc = _doc(
        ("heading", "Targets", 3),
        ("heading", "Health needs", 5),
        ("paragraph", "Jamie has asthma.", None),
        ("paragraph", "An inhaler is kept in the school office.", None),
    )
    assert list(split_sections(doc, list(BUILTIN_PROFILES)).sections) == [
        "smart_targets",
        "additional_needs",
    ]
