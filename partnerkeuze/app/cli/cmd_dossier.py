"""partnerkeuze dossier PATH --out DIR: schrijf het dossier voor het college."""

from __future__ import annotations

from partnerkeuze.app.cli.running import add_out_command


def add_parser(sub) -> None:
    """Register the command."""
    add_out_command(sub, "dossier", "schrijf het dossier voor het college",
                    ("Schrijf het geargumenteerde dossier voor het college van "
                     "burgemeester en schepenen (.docx, met een PDF ernaast) in MAP."),
                    "de map voor de documenten")
