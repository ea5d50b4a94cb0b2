"""Replacing a file on disk without ever losing it: temporary file, fsync, dated backups, rename.

``replace_atomically(path, write)`` is the one way the product replaces a file the user owns
(the workbook, a document, a calendar). ``write(tmp)`` makes the new file at a temporary path in
the target's own folder; only when that succeeded (and reached the disk) is the old file copied
to a dated backup and the new one renamed over it in one step. A full disk, a missing right or
a killed process therefore leaves the old file and every earlier backup byte-identical.

``staged_writes()`` gathers every file written with ``replace_atomically`` while it is active and
moves them into place only when the whole command succeeded (all-or-nothing for a folder of
documents); on failure none of them appears.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import errno
import os
import re
import stat
import time
from pathlib import Path
from typing import Callable, Iterator

from partnerkeuze.kernel.errors import FileError, PartnerkeuzeError, file_error_from_os

TEMP_PREFIX = ".~pk-"
BACKUP_TAG = ".vorige-"  # Demo.vorige-2026-11-27_143005.xlsx
DEFAULT_GENERATIONS = 5
STALE_AGE_SECONDS = 12 * 3600  # temp files of unknown owner older than this are removed
_GENERATIONS: dict[str, int] = {}
COMMITTED: list[Path] = []  # every file this process replaced or wrote, in order
_STAGE: contextvars.ContextVar["Stage | None"] = contextvars.ContextVar("pk_stage", default=None)


def real_target(path: str | os.PathLike) -> Path:
    """The file that is really written: a symbolic link is followed to its target."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def set_generations(path: str | os.PathLike, count: int) -> None:
    """Keep ``count`` dated backups of this workbook (the number from Instellingen)."""
    _GENERATIONS[str(real_target(path))] = max(1, int(count))


def generations_setting(snap) -> int:
    """The number of backups asked on Instellingen (backup_generations), else the default."""
    from partnerkeuze import layout

    try:
        rows = snap.rows(layout.sheet("settings").name)
        raw = next((r[2] for r in rows if r and r[0] == "backup_generations" and len(r) > 2),
                   None)
        return min(50, max(1, int(raw))) if raw not in (None, "") else DEFAULT_GENERATIONS
    except (TypeError, ValueError, KeyError):
        return DEFAULT_GENERATIONS


def generations(path: Path) -> int:
    """How many dated backups of this file are kept."""
    return _GENERATIONS.get(str(path), DEFAULT_GENERATIONS)


def backup_pattern(path: Path) -> re.Pattern:
    """The names of the backups this product makes of path (and only those)."""
    return re.compile(re.escape(path.stem + BACKUP_TAG) + r"(\d{4}-\d{2}-\d{2}_\d{6})(?:-(\d+))?"
                      + re.escape(path.suffix) + "$")


def backups_of(path: str | os.PathLike) -> list[Path]:
    """The dated backups of a file, oldest first."""
    path = real_target(path)
    pattern = backup_pattern(path)
    try:
        found = [(m.group(1), int(m.group(2) or 1), n) for n in os.listdir(path.parent)
                 if (m := pattern.match(n))]
    except OSError:
        return []
    return [path.parent / n for _, _, n in sorted(found)]


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs (always True on Windows, where os.kill ends it)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _temp_prefix() -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-"


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temporary files (and stage folders) left by a killed earlier run in folder."""
    removed = []
    roll_forward(folder)  # a half-finished commit is completed, not thrown away
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(TEMP_PREFIX):
            continue
        m = re.match(re.escape(TEMP_PREFIX) + r"(\d+)-", entry.name)
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AGE_SECONDS
            if m and int(m.group(1)) == os.getpid():
                stale = False
            elif m:
                stale = old or not pid_alive(int(m.group(1)))
            else:  # a name from an older version: stale when old
                stale = old
            if not stale:
                continue
            if entry.is_dir(follow_symlinks=False):
                import shutil

                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _writable(path: Path, mode: int) -> bool:
    """Writable for us, and not marked read-only for everyone (no write bit at all)."""
    try:
        bits = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return False
    return os.access(path, mode) and bool(bits & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def can_write_in(folder: str | os.PathLike) -> bool:
    """True when new files can be made in folder (a lock, a temporary file, a backup)."""
    folder = Path(folder)
    return folder.is_dir() and _writable(folder, os.W_OK | os.X_OK)


def check_writable(path: str | os.PathLike) -> Path:
    """The real target of path, or a Dutch FileError when it or its folder cannot be written."""
    target = real_target(path)
    folder = Path(os.path.abspath(target.parent))
    if not folder.exists():
        raise FileError(f"{folder}: map niet gevonden")
    if not folder.is_dir():
        raise FileError(f"{folder}: dit is geen map")
    if target.is_dir():
        raise FileError(f"{target}: dit is een map, geen bestand")
    if target.exists() and not _writable(target, os.W_OK):
        raise FileError(f"{target.name}: het bestand is alleen-lezen; er is niets gewijzigd. "
                        f"Geef schrijfrechten of kies een ander bestand")
    if not _writable(folder, os.W_OK | os.X_OK):
        raise FileError(f"{folder}: in deze map mag niet geschreven worden (alleen-lezen); er "
                        f"is niets gewijzigd")
    return target


def _new_temp(folder: Path, suffix: str) -> Path:
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(), suffix=suffix, dir=folder)
    os.close(fd)
    return Path(tmp)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _make_backup(target: Path) -> Path:
    """Copy target to a new dated backup atomically (never over an existing file)."""
    stamp = dt.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    tmp = _new_temp(target.parent, target.suffix)
    try:
        import shutil

        shutil.copyfile(target, tmp)
        shutil.copymode(target, tmp)
        _fsync_file(tmp)
        pattern = backup_pattern(target)
        same = [int(m.group(2) or 1) for b in backups_of(target)
                if (m := pattern.match(b.name)) and m.group(1) == stamp]
        for n in range(max(same, default=0) + 1, max(same, default=0) + 1000):
            name = f"{target.stem}{BACKUP_TAG}{stamp}{'' if n == 1 else f'-{n}'}{target.suffix}"
            final = target.parent / name
            try:
                os.link(tmp, final)  # fails when the name exists: nothing is overwritten
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP,
                                     errno.EXDEV):
                    raise
                if final.exists():  # a file system without hard links
                    continue
                os.replace(tmp, final)
            return final
        raise FileError(f"{target.name}: geen vrije naam voor de reservekopie")
    finally:
        if tmp.exists():
            os.unlink(tmp)


def _prune_backups(target: Path) -> None:
    olds = backups_of(target)
    for old in olds[: max(0, len(olds) - generations(target))]:
        try:
            os.unlink(old)
        except OSError:
            pass


def _final_mode(target: Path) -> int:
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    return 0o666 & ~_umask()


def _prepare(tmp: Path, target: Path, *, backup: bool) -> None:
    """Give the finished temporary file target's mode and copy target to a dated backup."""
    os.chmod(tmp, _final_mode(target))
    if backup and target.exists():
        _make_backup(target)


