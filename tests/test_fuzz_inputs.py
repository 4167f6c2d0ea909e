"""Fuzzing: mutated fixtures always give a typed result within the limits.

Derandomised with fixed example counts so CI time is bounded. Each example is
read in an isolated worker, as in production; a crash found here becomes a
regression test in test_hostile_inputs.py.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peplint.errors import ErrorCode
from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport
from peplint.safety.isolation import run_isolated
from peplint.safety.limits import Limits
from tests.conftest import GENERATED
from tests.hostile import replace_member

SETUP = LintSetup.default()
LIMITS = Limits(worker_seconds=30, worker_memory_mb=1000)
CODES: set[ErrorCode] = {"encrypted", "no-text", "corrupt", "unsupported", "too-large", "timeout"}
DOCX = (GENERATED / "secondary-good.docx").read_bytes()
PDF = (GENERATED / "walsall-late-incomplete.pdf").read_bytes()
FUZZ = settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _check(data: bytes, suffix: str, tmp_path: Path) -> FileReport:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    [(_, report)] = list(run_isolated([path], lambda p: lint_file(p, SETUP), LIMITS))
    if report.status == "error":
        assert report.error is not None and report.error.code in CODES
        assert "Traceback" not in report.error.message and "\n" not in report.error.message
    else:
        assert report.checklist is not None
    return report


def _flip(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=20))
def test_mutated_pdf_bytes(tmp_path_factory, edits: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    _check(_flip(PDF, edits), ".pdf", tmp_path_factory.mktemp("pdf"))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=20))
def test_mutated_docx_package_bytes(tmp_path_factory, edits: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    _check(_flip(DOCX, edits), ".docx", tmp_path_factory.mktemp("zip"))


XML_PIECES = st.sampled_from(
    [
        "<",
        ">",
        "</w:p>",
        "<w:p>",
        "<w:tbl>",
        "</w:tc>",
        "<w:t>",
        "&amp;",
        "&",
        "\x00",
        "<w:sdt>",
        '<w:gridSpan w:val="-5"/>',
        "<w:vMerge/>",
        "☒",
        '"',
        "]]>",
    ]
)


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, 10**6), XML_PIECES), min_size=1, max_size=12),
    st.sampled_from(
        [
            "word/document.xml",
            "word/styles.xml",
            "[Content_Types].xml",
            "word/_rels/document.xml.rels",
        ]
    ),
)
def test_mutated_xml_parts(tmp_path_factory, edits: list[tuple[int, str]], member: str) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(io.BytesIO(DOCX)) as archive:
        text = archive.read(member).decode("utf-8")
    for position, piece in edits:
        at = position % (len(text) + 1)
        text = text[:at] + piece + text[at:]
    _check(
        replace_member(DOCX, member, text.encode("utf-8", "surrogatepass")),
        ".docx",
        tmp_path_factory.mktemp("xml"),
    )


@FUZZ
@given(st.integers(1, len(DOCX) - 1))
def test_truncated_packages(tmp_path_factory, cut: int) -> None:  # type: ignore[no-untyped-def]
    _check(DOCX[:cut], ".docx", tmp_path_factory.mktemp("cut"))
