"""Shared test helpers and fixture locations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GENERATED = FIXTURES / "generated"
SPECS = FIXTURES / "specs"
OTHER_PRODUCERS = FIXTURES / "other-producers"
HOSTILE = ROOT.parent / "shared" / "hostile-samples"


def expected_files() -> list[Path]:
    """Every committed expected-values file."""
    return sorted(GENERATED.glob("*.expected.json"))


def load_expected(path: Path) -> dict[str, Any]:
    """An expected-values file as a dict."""
    return json.loads(path.read_text(encoding="utf-8"))


def field_differences(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Every place `actual` differs from `expected` (keys only in `actual` are ignored)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected a mapping, got {actual!r}"]
        out: list[str] = []
        for key, value in expected.items():
            out += field_differences(value, actual.get(key), f"{where}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{where}: expected {len(expected)} items, got {actual!r}"]
        out = []
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out += field_differences(e, a, f"{where}[{index}]")
        return out
    return [] if expected == actual else [f"{where}: expected {expected!r}, got {actual!r}"]


@pytest.fixture(scope="session")
def fixture_dir() -> Path:
    """The folder of generated fixtures."""
    return GENERATED


@pytest.fixture(autouse=True, scope="session")
def private_config_home(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The redaction key (kept in the user's config folder) goes to a test folder."""
    import os

    old = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config"))
    yield None
    if old is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = old


@pytest.fixture(autouse=True, scope="session")
def no_network() -> object:
    """The whole suite runs with network sockets blocked: peplint never uses the network."""
    import socket

    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guard(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError("network access attempted in a test")
        return real_connect(self, address)  # type: ignore[arg-type]

    def guard_ex(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError("network access attempted in a test")
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    socket.socket.connect = guard  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = guard_ex  # type: ignore[method-assign,assignment]
    yield
    socket.socket.connect = real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
