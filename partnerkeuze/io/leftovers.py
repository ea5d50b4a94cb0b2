"""What a killed run leaves behind, and its removal by the next run.

A command writes every file as a temporary ``.~pk-<pid>-…`` beside its target and moves it into
place at the end (saving.py); it converts documents to PDF in a ``partnerkeuze-pdf-<pid>-…``
folder in the system's temporary directory and unpacks mails in ``partnerkeuze-mail-<pid>-…``.
A run killed with ``kill -9`` cannot remove them. The next run does, under the workbook's lock
(locking.workbook_lock): it first finishes a move the killed run had journalled
(saving.roll_forward: its new files are complete, so they are kept, never a mix), then removes
the temporary files of runs whose process is gone, beside the workbook, in the output folders
it is given and in the temporary directory. Folders of a live process are never touched.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from partnerkeuze.kernel.plain import Plain

PREFIX = "partnerkeuze-"
KINDS = ("pdf", "mail", "herinneringen")
_OURS = re.compile(rf"^{PREFIX}({'|'.join(KINDS)})-(\d+)-")
# Names older versions used, without the process id: removed once older than the stale age.
_OLD = re.compile(r"^(?:partnerkeuze-pdf|pk-mail|partnerkeuze-herinneringen)-[a-z0-9_]{8}$")


class Leftovers(Plain):
    """What the next run did about a killed run: files it moved into place (a journalled
    commit finished) and temporary files and folders it removed."""

    def __init__(self, finished: list[Path] | None = None, removed: list[Path] | None = None):
        self.finished = [] if finished is None else finished
        self.removed = [] if removed is None else removed


def temp_prefix(kind: str) -> str:
    """The name prefix of this process's folders of one kind (one of KINDS) in the temporary
    directory: it tells the next run whether their process still runs."""
    if kind not in KINDS:
        raise ValueError(kind)
    return f"{PREFIX}{kind}-{os.getpid()}-"


def temp_dir(kind: str) -> Path:
    """A new folder in the temporary directory for this process (kind: one of KINDS)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix=temp_prefix(kind)))


def temp_root() -> Path:
    """The temporary directory, as tempfile.gettempdir finds it (TMPDIR, TEMP, TMP, then the
    system's own: /tmp, /var/tmp, /usr/tmp), without importing tempfile on the path of every
    command (and without the file gettempdir writes to try each folder)."""
    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.environ.get(name)
        if value and os.path.isdir(value):
            return Path(value)
    if os.name != "nt":
        for folder in ("/tmp", "/var/tmp", "/usr/tmp"):
            if os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
                return Path(folder)
    import tempfile

    return Path(tempfile.gettempdir())


def remove_stale_temp_dirs(base: str | os.PathLike | None = None) -> list[Path]:
    """Remove the folders of KINDS in the temporary directory (or base) whose process is gone;
    the folders removed."""
    from partnerkeuze.io.saving import STALE_AGE_SECONDS, pid_alive

    folder = Path(base) if base is not None else temp_root()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _OURS.match(entry.name)
        if m is None and _OLD.match(entry.name) is None:
            continue
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AGE_SECONDS
            if m:
                pid = int(m.group(2))
                if pid == os.getpid():
                    continue
                if os.name == "nt":  # no liveness test there (saving.pid_alive): by age
                    if not old:
                        continue
                elif pid_alive(pid):
                    continue
            elif not old:  # a name of an older version, without the process
                continue
        except OSError:
            continue
        import shutil

        shutil.rmtree(entry.path, ignore_errors=True)
        if not os.path.lexists(entry.path):
            removed.append(Path(entry.path))
    return removed


def remove_leftovers(workbook: str | os.PathLike, out_dirs=()) -> Leftovers:
    """Finish a killed run's journalled move beside the workbook, then remove the temporary
    files of dead runs beside it, in out_dirs and in the temporary directory. Call it holding
    the workbook's lock (it renames files the killed run left complete)."""
    from partnerkeuze.io.saving import clean_stale_temps, real_target, roll_forward

    folder = Path(os.path.abspath(real_target(workbook))).parent
    done = Leftovers(finished=roll_forward(folder))
    for place in dict.fromkeys([folder, *(Path(d) for d in out_dirs)]):
        if place.is_dir():
            done.removed.extend(clean_stale_temps(place))
    done.removed.extend(remove_stale_temp_dirs())
    return done
