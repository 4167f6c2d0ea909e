"""What a local worker sends back of a PEP it read and stored (a Brief of bulk.held) gives
the run the same outputs as the whole report would, and stops it as the whole report
would (--max-failures counts the files the run checks); a Brief that does not fit its
file is set aside for the report the worker stored; the summary, a file's reports and the
cache agree however a worker's result went wrong."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest

import peplint.bulk.run as bulk_run
from peplint.bulk.held import HeldPep, held_bytes
from peplint.report import FileReport
from peplint.safety import isolation
from tests.conftest import GENERATED
from tests.test_bulk import _outputs, _run


def _folder(root: Path) -> Path:
    root.mkdir()
    (root / "a-bad.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    shutil.copy(GENERATED / "secondary-good.pdf", root / "b-good.pdf")
    return root


def _add_new_files(root: Path) -> None:
    for name in ("secondary-no-strengths.pdf", "secondary-absent-no-voice.pdf"):
        shutil.copy(GENERATED / name, root / f"new-{name}")


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_reused_by_resume_do_not_count_toward_max_failures(
    tmp_path: Path, jobs: int
) -> None:
    # --max-failures counts the files this run checks: a resumed run whose cache holds a
    # failure carries on with the new files (as the command says: "run again with
    # --resume to carry on"), however the files are checked (local workers send briefs,
    # the cluster's whole reports: tests/test_bulk_cluster.py).
    root = _folder(tmp_path / "term")
    out = tmp_path / "out"
    first = _run(root, out, jobs=jobs)
    assert [r.error_code != "" for r in first.rows] == [True, False]
    _add_new_files(root)
    (root / "new-a-bad.pdf").write_bytes((root / "a-bad.pdf").read_bytes() + b"%")
    # One new failure, with others left to check: the reused one would make it two.
    again = _run(root, out, jobs=jobs, resume=True, max_failures=2)
    assert not again.stopped_early and (again.processed, again.cached) == (3, 2)
    assert [r.error_code != "" for r in again.rows] == [True, False, True, False, False]


def test_a_failure_in_the_last_file_checked_does_not_stop_a_finished_run(
    tmp_path: Path,
) -> None:
    # --max-failures stops a run while files are left to check; once the last is checked
    # the run is done: its outputs are switched in.
    root = tmp_path / "term"
    root.mkdir()
    shutil.copy(GENERATED / "secondary-good.pdf", root / "a-good.pdf")
    out = tmp_path / "out"
    _run(root, out, jobs=1)
    (root / "z-bad.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    again = _run(root, out, jobs=1, resume=True, max_failures=1)
    assert not again.stopped_early and again.switched
    assert [r.file for r in again.rows] == ["a-good.pdf", "z-bad.pdf"]


def test_a_run_with_nothing_to_check_contacts_no_cluster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peplint.bulk.cluster as cluster

    root = _folder(tmp_path / "term")
    out = tmp_path / "out"
    _run(root, out, jobs=1)

    def unreachable(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cluster was contacted with nothing to check")

    monkeypatch.setattr(cluster, "run_on_cluster", unreachable)
    again = _run(root, out, resume=True, cluster=cluster.ClusterOptions("tcp://127.0.0.1:1"))
    assert (again.processed, again.cached) == (0, 2)


def _wrong_file(kept: HeldPep) -> bytes:
    return held_bytes(dataclasses.replace(kept, row=dataclasses.replace(kept.row, file="x.pdf")))


def _says_failed(kept: HeldPep) -> bytes:
    manifest = kept.manifest.model_copy(update={"status": "error"})
    return held_bytes(dataclasses.replace(kept, manifest=manifest))


@pytest.mark.parametrize("misfit", [_wrong_file, _says_failed])
def test_a_brief_that_does_not_fit_its_file_gives_way_to_the_stored_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, misfit: Callable[[HeldPep], bytes]
) -> None:
    root = _folder(tmp_path / "term")
    shutil.copy(GENERATED / "walsall-weak-targets.docx", root / "c-weak.docx")
    _run(root, tmp_path / "plain", jobs=1)
    monkeypatch.setattr(bulk_run, "held_bytes", misfit)  # in the forked workers too
    result = _run(root, tmp_path / "misfit", jobs=1)
    assert [r.file for r in result.rows] == ["a-bad.pdf", "b-good.pdf", "c-weak.docx"]
    assert _outputs(tmp_path / "misfit") == _outputs(tmp_path / "plain")


def _statuses(
    out: Path, skip: frozenset[str] | set[str] = frozenset()
) -> dict[str, tuple[str, str, str]]:
    """Each PEP's status as the summary, its JSON report and the cache have it."""
    rows = {r["file"]: r for r in json.loads((out / "summary.json").read_text())["rows"]}
    cached = [
        FileReport.model_validate_json(p.read_bytes())
        for p in (out / ".cache").glob("*.json")
        if p.name not in skip and p.name != "up-to-date.json"
    ]
    cache_of = {c.path: c.status for c in cached}
    found = {}
    for name, row in rows.items():
        report = json.loads((out / "peps" / f"{row['report']}.json").read_text())["files"][0]
        summary = "error" if row["error_code"] else "ok"
        found[name] = (summary, report["status"], cache_of.get(name, "none"))
    return found


