"""Replacing a file so that a reader, or a crash, sees the old text or the new, never half."""
from __future__ import annotations

import os


def write_atomically(path: str, data: bytes, default_mode: int = 0o644) -> None:
    """A temp file in the same folder with the original's mode (or `default_mode`), renamed
    over `path`. Raises OSError and leaves no temporary behind."""
    import tempfile

    try:
        mode = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = default_mode
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".fch-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
