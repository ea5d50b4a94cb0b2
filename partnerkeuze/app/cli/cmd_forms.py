"""partnerkeuze forms PATH --out DIR: the candidacy forms of the call (nl, fr, en, es)."""

from __future__ import annotations

from partnerkeuze.app.cli.running import add_out_command


def add_parser(sub) -> None:
    """Register the command."""
    add_out_command(sub, "forms", "schrijf de kandidatuurformulieren (nl, fr, en, es)",
                    "Schrijf het kandidatuurformulier van de oproep in het "
                    "Nederlands, Frans, Engels en Spaans (.xlsx zonder macro's, "
                    "beveiligd, enkel de antwoordcellen open).",
                    "de map voor de formulieren")
