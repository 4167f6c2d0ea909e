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
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import peplint, sys; print(peplint.__file__); "
            "from peplint.cli import run; sys.argv=['peplint','parse','--format','json',sys.argv[1]]; run()",
            str(GENERATED / "walsall-good.pdf"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    location, _, payload = result.stdout.partition("\n")
    assert location.startswith(str(target))
    pep = json.loads(payload)
    assert pep["template"] == "walsall-post16"
    assert pep["attainment"]["subjects"][2]["subject"] == "Psychology"

    # The built-in rule packs, rule examples and word lists ship in the wheel too.
    lint = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from peplint.cli import run; "
            "sys.argv=['peplint','lint','--pack','example-rag','--format','json',sys.argv[1]]; run()",
            str(GENERATED / "walsall-good.pdf"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert lint.returncode == 0, lint.stderr
    report = json.loads(lint.stdout)
    assert report["pack"]["name"] == "example-rag"
    assert report["files"][0]["checklist"]["overall"]["rating"] == "green"
    explain = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from peplint.cli import run; "
            "sys.argv=['peplint','rules','explain','smart-time-bound']; run()",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Example that fails" in explain.stdout
