"""The shared front door of the commands that write files into a folder (PATH --out DIR)."""

from __future__ import annotations

import importlib


def add_out_command(sub, name: str, help_text: str, description: str, out_help: str,
                    action: str) -> None:
    """Register a command ``NAME PATH --out DIR`` that runs action ("module:function")."""
    p = sub.add_parser(name, help=help_text, description=description)
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help=out_help)
    p.set_defaults(run=lambda args: run_out_command(action, args))


def run_out_command(action: str, args) -> int:
    """Run the action on the workbook file, write its files, log them and save the workbook."""
    from partnerkeuze.cli import progress_printer
    from partnerkeuze.cli.output import show
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    module, _, func = action.partition(":")
    book = FileWorkbook(args.path)
    outcome = getattr(importlib.import_module(module), func)(book, args.out, progress_printer())
    book.save()
    show(outcome)
    return 0
