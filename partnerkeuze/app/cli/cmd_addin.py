"""partnerkeuze addin OUT.xlam [--interpreter PATH] [--pythonpath PATH]: build the Excel add-in
(ribbon, VBA glue, UDF wrappers), optionally with an organisation's settings baked in."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("addin", help="bouw de Excel-invoegtoepassing (.xlam)",
                       description="Bouw Partnerkeuze.xlam: het lint 'Partnerkeuze', de "
                                   "VBA-koppeling met xlwings en de werkbladfuncties. Twee builds "
                                   "met dezelfde opties geven identieke bestanden. Met --interpreter "
                                   "en --pythonpath bouwt IT de instellingen van de organisatie in; "
                                   "partnerkeuze.conf naast de werkmap of in "
                                   "%USERPROFILE%\\.partnerkeuze gaat voor. Bouw bij een update "
                                   "opnieuw met dezelfde opties.")
    p.add_argument("out", metavar="UIT", help="het te schrijven bestand, bv. Partnerkeuze.xlam")
    p.add_argument("--interpreter", metavar="PAD",
                   help="python.exe van Partnerkeuze op Windows (Interpreter_Win), bv. "
                        "C:\\Partnerkeuze\\.venv\\Scripts\\python.exe")
    p.add_argument("--interpreter-mac", metavar="PAD", help="python van Partnerkeuze op Mac "
                                                            "(Interpreter_Mac)")
    p.add_argument("--pythonpath", metavar="PAD", help="mappen met Python-code, gescheiden door "
                                                       "';' (PYTHONPATH), bv. de map udfs")
    p.set_defaults(run=run)


def run(args) -> int:
    """Build and write the add-in."""
    from partnerkeuze.app.addin.buttons import BUTTONS
    from partnerkeuze.app.addin.package import write_xlam
    from partnerkeuze.app.addin.vba_sources import modules

    baked = {k: v for k, v in (("INTERPRETER_WIN", args.interpreter),
                               ("INTERPRETER_MAC", args.interpreter_mac),
                               ("PYTHONPATH", args.pythonpath)) if v}
    path = write_xlam(args.out, baked)
    print(f"Invoegtoepassing geschreven: {path} ({len(BUTTONS)} knoppen, "
          f"{len(modules(baked))} VBA-modules).")
    for key, value in baked.items():
        print(f"Ingebouwd: {key} = {value}")
    return 0
