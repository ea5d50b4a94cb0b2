"""partnerkeuze assessor-forms PATH --out DIR: one scoring form per assessor."""

from __future__ import annotations

from partnerkeuze.app.cli.running import add_out_command


def add_parser(sub) -> None:
    """Register the command."""
    add_out_command(sub, "assessor-forms", "schrijf een beoordelingsformulier per beoordelaar",
                    "Schrijf per beoordelaar een beoordelingsformulier (.xlsx) met "
                    "de kandidaten (zonder verklaarde belangenconflicten), de "
                    "criteria en hun schaal, en de antwoorden om te lezen.",
                    "de map voor de formulieren")
