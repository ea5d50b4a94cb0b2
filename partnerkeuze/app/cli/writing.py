"""The shared front door of the commands that change a workbook or write files into a folder.

``write_session(path, command)`` is the frame of every write command: it refuses a read-only
workbook or folder up front, holds the workbook's inter-process lock for the whole
read-modify-write, and stages every file the command writes so that documents and the workbook
appear together at the end, or, when anything fails, none of them.
"""

from __future__ import annotations

import contextlib
import importlib


def add_out_command(sub, name: str, help_text: str, description: str, out_help: str,
                    action: str) -> None:
    """Register a command ``NAME PATH --out DIR`` that runs action ("module:function")."""
    p = sub.add_parser(name, help=help_text, description=description)
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help=out_help)
    p.set_defaults(run=lambda args: run_out_command(action, args, name))


@contextlib.contextmanager
def write_session(path, command: str, *, staged: bool = True):
    """Lock the workbook for a whole command; stage its files (commit when the block succeeds)."""
    from partnerkeuze.io.locking import workbook_lock
    from partnerkeuze.io.xlsx.file_workbook import existing
    from partnerkeuze.io.saving import check_writable, staged_writes

    check_writable(existing(path))
    with workbook_lock(path, command):
        if not staged:
            yield None
            return
        with staged_writes() as stage:
            yield stage


def run_out_command(action: str, args, command: str = "") -> int:
    """Run the action on the workbook file, write its files, log them and save the workbook."""
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    module, _, func = action.partition(":")
    with write_session(args.path, command or func):
        book = FileWorkbook(args.path)
        outcome = getattr(importlib.import_module(module), func)(book, args.out,
                                                                 progress_printer())
        book.save()
    show(outcome)
    return 0
