"""PDFs made by LibreOffice and by a browser's print to PDF parse to the spec's values.

They are made by fixtures/other-producers/make.sh; the parser must not be tuned
to the project's own generator.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peplint.reading import read_pep
from tests.conftest import GENERATED, OTHER_PRODUCERS, field_differences, load_expected

PDFS = sorted(OTHER_PRODUCERS.glob("*.pdf"))


def test_both_other_producers_are_present() -> None:
    producers = {p.name.split("-", 1)[0] for p in PDFS}
    assert producers == {"libreoffice", "browser"}


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_other_producer_pdf_matches_spec(pdf: Path) -> None:
    spec_id = pdf.stem.split("-", 1)[1]
    expected = load_expected(GENERATED / f"{spec_id}.expected.json")
    pep = read_pep(pdf)
    assert pep.template == expected["template"]
    assert field_differences(expected["fields"], pep.model_dump(mode="json")) == []
