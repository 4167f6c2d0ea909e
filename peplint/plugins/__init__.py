"""The plugin manager and peplint's own built-in plugins."""
