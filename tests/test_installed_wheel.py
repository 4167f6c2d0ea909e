"""`peplint parse` works from an installed wheel, not only from a checkout.

Builds the wheel, installs it (without dependencies, which this environment
has) into a folder outside the checkout, and parses a fixture from there, so a
data file missing from the wheel fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import GENERATED, ROOT


def test_parse_from_installed_wheel(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("peplint-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}

    def peplint(*args: str) -> subprocess.CompletedProcess[str]:
        """Run the installed peplint from outside the checkout."""
        code = "import sys, peplint; from peplint.cli import run; sys.argv = ['peplint', *sys.argv[1:]]; run()"
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import peplint; print(peplint.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(target))
    result = peplint("parse", "--format", "json", str(GENERATED / "walsall-good.pdf"))
    assert result.returncode == 0, result.stderr
    [pep] = json.loads(result.stdout)  # one JSON array, one PEP per file
    assert pep["template"] == "walsall-post16"
    assert pep["attainment"]["subjects"][2]["subject"] == "Psychology"

    # The built-in rule packs, rule examples, templates and word lists ship in the wheel too.
    lint = peplint(
        "lint", "--pack", "example-rag", "--format", "json", str(GENERATED / "walsall-good.pdf")
    )
    assert lint.returncode == 0, lint.stderr
    report = json.loads(lint.stdout)
    assert report["pack"]["name"] == "example-rag"
    assert report["files"][0]["checklist"]["overall"]["rating"] == "green"
    assert "Example that fails" in peplint("rules", "explain", "smart-time-bound").stdout
    html = peplint("lint", "--format", "html", str(GENERATED / "walsall-good.pdf"))
    assert html.returncode == 0 and "<!doctype html>" in html.stdout
