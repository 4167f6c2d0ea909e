"""peplint: reads completed Personal Education Plans and drafts their QA feedback."""

__version__ = "0.1.0"
