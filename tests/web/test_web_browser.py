"""End to end in a real browser: Playwright driving Debian's Chromium against
`peplint serve` started as a user would start it.

Skipped only where no Chromium is installed (`.ci/run` installs it, and sets
PEPLINT_REQUIRE_BROWSER=1 so CI fails rather than skips). Screenshots go to the
test's folder, or to $PEPLINT_SCREENSHOTS (how docs/images/ is refreshed).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as open_docx

from tests.conftest import GENERATED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and not os.environ.get("PEPLINT_REQUIRE_BROWSER"):
    pytest.skip("no Chromium on this machine", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class Server:
    """`peplint serve` in a child process, with its address and private temp root."""

    def __init__(self, args: list[str], temp_root: Path) -> None:
        env = {**os.environ, "TMPDIR": str(temp_root), "PYTHONUNBUFFERED": "1"}
        self.temp_root = temp_root
        self.process = subprocess.Popen(
            [sys.executable, "-m", "peplint", "serve", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        assert self.process.stdout is not None
        self.address = ""
        for line in self.process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
            if found:
                self.address = found.group(0)
                break
        assert self.address, "peplint serve printed no address"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PEPLINT_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_teacher_uploads_a_pep_and_sees_what_to_change(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    server = Server([], temp_root)
    try:
        page = browser.new_page(viewport={"width": 1000, "height": 1100})
        page.goto(server.address)
        assert page.url.endswith("/")  # the token left the address bar
        page.get_by_label("PEP file").set_input_files(str(GENERATED / "walsall-weak-targets.pdf"))
        page.get_by_role("button", name="Check this PEP").click()
        page.wait_for_selector("text=to fix first")
        heading = page.get_by_role("heading", name="Please change these before you submit")
        assert heading.is_visible()
        assert page.locator("ol.todo > li").count() >= 3
        page.screenshot(path=str(_shots(tmp_path) / "serve-self-check.png"), full_page=True)
        with page.expect_download() as download:
            page.get_by_role("link", name="Download as Word").click()
        assert download.value.suggested_filename.endswith("-self-check.docx")
        page.reload()
        page.keyboard.press("Tab")  # the skip link is the first stop for keyboard users
        assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    finally:
        server.stop()
    assert list(temp_root.iterdir()) == []  # nothing left on disk after the server stops


def test_officer_changes_an_answer_and_exports_the_sign_off(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    term = tmp_path / "term"
    term.mkdir()
    for name in ("walsall-good.pdf", "walsall-weak-targets.docx"):
        shutil.copy(GENERATED / name, term / name)
    out = tmp_path / "qa-autumn"
    subprocess.run(
        [sys.executable, "-m", "peplint", "bulk", str(term), "-o", str(out), "--quiet"],
        check=True,
        capture_output=True,
    )
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    server = Server([str(out)], temp_root)
    try:
        page = browser.new_page(viewport={"width": 1100, "height": 1100})
        page.goto(server.address)
        page.get_by_role("link", name="Review the term's PEPs").click()
        page.get_by_role("link", name="walsall-weak-targets.docx").click()
        page.get_by_label("Your answer for D7").select_option("yes")
        page.get_by_label("Reason, if you change it").nth(6).fill(
            "The deadline is in the review column."
        )
        page.get_by_label("I have reviewed this PEP").check()
        page.get_by_role("button", name="Save").click()
        page.wait_for_selector("text=Saved.")
        with page.expect_download() as download:
            page.get_by_role("link", name="Export the Word sign-off page").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        doc = open_docx(io.BytesIO(saved.read_bytes()))
        cells = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        text = " ".join(p.text for p in doc.paragraphs) + cells
        assert "D7" in text or "targets are written clearly" in text
        page.goto(server.address.split("?")[0] + "review")
        assert "1</strong> of 2 PEPs reviewed" in page.content()
        page.screenshot(path=str(_shots(tmp_path) / "serve-review-dashboard.png"), full_page=True)
    finally:
        server.stop()
    decisions = out / "review" / "decisions.json"
    assert decisions.stat().st_mode & 0o777 == 0o600
    assert list(temp_root.iterdir()) == []
