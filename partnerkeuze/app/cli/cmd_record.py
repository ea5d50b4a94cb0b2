"""partnerkeuze record PATH STAGE [...]: record a stage of the procedure (chained, logged)."""

from __future__ import annotations

import argparse
import datetime as dt


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum JJJJ-MM-DD") from None


def add_parser(sub) -> None:
    """Register the command."""
    from partnerkeuze.layout.procedure import STAGES

    stages = "; ".join(f"{code}: {name}" for code, name in STAGES)
    p = sub.add_parser(
        "record", help="leg een stap van de procedure vast (deadline, consensus, GROS, college, "
                       "gemeenteraad)",
        description="Leg een stap van de procedure vast op het blad Procedure, met datum en "
                    "gebruiker, geketend in het logboek. Alle documenten volgen uit dit blad: "
                    "vóór de beslissing van het college zijn brieven en bekendmaking ontwerpen. "
                    "Een stap die al vastgelegd is, vraagt --reason. Geweigerd (code 1, niets "
                    "gewijzigd, met de regel): een partner die ingetrokken, onvolledig gescoord "
                    "of uitgesloten is; een keuze buiten de shortlist of tegen de eindvolgorde "
                    "zonder --text; een andere partner voor de gemeenteraad dan die van het "
                    "college; een datum vóór een vorige stap, in de toekomst of vóór de werkmap; "
                    "een deadline op een vrije dag (weekend, feestdag, schoolvakantie, feestdag "
                    "in een land van de oproep) zonder --reason. College en council leggen op "
                    "het blad Beslissing vast waarop de beslissing steunt en wat ze besliste; "
                    "elke latere wijziging meldt check. Stappen: " + stages + ".",
        epilog="Voorbeelden: partnerkeuze record oproep.xlsx published --date 2026-03-02 "
               "--deadline 2026-06-02; partnerkeuze record oproep.xlsx consensus (de volgorde "
               "van het blad Eindvolgorde); partnerkeuze record oproep.xlsx gros --text \"…\"; "
               "partnerkeuze record oproep.xlsx college --partner K05 --number CBS/2026/231; "
               "partnerkeuze record oproep.xlsx college --partner K01 --text \"bestaande contacten\" "
               "--text-fr \"contacts existants\"; partnerkeuze record oproep.xlsx translation "
               "--text-es \"contactos existentes\"; "
               "partnerkeuze record oproep.xlsx council --partner K05 --number GR/2026/88.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("stage", metavar="STAP", choices=[c for c, _ in STAGES],
                   help="de code van de stap: " + ", ".join(c for c, _ in STAGES))
    p.add_argument("--date", metavar="JJJJ-MM-DD", type=_date, default=None,
                   help="de datum van de gebeurtenis (standaard vandaag)")
    p.add_argument("--partner", metavar="ID", default=None,
                   help="de gekozen partner (id van het blad Kandidaten); bij college en council")
    p.add_argument("--number", metavar="TEKST", default=None,
                   help="het nummer van de beslissing (college, gemeenteraad)")
    p.add_argument("--text", metavar="TEKST", default=None,
                   help="het advies van de GROS, de eindvolgorde (\"K05, K04, K01\"), de "
                        "argumentatie van het college (verplicht bij een keuze buiten de "
                        "shortlist of tegen de eindvolgorde) of een toelichting")
    for lang, name in (("fr", "Frans"), ("en", "Engels"), ("es", "Spaans")):
        p.add_argument(f"--text-{lang}", metavar="TEKST", default=None, dest=f"text_{lang}",
                       help=f"de argumentatie van het college in het {name}, voor de brieven in "
                            f"het {name} (bij college, of later met de stap translation)")
    p.add_argument("--reason", metavar="TEKST", default=None,
                   help="waarom de stap opnieuw vastgelegd wordt (ook: het college beslist "
                        "opnieuw na een wijziging), waarom de deadline verlengd wordt of op een "
                        "vrije dag valt")
    p.add_argument("--deadline", metavar="JJJJ-MM-DD", type=_date, default=None,
                   help="de deadline voor de kandidaturen (bij published en extension)")
    p.add_argument("--json", action="store_true", help="druk het resultaat af als JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    """Record the stage and save the workbook (with the receipt after a decision)."""
    from partnerkeuze.app.cli.running import run_command

    return run_command("record", args, {"stage": args.stage, "date": args.date,
                                        "partner": args.partner, "number": args.number,
                                        "text": args.text, "text_fr": args.text_fr,
                                        "text_en": args.text_en, "text_es": args.text_es,
                                        "reason": args.reason,
                                        "deadline": args.deadline}, as_json=args.json)