def _rename(tmp: Path, target: Path, *, backup: bool) -> None:
    """Move the temporary file over target in one step; drop backups beyond the number kept."""
    os.replace(tmp, target)
    COMMITTED.append(target)
    _fsync_dir(target.parent)
    if backup:
        _prune_backups(target)


def _commit(tmp: Path, target: Path, *, backup: bool) -> None:
    """Move a finished temporary file over target, keeping its mode and a dated backup."""
    _prepare(tmp, target, backup=backup)
    _rename(tmp, target, backup=backup)


class WriterDeclined(Exception):
    """Raised by a ``write`` that cannot make this file and leaves it to another writer: passed
    on unchanged by replace_atomically (nothing was replaced), never turned into a FileError."""


def replace_atomically(path: Path, write: Callable[[Path], None], *, backup: bool = True) -> None:
    """Make path anew with write(tmp) without ever leaving a half-written file or backup.

    A symbolic link is followed and its target replaced; the file keeps its permissions (a new
    file gets the usual ones, 0644 under umask 022). A read-only file or folder, a full disk or
    any other system error becomes a Dutch FileError; the old file and backups stay as they were.
    """
    target = check_writable(path)
    clean_stale_temps(target.parent)
    stage = _STAGE.get()
    tmp = None
    try:
        tmp = _new_temp(target.parent, target.suffix)
        write(tmp)
        _fsync_file(tmp)
        if stage is not None:
            stage.add(tmp, target, backup)
            tmp = None
            return
        _commit(tmp, target, backup=backup)
        tmp = None
    except (PartnerkeuzeError, WriterDeclined):  # a Dutch refusal from write: nothing replaced
        raise
    except OSError as exc:
        raise file_error_from_os(exc, target.name) from None
    except MemoryError:
        raise FileError(f"{target.name}: te weinig geheugen om het bestand te schrijven; er is "
                        f"niets gewijzigd") from None
    except Exception as exc:  # e.g. lxml's SerialisationError('IO_EFBIG') from a writer
        raise write_failure(exc, target) from None
    finally:
        if tmp is not None and tmp.exists():
            try:
                os.unlink(tmp)
            except OSError:
                pass


def write_failure(exc: Exception, target: Path) -> FileError:
    """A Dutch FileError for a writer that failed with a library's own exception."""
    text = str(exc).upper()
    for code in ("ENOSPC", "EFBIG", "EDQUOT", "EACCES", "EROFS", "EIO"):
        if code in text:
            return file_error_from_os(OSError(getattr(errno, code), ""), target.name)
    return FileError(f"{target.name}: het bestand kon niet geschreven worden "
                     f"({type(exc).__name__}); er is niets gewijzigd")


