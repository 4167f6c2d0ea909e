"""The `peplint` command loads no pydantic plugin: pydantic hands a plugin every value
its models validate, and peplint's models hold children's data."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import GENERATED

SPY = textwrap.dedent(
    """
    import os


    class Spy:
        def new_schema_validator(self, schema, schema_type, *args, **kwargs):
            with open(os.environ["SPY_LOG"], "a") as log:
                log.write(f"{getattr(schema_type, '__name__', schema_type)}\\n")
            return None, None, None


    plugin = Spy()
    """
)


@pytest.fixture
def spy_installed(tmp_path: Path) -> dict[str, str]:
    """A pydantic plugin installed beside the test (an entry point in the `pydantic`
    group) that notes each model it is handed; the environment that finds it."""
    site = tmp_path / "site"
    (site / "spy_distribution-1.0.dist-info").mkdir(parents=True)
    (site / "spy_distribution-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: spy-distribution\nVersion: 1.0\n"
    )
    (site / "spy_distribution-1.0.dist-info" / "entry_points.txt").write_text(
        "[pydantic]\nspy = spy_plugin:plugin\n"
    )
    (site / "spy_plugin.py").write_text(SPY)
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["SPY_LOG"] = str(tmp_path / "spy.log")
    return env


def test_the_spy_plugin_is_loaded_by_pydantic_elsewhere(spy_installed: dict[str, str]) -> None:
    # The control: the same environment does hand models to the plugin outside peplint.
    code = "from pydantic import BaseModel\nclass Child(BaseModel):\n    name: str\n"
    subprocess.run([sys.executable, "-c", code], env=spy_installed, check=True)
    assert "Child" in Path(spy_installed["SPY_LOG"]).read_text()


def test_peplint_hands_no_model_to_a_pydantic_plugin(
    spy_installed: dict[str, str], tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "peplint", "lint", str(GENERATED / "walsall-good.docx")],
        env=spy_installed,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.strip()  # the report was printed: the models were built and used
    assert not Path(spy_installed["SPY_LOG"]).exists()
