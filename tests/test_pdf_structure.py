"""PDF structure: tables across pages, running headers and footers, headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from peplint.model.pep import Target
from peplint.reading import read_pep
from tests.conftest import SPECS


@pytest.fixture(scope="module")
def long_pep(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Target], Path]:
    spec = load_spec(SPECS / "secondary-good.yaml")
    spec.targets = [
        Target(
            text=f"Target number {i}: you will read {i} pages each week.",
            who="You with your tutor",
            deadline_text="By the end of Spring term 2027",
            strategy=f"Strategy {i}",
            review="New",
        )
        for i in range(1, 41)
    ]
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    path.write_bytes(render_spec(spec, "pdf"))
    return spec.targets, path


def test_a_table_over_several_pages_is_read_whole(long_pep: tuple[list[Target], Path]) -> None:
    targets, path = long_pep
    pep = read_pep(path)
    assert pep.source.pages >= 3
    assert [t.text for t in pep.targets] == [t.text for t in targets]  # no repeated header rows


def test_running_header_and_page_numbers_are_dropped(long_pep: tuple[list[Target], Path]) -> None:
    _, path = long_pep
    pep = read_pep(path)
    for section in pep.sections.values():
        assert "OFFICIAL - SENSITIVE" not in section.text
        assert "Page 2" not in section.text
    assert "OFFICIAL - SENSITIVE" not in pep.unrecognised_headings
