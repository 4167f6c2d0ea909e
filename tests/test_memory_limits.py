"""Memory exhaustion and decompression bombs are `too-large` (or `timeout`), one line, the
same code from `lint` and `bulk`, and never `corrupt`."""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path

import pytest

from peplint import errors
from peplint.parsers.pdf_open import _CappedZlib
from peplint.report import FileError, FileReport
from peplint.safety.isolation import is_limit_failure, run_isolated
from peplint.safety.limits import Limits
from tests import hostile

SMALL = Limits(worker_memory_mb=96, worker_seconds=60)


def _grab(path: Path) -> FileReport:
    hoard = []
    while True:
        hoard.append(bytearray(8 * 1024 * 1024))


def _grab_and_hide(path: Path) -> FileReport:
    # What a library does: it catches the MemoryError and raises its own error instead.
    with contextlib.suppress(MemoryError):
        _grab(path)
    return FileReport(
        path=str(path),
        status="error",
        error=FileError(code="corrupt", message="This file is damaged and cannot be read."),
    )


def _abort(path: Path) -> FileReport:
    os.abort()


def _damaged(path: Path) -> FileReport:
    return FileReport(
        path=str(path),
        status="error",
        error=FileError(code="corrupt", message="This file is damaged and cannot be read."),
    )


@pytest.mark.parametrize("work", [_grab, _grab_and_hide, _abort], ids=lambda w: w.__name__)
def test_running_out_of_memory_is_too_large(tmp_path: Path, work: object) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    [(_, report)] = list(run_isolated([path], work, SMALL))  # type: ignore[arg-type]
    assert report.error is not None and report.error.code == "too-large"
    assert is_limit_failure(report)
    assert report.sha256 is not None  # hashed by the parent, not the exhausted child


def test_a_damaged_file_stays_corrupt_under_a_small_memory_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    [(_, report)] = list(run_isolated([path], _damaged, SMALL))
    assert report.error is not None and report.error.code == "corrupt"
    assert not is_limit_failure(report)


def test_stream_cap_matches_zlib_below_it_and_refuses_above() -> None:
    capped = _CappedZlib(1000)
    data = zlib.compress(b"a" * 1000)
    assert capped.decompress(data) == b"a" * 1000
    with pytest.raises(errors.InputError) as caught:
        capped.decompress(zlib.compress(b"a" * 1001))
    assert caught.value.code == "too-large"
    with pytest.raises(zlib.error):
        capped.decompress(data[:-3])  # truncated: the same error as zlib's, for pdfminer
    inflater = capped.decompressobj()
    with pytest.raises(errors.InputError):
        for byte in zlib.compress(b"b" * 5000):
            inflater.decompress(bytes([byte]))


def _xobject_bomb(draws: int) -> bytes:
    """One page drawing a small form XObject (a word of text) many thousand times."""
    form = hostile._stream(b"BT /F1 1 Tf 0 0 Td (abcdefghij) Tj ET").replace(
        b"<< /Length",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length",
        1,
    )
    return hostile.pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>",
            hostile._stream(b"q 1 0 0 1 1 1 cm /X1 Do Q\n" * draws),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            form,
        ]
    )


def test_memory_bombs_give_the_same_code_in_lint_and_bulk(tmp_path: Path) -> None:
    from peplint.cli import lint_paths
    from peplint.lint import LintSetup
    from tests.test_bulk_safety import _run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "xobjects.pdf").write_bytes(_xobject_bomb(40_000))
    (folder / "flate.pdf").write_bytes(hostile.flate_bomb_pdf(100))
    limits = Limits(worker_memory_mb=64, worker_seconds=60)
    setup = LintSetup.default()
    linted = lint_paths(sorted(folder.iterdir()), setup, limits, jobs=1, redact=False)
    lint_codes = {Path(e.path).name: e.error.code for e in linted}
    assert lint_codes["flate.pdf"] == "too-large"
    assert lint_codes["xobjects.pdf"] in {"too-large", "timeout"}
    bulk = _run(folder, tmp_path / "out", limits=limits)
    assert {r.file: r.error_code for r in bulk.rows} == lint_codes
