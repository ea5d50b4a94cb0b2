"""Saving a file without ever leaving it half written: a temporary file in the same folder,
flushed to disk, the previous version kept as a backup, then moved over the original in one step.

A minimal version made for issue #17; issue #13 owns this module (permissions, symlinks, locks)
and its version is kept when both are merged. The signature is the agreed one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from partnerkeuze.errors import FileError


def backup_path(path: Path) -> Path:
    """Where the previous version of a file is kept."""
    return path.with_name(f"{path.stem}.vorige{path.suffix}")


def replace_atomically(path: Path, write: Callable[[Path], None], *, backup: bool = True) -> None:
    """Let write() fill a temporary file next to path, then put it in path's place atomically."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".~pk-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        if path.exists():
            try:
                shutil.copymode(path, tmp)
            except OSError:
                pass
            if backup:
                shutil.copy2(path, backup_path(path))
        os.replace(tmp, path)
    except PermissionError:
        raise FileError(f"{path}: geen schrijfrechten") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
