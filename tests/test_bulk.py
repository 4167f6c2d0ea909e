"""Bulk review: counts, determinism, resume, killed workers, copied text, comparison."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import multiprocessing
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import peplint.bulk.run as bulk_run
from peplint.bulk.progress import BulkProgress
from peplint.bulk.run import BulkOptions, run_bulk
from peplint.cli import main
from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from peplint.packs.resolve import setup_for
from peplint.safety.limits import Limits
from tests import hostile
from tests.conftest import GENERATED, SPECS

AS_OF = dt.date(2027, 3, 1)
GENERIC_TARGET = (
    "You will work hard in all your lessons and complete every piece of homework on time this term."
)


def _term_folder(root: Path) -> Path:
    """Two schools' PEPs with known defects, two copied targets, and three broken files."""
    school_a, school_b = root / "Oakfield", root / "Castle"
    school_a.mkdir(parents=True)
    school_b.mkdir()
    for name in ("walsall-good.pdf", "walsall-weak-targets.docx", "walsall-late-incomplete.pdf"):
        shutil.copy(GENERATED / name, school_a / name)
    for name in ("secondary-good.docx", "secondary-absent-no-voice.pdf"):
        shutil.copy(GENERATED / name, school_b / name)
    for index, child in enumerate(("Ava Stone", "Noah Price")):
        spec = load_spec(SPECS / "secondary-good.yaml")
        spec.child.name = child
        spec.targets[0].text = GENERIC_TARGET
        spec.setting.name = '=HYPERLINK("http://x")' if index else spec.setting.name
        (school_b / f"copied-{index}.docx").write_bytes(render_spec(spec, "docx"))
    (school_a / "empty.pdf").write_bytes(b"")
    (school_a / "truncated.docx").write_bytes(hostile.good_docx()[:4000])
    (school_b / "old.doc").write_bytes(hostile.legacy_doc())
    (root / "notes.txt").write_text("not a PEP")
    return root


def _run(root: Path, out: Path, **kwargs: object) -> bulk_run.BulkResult:
    setup, effective = setup_for("section-d")
    options = BulkOptions(as_of=AS_OF, progress=False, limits=Limits(worker_seconds=60), **kwargs)  # type: ignore[arg-type]
    return run_bulk(root, out, setup, [p.path for p in effective.loaded], options)


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".cache" not in p.parts and p.name != "manifest.json"
    }


@pytest.fixture(scope="module")
def term(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _term_folder(tmp_path_factory.mktemp("term"))


@pytest.fixture(scope="module")
def first_run(term: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out1")
    _run(term, out, jobs=1)
    return out


def test_summary_csv_and_dashboard_counts(first_run: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((first_run / "summary.csv").read_text())))
    assert len(rows) == 10  # notes.txt is not a PEP export
    by_file = {r["file"]: r for r in rows}
    assert by_file["Oakfield/walsall-good.pdf"]["meets"] == "yes"
    assert by_file["Oakfield/walsall-weak-targets.docx"]["D6"] == "no"
    assert by_file["Oakfield/walsall-weak-targets.docx"]["D7"] == "no"
    assert by_file["Oakfield/walsall-late-incomplete.pdf"]["D1"] == "no"
    assert by_file["Castle/secondary-absent-no-voice.pdf"]["D4"] == "no"
    assert {
        by_file[f]["error_code"] for f in ("Oakfield/empty.pdf", "Oakfield/truncated.docx")
    } == {"corrupt"}
    assert by_file["Castle/old.doc"]["error_code"] == "unsupported"
    assert by_file["Castle/copied-1.docx"]["school"].startswith("'=HYPERLINK")  # formula made inert
    summary = json.loads((first_run / "summary.json").read_text())
    agg = summary["aggregates"]
    assert (agg["total"], agg["read"], agg["unreadable"]) == (10, 7, 3)
    assert agg["meets"] == 4  # walsall-good, secondary-good and its two copies
    assert agg["item_failures"] == {"D1": 1, "D2": 1, "D3": 1, "D4": 1, "D5": 0, "D6": 1, "D7": 1}
    assert agg["by_school"]["Castle High School"] == {"peps": 1, "meets": 0, "needs_mapping": 0}
    assert len(agg["overdue"]) == 7 and len(agg["late_sign_off"]) == 1
    generic = next(g for g in summary["copied"] if g["text"] == GENERIC_TARGET)
    assert [p["file"] for p in generic["passages"]] == [
        "Castle/copied-0.docx",
        "Castle/copied-1.docx",
    ]
    # the copies reuse the whole spec, so the overview is also reported, in all three children's PEPs
    overview = next(
        g for g in summary["copied"] if g["passages"][0]["where"] == "attainment overview"
    )
    assert len(overview["passages"]) == 3
    html = (first_run / "index.html").read_text()
    assert "57%</div>meet the expected standard (4 of 7)" in html
    assert GENERIC_TARGET in html and "peps/Oakfield-walsall-good.pdf.html" in html
    assert "=HYPERLINK(&#34;http://x&#34;)" in html or "=HYPERLINK(&quot;http://x&quot;)" in html
    for row in rows:
        stem = row["file"].replace("/", "-").rsplit(".", 1)
        key = f"{stem[0]}.{stem[1]}"
        assert all(
            (first_run / "peps" / f"{key}.{ext}").is_file() for ext in ("json", "html", "docx")
        )
    manifest = json.loads((first_run / "manifest.json").read_text())
    assert len(manifest["inputs"]) == 10 and "index.html" in manifest["outputs"]


def test_jobs_1_and_2_give_identical_outputs(term: Path, first_run: Path, tmp_path: Path) -> None:
    _run(term, tmp_path, jobs=2)
    assert _outputs(tmp_path) == _outputs(first_run)


def test_interrupted_run_resumed_gives_identical_outputs(
    term: Path, first_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = BulkProgress.advance
    calls = {"n": 0}

    def interrupt(self: BulkProgress, failed: bool, cached: bool) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        real(self, failed, cached)

    monkeypatch.setattr(BulkProgress, "advance", interrupt)
    with pytest.raises(KeyboardInterrupt):
        _run(term, tmp_path, jobs=2)
    # The workers were stopped before the staging folder was removed: none wrote after.
    time.sleep(0.5)
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".run-")]
    monkeypatch.setattr(BulkProgress, "advance", real)
    assert len(list((tmp_path / ".cache").glob("*.json"))) >= 3
    result = _run(term, tmp_path, jobs=2, resume=True)
    assert result.cached >= 3 and result.processed == 10 - result.cached
    assert _outputs(tmp_path) == _outputs(first_run)


