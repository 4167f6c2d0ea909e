"""Write every layout variant of the variant specs into a folder, and list their axes.

    python -m tests.layouts OUT_DIR [--spec walsall-good] [--list]

Committed variants (LibreOffice, Chromium) are copied from fixtures/variants/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from tests.layouts.corpus import build
from tests.layouts.variants import VARIANTS


def main(argv: list[str] | None = None) -> int:
    """Render the variants into OUT_DIR, or only list them with --list."""
    parser = argparse.ArgumentParser(prog="python -m tests.layouts", description=__doc__)
    parser.add_argument("out_dir", nargs="?", type=Path)
    parser.add_argument("--spec", action="append", help="only these spec ids")
    parser.add_argument("--list", action="store_true", help="list the variants and their axes")
    args = parser.parse_args(argv)
    if args.list or args.out_dir is None:
        for variant in VARIANTS:
            axes = ", ".join(f"{k}={v}" for k, v in variant.axes().items())
            print(f"{variant.name}: {axes}")
        return 0
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for doc in build(Path(tmp)):
            if args.spec and doc.spec.id not in args.spec:
                continue
            shutil.copyfile(doc.path, args.out_dir / doc.path.name)
            print(args.out_dir / doc.path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
