"""The redaction key: the secret behind a bulk run's pseudonyms.

Whoever holds the key can test candidate names against the pseudonyms, so it is never
kept in the folder meant for sharing: it lives where the user says (--key-file) or in
the user's own configuration folder, readable by them only (0600 in a 0700 folder).
The same key gives the same pseudonyms next term, so runs can be compared.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from peplint import errors
from peplint.output import atomic_write

KEY_BYTES = 32


def default_key_path() -> Path:
    """The user's configuration folder's key ($XDG_CONFIG_HOME/peplint/redaction.key)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "peplint" / "redaction.key"


def redaction_key(out: Path, key_file: Path | None = None) -> bytes:
    """The key for a run writing to `out`: read, or made once; never inside `out`."""
    path = key_file or default_key_path()
    resolved = path.expanduser().resolve()
    if resolved.is_relative_to(out.resolve()):
        raise errors.ConfigError(
            "the redaction key may not be kept in the output folder, which is meant for "
            "sharing; choose a --key-file outside it"
        )
    try:
        if path.is_symlink() or (path.exists() and not stat.S_ISREG(path.stat().st_mode)):
            raise errors.ConfigError("the redaction key file is not a regular file")
        if not path.exists():
            atomic_write(path, os.urandom(KEY_BYTES).hex() + "\n")
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, ValueError, UnicodeDecodeError):
        raise errors.ConfigError(
            "the redaction key file could not be read or made; check --key-file"
        ) from None
    if len(key) < 16:
        raise errors.ConfigError("the redaction key file holds too short a key")
    return key
