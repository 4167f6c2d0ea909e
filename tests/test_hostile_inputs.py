"""Hostile and broken inputs, built in code, in one batch with good files.

Every bad file gets its typed error; the good files in the same batch are still
checked; nothing hangs, nothing is left running, no input is modified, and no
secret or personal detail reaches the outputs, logs or stderr.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from peplint.cli import lint_paths
from peplint.generate.render import render_spec
from peplint.generate.spec import load_spec
from peplint.lint import LintSetup, lint_file
from peplint.parsers.pdf_blocks import pdf_engine
from peplint.report import FileReport
from peplint.safety.isolation import run_isolated
from peplint.safety.limits import Limits
from tests import hostile
from tests.conftest import GENERATED, HOSTILE, SPECS

LIMITS = Limits(worker_seconds=20, worker_memory_mb=1200)
CANARY_SECRET = "CANARY-SECRET-7f3a9"


def _children() -> list[int]:
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if stat[1] == me and stat[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[FileReport, bytes, Path]]:
    root = tmp_path_factory.mktemp("term")
    canary = tmp_path_factory.mktemp("secret") / "canary.txt"
    canary.write_text(CANARY_SECRET)
    files: dict[str, bytes | None] = {
        "good.docx": hostile.good_docx(),
        "good.pdf": (GENERATED / "secondary-good.pdf").read_bytes(),
        "referenced-bomb.docx": hostile.referenced_zip_bomb(),
        "flat-bomb.docx": hostile.flat_zip_bomb(),
        "lying-sizes.docx": hostile.lying_sizes_docx(),
        "many-members.docx": hostile.many_members_zip(),
        "xxe.docx": hostile.xxe_docx(canary),
        "billion-laughs.docx": hostile.billion_laughs_docx(),
        "deep.docx": hostile.deep_docx(),
        "truncated.docx": hostile.good_docx()[:5000],
        "macro.docm": hostile.docm(),
        "legacy.doc": hostile.legacy_doc(),
        "encrypted.docx": hostile.encrypted_docx(),
        "pdf-named.docx": (GENERATED / "walsall-good.pdf").read_bytes(),
        "docx-named.pdf": hostile.good_docx(),
        "empty.pdf": b"",
        "flate-bomb.pdf": hostile.flate_bomb_pdf(),
        "cpu-bomb.pdf": hostile.cpu_bomb_pdf(),
        "cyclic-pages.pdf": hostile.cyclic_page_tree_pdf(),
        "image-only.pdf": hostile.image_only_pdf(),
        "no-cmap.pdf": hostile.no_cmap_pdf(),
        "huge-text.docx": hostile.huge_text_docx(),
    }
    for name, data in files.items():
        (root / name).write_bytes(data or b"")
    for name in ("aes-256.pdf", "rc4-40.pdf"):
        if (HOSTILE / name).is_file():
            (root / name).write_bytes((HOSTILE / name).read_bytes())
    samples = Path(__file__).resolve().parent / "samples"  # our own, in every clone
    (root / "own-rc4-128.pdf").write_bytes((samples / "rc4-128.pdf").read_bytes())
    (root / "own-damaged-xref.pdf").write_bytes((samples / "damaged-xref.pdf").read_bytes())
    os.mkfifo(root / "fifo.pdf")
    (root / "folder.pdf").mkdir()
    (root / "outside.pdf").symlink_to(GENERATED / "walsall-good.pdf")
    paths = sorted(root.iterdir())
    before = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in paths
        if p.is_file() and not p.is_symlink() and p.name != "fifo.pdf"
    }
    reports = lint_paths(paths, LintSetup.default(), LIMITS, jobs=2, redact=False, root=root)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.name in before}
    assert before == after, "an input was modified"
    assert _children() == [], "a worker process was left running"
    return {
        p.name: (r, (root / p.name).read_bytes() if p.name in before else b"", p)
        for p, r in zip(paths, reports, strict=True)
    }


EXPECTED = {
    "good.docx": None,
    "good.pdf": None,
    "pdf-named.docx": None,
    "docx-named.pdf": None,
    "huge-text.docx": None,
    "referenced-bomb.docx": {"corrupt", "too-large"},
    "flat-bomb.docx": {"too-large"},
    "lying-sizes.docx": {"corrupt"},
    "many-members.docx": {"too-large"},
    "xxe.docx": {"unsupported"},
    "billion-laughs.docx": {"unsupported"},
    "deep.docx": {"corrupt"},
    "truncated.docx": {"corrupt"},
    "macro.docm": {"unsupported"},
    "legacy.doc": {"unsupported"},
    "encrypted.docx": {"encrypted"},
    "empty.pdf": {"corrupt"},
    "flate-bomb.pdf": {"too-large"},  # refused by the stream decompression cap
    # PDFium (the default) counts a page's objects and refuses it; pdfminer runs out of time
    "cpu-bomb.pdf": {"too-large"} if pdf_engine() == "pdfium" else {"timeout"},
    "cyclic-pages.pdf": {"corrupt", "no-text"},
    "image-only.pdf": {"no-text"},
    "no-cmap.pdf": {"no-text"},
    "fifo.pdf": {"unsupported"},
    "folder.pdf": {"unsupported"},
    "outside.pdf": {"unsupported"},
    "aes-256.pdf": {"encrypted"},
    "rc4-40.pdf": {"encrypted"},
    "own-rc4-128.pdf": {"encrypted"},
    "own-damaged-xref.pdf": None,  # repaired while reading
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_input_gets_its_outcome(
    batch: dict[str, tuple[FileReport, bytes, Path]], name: str
) -> None:
    if name not in batch:
        pytest.skip("shared hostile samples not beside the repository")
    report, _, _ = batch[name]
    wanted = EXPECTED[name]
    if wanted is None:
        assert report.status == "ok", report.error
        assert report.checklist is not None
    else:
        assert report.status == "error"
        assert report.error is not None and report.error.code in wanted, report.error
        message = report.error.message
        assert "\n" not in message and "Traceback" not in message
        assert str(batch[name][2].parent) not in message  # no path in the message


def test_xxe_canary_appears_nowhere(batch: dict[str, tuple[FileReport, bytes, Path]]) -> None:
    for report, _, _ in batch.values():
        assert CANARY_SECRET not in report.model_dump_json()


def test_damaged_pdf_is_reported_as_degraded() -> None:
    if not HOSTILE.is_dir():
        pytest.skip("shared hostile samples not beside the repository")
    report = lint_file(HOSTILE / "zen_of_python_corrupted.pdf", LintSetup.default())
    assert report.status == "ok" and report.degraded
    assert report.pep is not None and any("repaired" in w for w in report.pep.warnings)
    clean = lint_file(GENERATED / "walsall-good.pdf", LintSetup.default())
    assert not clean.degraded


def test_a_worker_killed_mid_file_becomes_an_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    setup = LintSetup.default()
    victim = tmp_path / "victim.pdf"
    victim.write_bytes((GENERATED / "walsall-good.pdf").read_bytes())

    def work(path: Path) -> FileReport:
        if path == victim:
            os.kill(os.getpid(), signal.SIGKILL)
        return lint_file(path, setup)

    paths = [GENERATED / "walsall-good.docx", victim, GENERATED / "secondary-good.pdf"]
    results = dict(run_isolated(paths, work, LIMITS, jobs=2))
    assert [results[i].status for i in range(3)] == ["ok", "error", "ok"]
    assert results[1].error is not None and results[1].error.code in {"too-large", "corrupt"}


def _canary_spec(tmp_path: Path) -> Path:
    spec = load_spec(SPECS / "walsall-good.yaml")
    spec.child.name = "Zyxqa Canarymoor"
    spec.young_persons_views = (
        "I like college and Zyxqa is my name. I want to be a vet one day, and I like maths."
    )
    path = tmp_path / "Zyxqa Canarymoor PEP.pdf"
    path.write_bytes(render_spec(spec, "pdf"))
    return path


def test_personal_data_never_reaches_logs_or_stderr(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = _canary_spec(tmp_path)
    with caplog.at_level(logging.DEBUG):
        lint_file(path, LintSetup.default())
    assert "Zyxqa" not in caplog.text and "Canarymoor" not in caplog.text
    assert "linted" in caplog.text  # the logs do say something: by hash
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "peplint",
            "-v",
            "lint",
            str(path),
            "--format",
            "json",
            "-o",
            str(tmp_path / "out.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Zyxqa" not in result.stderr and "Canarymoor" not in result.stderr
    assert "linted" in result.stderr


def test_manifest_names_no_input_and_no_content(tmp_path: Path) -> None:
    path = _canary_spec(tmp_path)
    manifest = tmp_path / "manifest.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "peplint",
            "lint",
            str(path),
            "--manifest",
            str(manifest),
            "-o",
            str(tmp_path / "r.json"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = manifest.read_text()
    assert "Zyxqa" not in text and "Canarymoor" not in text
    import json

    data = json.loads(text)
    assert data["inputs"][0]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert data["outputs"] == ["r.json"] and data["run_by"] and data["finished_at"]
    assert manifest.stat().st_mode & 0o777 == 0o600


def test_sockets_are_blocked_in_the_test_suite() -> None:
    import socket

    with (
        pytest.raises(OSError, match="network access"),
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s,
    ):
        s.connect(("127.0.0.1", 9))
