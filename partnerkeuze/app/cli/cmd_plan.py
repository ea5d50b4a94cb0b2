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
    from partnerkeuze.app.cli.running import run_command

    return run_command("plan", args, {"ics": args.ics})
