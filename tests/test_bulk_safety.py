"""Bulk never loses a file: it deletes only what it wrote, never through a link, never in an
input folder, never reads its own outputs back as PEPs, and a run stopped early keeps the
previous run's results."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint.bulk.run import BulkOptions, BulkResult, run_bulk
from peplint.cli import main
from peplint.packs.resolve import setup_for
from peplint.safety.limits import Limits
from tests import hostile
from tests.conftest import GENERATED

AS_OF = dt.date(2027, 3, 1)


def _run(root: Path, out: Path, **kwargs: object) -> BulkResult:
    setup, effective = setup_for("section-d")
    kwargs.setdefault("limits", Limits(worker_seconds=60))
    options = BulkOptions(as_of=AS_OF, progress=False, **kwargs)  # type: ignore[arg-type]
    return run_bulk(root, out, setup, [p.path for p in effective.loaded], options)


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["bulk", *args, "--quiet", "--as-of", "2027-03-01"])
    return result.exit_code, result.output


def _tree(root: Path) -> dict[str, str]:
    """Every file under `root` (links as links), by relative path, with its hash."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _two_peps(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "Jamie PEP autumn.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", folder / "secondary.docx")
    return folder


def test_output_whose_peps_folder_is_the_input_is_refused_and_nothing_is_deleted(
    tmp_path: Path,
) -> None:
    # The defect: `peplint bulk qa/peps -o qa` deleted the PEPs and the user's notes.
    peps = _two_peps(tmp_path / "qa" / "peps")
    (peps / "notes.txt").write_text("x")
    before = _tree(peps)
    code, output = _cli(str(peps), "-o", str(tmp_path / "qa"))
    assert code == 2, output
    assert "input" in output and "Traceback" not in output
    assert _tree(peps) == before


def test_output_equal_to_the_input_is_refused(tmp_path: Path) -> None:
    peps = _two_peps(tmp_path / "peps")
    before = _tree(peps)
    code, output = _cli(str(peps), "-o", str(peps))
    assert code == 2, output
    assert _tree(peps) == before


