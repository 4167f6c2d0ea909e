"""Boundary tests: each limit and threshold exactly at, and just either side of, its value."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import pytest

from peplint import errors
from peplint.calendar import is_working_day, term_of, terms_between, working_days_after
from peplint.engine import run_rules
from peplint.lint import LintSetup, lint_file
from peplint.model.pep import Pep
from peplint.rules.needs import identified_needs
from peplint.safety.limits import Limits
from peplint.safety.preflight import MB, check_zip
from tests import hostile
from tests.conftest import GENERATED

SAMPLES = Path(__file__).resolve().parent / "samples"


# --- attendance threshold ------------------------------------------------------------


@pytest.fixture(scope="module")
def setup() -> LintSetup:
    return LintSetup.default()


@pytest.fixture(scope="module")
def plain_pep(setup: LintSetup) -> Pep:
    """A good PEP with no attendance target and nothing about attendance in its notes."""
    entry = lint_file(GENERATED / "walsall-good.pdf", setup)
    assert entry.pep is not None
    pep = entry.pep.model_copy(deep=True)
    pep.targets = [t for t in pep.targets if "attend" not in t.text.lower()]
    pep.meeting.discussion = pep.meeting.actions = pep.attainment.overview = None
    return pep


@pytest.mark.parametrize(("percent", "below"), [(79.9, True), (80.0, False), (80.1, False)])
def test_attendance_threshold_at_and_around(
    setup: LintSetup, plain_pep: Pep, percent: float, below: bool
) -> None:
    pep = plain_pep.model_copy(deep=True)
    pep.meeting.attendance_percent = percent
    findings = [
        f for f in run_rules(pep, setup.rules, setup.config) if f.rule == "attendance-threshold"
    ]
    assert bool(findings) is below
    needs = [n for n in identified_needs(pep, 80) if "attendance" in n.label.lower()]
    assert bool(needs) is below


# --- zip pre-flight limits -------------------------------------------------------------


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _word(extra: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    with zipfile.ZipFile(io.BytesIO(hostile.good_docx())) as good:
        members = {i.filename: good.read(i) for i in good.infolist()}
    return _zip({**members, **extra}, compression)


def _check(tmp_path: Path, data: bytes, limits: Limits) -> str | None:
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    try:
        check_zip(path, limits)
    except errors.InputError as exc:
        assert exc.code == "too-large"
        return exc.message
    return None


def _info(data: bytes, name: str) -> zipfile.ZipInfo:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.getinfo(name)


def test_part_size_limit_just_under_and_over(tmp_path: Path) -> None:
    data = _word({"word/media/big.bin": os.urandom(2 * MB)}, zipfile.ZIP_STORED)
    size = _info(data, "word/media/big.bin").file_size / MB
    roomy = Limits(max_member_mb=size * 1.0001, max_total_mb=1000)
    tight = Limits(max_member_mb=size * 0.9999, max_total_mb=1000)
    assert _check(tmp_path, data, roomy) is None
    assert "A part of this Word file unpacks" in (_check(tmp_path, data, tight) or "")


def test_total_size_limit_just_under_and_over(tmp_path: Path) -> None:
    data = _word({f"word/media/{i}.bin": os.urandom(MB) for i in range(3)}, zipfile.ZIP_STORED)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(i.file_size for i in archive.infolist()) / MB
    assert _check(tmp_path, data, Limits(max_total_mb=total * 1.0001)) is None
    message = _check(tmp_path, data, Limits(max_total_mb=total * 0.9999)) or ""
    assert "This Word file unpacks to more than" in message


def test_member_count_limit_at_and_over(tmp_path: Path) -> None:
    data = _word({f"word/media/{i}.txt": b"x" for i in range(20)})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        count = len(archive.infolist())
    assert _check(tmp_path, data, Limits(max_zip_members=count)) is None
    assert "parts" in (_check(tmp_path, data, Limits(max_zip_members=count - 1)) or "")


def test_ratio_limit_just_under_and_over(tmp_path: Path) -> None:
    # 2 MB that compresses about 50:1 (random bytes among zeros).
    block = os.urandom(2 * MB // 64) + bytes(2 * MB - 2 * MB // 64)
    data = _word({"word/media/squeezed.bin": block})
    info = _info(data, "word/media/squeezed.bin")
    ratio = info.file_size / info.compress_size
    assert _check(tmp_path, data, Limits(max_ratio=ratio * 1.001)) is None
    assert "zip bomb" in (_check(tmp_path, data, Limits(max_ratio=ratio * 0.999)) or "")


def test_a_bomb_under_the_part_size_limit_but_over_the_ratio_limit(tmp_path: Path) -> None:
    # 20 MB of zeros: well under the 100 MB part limit, compressed about 1000:1.
    data = _word({"word/media/zeros.bin": bytes(20 * MB)})
    limits = Limits()
    info = _info(data, "word/media/zeros.bin")
    assert info.file_size < limits.max_member_mb * MB
    assert info.file_size / info.compress_size > limits.max_ratio
    assert "zip bomb" in (_check(tmp_path, data, limits) or "")


# --- school calendar -----------------------------------------------------------------


def test_weekends_and_bank_holidays_are_not_working_days() -> None:
    assert is_working_day(dt.date(2026, 5, 1))  # a Friday
    assert not is_working_day(dt.date(2026, 5, 2))  # Saturday
    assert not is_working_day(dt.date(2026, 5, 4))  # Early May bank holiday
    assert not is_working_day(dt.date(2026, 12, 25))  # Christmas Day, a Friday
    assert not is_working_day(dt.date(2026, 12, 28))  # Boxing Day's substitute Monday


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        (dt.date(2026, 10, 5), dt.date(2026, 10, 9), 4),  # Monday to Friday
        (dt.date(2026, 10, 9), dt.date(2026, 10, 12), 1),  # over a weekend
        (dt.date(2026, 5, 1), dt.date(2026, 5, 8), 4),  # over a bank holiday Monday
        (dt.date(2026, 10, 9), dt.date(2026, 10, 9), 0),  # the same day
        (dt.date(2026, 10, 9), dt.date(2026, 10, 1), 0),  # backwards
        (dt.date(2026, 12, 24), dt.date(2027, 1, 4), 4),  # Christmas and New Year
    ],
)
def test_working_days_after(start: dt.date, end: dt.date, days: int) -> None:
    assert working_days_after(start, end) == days


@pytest.mark.parametrize(
    ("day", "term"),
    [
        (dt.date(2026, 8, 31), (2025, 2)),
        (dt.date(2026, 9, 1), (2026, 0)),
        (dt.date(2026, 12, 31), (2026, 0)),
        (dt.date(2027, 1, 1), (2026, 1)),
        (dt.date(2027, 3, 31), (2026, 1)),
        (dt.date(2027, 4, 1), (2026, 2)),
    ],
)
def test_term_of_at_each_boundary(day: dt.date, term: tuple[int, int]) -> None:
    assert term_of(day) == term


def test_terms_between() -> None:
    assert terms_between(dt.date(2026, 9, 1), dt.date(2026, 12, 31)) == 0
    assert terms_between(dt.date(2026, 12, 31), dt.date(2027, 1, 1)) == 1
    assert terms_between(dt.date(2026, 10, 1), dt.date(2027, 10, 1)) == 3
    assert terms_between(dt.date(2027, 1, 1), dt.date(2026, 12, 31)) == -1


# --- committed encrypted and damaged samples -------------------------------------------


@pytest.mark.parametrize("name", ["rc4-40.pdf", "rc4-128.pdf"])
def test_committed_encrypted_samples(setup: LintSetup, name: str) -> None:
    report = lint_file(SAMPLES / name, setup)
    assert report.error is not None and report.error.code == "encrypted"


def test_committed_encrypted_sample_opens_with_its_password(setup: LintSetup) -> None:
    from peplint.reading import read_document

    document = read_document(SAMPLES / "rc4-128.pdf", password="secret")
    assert any("Personal Education Plan" in b.text for b in document.blocks)


def test_committed_damaged_sample_is_read_and_marked_degraded(setup: LintSetup) -> None:
    report = lint_file(SAMPLES / "damaged-xref.pdf", setup)
    assert report.status == "ok" and report.degraded
    assert report.pep is not None and any("repaired" in w for w in report.pep.warnings)