def test_an_interrupted_run_stops_its_workers_before_removing_its_staging_folder(
    term: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker is given its next file before this process handles the last report. When
    # the run is interrupted there, that worker must be stopped before the staging folder
    # is removed: one still writing into it could leave a folder behind.
    real_lint = bulk_run.lint_file
    first = {"seen": False}

    def slow_after_the_first(path: Path, *args: object, **kwargs: object) -> object:
        if first["seen"]:  # in the worker: its second file is still being checked
            time.sleep(5.0)
        first["seen"] = True
        return real_lint(path, *args, **kwargs)  # type: ignore[arg-type]

    def interrupt(self: BulkProgress, failed: bool, cached: bool) -> None:
        if not cached:
            raise KeyboardInterrupt

    alive_at_discard: list[int] = []
    real_discard = bulk_run.Staging.discard

    def discard(self: bulk_run.Staging) -> None:
        alive_at_discard.append(len(multiprocessing.active_children()))
        real_discard(self)

    monkeypatch.setattr(bulk_run, "lint_file", slow_after_the_first)
    monkeypatch.setattr(BulkProgress, "advance", interrupt)
    monkeypatch.setattr(bulk_run.Staging, "discard", discard)
    with pytest.raises(KeyboardInterrupt):
        _run(term, tmp_path, jobs=1)
    assert alive_at_discard == [0]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".run-")]


def test_resume_with_nothing_changed_checks_nothing(term: Path, tmp_path: Path) -> None:
    _run(term, tmp_path)
    again = _run(term, tmp_path, resume=True)
    assert (again.cached, again.processed) == (10, 0)


