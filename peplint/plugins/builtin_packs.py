"""Built-in plugin: peplint's own packs."""
