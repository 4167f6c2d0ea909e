"""Built-in plugin: peplint's own reporters."""
