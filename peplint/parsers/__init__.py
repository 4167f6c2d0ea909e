"""Parsers: one per file format, each turning a file into a `Document` block stream."""
