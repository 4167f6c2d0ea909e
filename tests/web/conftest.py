"""Shared pieces of the web tests: a small bulk output folder and a signed-in client."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from peplint.bulk.run import BulkOptions, run_bulk
from peplint.lint import LintSetup
from peplint.web.app import ServeConfig, WebApp, create_app
from peplint.web.security import Guard
from tests.conftest import GENERATED

PORT = 8123
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="session")
def setup() -> LintSetup:
    """The default pack's lint setup."""
    return LintSetup.default()


@pytest.fixture(scope="session")
def bulk_folder(tmp_path_factory: pytest.TempPathFactory, setup: LintSetup) -> Path:
    """A bulk output folder over three fixtures (one meets the standard)."""
    term = tmp_path_factory.mktemp("term")
    for name in ("walsall-good.pdf", "walsall-weak-targets.docx", "secondary-absent-no-voice.pdf"):
        shutil.copy(GENERATED / name, term / name)
    out = tmp_path_factory.mktemp("qa") / "qa-autumn"
    run_bulk(term, out, setup, [], BulkOptions(progress=False))
    return out


@pytest.fixture
def review_copy(bulk_folder: Path, tmp_path: Path) -> Path:
    """A private copy of the bulk folder, so decisions of one test don't reach another."""
    copy = tmp_path / "qa-autumn"
    shutil.copytree(bulk_folder, copy)
    return copy


class Served:
    """A test client for one app, with its WebApp state and guard."""

    def __init__(self, client: TestClient, web: WebApp, guard: Guard) -> None:
        self.client, self.web, self.guard = client, web, guard

    def sign_in(self) -> None:
        response = self.client.get(f"/?token={self.guard.token}", follow_redirects=False)
        assert response.status_code == 303


def _served(
    setup: LintSetup, temp_root: Path, review: Path | None, **guard: int
) -> Iterator[Served]:
    g = Guard(port=PORT, **guard)
    app, web = create_app(
        ServeConfig(guard=g, setup=setup, review_folder=review, temp_root=temp_root)
    )
    with TestClient(app, base_url=BASE) as client:
        yield Served(client, web, g)


@pytest.fixture
def teacher(setup: LintSetup, tmp_path: Path) -> Iterator[Served]:
    """The self-check page (no review folder), not yet signed in."""
    temp_root = tmp_path / "teacher-tmp"
    temp_root.mkdir()
    yield from _served(setup, temp_root, None, max_upload_bytes=2 * 1024 * 1024)


@pytest.fixture
def officer(setup: LintSetup, tmp_path: Path, review_copy: Path) -> Iterator[Served]:
    """The review pages over a copy of the bulk folder, signed in."""
    temp_root = tmp_path / "officer-tmp"
    temp_root.mkdir()
    for served in _served(setup, temp_root, review_copy):
        served.sign_in()
        yield served
