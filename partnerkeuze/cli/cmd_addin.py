"""partnerkeuze addin OUT.xlam: build the Excel add-in (ribbon, VBA glue, UDF wrappers)."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("addin", help="bouw de Excel-invoegtoepassing (.xlam)",
                       description="Bouw Partnerkeuze.xlam: het lint 'Partnerkeuze', de "
                                   "VBA-koppeling met xlwings en de werkbladfuncties. Twee builds "
                                   "geven identieke bestanden.")
    p.add_argument("out", metavar="UIT", help="het te schrijven bestand, bv. Partnerkeuze.xlam")
    p.set_defaults(run=run)


def run(args) -> int:
    """Build and write the add-in."""
    from partnerkeuze.addin.buttons import BUTTONS
    from partnerkeuze.addin.package import write_xlam
    from partnerkeuze.addin.vba_sources import modules

    path = write_xlam(args.out)
    print(f"Invoegtoepassing geschreven: {path} ({len(BUTTONS)} knoppen, "
          f"{len(modules())} VBA-modules).")
    return 0
