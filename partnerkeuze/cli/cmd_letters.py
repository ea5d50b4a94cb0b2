"""partnerkeuze letters PATH --out DIR: schrijf de brieven aan alle kandidaten."""

from __future__ import annotations

from partnerkeuze.cli.writing import add_out_command


def add_parser(sub) -> None:
    """Register the command."""
    add_out_command(sub, "letters", "schrijf de brieven aan alle kandidaten",
                    "Schrijf een brief aan elke kandidaat in zijn taal: de bekendmaking "
                    "aan de gekozen partner en een gemotiveerde brief aan de "
                    "andere kandidaten, plus één bundel om recto verso af te drukken "
                    "(elke brief begint op een oneven bladzijde), elk als .docx met een PDF "
                    "ernaast, in MAP. Zonder LibreOffice: enkel .docx.",
                    "de map voor de documenten", "partnerkeuze.documents.actions:letters")
