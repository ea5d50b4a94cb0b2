"""One writer at a time per workbook, across processes: a lock file beside the workbook.

Every command that changes a workbook holds ``workbook_lock(path)`` from before it reads the
workbook until after it saved it, so two commands can never both read the old version and
each write back their own change. The lock is an operating-system lock (io/oslock.py:
flock on Linux and macOS, msvcrt on Windows) on ``.<name>.pk-lock``; the system releases it when
the holder dies, so a crash never leaves the workbook locked. Beside it, ``.<name>.pk-lock.json``
says who holds it; a leftover of that note from a killed run is recognised and reported.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from pathlib import Path
from typing import Iterator

from partnerkeuze.kernel.errors import FileError, file_error_from_os

DEFAULT_TIMEOUT = 30.0  # seconds a second command waits for the first
ENV_TIMEOUT = "PARTNERKEUZE_LOCK_TIMEOUT"


def lock_path(workbook: str | os.PathLike) -> Path:
    """The lock file of a workbook (beside its real file, a symbolic link followed)."""
    from partnerkeuze.io.saving import real_target

    target = real_target(workbook)
    return target.with_name(f".{target.name}.pk-lock")


def holder_path(workbook: str | os.PathLike) -> Path:
    """The note saying who holds the lock."""
    lock = lock_path(workbook)
    return lock.with_name(lock.name + ".json")


def timeout() -> float:
    """How long a command waits for the lock (PARTNERKEUZE_LOCK_TIMEOUT seconds, else 30)."""
    try:
        return max(0.0, float(os.environ.get(ENV_TIMEOUT, DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _read_holder(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def describe_holder(info: dict | None) -> str:
    """Who holds (or held) the lock, in Dutch."""
    if not info:
        return "een andere opdracht"
    since = str(info.get("since", ""))[11:16]
    return (f"{info.get('user', 'onbekend')} met 'partnerkeuze {info.get('command', '?')}' "
            f"(proces {info.get('pid', '?')} op {info.get('host', '?')}"
            + (f", sinds {since}" if since else "") + ")")


def host_name() -> str:
    """The name of this computer (for the note of who holds the lock)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "?")


@contextlib.contextmanager
def workbook_lock(workbook: str | os.PathLike, command: str = "",
                  wait: float | None = None) -> Iterator[dict | None]:
    """Hold the workbook's lock for the block; FileError (exit 2) naming the holder on timeout.

    Yields the note of a previous holder that died without releasing (a crash), else None;
    finishing what it left half done is the pipeline's (app/pipeline.py).
    """
    from partnerkeuze.io.oslock import FileLock, Timeout

    lock_file = lock_path(workbook)
    note = holder_path(workbook)
    if not lock_file.parent.is_dir():
        raise FileError(f"{lock_file.parent}: map niet gevonden")
    lock = FileLock(str(lock_file), timeout=timeout() if wait is None else wait)
    try:
        lock.acquire()
    except Timeout:
        raise FileError(f"{Path(workbook).name}: de werkmap wordt nu gewijzigd door "
                        f"{describe_holder(_read_holder(note))}; er is niets gewijzigd. "
                        f"Probeer het opnieuw als die opdracht klaar is") from None
    except OSError as exc:
        raise FileError(f"{Path(workbook).name}: de werkmap kan niet vergrendeld worden "
                        f"({file_error_from_os(exc, lock_file.parent).message}); controleer de "
                        f"schrijfrechten van de map") from None
    stale = _read_holder(note) if note.exists() else None
    from partnerkeuze.io.audit import current_user

    info = {"user": current_user(), "host": host_name(), "pid": os.getpid(),
            "command": command or "?", "since": dt.datetime.now().isoformat(timespec="seconds")}
    try:
        try:
            note.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # the note is a courtesy; the lock itself holds
        yield stale
    finally:
        try:
            note.unlink()
        except OSError:
            pass
        lock.release()
