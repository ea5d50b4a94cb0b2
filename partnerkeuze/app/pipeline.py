"""The one command pipeline: every entry (command line, ribbon, demo, reminder service) runs a
command through it.

lock -> finish a pending journal (and say so) -> read once -> parse -> the mode's work
-> the gate (app/gate.py) -> the feature's work -> stage its files -> commit workbook and files
together. The feature writes its own log entry into the patch it applies, so the log is
committed with the rest; a command that fails changes nothing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.kernel.port import Outcome, Progress, Run, WorkbookIO, no_progress

# Commands that only read: they never save the workbook and work on a read-only folder.
READ_ONLY = frozenset({"check"})


def run_book(command: str, book: WorkbookIO, options: dict | None = None,
             progress: Progress = no_progress, workbook_path: Path | None = None) -> Outcome:
    """Read, parse, choose the mode's work, pass the gate, and run the work on a workbook that
    is already locked (the pipeline's middle; run_file and run_live hold the lock)."""
    from partnerkeuze.app import gate, modes
    from partnerkeuze.core.parse import parse_lenient

    options = dict(options or {})
    _check_places(options)
    progress("Werkmap lezen…")
    snap = book.snapshot()
    parsed: list = []
    model = parse_lenient(snap, parsed)
    work = modes.work_for(command, model)
    progress("Werkmap controleren…")
    found = gate.problems(book, model, snap, parsed, options.get("against"))
    stop = gate.blocking(command, found)
    if stop:
        raise InputProblems(stop)
    notes = gate.warnings(model, snap) if gate.POLICY.get(command) == gate.REPORT else []
    run = Run(command, book, snap, model, options, progress, workbook_path, found, notes)
    outcome = work(run)
    if found and command != "check":  # problems this command is allowed to run with
        outcome.warnings.append(f"{len(found)} probleem/problemen in de werkmap houden "
                                f"'{command}' niet tegen; ze tellen hier niet mee en "
                                f"'partnerkeuze check' toont ze")
    return outcome


def _check_places(options: dict) -> None:
    """Refuse an output folder that is a file, or an input folder that is missing, before the
    workbook is read (usage errors, exit 2)."""
    from partnerkeuze.kernel.errors import FileError

    out = options.get("out")
    if out is not None and Path(out).exists() and not Path(out).is_dir():
        raise FileError(f"{out}: dit is een bestand, geen map")
    if options.get("folder") is not None:
        from partnerkeuze.io.outputs import input_folder

        input_folder(options["folder"])


def run_file(command: str, path, options: dict | None = None, progress: Progress = no_progress,
             *, backup: bool = True, read_if_open: bool = False) -> Outcome:
    """Run a command on a workbook file: the whole pipeline, the workbook saved with every file
    the command wrote, or nothing changed at all. ``read_if_open`` (the reminder service): a
    workbook open in Excel is read and left alone instead of refused."""
    from partnerkeuze.io.saving import check_writable, staged_writes
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook, existing, lock_files

    path = existing(path)
    writes = command not in READ_ONLY
    open_elsewhere = writes and read_if_open and bool(lock_files(path))
    if writes and not open_elsewhere:
        check_writable(path)
    with locked(path, command, writes, _out_dirs(options or {})) as notes:
        book = FileWorkbook(path, for_writing=writes and not open_elsewhere)
        target = _LeftAlone(book) if open_elsewhere else book
        try:
            with _said_on_error(notes), staged_writes():
                outcome = run_book(command, target, options, progress,
                                   workbook_path=Path(os.path.abspath(path)))
                if outcome.changed and writes and not open_elsewhere:
                    from partnerkeuze.app.cached_values import settle

                    book.apply(settle(book))  # the values of the formulas whose inputs changed
                    book.save(backup=backup)
                elif not writes:  # what a write would refuse, check refuses too
                    book.verify_xml()
        finally:
            book.close()
    if open_elsewhere and target.skipped:
        notes.append("de werkmap is open in Excel: wat deze opdracht in het Logboek zou "
                     "schrijven, staat er niet in (de werkmap bleef ongewijzigd)")
    outcome.warnings[:0] = notes
    return outcome


class _LeftAlone:
    """A workbook open in Excel, read but left alone: its patches are not written."""

    def __init__(self, book):
        self._book = book
        self.name = book.name
        self.path = book.path
        self.skipped = False

    def snapshot(self):
        """The values of every sheet."""
        return self._book.snapshot()

    def apply(self, patch) -> None:
        """Do not write: the owner has the workbook open."""
        self.skipped = True


def run_live(command: str, book: WorkbookIO, workbook_path: Path | None,
             options: dict | None = None, progress: Progress = no_progress) -> Outcome:
    """Run a command on the workbook open in Excel (ribbon): the same lock as the command line
    when the workbook is saved somewhere, its files staged and moved into place together; the
    workbook itself is patched in Excel and saved by the user."""
    from partnerkeuze.io.saving import staged_writes

    lock = (locked(Path(workbook_path), command, True, _out_dirs(options or {}))
            if workbook_path is not None and Path(workbook_path).exists()
            else contextlib.nullcontext([]))
    if workbook_path is not None:
        workbook_path = Path(os.path.abspath(workbook_path))
    with lock as notes, _said_on_error(notes), staged_writes():
        outcome = run_book(command, book, options, progress, workbook_path=workbook_path)
        if outcome.anchored and hasattr(book, "save"):  # the receipt describes the saved file
            book.save()
    outcome.warnings[:0] = notes
    return outcome


@contextlib.contextmanager
def _said_on_error(notes: list[str]):
    """A refusal or failure carries what the pipeline finished before it (notes)."""
    from partnerkeuze.kernel.errors import PartnerkeuzeError

    try:
        yield
    except PartnerkeuzeError as exc:
        if notes:
            exc.notes = tuple(notes) + tuple(exc.notes)
        raise


def _out_dirs(options: dict) -> list[Path]:
    """The folders a command writes into besides the workbook's (what a killed run left there
    is removed under the lock)."""
    out = [options.get("out"), Path(options["ics"]).parent if options.get("ics") else None]
    return [Path(p) for p in out if p]


@contextlib.contextmanager
def locked(path: Path, command: str, writes: bool = True, out_dirs=()):
    """Hold the workbook's lock, finish what a killed command left half done and remove what
    dead runs left behind; yields the Dutch notes of what was found. A reading command on a
    folder it cannot write in runs without the lock and only reports a pending commit."""
    from partnerkeuze.io.leftovers import remove_leftovers
    from partnerkeuze.io.locking import describe_holder, workbook_lock
    from partnerkeuze.io.saving import can_write_in, pending_journals

    if not writes and not can_write_in(path.parent):
        pending = pending_journals(path.parent)
        yield ([f"een vorige opdracht werd onderbroken terwijl ze haar bestanden verplaatste "
                f"({len(pending)} dagboek(en) in {path.parent}); de volgende opdracht die "
                f"schrijft, rondt ze af"] if pending else [])
        return
    with workbook_lock(path, command) as stale:
        notes = []
        if stale:
            notes.append(f"een vorige opdracht ({describe_holder(stale)}) werd onderbroken "
                         f"zonder af te ronden")
        finished = remove_leftovers(path, out_dirs).finished
        if finished:
            names = ", ".join(p.name for p in finished[:6]) + (" …" if len(finished) > 6 else "")
            notes.append(f"een onderbroken opdracht had {len(finished)} bestand(en) klaargezet; "
                         f"die staan nu op hun plaats ({names})")
        yield notes
