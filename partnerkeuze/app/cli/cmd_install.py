"""partnerkeuze install [--venv DIR] [--xlstart DIR] [--conf-dir DIR] [--uninstall]: Partnerkeuze
for one Windows user (environment, packages, add-in in XLSTART, partnerkeuze.conf), and undone."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser(
        "install", help="installeer Partnerkeuze voor deze gebruiker (omgeving, pakketten, "
                        "invoegtoepassing, instellingen) of verwijder het",
        description="Maakt of hergebruikt de virtuele omgeving, installeert de vaste pakketten "
                    "(requirements.txt) en Partnerkeuze, bouwt de invoegtoepassing met de "
                    "interpreter en de map van de werkbladfuncties ingebouwd, zet ze in XLSTART, "
                    "vult partnerkeuze.conf aan (een ingevulde waarde blijft) en controleert alles "
                    "met 'partnerkeuze doctor'. Een tweede keer uitvoeren werkt bij zonder schade. "
                    "--uninstall verwijdert wat de installatie maakte (installatie.json in de map "
                    "met instellingen) en niets anders. Voer het uit als de gebruiker zelf, niet "
                    "als een andere (beheerders)account. Afsluitcode 0 klaar, 1 een probleem op "
                    "deze pc (in het Nederlands), 2 verkeerd gebruik.")
    p.add_argument("--venv", metavar="MAP",
                   help="de virtuele omgeving (standaard %%LOCALAPPDATA%%\\Partnerkeuze\\.venv)")
    p.add_argument("--xlstart", metavar="MAP", help="de opstartmap van Excel (standaard "
                                                    "%%APPDATA%%\\Microsoft\\Excel\\XLSTART)")
    p.add_argument("--conf-dir", metavar="MAP", help="de map van partnerkeuze.conf (standaard "
                                                     "%%USERPROFILE%%\\.partnerkeuze: daar leest "
                                                     "de invoegtoepassing ze)")
    p.add_argument("--uninstall", action="store_true",
                   help="verwijder wat een vorige installatie maakte")
    p.add_argument("--source", metavar="MAP", help="de map met de broncode van Partnerkeuze "
                                                   "(standaard: de map waaruit dit draait)")
    p.add_argument("--index-url", metavar="URL", help="de pakketbron voor pip (standaard PyPI of "
                                                      "PIP_INDEX_URL)")
    p.add_argument("--find-links", metavar="MAP", action="append", default=[],
                   help="een map met pakketten (.whl) voor pip, bv. voor een pc zonder internet")
    p.add_argument("--pip-option", metavar="OPTIE", action="append", default=[],
                   help="een extra optie voor pip, bv. --pip-option=--proxy=http://proxy:8080")
    p.set_defaults(run=run)


def run(args) -> int:
    """Install or uninstall; every problem as one Dutch line on stderr."""
    import os
    from pathlib import Path

    from partnerkeuze.app.addin import install as inst
    from partnerkeuze.kernel.errors import PartnerkeuzeError

    def say(line: str) -> None:
        print(line, flush=True)

    try:
        loc = inst.default_locations(args.venv, args.xlstart, args.conf_dir)
        if args.uninstall:
            outcome = inst.uninstall(loc, say=say)
        else:
            pip_options = list(args.pip_option)
            if args.index_url:
                pip_options += ["--index-url", args.index_url]
            for folder in args.find_links:
                pip_options += ["--find-links", folder]
            index = args.index_url or os.environ.get("PIP_INDEX_URL") or inst.DEFAULT_INDEX
            source = Path(args.source) if args.source else inst.source_folder()
            outcome = inst.install(loc, source, pip_options, index, signed_in=inst.console_user(),
                                   say=say)
    except PartnerkeuzeError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return exc.exit_code
    for line in outcome.lines:
        print(line)
    for note in outcome.notes:
        print(f"Let op: {note}")
    if outcome.code == 0:
        print("Klaar." if not args.uninstall else "Klaar: verwijderd.")
    return outcome.code
