"""Lint rules. Each module holds related rules; ids, docs and examples live beside the code."""
