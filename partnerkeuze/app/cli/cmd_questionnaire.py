"""partnerkeuze questionnaire PATH --out DIR: schrijf de oproep en vragenlijst (nl, fr, en, es)."""

from __future__ import annotations

from partnerkeuze.app.cli.running import add_out_command


def add_parser(sub) -> None:
    """Register the command."""
    add_out_command(sub, "questionnaire", "schrijf de oproep en vragenlijst (nl, fr, en, es)",
                    ("Schrijf de oproep met de vragenlijst in het Nederlands, Frans,"
                     " Engels en Spaans (.docx, met een PDF ernaast) in MAP. Eigen sjablonen: "
                     "Instellingen 'Map met eigen sjablonen'."),
                    "de map voor de documenten")
