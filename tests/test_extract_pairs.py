"""The generic label/value reader turns every shape a form uses into (label, value, how)."""

from __future__ import annotations

from peplint.extract.catalogue import catalogue_for
from peplint.extract.pairs import inline_pairs, is_empty_value, read_pairs
from peplint.model.document import Block, BlockKind, Table


class Known:
    """A vocabulary that knows a few labels and columns."""

    labels = frozenset({"dob", "date of birth", "summary of discussion", "year group"})
    columns = frozenset({"name", "role", "phone", "attended"})

    def is_label(self, text: str, strict: bool = False) -> bool:
        return text.lower().strip(" :?") in self.labels

    def is_column(self, text: str) -> bool:
        return text.lower().strip() in self.columns

    def is_part_label(self, text: str) -> bool:
        return text.lower().strip(" ?") in {"when", "who will help"}


def _table(*rows: list[str | None]) -> Block:
    return Block(kind=BlockKind.TABLE, table=Table(rows=[list(r) for r in rows]), page=2)


def _para(text: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=text)


def triples(blocks: list[Block]) -> list[tuple[str, str, str]]:
    return [(p.label, p.value, p.how) for p in read_pairs(blocks, "x", Known()).pairs]


def test_two_cell_rows() -> None:
    got = triples([_table(["Date of birth", "02/03/2009"], ["Year group", ""])])
    assert got == [("Date of birth", "02/03/2009", "table-row"), ("Year group", "", "table-row")]


def test_four_cell_rows_are_two_pairs_each() -> None:
    got = triples(
        [_table(["Name:", "Sam Lee", "DOB:", "01/02/2012"], ["School:", "Oak", "Year:", "7"])]
    )
    assert [(a, b) for a, b, _ in got] == [
        ("Name:", "Sam Lee"),
        ("DOB:", "01/02/2012"),
        ("School:", "Oak"),
        ("Year:", "7"),
    ]


def test_a_header_row_table_is_kept_as_records_not_pairs() -> None:
    out = read_pairs([_table(["Name", "Role"], ["Sam Lee", "Carer"])], "x", Known())
    assert out.pairs == []
    assert out.tables[0].header == ["name", "role"] and out.tables[0].page == 2


def test_a_two_column_label_value_table_whose_first_row_is_not_a_header() -> None:
    out = read_pairs([_table(["Name", "Sam Lee"], ["Role", "Carer"])], "x", Known())
    assert [(p.label, p.value) for p in out.pairs] == [("Name", "Sam Lee"), ("Role", "Carer")]


def test_question_answer_table() -> None:
    got = triples([_table(["Question", "Answer"], ["Did you attend?", "Yes"])])
    assert got == [("Did you attend?", "Yes", "question-answer")]


def test_option_columns_give_the_ticked_column() -> None:
    got = triples(
        [
            _table(
                ["", "Yes", "No"],
                ["Did the young person attend?", "☐", "☒"],
                ["Emergency placement", "✗", ""],
            )
        ]
    )
    assert got == [
        ("Did the young person attend?", "No", "checkbox"),
        ("Emergency placement", "", "checkbox"),  # a cross is not a tick
    ]


def test_several_inline_labels_on_one_line() -> None:
    assert inline_pairs("Name: Sam Lee    DOB: 01/02/2012\tYear group: 7", Known()) == [
        ("Name", "Sam Lee"),
        ("DOB", "01/02/2012"),
        ("Year group", "7"),
    ]
    # single spaces: only a label the vocabulary knows starts a new pair
    assert inline_pairs("Name: Sam Lee DOB: 01/02/2012", Known()) == [
        ("Name", "Sam Lee"),
        ("DOB", "01/02/2012"),
    ]
    # a colon inside the value, after lower-case words, is running text
    line = "Summary of discussion: All done: the year group met, dob noted"
    assert inline_pairs(line.replace("dob noted", "year group: 7"), Known()) == [
        ("Summary of discussion", "All done: the year group met, year group: 7")
    ]


def test_a_label_that_ends_in_a_unit_takes_its_colon() -> None:
    # "Attendance %:" is a label though no letter precedes its colon; else the line read as
    # one question ("Attendance %: 96.5% Wellbeing rating") with the wellbeing boxes
    line = "Attendance %: 96.5%\tWellbeing rating: ☐ Red  ☒ Green"
    assert inline_pairs(line, Known()) == [
        ("Attendance %", "96.5%"),
        ("Wellbeing rating", "☐ Red  ☒ Green"),
    ]
    assert inline_pairs("It rose to 96.5%: well done", Known()) == []  # no label in prose


