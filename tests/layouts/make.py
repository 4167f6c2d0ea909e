"""Make the committed variant PDFs (LibreOffice and Chromium), which CI may not be able to.

    bash fixtures/variants/make.sh      # or: python -m tests.layouts.make

Needs `soffice` (Debian: libreoffice-writer-nogui) and `chromium` on PATH.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from peplint.generate.spec import load_spec
from tests.conftest import SPECS
from tests.layouts.corpus import COMMITTED, committed_path
from tests.layouts.forms import build_form
from tests.layouts.variants import VARIANTS, Variant, render

# the representative subset: each committed producer, a good spec of each template and a defect
COMMITTED_SPECS = {
    "libreoffice": ("walsall-good", "secondary-good"),
    "chromium": ("walsall-good", "secondary-absent-no-voice"),
}


def _libreoffice(variant: Variant, spec_id: str, work: Path) -> Path:
    spec = load_spec(SPECS / f"{spec_id}.yaml")
    word = dataclasses.replace(variant, producer=variant.base or "python-docx")
    docx = render(word, spec, work)
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return docx.with_suffix(".pdf")


def _chromium(variant: Variant, spec_id: str, work: Path) -> Path:
    from tests.layouts.webpage import render_webpage

    spec = load_spec(SPECS / f"{spec_id}.yaml")
    sections = build_form(spec, variant.authority, variant.dates, variant.contacts)
    page = render_webpage(
        sections, "Personal Education Plan", work / f"{variant.name}--{spec_id}.html"
    )
    pdf = page.with_suffix(".pdf")
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            f"--user-data-dir={work / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return pdf


def main() -> int:
    """Write every committed variant PDF into fixtures/variants/."""
    COMMITTED.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for variant in VARIANTS:
            if not variant.committed:
                continue
            for spec_id in COMMITTED_SPECS[variant.producer]:
                made = (_libreoffice if variant.producer == "libreoffice" else _chromium)(
                    variant, spec_id, work
                )
                shutil.copyfile(made, committed_path(variant, spec_id))
                print(committed_path(variant, spec_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
