"""partnerkeuze new PATH [--mode stedenband|sdg|evaluatie] [--demo]: a new governed workbook."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("new", help="maak een nieuwe werkmap",
                       description="Maak een nieuwe, beveiligde werkmap met de standaardcriteria.")
    p.add_argument("path", metavar="PAD", help="de nieuwe werkmap (.xlsx)")
    p.add_argument("--mode", choices=("stedenband", "sdg", "evaluatie"), default="stedenband",
                   help="stedenband (standaard), sdg (SDG-partnerschap) of evaluatie (evaluatie "
                        "van een bestaande stedenband)")
    p.add_argument("--demo", action="store_true", help="vul met realistische demogegevens")
    p.add_argument("--force", action="store_true", help="overschrijf een bestaand bestand")
    p.set_defaults(run=run)


def run(args) -> int:
    """Create the workbook."""
    from partnerkeuze.app.creation import new
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show

    from pathlib import Path

    from partnerkeuze.io.locking import workbook_lock

    path = Path(args.path)
    if path.suffix.lower() != ".xlsx" or not path.parent.is_dir():  # new() says why
        show(new(args.path, args.mode, args.demo, args.force, progress_printer()))
        return 0
    from partnerkeuze.io.saving import check_writable

    check_writable(path)  # a read-only folder: refused before the lock file is made
    with workbook_lock(args.path, "new"):
        show(new(args.path, args.mode, args.demo, args.force, progress_printer()))
    return 0