def test_times_and_urls_are_not_labels() -> None:
    assert inline_pairs("The meeting started at 10:30 (see https://example.org)", Known()) == []


def test_a_label_paragraph_then_its_value() -> None:
    got = triples(
        [_para("Summary of discussion"), _para("We talked about maths."), _para("And art.")]
    )
    assert got == [("Summary of discussion", "We talked about maths.\nAnd art.", "label-paragraph")]
    got = triples([_para("What went well this term?"), _para("Reading.")])
    assert got == [("What went well this term?", "Reading.", "label-paragraph")]


def test_a_sub_heading_with_text_under_it() -> None:
    blocks = [Block(kind=BlockKind.HEADING, text="Actions", level=3), _para("Book tuition.")]
    assert triples(blocks) == [("Actions", "Book tuition.", "label-paragraph")]


def test_label_value_blocks_keep_the_parser_cue() -> None:
    block = Block(
        kind=BlockKind.LABEL_VALUE, label="Date of next PEP", text="", cue="content-control"
    )
    assert triples([block]) == [("Date of next PEP", "", "content-control")]


def test_content_control_placeholder_is_empty() -> None:
    block = Block(
        kind=BlockKind.LABEL_VALUE, label="Course", text="Click or tap here to enter text."
    )
    assert triples([block])[0][1] == ""
    assert is_empty_value("Choose an item.") and is_empty_value("☐ Yes ☐ No")
    assert not is_empty_value("☒ Yes ☐ No")


def test_checkbox_group_under_its_question() -> None:
    blocks = [
        _para("Did the young person attend?"),
        Block(kind=BlockKind.CHECKBOX, text="Yes", checked=False),
        Block(kind=BlockKind.CHECKBOX, text="No", checked=True),
    ]
    assert triples(blocks) == [("Did the young person attend?", "No", "checkbox")]


def test_glyphs_after_a_question_in_a_paragraph() -> None:
    assert triples([_para("Emergency placement ☐ Yes ☒ No")]) == [
        ("Emergency placement", "☐ Yes ☒ No", "checkbox")
    ]


def test_pairs_carry_page_and_section() -> None:
    pair = read_pairs([_table(["Year group", "7"])], "personal_care", Known()).pairs[0]
    assert (pair.page, pair.section) == (2, "personal_care")


class Catalogued:
    """The real catalogue as the reader's vocabulary."""

    def __init__(self) -> None:
        from peplint.extract.catalogue import builtin_catalogue

        self.cat = builtin_catalogue()

    def is_label(self, text: str, strict: bool = False) -> bool:
        return self.cat.is_label(text, strict)

    def is_column(self, text: str) -> bool:
        return self.cat.is_column(text)

    def is_part_label(self, text: str) -> bool:
        return self.cat.is_part_label(text)


def pairs_of(blocks: list[Block]) -> list[tuple[str, str, str]]:
    return [(p.label, p.value, p.how) for p in read_pairs(blocks, None, Catalogued()).pairs]


def test_a_row_of_labels_over_a_row_of_values() -> None:
    got = pairs_of([_table(["Pupil name", "Date of birth"], ["Leah Okafor", "19 Jan 2012"])])
    assert got == [
        ("Pupil name", "Leah Okafor", "label-above"),
        ("Date of birth", "19 Jan 2012", "label-above"),
    ]


def test_cells_that_hold_a_label_and_its_value() -> None:
    got = pairs_of([_table(["Target date 12/12/2026", "Date came into care 6 Sep 2021"])])
    assert got == [
        ("Target date", "12/12/2026", "inline-label"),
        ("Date came into care", "6 Sep 2021", "inline-label"),
    ]


def test_a_figure_ends_the_value_before_a_label_on_the_same_line() -> None:
    # the real catalogue reads "2027 Outcome of review" as the label (figures carry no words)
    vocab = catalogue_for(None)
    line = "Target date: By 13 February 2027 Outcome of review: New target this term."
    assert inline_pairs(line, vocab) == [
        ("Target date", "By 13 February 2027"),
        ("Outcome of review", "New target this term."),
    ]
    assert inline_pairs("Date of birth: 02/03/2009 Year group: 12", vocab) == [
        ("Date of birth", "02/03/2009"),
        ("Year group", "12"),
    ]


