"""``python -m peplint``."""

from peplint.entry import run

run()
