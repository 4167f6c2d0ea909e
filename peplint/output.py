"""The one place outputs are written: atomically, with private permissions.

A reader never sees half a file (write to a temporary file in the same folder,
then rename over the target), and outputs about children are readable by their
owner only: files 0600 and the folders peplint creates 0700, whatever the umask.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def private_mkdir(folder: Path) -> None:
    """Create `folder` and any missing parents with mode 0700 (existing folders are left
    as they are: they are the user's)."""
    missing = []
    current = folder
    while not current.exists() and not current.is_symlink():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=PRIVATE_DIR_MODE)
            os.chmod(path, PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask's bits only


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write `data` to `path` atomically with mode 0600; returns `path`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    private_mkdir(path.parent)
    import tempfile  # here, not at the top: a command that writes nothing never loads it

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
