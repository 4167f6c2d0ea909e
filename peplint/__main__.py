"""``python -m peplint``."""

from peplint.cli import run

run()
