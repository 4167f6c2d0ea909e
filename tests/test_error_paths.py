"""Error paths: each unreadable input gets its own typed entry, an output that cannot be
written is one line and exit code 4, limit failures are not cached, small messages."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import peplint.bulk.pep_reports as pep_reports
import peplint.bulk.run as bulk_run
from peplint import errors
from peplint.cli import main
from peplint.safety.limits import Limits
from peplint.safety.preflight import preflight
from tests.conftest import GENERATED
from tests.test_bulk_safety import _run

ROOT = os.geteuid() == 0


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _xlsx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
            "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
            "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><worksheet/>',
        }
    )


def _pptx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
            "ppt/presentation.xml": b'<?xml version="1.0"?><presentation/>',
        }
    )


def _lint(*args: str) -> Any:
    return CliRunner().invoke(main, ["lint", *args])


def test_a_missing_file_is_not_found_and_the_others_are_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    shutil.copy(GENERATED / "walsall-good.pdf", good)
    result = _lint("--format", "json", str(tmp_path / "missing.pdf"), str(good))
    assert result.exit_code == errors.EXIT_INPUT
    report = json.loads(result.stdout)
    first, second = report["files"]
    assert first["error"]["code"] == "not-found"
    assert "damaged" not in first["error"]["message"]
    assert second["status"] == "ok"


def test_a_file_that_cannot_be_opened_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.docx"
    shutil.copy(GENERATED / "walsall-good.docx", locked)
    good = tmp_path / "good.pdf"
    shutil.copy(GENERATED / "walsall-good.pdf", good)
    if ROOT:  # root reads any file: make opening this one fail as it does for others
        real_open = Path.open

        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.name == "locked.docx":
                raise PermissionError(errno.EACCES, "Permission denied")
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse)
    else:
        locked.chmod(0)
    result = _lint("--format", "json", str(locked), str(good))
    assert result.exit_code == errors.EXIT_INPUT, result.output
    first, second = json.loads(result.stdout)["files"]
    assert first["error"]["code"] == "permission-denied"
    assert second["status"] == "ok"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [("budget.docx", _xlsx(), "spreadsheet"), ("slides.docx", _pptx(), "presentation")],
)
def test_renamed_office_files_are_unsupported(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(errors.InputError) as caught:
        preflight(path, Limits())
    assert caught.value.code == "unsupported"
    assert f"This is a {words}" in caught.value.message and "not a PEP" in caught.value.message


def test_the_error_line_is_printed_once(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.pdf")
    result = _lint(missing)
    assert result.exit_code == errors.EXIT_INPUT
    assert result.output.count("There is no file with this name") == 1
    to_file = _lint(missing, "-o", str(tmp_path / "report.txt"))
    assert to_file.stderr.count("There is no file with this name") == 1


def test_an_empty_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.txt").write_text("x")
    result = CliRunner().invoke(
        main, ["bulk", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet"]
    )
    assert result.exit_code == errors.EXIT_USAGE
    assert "no PEP files" in result.output
    assert not (tmp_path / "out").exists()


def test_lint_output_that_cannot_be_written_is_exit_4(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    shutil.copy(GENERATED / "walsall-good.pdf", good)
    (tmp_path / "afile").write_text("x")
    result = _lint(str(good), "-o", str(tmp_path / "afile" / "report.json"))
    assert result.exit_code == errors.EXIT_OUTPUT, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == ["peplint: could not write the report: not a directory"]


def test_lint_on_a_full_disk_is_exit_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.pdf"
    shutil.copy(GENERATED / "walsall-good.pdf", good)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("peplint.output.os.fsync", full)
    result = _lint(str(good), "-o", str(tmp_path / "report.json"))
    assert result.exit_code == errors.EXIT_OUTPUT
    assert "no space left on device" in result.output and "Traceback" not in result.output
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".report*"))


def test_bulk_output_failure_is_exit_4_and_no_pep_is_called_corrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "a.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", folder / "b.docx")
    out = tmp_path / "out"
    real = bulk_run.atomic_write

    def full_for_word(path: Path, data: bytes | str) -> Path:
        if path.suffix == ".docx":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, data)

    monkeypatch.setattr(pep_reports, "atomic_write", full_for_word)  # each PEP's reports
    result = CliRunner().invoke(main, ["bulk", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == errors.EXIT_OUTPUT, result.output
    assert result.output.strip().splitlines() == [
        "peplint: could not write to the output folder: no space left on device"
    ]
    cached = [json.loads(p.read_text()) for p in (out / ".cache").glob("*.json")]
    assert cached and all(c["status"] == "ok" for c in cached)  # the verdict is kept
    monkeypatch.setattr(pep_reports, "atomic_write", real)
    again = _run(folder, out, resume=True)
    assert again.cached == len(cached) and [r.error_code for r in again.rows] == ["", ""]


def test_bulk_reports_a_sub_folder_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    (folder / "Castle").mkdir(parents=True)
    (folder / "Locked").mkdir()
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "Castle" / "a.pdf")
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "Locked" / "b.pdf")
    real_scandir = os.scandir

    def refuse(path: Any = ".") -> Any:
        if os.fspath(path).endswith("Locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result = _run(folder, tmp_path / "out")
    by_file = {r.file: r for r in result.rows}
    assert sorted(by_file) == ["Castle/a.pdf", "Locked"]
    assert by_file["Locked"].error_code == "permission-denied"
    assert by_file["Castle/a.pdf"].error_code == ""


def test_limit_failures_are_not_cached_on_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "slow.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", folder / "quick.docx")
    real = bulk_run.lint_file

    def slow(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.name == "slow.pdf":
            import time

            time.sleep(30)  # stopped by the 1-second limit below
        return real(path, *args, **kwargs)

    monkeypatch.setattr(bulk_run, "lint_file", slow)
    setup_limits = Limits(worker_seconds=1)
    from peplint.bulk.run import BulkOptions, run_bulk
    from peplint.packs.resolve import setup_for

    setup, effective = setup_for("section-d")
    files = [p.path for p in effective.loaded]
    out = tmp_path / "out"
    first = run_bulk(folder, out, setup, files, BulkOptions(progress=False, limits=setup_limits))
    assert {r.file: r.error_code for r in first.rows}["slow.pdf"] == "timeout"
    monkeypatch.setattr(bulk_run, "lint_file", real)
    again = run_bulk(folder, out, setup, files, BulkOptions(progress=False, resume=True))
    assert (again.cached, again.processed) == (1, 1)
    assert {r.file: r.error_code for r in again.rows}["slow.pdf"] == ""
