"""partnerkeuze plan PATH [--ics FILE]: recompute the planning, write it back, export a calendar."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("plan", help="bereken de planning (Gantt) en schrijf de kalender",
                       description="Bereken de planning: elke stap na de voorgaande, stappen met "
                                   "advies of goedkeuring op de eerste vergadering die ze halen, "
                                   "de deadline op een werkdag hier en in de landen van de "
                                   "oproep. Schrijft de planning in de werkmap en, met --ics, een "
                                   "iCalendar-bestand voor Outlook.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--ics", metavar="BESTAND", help="schrijf ook de kalender (.ics)")
    p.set_defaults(run=run)


def run(args) -> int:
    """Plan, optionally write the calendar, save."""
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.features.planning.actions import calendar, plan
    from partnerkeuze.app.cli.writing import write_session
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.io.saving import check_writable
    from pathlib import Path

    progress = progress_printer()
    if args.ics:
        ics = Path(args.ics)
        if ics.is_dir():
            raise FileError(f"{ics}: dit is een map; geef de naam van een kalenderbestand "
                            f"(bv. {ics / 'planning.ics'})")
        if ics.suffix.lower() != ".ics":
            raise FileError(f"{ics}: een kalenderbestand eindigt op .ics")
        if not ics.parent.exists():
            raise FileError(f"{ics.parent}: map niet gevonden")
        check_writable(ics)
    with write_session(args.path, "plan"):
        book = FileWorkbook(args.path)
        outcome = plan(book, progress)
        if args.ics:
            cal = calendar(book, args.ics, progress)
            outcome.messages += cal.messages
            outcome.files += cal.files
        book.save()
    show(outcome)
    return 0
