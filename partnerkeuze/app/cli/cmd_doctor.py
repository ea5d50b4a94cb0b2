"""partnerkeuze doctor [WERKMAP] [--addin FILE]: is this PC ready for Partnerkeuze?"""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("doctor", help="controleer de installatie (Python, xlwings, invoegtoepassing, "
                                      "instellingen)",
                       description="Controleert de interpreter, de versies van de pakketten, de "
                                   "xlwings-DLL, de invoegtoepassing, de instellingen "
                                   "(partnerkeuze.conf), schrijfrechten en Word of LibreOffice, en "
                                   "zegt wat u moet herstellen. Op Windows is dit het eerste wat IT "
                                   "uitvoert. Afsluitcode 1 bij een fout.")
    p.add_argument("workbook", metavar="WERKMAP", nargs="?",
                   help="optioneel: een werkmap (controleert partnerkeuze.conf ernaast en de map)")
    p.add_argument("--addin", metavar="XLAM", help="controleer dit invoegtoepassingsbestand")
    p.set_defaults(run=run)


def run(args) -> int:
    """Print the diagnosis; exit code 1 when something must be fixed."""
    from partnerkeuze.app.addin.doctor import diagnose

    rep = diagnose(args.workbook, args.addin)
    print(rep.text())
    return 1 if rep.failed else 0