def test_a_killed_worker_does_not_stop_the_batch(
    term: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = bulk_run.lint_file

    def sometimes_die(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "walsall-good.pdf":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk_run, "lint_file", sometimes_die)
    result = _run(term, tmp_path, jobs=2)
    by_file = {r.file: r for r in result.rows}
    assert by_file["Oakfield/walsall-good.pdf"].error_code in {"too-large", "corrupt"}
    assert by_file["Castle/secondary-good.docx"].meets
    # Every entry, the one the isolation layer made for the lost worker too, is named by
    # its path in the reviewed folder: no output says where that folder is.
    lost = json.loads((tmp_path / "peps" / "Oakfield-walsall-good.pdf.json").read_text())
    assert lost["files"][0]["path"] == "Oakfield/walsall-good.pdf"
    for name, data in _outputs(tmp_path).items():
        assert str(term).encode() not in data, name


def test_each_report_and_cache_entry_is_written_once_by_its_worker(
    term: Path, first_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent renders a PEP's reports only when its worker could not: the workers
    write them in parallel, and the parent writing them again is serial work."""
    real = bulk_run.PepOutputs.write
    real_lint = bulk_run.lint_file
    in_parent: list[str] = []
    parent = os.getpid()

    def write(self: bulk_run.PepOutputs, key: str, entry: object) -> None:
        if os.getpid() == parent:  # a forked worker's calls are in its own memory
            in_parent.append(key)
        real(self, key, entry)  # type: ignore[arg-type]

    def die_on_one(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "walsall-good.pdf":
            os.kill(os.getpid(), signal.SIGKILL)
        return real_lint(path, *args, **kwargs)  # type: ignore[arg-type]

    real_put = bulk_run.ResultCache.put
    put_in_parent: list[str] = []

    def put(self: bulk_run.ResultCache, key: str, report: object) -> None:
        if os.getpid() == parent:
            put_in_parent.append(key)
        real_put(self, key, report)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk_run.PepOutputs, "write", write)
    monkeypatch.setattr(bulk_run.ResultCache, "put", put)
    _run(term, tmp_path, jobs=2)
    assert in_parent == [] and put_in_parent == []
    assert _outputs(tmp_path) == _outputs(first_run)
    assert len(list((tmp_path / ".cache").glob("*.json"))) == 10  # written by the workers
    monkeypatch.setattr(bulk_run, "lint_file", die_on_one)
    _run(term, tmp_path / "killed", jobs=2)
    assert in_parent == ["Oakfield-walsall-good.pdf"]  # its worker died before writing
    assert put_in_parent == []  # and its failure (a limit's) is not cached


def test_max_failures_stops_early(term: Path, tmp_path: Path) -> None:
    result = _run(term, tmp_path, max_failures=1)
    assert result.stopped_early
    assert len(result.rows) < 10


def test_compare_with_last_term(term: Path, first_run: Path, tmp_path: Path) -> None:
    now = tmp_path / "now"
    shutil.copytree(term, now)
    (
        now / "Oakfield" / "walsall-weak-targets.docx"
    ).unlink()  # the weak PEP was replaced by a good one
    shutil.copy(GENERATED / "walsall-good.docx", now / "Oakfield" / "walsall-good.docx")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            "bulk",
            str(now),
            "-o",
            str(out),
            "--compare",
            str(first_run),
            "--as-of",
            "2027-03-01",
            "--quiet",
        ],
    )
    assert result.exit_code == 3, result.output  # broken files are still in the folder
    changes = {
        (c["kind"], c["name"]): c
        for c in json.loads((out / "summary.json").read_text())["compared_with"]
    }
    assert changes[("school", "Westgate College")]["direction"] == "gone"
    assert changes[("item", "D7")]["direction"] == "better"
    assert "Compared with the previous run" in (out / "index.html").read_text()


def test_redacted_bulk_names_no_child(term: Path, tmp_path: Path) -> None:
    _run(term, tmp_path, redact=True)
    blob = b"".join(_outputs(tmp_path).values())
    for name in (b"Jamie", b"Aaliyah", b"Noah Price", b"Ava Stone", b"walsall-good"):
        assert name not in blob


def test_reports_of_removed_files_are_pruned(term: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    shutil.copytree(term, folder)
    out = tmp_path / "out"
    _run(folder, out)
    assert (out / "peps" / "Oakfield-walsall-good.pdf.html").is_file()
    (folder / "Oakfield" / "walsall-good.pdf").unlink()
    _run(folder, out, resume=True)
    assert not (out / "peps" / "Oakfield-walsall-good.pdf.html").exists()
    assert (out / "peps" / "Castle-secondary-good.docx.html").is_file()


def test_progress_is_plain_lines_when_not_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with BulkProgress(3) as progress:
        progress.advance(failed=False, cached=True)
        progress.advance(failed=True, cached=False)
        progress.advance(failed=False, cached=False)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(";")[0] for line in lines] == [
        "peplint bulk: 1/3 cached",
        "peplint bulk: 2/3 failed",
        "peplint bulk: 3/3 done",
    ]
    assert lines[-1].endswith("failures 1")
    assert "rate: -" in lines[0] and "time left: -" in lines[0]  # nothing checked yet
    assert "files/s" in lines[1] and "left" in lines[1]


def test_progress_ignores_cached_files_in_rate_and_time_left() -> None:
    now = [0.0]
    progress = BulkProgress(100, enabled=False, clock=lambda: now[0])
    for _ in range(90):
        progress.advance(failed=False, cached=True)  # a resume: 90 results reused at once
    assert progress.rate() is None and progress.seconds_left() is None
    now[0] = 10.0
    progress.advance(failed=False, cached=False)
    progress.advance(failed=False, cached=False)
    assert progress.rate() == pytest.approx(0.2)  # 2 checked in 10 s, not 92
    assert progress.seconds_left() == pytest.approx(40.0)  # 8 left at 0.2 per second