def test_a_label_and_its_figures_on_one_line_are_a_pair_not_a_label() -> None:
    vocab = catalogue_for(None)
    blocks = [
        _para("Date of birth 02/03/2009"),  # would else await the next line as its value
        _para("Year group 12"),
        Block(kind=BlockKind.HEADING, text="Attendance 96.5%"),
        Block(kind=BlockKind.LABEL_VALUE, label="Next PEP 03/02/2027", text="", cue="label-above"),
        Block(kind=BlockKind.HEADING, text="Key Stage 4 results"),  # words after the figure
        _para("Jamie did well in his mocks."),
    ]
    got = [(p.label, p.value) for p in read_pairs(blocks, "x", vocab).pairs]
    assert got == [
        ("Date of birth", "02/03/2009"),
        ("Year group", "12"),
        ("Attendance", "96.5%"),
        ("Next PEP", "03/02/2027"),
        ("Key Stage 4 results", "Jamie did well in his mocks."),
    ]


def test_a_row_of_ticked_options_under_its_label_is_its_value() -> None:
    # the option words name the field ("No SEN", "SEN Support"), but a label holds no boxes:
    # the whole row is the value of the heading above it, not a label and a value of its own
    vocab = catalogue_for(None)
    blocks = [
        Block(kind=BlockKind.HEADING, text="SEN status"),
        _para("☒ No SEN  ☐ SEN Support  ☐ EHCP  ☐ Being assessed"),
    ]
    got = [(p.label, p.value) for p in read_pairs(blocks, "additional_needs", vocab).pairs]
    assert got == [("SEN status", "☒ No SEN  ☐ SEN Support  ☐ EHCP  ☐ Being assessed")]


def test_typed_boxes_read_as_ticks() -> None:
    got = pairs_of([_para("Emergency placement? [ ]Yes [X]No")])
    assert got == [("Emergency placement?", "☐ Yes ☒ No", "checkbox")]


def test_several_labels_win_over_a_checkbox_split() -> None:
    got = pairs_of([_para("Completed by SW: ✓ Yes\tDate: 15 October 2026")])
    assert [(a, b) for a, b, _ in got] == [
        ("Completed by SW", "✓ Yes"),
        ("Date", "15 October 2026"),
    ]


def test_a_label_value_block_continues_onto_wrapped_lines() -> None:
    blocks = [
        Block(kind=BlockKind.LABEL_VALUE, label="Pupil voice", text="I like art and", cue="gap"),
        _para("reading at home."),
        _para("Date of birth: 01/02/2012"),
    ]
    got = pairs_of(blocks)
    assert got[0] == ("Pupil voice", "I like art and reading at home.", "gap")
    assert got[1][:2] == ("Date of birth", "01/02/2012")


def test_a_control_value_or_a_checkbox_line_does_not_run_on() -> None:
    blocks = [
        Block(kind=BlockKind.LABEL_VALUE, label="Attendance", text="96.5%", cue="content-control"),
        _para("Feels settled at home"),
        Block(kind=BlockKind.LABEL_VALUE, label="Attendance", text="96.5%", cue="gap"),
        _para("Wellbeing rating  ☐ Red   ☒ Green"),
    ]
    got = pairs_of(blocks)
    assert got[0] == ("Attendance", "96.5%", "content-control")
    assert got[1] == ("Attendance", "96.5%", "gap")
    assert got[2] == ("Wellbeing rating", "☐ Red   ☒ Green", "checkbox")


def test_a_bare_line_after_a_value_is_the_next_label() -> None:
    got = pairs_of(
        [_para("Social worker"), _para("Owen Reid"), _para("Job title"), _para("Social worker")]
    )
    assert [(a, b) for a, b, _ in got] == [
        ("Social worker", "Owen Reid"),
        ("Job title", "Social worker"),
    ]


def test_a_sub_heading_over_labelled_lines_titles_them() -> None:
    heading = Block(kind=BlockKind.HEADING, text="Target 1", level=4)
    lines = [_para("Date of birth: 02/03/2009"), _para("Year group: 12")]
    assert triples([heading, *lines]) == [
        ("Date of birth", "02/03/2009", "inline-label"),
        ("Year group", "12", "inline-label"),
    ]
    # one labelled line is the heading's own value ("Course" over "A levels: History")
    got = triples([Block(kind=BlockKind.HEADING, text="Course", level=4), lines[1]])
    assert ("Course", "Year group: 12", "label-paragraph") in got


