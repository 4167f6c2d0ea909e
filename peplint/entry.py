"""The `peplint` command's entry point: an unchanged `bulk --resume` is answered at once
(peplint.bulk.quick_resume); every other command line goes to peplint.cli."""

from __future__ import annotations

import sys


def run() -> None:
    """Run the `peplint` command with the arguments in `sys.argv`."""
    if sys.argv[1:2] == ["bulk"] and "--resume" in sys.argv[2:]:
        from peplint.bulk.quick_resume import quick_resume

        code = quick_resume(sys.argv[2:])
        if code is not None:
            sys.exit(code)
    from peplint.cli import run as run_command

    run_command()
