"""The command-line front door shared by import and merge: save, report, exit code."""

from __future__ import annotations

import sys


def run_folder_action(action, args) -> int:
    """Run import or merge; save when something was read; exit 1 when some forms had problems."""
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.app.cli.writing import write_session
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    with write_session(args.path, getattr(args, "command", None) or action.__name__):
        book = FileWorkbook(args.path)
        outcome = action(book, args.folder, progress_printer(quiet=args.json))
        if outcome.changed:
            book.save()
    show(outcome, as_json=args.json)
    problems = outcome.data.get("problems", [])
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} formulier(en) of score(s) met problemen; de andere zijn "
              f"ingelezen{' en bewaard' if outcome.changed else ''}.", file=sys.stderr)
        return 1
    return 0
