"""partnerkeuze evaluate PATH --out DIR: the evaluation report of a city link (mode evaluatie)."""

from __future__ import annotations

from partnerkeuze.app.cli.running import add_out_command


def add_parser(sub) -> None:
    """Register the command."""
    add_out_command(sub, "evaluate", "schrijf het evaluatierapport van de stedenband",
                    "Schrijf het evaluatierapport van de laatste evaluatieronde (modus evaluatie) "
                    "voor het college en de partner, in het Nederlands en in de taal van de "
                    "partner: de radar van de basisbegrippen naast de vorige ronde, de "
                    "verwachtingen van beide kanten, de principes, de risico's en een "
                    "beredeneerd voorstel (voortzetten, heroriënteren of beëindigen volgens de "
                    "exitclausule); met de aanvraag aan de VVSG als een evaluatiemissie gepland is.",
                    "de map voor het rapport")