def test_a_content_control_holds_its_whole_value() -> None:
    control = Block(
        kind=BlockKind.LABEL_VALUE, label="Attendance", text="96.5%", cue="content-control"
    )
    got = triples([control, _para("and rising")])
    assert got[0] == ("Attendance", "96.5%", "content-control")
    # a PDF value wraps onto the next line, but not onto a checkbox question
    wrapped = Block(kind=BlockKind.LABEL_VALUE, label="Attendance", text="96.5%", cue="gap")
    assert triples([wrapped, _para("and rising")])[0][1] == "96.5% and rising"
    got = triples([wrapped, _para("Wellbeing rating ☐ Red ☒ Green")])
    assert got == [
        ("Attendance", "96.5%", "gap"),
        ("Wellbeing rating", "☐ Red ☒ Green", "checkbox"),
    ]


def test_an_empty_label_line_before_a_field_of_its_own() -> None:
    # "Year group:" has no value: the next line is a labelled field of its own
    got = triples([_para("Year group:"), _para("Date of birth: 02/03/2009")])
    assert got == [
        ("Year group", "", "label-paragraph"),
        ("Date of birth", "02/03/2009", "inline-label"),
    ]


def test_repeated_records_that_start_with_unlabelled_text() -> None:
    # each record: its text, then labels; the last label of a record is empty when the
    # next line is the next record's text (the line after it is the first label again)
    blocks = [
        _para("Read every night."),
        _para("Year group:"),
        _para("Seven"),
        _para("Summary of discussion:"),
        _para("Write a story."),
        _para("Year group:"),
        _para("Eight"),
    ]
    reading = read_pairs(blocks, "x", Known())
    got = [(p.label, p.value) for p in reading.pairs]
    assert got == [("Year group", "Seven"), ("Summary of discussion", ""), ("Year group", "Eight")]
    assert [p.text for p in reading.paragraphs if p.under is None and not p.is_prompt] == [
        "Read every night.",
        "Write a story.",
    ]


def test_a_value_that_repeats_its_label_words_with_a_figure_is_the_value() -> None:
    # "Key Stage" is a known label, but under "Course / key stage" the line "Key Stage 3"
    # only picks one of the label's kind: it is the value, not a label and its figure
    vocab = catalogue_for(None)
    for label in (
        Block(kind=BlockKind.HEADING, text="Course / key stage", level=5),
        _para("Course / key stage:"),
    ):
        blocks = [label, _para("Key Stage 3"), _para("Designated teacher"), _para("Ruth Ade")]
        got = [(p.label, p.value) for p in read_pairs(blocks, "x", vocab).pairs]
        assert got[0] == ("Course / key stage", "Key Stage 3")
        assert got[1] == ("Designated teacher", "Ruth Ade")
    # words the label does not hold still make a pair of their own under a sub-heading
    blocks = [Block(kind=BlockKind.HEADING, text="Key dates", level=4), _para("Year group 12")]
    assert [(p.label, p.value) for p in read_pairs(blocks, "x", vocab).pairs] == [
        ("Year group", "12")
    ]


def test_a_wide_gap_parts_a_known_label_from_its_value() -> None:
    # Together the words read as one label ("current education status"); the gap says
    # the label ends at "status" and the drop-down's value follows.
    blocks = [_para("Current status  In education"), _para("Greenfield Academy")]
    got = [(p.label, p.value, p.how) for p in read_pairs(blocks, "x", catalogue_for(None)).pairs]
    assert got[0] == ("Current status", "In education", "gap")


def test_a_known_label_asked_as_a_question_after_a_tab_is_a_label() -> None:
    vocab = Known()
    line = "Summary of discussion: we met.\tWhen? By March 2027\tWho will help? Mr Ellis"
    assert inline_pairs(line, vocab) == [
        ("Summary of discussion", "we met."),
        ("When?", "By March 2027"),
        ("Who will help?", "Mr Ellis"),
    ]
    # Unanswered questions are labels with empty values.
    assert inline_pairs("Summary of discussion: we met.\tWhen?", vocab) == [
        ("Summary of discussion", "we met."),
        ("When?", ""),
    ]
    assert inline_pairs("Who will help?\tWhen? Soon", vocab) == [
        ("Who will help?", ""),
        ("When?", "Soon"),
    ]
    # A line of such questions alone, with no colon.
    assert inline_pairs("When? Before the next PEP\tWho will help? Carer", vocab) == [
        ("When?", "Before the next PEP"),
        ("Who will help?", "Carer"),
    ]


def test_a_question_that_is_no_known_label_stays_in_the_value() -> None:
    vocab = Known()
    line = "Summary of discussion: we met.\tWhy not? Nobody asked"
    assert inline_pairs(line, vocab) == [
        ("Summary of discussion", "we met.\tWhy not? Nobody asked")
    ]
    assert (
        inline_pairs("Why? Because\tWhen? Soon", vocab) == []
    )  # not every part is a question label
