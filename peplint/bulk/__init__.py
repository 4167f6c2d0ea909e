"""Bulk review of a term's PEPs: many files, in parallel, resumable, with a summary."""