class Stage:
    """Files written during a command, moved into place together at the end."""

    def __init__(self):
        self.pending: list[tuple[Path, Path, bool]] = []
        self.made_dirs: list[Path] = []  # folders made for the command: gone when it fails

    def add(self, tmp: Path, target: Path, backup: bool) -> None:
        """Remember a finished temporary file for target (a later one for the same target wins)."""
        for i, (old_tmp, old_target, _) in enumerate(self.pending):
            if old_target == target:
                _quiet_unlink(old_tmp)
                del self.pending[i]
                break
        self.pending.append((tmp, target, backup))

    def targets(self) -> list[Path]:
        """The files that will appear or be replaced."""
        return [t for _, t, _ in self.pending]

    def commit(self) -> None:
        """Move every file into place (renames in one folder: they cannot run out of space)."""
        try:
            for tmp, target, backup in self.pending:  # may fail: then nothing has moved
                _prepare(tmp, target, backup=backup)
        except OSError as exc:
            self.discard()
            raise file_error_from_os(exc) from None
        if not self.pending:
            return
        journal = None
        try:
            journal = _write_journal(self.pending)  # a killed commit is finished by the next
            for tmp, target, _ in self.pending:
                os.replace(tmp, target)
                COMMITTED.append(target)
            for folder in dict.fromkeys(t.parent for _, t, _ in self.pending):
                _fsync_dir(folder)
            _quiet_unlink(journal)
            for _, target, backup in self.pending:
                if backup:
                    _prune_backups(target)
        except OSError as exc:
            raise file_error_from_os(exc, unchanged=False) from None
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary files that were not moved into place (and the folders made
        for them that stayed empty)."""
        for tmp, _, _ in self.pending:
            _quiet_unlink(tmp)
        self.pending = []
        for folder in reversed(self.made_dirs):
            try:
                folder.rmdir()  # only when empty
            except OSError:
                pass
        self.made_dirs = []


JOURNAL_SUFFIX = "-journal.json"


def _write_journal(pending: list[tuple[Path, Path, bool]]) -> Path:
    """Note, beside the last target (the workbook), which finished files go where."""
    import json

    folder = pending[-1][1].parent
    import tempfile

    fd, name = tempfile.mkstemp(prefix=_temp_prefix(), suffix=JOURNAL_SUFFIX, dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump([[str(os.path.abspath(t)), str(os.path.abspath(g))] for t, g, _ in pending],
                  fh)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(folder)
    return Path(name)


def pending_journals(folder: str | os.PathLike) -> list[Path]:
    """The journals in folder of commits a killed command left half done (its process is
    gone): roll_forward finishes them; a read-only command can only say so."""
    folder = Path(folder)
    try:
        names = sorted(n for n in os.listdir(folder)
                       if n.startswith(TEMP_PREFIX) and n.endswith(JOURNAL_SUFFIX))
    except OSError:
        return []
    out = []
    for name in names:
        m = re.match(re.escape(TEMP_PREFIX) + r"(\d+)-", name)
        if m and int(m.group(1)) != os.getpid() and not pid_alive(int(m.group(1))):
            out.append(folder / name)
    return out


def roll_forward(folder: str | os.PathLike) -> list[Path]:
    """Finish the commits a killed command left half done in folder; the files it moved.

    A journal is written only once every new file is complete on disk, so finishing its renames
    gives exactly the state the command would have left: the new one, never a mix.
    """
    import json

    moved: list[Path] = []
    for journal in pending_journals(folder):
        try:
            pairs = json.loads(journal.read_text(encoding="utf-8"))
            for tmp, target in pairs:
                if os.path.exists(tmp):
                    os.replace(tmp, target)
                    moved.append(Path(target))
                    COMMITTED.append(Path(target))  # changed by this process, for messages
            for parent in dict.fromkeys(Path(t).parent for _, t in pairs):
                _fsync_dir(parent)
            os.unlink(journal)
        except (OSError, ValueError, TypeError):
            continue
    return moved


def _quiet_unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def make_dirs(folder: str | os.PathLike) -> Path:
    """Make a folder (and its parents); inside a staged command, the folders it made are removed
    again, when empty, if the command fails."""
    folder = Path(folder)
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    stage = _STAGE.get()
    if stage is not None:
        stage.made_dirs.extend(reversed(missing))
    return folder


def current_path(path: str | os.PathLike) -> Path:
    """Where the newest content of path is now: its staged temporary file, or path itself."""
    stage = _STAGE.get()
    if stage is not None:
        target = real_target(path)
        target = Path(os.path.abspath(target))
        for tmp, pending, _ in reversed(stage.pending):
            if Path(os.path.abspath(pending)) == target:
                return tmp
    return Path(path)


@contextlib.contextmanager
def staged_writes() -> Iterator[Stage]:
    """Hold back every replace_atomically until the block ends without error (then commit).

    Call ``stage.commit()`` yourself to choose the moment (e.g. after the workbook was saved);
    what is still pending when the block ends normally is committed, on an error discarded.
    """
    stage = Stage()
    token = _STAGE.set(stage)
    try:
        yield stage
    except BaseException:
        stage.discard()
        raise
    finally:
        _STAGE.reset(token)
    stage.commit()


@contextlib.contextmanager
def unstaged() -> Iterator[None]:
    """Write immediately inside a staged block (for the workbook itself)."""
    token = _STAGE.set(None)
    try:
        yield
    finally:
        _STAGE.reset(token)