def test_files_peplint_did_not_write_survive_in_the_output_folder(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    out = tmp_path / "out"
    _run(inputs, out)
    mine = out / "peps" / "my notes.txt"
    mine.write_text("the officer's own notes")
    also = out / "peps" / "walsall-copy.pdf"
    shutil.copy(GENERATED / "walsall-good.pdf", also)
    (inputs / "secondary.docx").unlink()  # its reports are peplint's and are pruned
    _run(inputs, out)
    assert mine.read_text() == "the officer's own notes"
    assert also.is_file()
    assert not (out / "peps" / "secondary.docx.json").exists()
    assert (out / "peps" / "Jamie-PEP-autumn.pdf.json").is_file()


def test_a_linked_peps_folder_is_never_followed(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.docx").write_text("keep me")
    (elsewhere / "secondary.docx.json").write_text("looks like a report but is not ours")
    out = tmp_path / "out"
    out.mkdir()
    (out / "peps").symlink_to(elsewhere, target_is_directory=True)
    before = _tree(elsewhere)
    code, output = _cli(str(inputs), "-o", str(out))
    assert code == 2, output
    assert "link" in output
    assert _tree(elsewhere) == before


def test_a_link_inside_the_output_folder_is_removed_not_followed(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    out = tmp_path / "out"
    _run(inputs, out)
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    report = out / "peps" / "secondary.docx.json"
    report.unlink()
    report.symlink_to(target)  # someone replaced a report peplint wrote with a link
    (inputs / "secondary.docx").unlink()
    _run(inputs, out)
    assert target.read_text() == "keep me"


def test_a_run_stopped_early_keeps_the_previous_runs_reports(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    for index in range(4):
        (inputs / f"broken-{index}.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out"
    _run(inputs, out)
    before = _tree(out / "peps")
    assert len(before) == 6 * 3
    result = _run(inputs, out, max_failures=1)
    assert result.stopped_early
    after = _tree(out / "peps")
    assert after == before
    assert (out / "index.html").is_file() and (out / "summary.csv").is_file()


def test_output_inside_the_input_is_not_read_back_as_peps(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    out = inputs / "qa-output"  # a new folder: peplint makes it and marks it as its own
    first = _run(inputs, out)
    second = _run(inputs, out)
    assert len(first.rows) == len(second.rows) == 2
    code, output = _cli(str(inputs), "-o", str(out))
    assert code == 0, output


def test_an_existing_folder_inside_the_input_is_refused_as_output(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    own = inputs / "archive"
    own.mkdir()
    (own / "old.pdf").write_bytes(hostile.good_docx())
    before = _tree(inputs)
    code, output = _cli(str(inputs), "-o", str(own))
    assert code == 2, output
    assert _tree(inputs) == before


def test_every_output_is_listed_in_the_folders_index(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    out = tmp_path / "out"
    _run(inputs, out)
    from peplint.bulk.outfolder import read_index

    index = read_index(out)
    assert index is not None
    written = {
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and ".cache" not in p.parts and not p.name.startswith(".")
    }
    assert written == set(index.files)


@pytest.mark.parametrize("resume", [False, True])
def test_no_staging_folder_is_left_behind(tmp_path: Path, resume: bool) -> None:
    inputs = _two_peps(tmp_path / "in")
    out = tmp_path / "out"
    _run(inputs, out)
    _run(inputs, out, resume=resume)
    assert not [p for p in out.iterdir() if p.name.startswith(".run-")]


def test_resume_never_keeps_a_report_of_other_content(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    out = tmp_path / "out"
    name = inputs / "secondary.docx"
    original = name.read_bytes()
    _run(inputs, out)
    shutil.copy(GENERATED / "walsall-weak-targets.docx", name)
    _run(inputs, out, resume=True)
    name.write_bytes(original)  # back to the first content: its result is cached
    _run(inputs, out, resume=True)
    fresh = tmp_path / "fresh"
    _run(inputs, fresh)
    assert (out / "peps" / "secondary.docx.json").read_bytes() == (
        fresh / "peps" / "secondary.docx.json"
    ).read_bytes()


def test_the_command_says_the_previous_results_were_kept(tmp_path: Path) -> None:
    inputs = _two_peps(tmp_path / "in")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    out = tmp_path / "out"
    _run(inputs, out)
    code, output = _cli(str(inputs), "-o", str(out), "--max-failures", "1")
    assert code == 3, output
    assert "previous results" in output and "Traceback" not in output


def test_a_folder_swapped_for_a_link_during_the_switch_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each file's folders are checked again as it is switched in: peps/ replaced by a link
    # after its first report was moved refuses the rest; nothing lands in the link's target.
    import os

    import peplint.bulk.outfolder as outfolder
    from peplint import errors

    root = tmp_path / "term"
    root.mkdir()
    for name in ("walsall-good.pdf", "secondary-good.docx"):
        shutil.copy(GENERATED / name, root / name)
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    replace = os.replace
    swapped: list[str] = []

    def replace_then_swap(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        replace(source, target)
        peps = out / "peps"
        if Path(target).parent == peps and not swapped:
            shutil.move(str(peps), str(tmp_path / "moved-peps"))
            peps.symlink_to(elsewhere, target_is_directory=True)
            swapped.append(str(target))

    monkeypatch.setattr(outfolder.os, "replace", replace_then_swap)
    with pytest.raises(errors.ConfigError, match="peps/ in the output folder is not a folder"):
        _run(root, out, jobs=1)
    assert swapped and list(elsewhere.iterdir()) == []


def test_a_last_file_that_fails_at_max_failures_ends_the_run_as_any_unreadable_file_does(
    tmp_path: Path,
) -> None:
    # Nothing was left to check when the limit was reached: the run's outputs are switched
    # in, the summary is printed, no "stopped" line, exit 3 as for any unreadable file, and
    # the outputs are vouched up to date.
    inputs = _two_peps(tmp_path / "in")
    out = tmp_path / "out"
    _cli(str(inputs), "-o", str(out))
    (inputs / "zz-broken.pdf").write_bytes(b"%PDF-1.4 broken")
    code, output = _cli(str(inputs), "-o", str(out), "--resume", "--max-failures", "1")
    assert code == 3, output
    assert "stopped" not in output and "1 could not be read" in output
    assert "zz-broken.pdf" in (out / "summary.csv").read_text()
    assert (out / ".cache" / "up-to-date.json").is_file()
