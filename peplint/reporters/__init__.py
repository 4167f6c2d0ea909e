"""Reporters: a run's `Report` rendered as text, JSON, Markdown, HTML or Word."""
