"""Layout variants: one case spec rendered in layouts that share none of our generator's habits.

A test-only generator (it is deliberately not `peplint generate`, whose layouts
the parsers already know): see `variants.py` for the list and their axes.
"""
