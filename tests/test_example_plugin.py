"""The example plugin in examples/ installs and works, as the plugin guide says."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GENERATED, ROOT

EXAMPLE = ROOT / "examples" / "peplint-plugin-example"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "--target",
            str(target),
            str(EXAMPLE),
        ],
        check=True,
        capture_output=True,
        cwd=build,
    )
    return target


def peplint(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from peplint.cli import run; sys.argv = ['peplint', *sys.argv[1:]]; run()"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_the_plugins_rule_is_listed_and_explained(site: Path) -> None:
    listed = peplint(site, "rules", "list")
    assert listed.returncode == 0 and "example-pupil-premium-plus" in listed.stdout
    explained = peplint(site, "rules", "explain", "example-pupil-premium-plus")
    assert "Pupil Premium Plus" in explained.stdout


def test_the_plugins_pack_and_reporter_work(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    result = peplint(
        site,
        "lint",
        str(GENERATED / "walsall-weak-targets.docx"),
        "--pack",
        "example-plugin-pack",
        "-o",
        str(out),
    )
    assert result.returncode == 1, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    mine = [r for r in rows if r["rule"] == "example-pupil-premium-plus"]
    assert mine and mine[0]["severity"] == "error"  # the pack made it count
