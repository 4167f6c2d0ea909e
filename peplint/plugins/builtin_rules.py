"""Built-in plugin: peplint's own rules."""
