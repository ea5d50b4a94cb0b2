"""An exclusive operating-system lock on a file (flock on Linux and macOS, msvcrt.locking on
Windows), held through an open file descriptor: the system releases it when the holder dies,
so a crash never leaves it held. A few lines instead of a package on the path of every
command."""

from __future__ import annotations

import errno
import os
import time

POLL_SECONDS = 0.05  # how often a waiting command tries again
_BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}


class Timeout(Exception):
    """The lock stayed held by another process for the whole wait."""


class FileLock:
    """An exclusive lock on one file; ``acquire`` waits up to ``timeout`` seconds."""

    def __init__(self, path: str | os.PathLike, timeout: float):
        self.path = os.fspath(path)
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock (waiting while another process holds it); Timeout, or an OSError when
        the lock file cannot be made."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + max(0.0, self.timeout)
        while True:
            try:
                _lock(fd)
                self._fd = fd
                return
            except OSError as exc:
                if exc.errno not in _BUSY:
                    os.close(fd)
                    raise
            if time.monotonic() >= deadline:
                os.close(fd)
                raise Timeout(self.path)
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        """Give the lock back (the lock file stays: removing it would race a waiter)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
