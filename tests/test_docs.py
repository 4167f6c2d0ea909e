"""The README and docs/ link only to files the repository has, never outside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_links_point_to_files_in_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        resolved = (page.parent / target).resolve()
        assert resolved.is_relative_to(ROOT), target
        assert resolved.exists(), f"{page.name} links to {target}, which is not in the repository"


def test_readme_does_not_send_readers_to_a_missing_design_page() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "DESIGN.md" not in text
    assert (ROOT / "docs" / "design.md").is_file()
