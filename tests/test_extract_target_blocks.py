"""Targets laid out as four-cell label/value blocks, and labels that must never be targets."""

from __future__ import annotations

from peplint.extract.catalogue import builtin_catalogue
from peplint.extract.pairs import read_pairs
from peplint.model.document import Block, BlockKind, Table
from tests.test_extract_fields import heading, para, pep, table

TEXT = "You will read for twenty minutes every evening and log it in your planner."
SUPPORT = "Weekly reading session with Mrs Patel on Tuesdays."


def _block(number: int, text: str, support: str, who: str, when: str) -> list[Block]:
    return [
        para(f"Target {number}"),
        table(
            ["Target", text, "Strategies and support", support],
            ["Who is responsible", who, "Timescale", when],
            ["Progress review", "New target this term.", None, None],
        ),
    ]


def test_a_four_cell_first_row_holding_values_is_label_value_pairs_not_a_header() -> None:
    rows = [
        ["Target", TEXT, "Strategies and support", SUPPORT],
        ["Who is responsible", "Sam with Mrs Patel", "Timescale", "By 13 February 2027"],
    ]
    block = Block(kind=BlockKind.TABLE, table=Table(rows=rows))
    out = read_pairs([block], "smart_targets", builtin_catalogue())
    assert out.tables == []
    assert [(p.label, p.value) for p in out.pairs] == [
        ("Target", TEXT),
        ("Strategies and support", SUPPORT),
        ("Who is responsible", "Sam with Mrs Patel"),
        ("Timescale", "By 13 February 2027"),
    ]


def test_a_header_row_of_column_names_over_four_columns_stays_a_table() -> None:
    rows = [
        ["Target", "Support", "Who", "By when"],
        [TEXT, SUPPORT, "Sam", "Easter"],
    ]
    block = Block(kind=BlockKind.TABLE, table=Table(rows=rows))
    out = read_pairs([block], "smart_targets", builtin_catalogue())
    assert [t.header for t in out.tables] == [["target", "support", "who", "by when"]]


def test_targets_from_four_cell_blocks_with_other_authority_labels() -> None:
    got = pep(
        heading("7. Targets"),
        *_block(1, TEXT, SUPPORT, "Sam with Mrs Patel", "By 13 February 2027"),
        *_block(
            2,
            "You will join one lunchtime club and attend at least 8 of its 10 sessions.",
            "Mr Ellis will introduce you to the club leader.",
            "Sam, supported by Mr Ellis",
            "By the end of Spring term 2027",
        ),
    )
    assert [t.text for t in got.targets] == [
        TEXT,
        "You will join one lunchtime club and attend at least 8 of its 10 sessions.",
    ]
    first = got.targets[0]
    assert (first.who, first.deadline_text, first.strategy, first.review) == (
        "Sam with Mrs Patel",
        "By 13 February 2027",
        SUPPORT,
        "New target this term.",
    )


def test_a_target_table_whose_target_cells_are_labels_reads_no_targets() -> None:
    got = pep(
        heading("7. Targets"),
        para("Target 1"),
        table(
            ["Target", "", "Strategies and support", ""],
            ["Who is responsible", "", "Timescale", ""],
            ["Progress review", "", "", ""],
        ),
    )
    assert got.targets == []
    assert got.field_state("targets") == "not_found"  # misread, so unclear, never "no targets"


def test_part_labels_are_known_and_targets_are_not() -> None:
    cat = builtin_catalogue()
    assert cat.part_label("Who is responsible", "targets") == "targets[].who"
    assert cat.part_label("Progress review", "targets") == "targets[].review"
    assert cat.part_label("Target 2", "targets") == "targets[].text"
    assert cat.part_label("Timescale:", "targets") == "targets[].deadline_text"
    for text in (TEXT, "Improve reading", "Read more.", "To improve her confidence.", ""):
        assert cat.part_label(text, "targets") is None


def test_with_no_targets_section_the_section_listing_most_targets_gives_them() -> None:
    got = pep(
        heading("Personal Details"),
        para("Child's full name: Sam Lee"),
        para("Emergency placement? ☐ Yes  ☒ No\tType of PEP: ☐ Initial  ☒ Review"),
        para("Date of last PEP: 18/06/2026"),
        heading("Review and Action Plan"),  # the meeting's section in the secondary profile
        para("1. You will read for twenty minutes every evening."),
        para("Who will help: Sam with his carer"),
        para("By when: By 13 February 2027"),
        para("2. You will join one lunchtime club and go every week."),
        para("Who will help: Mr Ellis"),
        para("By when: Easter"),
    )
    assert [(t.text, t.deadline_text) for t in got.targets] == [
        ("You will read for twenty minutes every evening.", "By 13 February 2027"),
        ("You will join one lunchtime club and go every week.", "Easter"),
    ]
