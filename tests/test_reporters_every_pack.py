"""Every built-in pack through every reporter, and the Word form's tick boxes on any scale."""

from __future__ import annotations

import functools
import io
import json

import docx
import pytest

from peplint.engine import registered_rules
from peplint.lint import lint_file
from peplint.packs.discovery import registered_packs
from peplint.packs.resolve import resolve_pack
from peplint.plugins.manager import collect, default_manager
from peplint.report import Report
from tests.conftest import GENERATED

REPORTERS = collect(default_manager().hook.peplint_register_reporters, lambda r: r.name, "reporter")
PACKS = sorted(registered_packs())
PEP = GENERATED / "walsall-weak-targets.docx"


@functools.cache
def report_with(pack: str) -> Report:
    setup = resolve_pack(pack).setup(registered_rules())
    return Report(pack=setup.pack, files=[lint_file(PEP, setup)])


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("pack", PACKS)
def test_every_pack_renders_in_every_format(pack: str, fmt: str) -> None:
    report = report_with(pack)
    data = REPORTERS[fmt].render(report)
    assert data
    checklist = report.files[0].checklist
    assert checklist is not None
    if fmt == "json":
        assert json.loads(data)["pack"]["name"] == pack
    elif fmt == "docx":
        assert docx.Document(io.BytesIO(data)).tables
    else:
        text = data.decode("utf-8")
        for item in checklist.items:
            assert item.question.split()[0] in text


def form_checklist(data: bytes) -> tuple[list[str], dict[str, list[str]]]:
    """The checklist table's header and, per question, the ratings ticked."""
    document = docx.Document(io.BytesIO(data))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Question")
    header = [c.text for c in table.rows[0].cells]
    ticks = {
        row.cells[0].text.split("\n")[0]: [
            header[i] for i, c in enumerate(row.cells) if i and c.text == "☒"
        ]
        for row in table.rows[1:]
    }
    return header, ticks


def test_rag_form_shows_every_rating_in_the_packs_order() -> None:
    header, ticks = form_checklist(REPORTERS["docx"].render(report_with("example-rag")))
    assert header == ["Question", "Red", "Amber", "Green"]
    assert all(len(t) == 1 for t in ticks.values())
    assert not any(q.startswith(("voice.", "targets.", "people.")) for q in ticks)  # no ids
    assert "The child's voice is heard in their own words" in ticks


def test_gold_scale_form_in_the_packs_order_with_overall_tick_boxes() -> None:
    report = report_with("example-gold-scale")
    data = REPORTERS["docx"].render(report)
    header, _ = form_checklist(data)
    assert header == ["Question", "Gold", "Green", "Amber", "Red"]
    document = docx.Document(io.BytesIO(data))
    overall = report.files[0].checklist.overall.label  # type: ignore[union-attr]
    boxes = {
        row.cells[1].text: row.cells[0].text
        for t in document.tables
        for row in t.rows
        if len(row.cells) == 2 and row.cells[0].text in ("☒", "☐")
    }
    assert len(boxes) >= 4 and boxes[overall] == "☒"
    assert list(boxes.values()).count("☒") == 1


def test_walsall_form_keeps_its_numbers_and_yes_no_columns() -> None:
    header, ticks = form_checklist(REPORTERS["docx"].render(report_with("section-d")))
    assert header == ["Question", "Yes", "No"]
    assert any(q.startswith("D1. ") for q in ticks)