def test_an_unusable_brief_with_no_stored_report_is_an_error_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker wrote the reports of a good file but its brief does not fit, and there is
    # no cache entry to fall back on (the file could not be hashed here): the file is an
    # error entry in the summary and in its own reports, and nothing is cached for it.
    root = _folder(tmp_path / "term")
    monkeypatch.setattr(bulk_run, "held_bytes", _wrong_file)
    hashed = bulk_run._sha_if_safe
    monkeypatch.setattr(
        bulk_run, "_sha_if_safe", lambda p, r: None if p.name == "b-good.pdf" else hashed(p, r)
    )
    planted = tmp_path / "out" / ".cache" / "None.json"  # not a name the cache ever uses
    planted.parent.mkdir(parents=True)
    planted.write_text("{}")
    _run(root, tmp_path / "out", jobs=1)
    statuses = _statuses(tmp_path / "out", skip={"None.json"})
    assert statuses["b-good.pdf"] == ("error", "error", "none")
    assert statuses["a-bad.pdf"] == ("error", "error", "error")
    assert planted.read_text() == "{}"


def test_a_garbled_message_after_the_worker_stored_its_result_is_an_error_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker stored a good file's reports and cache entry, then sent what no sound
    # worker sends: the error entry made of it replaces what the worker stored, so the
    # summary and the file's reports agree, and the cache holds nothing for it (the fault
    # is peplint's, not the file's): a --resume checks it again and it reads as it is.
    root = _folder(tmp_path / "term")
    check_one = isolation._check_one

    def garbled(work: isolation.Work, path: Path, near_cap: int) -> tuple[bytes, bool]:
        payload, healthy = check_one(work, path, near_cap)
        return (b"X" + payload[1:] if path.name == "b-good.pdf" else payload), healthy

    with monkeypatch.context() as patched:
        patched.setattr(isolation, "_check_one", garbled)
        result = _run(root, tmp_path / "out", jobs=1)
    assert _statuses(tmp_path / "out")["b-good.pdf"] == ("error", "error", "none")
    assert result.inputs_digest is None  # not vouched for: an up-to-date --resume is not taken
    again = _run(root, tmp_path / "out", jobs=1, resume=True)
    assert again.processed == 1
    assert _statuses(tmp_path / "out")["b-good.pdf"] == ("ok", "ok", "ok")


def test_a_first_run_stopped_early_switches_in_only_the_reports_of_its_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With two workers, one had stored a good file's reports when the other's failure
    # stopped the run: that file is not in the summary, so its reports are not switched in.
    import time

    from peplint.bulk.cache import ResultCache

    root = _folder(tmp_path / "term")
    marker = tmp_path / "b-good-written"
    put = ResultCache.put

    def ordered_put(cache: ResultCache, key: str, report: FileReport) -> None:
        put(cache, key, report)
        if report.path == "b-good.pdf":  # its reports are written: say so, then linger
            marker.touch()
            time.sleep(30)  # ended by the stop long before
        else:
            for _ in range(6000):  # a-bad.pdf's worker reports once b-good's are written
                if marker.exists():
                    break
                time.sleep(0.01)

    monkeypatch.setattr(ResultCache, "put", ordered_put)  # in the forked workers too
    result = _run(root, tmp_path / "out", jobs=2, max_failures=1)
    assert result.stopped_early and marker.exists()
    assert [r.file for r in result.rows] == ["a-bad.pdf"]
    reports = {p.name.split(".")[0] for p in (tmp_path / "out" / "peps").iterdir()}
    assert reports == {result.rows[0].report.split(".")[0]}


class _Reply:
    """A finished cluster task, as a stub of distributed's future."""

    def __init__(self, value: object) -> None:
        self.value = value

    def result(self) -> object:
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


class _StubClient:
    """A cluster whose workers reply `replies[name]` for the file of that name."""

    replies: ClassVar[dict[str, object]] = {}

    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def scatter(self, value: object, broadcast: bool = False) -> object:
        return value

    def submit(self, function: object, run: str, name: str, *args: object, **kw: object) -> _Reply:
        return _Reply(self.replies[name])

    def cancel(self, futures: object) -> None:
        pass

    def run(self, *args: object) -> None:
        pass

    def close(self) -> None:
        pass


def test_a_cluster_reply_that_is_not_a_report_is_not_read_back_and_a_lost_task_is_a_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    from peplint.bulk.cluster import ClusterOptions, run_on_cluster
    from peplint.lint import LintSetup
    from peplint.safety.limits import Limits

    root = _folder(tmp_path / "term")
    shutil.copy(GENERATED / "walsall-good.pdf", root / "c-good.pdf")
    _StubClient.replies = {
        "a-bad.pdf": ("not a report", None),
        "b-good.pdf": "not even a pair",
        "c-good.pdf": OSError("the worker went away"),
    }
    monkeypatch.setattr(distributed, "Client", _StubClient)
    monkeypatch.setattr(distributed, "as_completed", lambda futures: iter(futures))
    paths = sorted(root.iterdir())
    results = dict(
        run_on_cluster(
            paths, LintSetup.default(), Limits(), ClusterOptions("tcp://127.0.0.1:1"), root
        )
    )
    messages = {
        paths[i].name: (r.error.code, r.error.message) for i, r in results.items() if r.error
    }
    assert messages["a-bad.pdf"] == ("corrupt", isolation.UNREAD_RESULT_MESSAGE)
    assert messages["b-good.pdf"] == ("corrupt", isolation.UNREAD_RESULT_MESSAGE)
    assert messages["c-good.pdf"][0] == "timeout"
    assert all(isolation.is_limit_failure(results[i]) for i in range(3))  # none is cached
