"""Makes the small PDF samples committed beside this script (run from the repository root:
`python tests/samples/make_samples.py`), so a clone tests encrypted and damaged PDFs without
any shared folder. The samples hold only synthetic text."""

from __future__ import annotations

import io
import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
GOOD = HERE.parent.parent / "fixtures" / "generated" / "walsall-good.pdf"


def encrypted(strength: int) -> bytes:
    """A one-page synthetic PDF with an open (user) password."""
    buffer = io.BytesIO()
    security = StandardEncryption("secret", ownerPassword="owner", strength=strength)
    page = canvas.Canvas(buffer, pagesize=A4, encrypt=security, invariant=True)
    page.drawString(72, 760, "Personal Education Plan (synthetic sample)")
    page.save()
    return buffer.getvalue()


def damaged_xref(good: bytes) -> bytes:
    """The good sample with its cross-reference table pointer wrong, as a truncated or
    hand-edited export has: readable only after the reader rebuilds the table."""
    at = good.rindex(b"startxref")
    offset = re.match(rb"startxref\s+(\d+)", good[at:])
    assert offset is not None
    wrong = str(int(offset.group(1)) // 2).encode().rjust(len(offset.group(1)), b"0")
    return good[:at] + good[at:].replace(offset.group(1), wrong, 1)


if __name__ == "__main__":
    (HERE / "rc4-40.pdf").write_bytes(encrypted(40))
    (HERE / "rc4-128.pdf").write_bytes(encrypted(128))
    (HERE / "damaged-xref.pdf").write_bytes(damaged_xref(GOOD.read_bytes()))
