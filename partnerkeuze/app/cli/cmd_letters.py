"""partnerkeuze letters PATH --out DIR [--json]: schrijf de brieven aan alle kandidaten."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser(
        "letters", help="schrijf de brieven aan alle kandidaten",
        description="Schrijf een brief aan elke kandidaat in zijn taal: de bekendmaking aan de "
                    "partner die het college koos (blad Procedure) en een gemotiveerde brief "
                    "aan de andere kandidaten, plus één bundel om recto verso af te drukken "
                    "(elke brief begint op een oneven bladzijde), elk als .docx met een PDF "
                    "ernaast (zonder LibreOffice enkel .docx), in MAP. "
                    "Zolang het college niet besliste, zijn het ontwerpen (ONTWERP_ in de "
                    "bestandsnaam en bovenaan de brief). Een kandidaat die de gemeente "
                    "onvolledig scoorde, krijgt nog geen brief (exitcode 1).")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help="de map voor de documenten")
    p.add_argument("--json", action="store_true",
                   help="druk af als JSON: {\"partner\": id, \"final\": bool, \"letters\": "
                        "[{\"candidate\", \"file\", \"kind\", \"language\", \"strengths\", "
                        "\"deciding\", \"assessors\"}]}")
    p.set_defaults(run=run)


def run(args) -> int:
    """Write the letters, log them and save the workbook; a candidate that gets no letter yet
    is named as a warning."""
    from partnerkeuze.app.cli.running import run_command

    return run_command("letters", args, {"out": args.out}, as_json=args.json)
