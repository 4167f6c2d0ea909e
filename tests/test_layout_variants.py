"""Every layout variant yields every field its spec holds, and the spec's checklist answers.

The variants (tests/layouts/variants.py) render one case spec in layouts that share
none of our generator's habits. Today's parsers miss many of their fields, so the
test is a ratchet over tests/layouts/known_gaps.yaml: a field or answer that is
not listed there must be right (else it is a regression), and a listed one must
still be wrong (else it is fixed: refresh the list with
`python -m tests.layouts.gaps --write`, so the list only shrinks).
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from peplint.reading import read_pep
from tests.conftest import GENERATED
from tests.layouts import vocab
from tests.layouts.compare import assess, expected_fields, wrong_fields
from tests.layouts.corpus import VariantDocument, build, committed_path, specs
from tests.layouts.forms import format_date
from tests.layouts.gaps import changes, load_known
from tests.layouts.variants import SPEC_IDS, VARIANTS

REFRESH = "refresh the list: python -m tests.layouts.gaps --write"
KEYS = [
    f"{v.name}--{spec_id}"
    for spec_id in SPEC_IDS
    for v in VARIANTS
    if not v.committed or committed_path(v, spec_id).is_file()
]


@pytest.fixture(scope="session")
def variant_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, VariantDocument]:
    """Every variant of every spec, rendered once per session (committed PDFs listed)."""
    return {doc.key: doc for doc in build(tmp_path_factory.mktemp("variants"))}


@pytest.fixture(scope="session")
def assessed(
    variant_documents: dict[str, VariantDocument],
) -> dict[str, tuple[list[str], list[str]]]:
    """A lazily filled cache: each document is linted once for both ratchets."""
    return {}


def _assess(
    key: str, docs: dict[str, VariantDocument], cache: dict[str, tuple[list[str], list[str]]]
) -> tuple[list[str], list[str]]:
    if key not in cache:
        doc = docs[key]
        cache[key] = assess(doc.spec, doc.path)
    return cache[key]


@pytest.fixture(scope="session")
def known_gaps() -> dict[str, dict[str, list[str]]]:
    """tests/layouts/known_gaps.yaml, read once."""
    return load_known()


def _ratchet(
    known_gaps: dict[str, dict[str, list[str]]], kind: str, key: str, wrong: list[str]
) -> None:
    known = set(known_gaps[kind].get(key, []))
    regressed = [p for p in wrong if p not in known]
    fixed = sorted(known - set(wrong))
    assert not regressed, f"{key}: {kind} now wrong that were right: {regressed}"
    assert not fixed, f"{key}: {kind} now right, take them off known_gaps.yaml ({REFRESH}): {fixed}"


@pytest.mark.parametrize("key", KEYS)
def test_variant_fields_match_the_spec(
    key: str,
    variant_documents: dict[str, VariantDocument],
    assessed: dict[str, tuple[list[str], list[str]]],
    known_gaps: dict[str, dict[str, list[str]]],
) -> None:
    _ratchet(known_gaps, "fields", key, _assess(key, variant_documents, assessed)[0])


@pytest.mark.parametrize("key", KEYS)
def test_variant_checklist_answers_match_the_spec(
    key: str,
    variant_documents: dict[str, VariantDocument],
    assessed: dict[str, tuple[list[str], list[str]]],
    known_gaps: dict[str, dict[str, list[str]]],
) -> None:
    _ratchet(known_gaps, "checklist", key, _assess(key, variant_documents, assessed)[1])


def _document_text(path: Path) -> str:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        text = re.sub(r"<[^>]+>", "", xml)
        return re.sub(r"\s+", "", html.unescape(text))
    with pdfplumber.open(path) as pdf:
        return " ".join(page.extract_text() or "" for page in pdf.pages)


def _printed(value: str, text: str, is_pdf: bool) -> bool:
    """Whether `value` is in the text: verbatim in Word; in a PDF, as words (the lines of
    unruled columns interleave in extracted text)."""
    if not is_pdf:
        return re.sub(r"\s+", "", value) in text
    if re.sub(r"\s+", "", value) in re.sub(r"\s+", "", text):
        return True
    words = Counter(text.split())
    missing = Counter(value.split()) - words
    # a word wrapped inside a narrow cell comes out as two fragments ("s.whitley@exampl" "e.org")
    return all(any(w[:i] in words and w[i:] in words for i in range(1, len(w))) for w in missing)


@pytest.mark.parametrize("key", KEYS)
def test_every_text_and_date_of_the_spec_is_in_the_variant(
    key: str, variant_documents: dict[str, VariantDocument]
) -> None:
    """The generator itself: a field the file does not print could never be extracted."""
    doc = variant_documents[key]
    text = _document_text(doc.path)
    missing = []
    for path, value in expected_fields(doc.spec).items():
        if isinstance(value, bool) or path.endswith(
            ("eet_status", "sen_status", "wellbeing_rag", "progress", "term", "pep_type")
        ):
            continue
        if path.endswith("].deadline"):  # the target's deadline is read from its deadline_text
            continue
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            value = format_date(dt.date.fromisoformat(value), doc.variant.dates)
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        if not _printed(shown, text, doc.path.suffix == ".pdf"):
            missing.append(path)
    assert missing == []


def test_variants_vary_every_axis() -> None:
    assert len(VARIANTS) >= 8
    assert len({v.name for v in VARIANTS}) == len(VARIANTS)
    values = {axis: {v.axes()[axis] for v in VARIANTS} for axis in VARIANTS[0].axes()}
    assert values["producer"] == {"python-docx", "wordml", "reportlab", "libreoffice", "chromium"}
    assert {"styles", "bold", "numbered", "title_row", "textbox", "outline"} <= values["heading"]
    assert {"large", "caps", "smallcaps", "band"} <= values["heading"]
    assert {
        "two_cell",
        "four_cell",
        "qa_table",
        "inline",
        "label_para",
        "content_control",
        "label_above",
        "gap",
    } <= values["fields"]
    assert values["dates"] == {"numeric", "short", "weekday", "ordinal"}
    assert {"glyph", "tick", "columns", "content_control", "drawn"} <= values["checkbox"]
    assert values["targets"] == {"grid", "numbered", "blocks"}
    assert len(values["authority"]) >= 5
    for a, b in ((a, b) for a in VARIANTS for b in VARIANTS if a.name < b.name):
        same = sum(
            a.axes()[k] == b.axes()[k]
            for k in ("heading", "fields", "dates", "checkbox", "targets", "authority")
        )
        assert same <= 4, (a.name, b.name)


def test_specs_are_both_templates_good_and_with_defects() -> None:
    loaded = specs()
    assert {s.render.template for s in loaded} == {"walsall-post16", "secondary"}
    good = [s for s in loaded if set(s.expect["checklist"].values()) == {"yes"}]
    assert {s.render.template for s in good} == {"walsall-post16", "secondary"}
    assert any("no" in s.expect["checklist"].values() for s in loaded)


def test_committed_variants_are_a_subset_of_every_committed_producer() -> None:
    producers = {v.producer for v in VARIANTS if v.committed}
    present = {
        v.producer
        for v in VARIANTS
        if v.committed
        for s in SPEC_IDS
        if committed_path(v, s).is_file()
    }
    assert present == producers


def test_known_gaps_name_only_real_documents_and_fields(
    known_gaps: dict[str, dict[str, list[str]]],
) -> None:
    known = known_gaps
    loaded = specs()
    by_key = {f"{v.name}--{s.id}": s for v in VARIANTS for s in loaded}
    for key, paths in known["fields"].items():
        assert key in by_key, key
        assert set(paths) <= set(expected_fields(by_key[key])), key
    for key, items in known["checklist"].items():
        assert key in by_key, key
        assert set(items) <= set(by_key[key].expect["checklist"]), key


def test_the_ratchet_reports_regressions_and_fixes() -> None:
    known = {"fields": {"a--s": ["child.name", "meeting.date"]}, "checklist": {}}
    now = {"fields": {"a--s": ["meeting.date", "carers"]}, "checklist": {"a--s": ["D4"]}}
    assert changes(known, now) == [
        "regressed fields a--s: carers",
        "fixed     fields a--s: child.name",
        "regressed checklist a--s: D4",
    ]
    assert changes(now, now) == []


def test_authorities_name_sections_differently() -> None:
    authorities = {v.authority.name: v.authority for v in VARIANTS}
    views = {(a.sections["views"] or "").lower() for a in authorities.values()}
    assert len(views) == len(authorities)
    assert all(set(vocab.GROUPS) == set(a.sections) for a in authorities.values())


@pytest.mark.parametrize("spec_id", ["walsall-good", "secondary-absent-no-voice"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_comparison_passes_on_layouts_peplint_already_reads(spec_id: str, fmt: str) -> None:
    """A control: the project's own fixtures of the same specs have no wrong field, so a wrong
    field on a variant is the layout's doing, not the comparison's."""
    spec = next(s for s in specs() if s.id == spec_id)
    wrong, answers = assess(spec, GENERATED / f"{spec_id}.{fmt}")
    assert len(expected_fields(spec)) > 80
    assert (wrong, answers) == ([], [])


def test_the_comparison_names_a_wrong_field() -> None:
    spec = next(s for s in specs() if s.id == "walsall-good")
    pep = read_pep(GENERATED / "walsall-good.docx")
    pep.child.name = "Someone Else"
    pep.targets = pep.targets[:2]
    wrong = wrong_fields(spec, pep)
    assert "child.name" in wrong
    assert "targets[2].text" in wrong
    assert "targets[0].text" not in wrong
