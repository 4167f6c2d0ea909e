"""The whole promise at once: bulk over a tree holding every kind of bad file beside good
PEPs, killed part way and resumed, gives one typed entry per input, changes nothing
outside its output folder, writes the same outputs as an uninterrupted run, and keeps
them private (folders 0700, files 0600)."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from peplint.bulk.outfolder import INDEX_NAME
from tests import hostile
from tests.conftest import GENERATED, ROOT
from tests.test_bulk_safety import _run
from tests.test_error_paths import _xlsx

SAMPLES = Path(__file__).resolve().parent / "samples"
CODES = {
    "encrypted",
    "no-text",
    "corrupt",
    "unsupported",
    "too-large",
    "timeout",
    "permission-denied",
    "not-found",
}


def _tree(root: Path) -> Path:
    good, bad, odd = root / "Oakfield", root / "Castle" / "broken", root / "odd names"
    for folder in (good, bad, odd):
        folder.mkdir(parents=True)
    shutil.copy(GENERATED / "walsall-good.pdf", good / "Jamie PEP autumn.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", good / "secondary.docx")
    shutil.copy(GENERATED / "walsall-weak-targets.docx", good / "weak.docx")
    (good / "notes.txt").write_text("the officer's notes")
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "truncated.docx").write_bytes(hostile.good_docx()[:4000])
    (bad / "old.doc").write_bytes(hostile.legacy_doc())
    (bad / "xxe.docx").write_bytes(hostile.xxe_docx(root / "canary.txt"))
    (bad / "budget.docx").write_bytes(_xlsx())
    (bad / "macro.docm").write_bytes(hostile.docm())
    (bad / "encrypted.pdf").write_bytes((SAMPLES / "rc4-40.pdf").read_bytes())
    (bad / "damaged.pdf").write_bytes((SAMPLES / "damaged-xref.pdf").read_bytes())
    (bad / "image-only.pdf").write_bytes(hostile.image_only_pdf())
    (bad / "folder.pdf").mkdir()
    (bad / "outside.pdf").symlink_to(GENERATED / "walsall-good.pdf")
    shutil.copy(GENERATED / "walsall-good.pdf", odd / os.fsdecode(b"Zo\xeb-PEP.pdf"))
    shutil.copy(GENERATED / "walsall-late-incomplete.pdf", odd / "late\x07bell.pdf")
    return root


def _hashes(root: Path, skip: Path) -> dict[str, str]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path == skip or skip in path.parents:
            continue
        rel = os.fsencode(path.relative_to(root)).hex()
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            out[rel] = "link:" + os.readlink(path)
        elif stat.S_ISREG(info.st_mode):
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() + oct(info.st_mode)
        else:
            out[rel] = "dir" + oct(info.st_mode)
    return out


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".cache" not in p.parts and p.name != "manifest.json"
    }


def _kill_part_way(folder: Path, out: Path) -> None:
    """Start `peplint bulk` as its own process group and kill it once a few files are done."""
    command = [sys.executable, "-m", "peplint", "bulk", str(folder), "-o", str(out)]
    command += ["--quiet", "--as-of", "2027-03-01", "--timeout", "60"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(1200):
            if process.poll() is not None:
                break
            if len(list((out / ".cache").glob("*.json"))) >= 4:
                break
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_bulk_over_a_hostile_tree_killed_and_resumed(tmp_path: Path) -> None:
    root = _tree(tmp_path / "term")
    inputs_before = _hashes(tmp_path, skip=tmp_path / "out")
    whole = tmp_path / "out" / "whole"
    first = _run(root, whole)
    resumed = tmp_path / "out" / "resumed"
    _kill_part_way(root, resumed)
    assert not (resumed / "index.html").exists()  # killed before it finished
    second = _run(root, resumed, resume=True)
    assert second.cached >= 1

    # Every input has exactly one entry, with a typed code where it could not be read.
    files = [r.file for r in first.rows]
    assert len(files) == len(set(files)) == 15  # a folder named folder.pdf is no input
    assert {r.file for r in second.rows} == set(files)
    by_file = {r.file: r.error_code for r in first.rows}
    assert all(code in CODES for code in by_file.values() if code)
    assert by_file["Oakfield/secondary.docx"] == "" and by_file["Castle/broken/damaged.pdf"] == ""
    assert by_file["Castle/broken/budget.docx"] == "unsupported"
    assert by_file["odd names/Zo\\xeb-PEP.pdf"] == ""

    # Nothing outside the output folder changed; the outputs match an uninterrupted run.
    assert _hashes(tmp_path, skip=tmp_path / "out") == inputs_before
    assert _outputs(resumed) == _outputs(whole)
    assert (whole / INDEX_NAME).is_file()

    # Private: every folder peplint made 0700, every file 0600.
    for out in (whole, resumed):
        for path in [out, *out.rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
