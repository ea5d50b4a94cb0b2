"""The programme of a partnership (SDG): when the partnerships start and the default row of
the Programma sheet that ``match`` writes for a new pair."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.features.sdg.workbook import SdgCall
from partnerkeuze.kernel import sdg_rules as rules

PROGRAMME_NOTE = "Standaardprogramma, ingevuld door Koppelen; pas aan waar nodig."
EXCHANGE_SHARE = 0.8  # of the budget planned for exchange by default ("het grootste deel")


def start_date(call: SdgCall) -> tuple[dt.date, str | None]:
    """The start of the partnerships (SDG-oproep), or 1 January next year with a warning."""
    start = call.settings.get("start")
    if isinstance(start, dt.date):
        return start, None
    default = dt.date(dt.date.today().year + 1, 1, 1)
    return default, (f"geen startdatum op het blad SDG-oproep: de planning gaat uit van "
                     f"{default:%d/%m/%Y}")


def programme_row(flemish: str, partner: str, start: dt.date) -> list:
    """A Programma row with the standard programme of 003 (budget, duration, sessions, visits)."""
    from partnerkeuze.features.sdg.checks import add_years

    end = add_years(start, 2) - dt.timedelta(days=1)
    exchange = round(rules.BUDGET_TOTAL * EXCHANGE_SHARE)
    return [flemish, partner, start, end, rules.BUDGET_SHARE, rules.BUDGET_SHARE, exchange,
            rules.BUDGET_TOTAL - exchange, rules.MIN_DIGITAL_SESSIONS_PER_YEAR,
            rules.MIN_DIGITAL_SESSIONS_PER_YEAR, rules.MIN_VISITS_EACH_WAY,
            rules.MIN_VISITS_EACH_WAY, rules.MIN_FIXED_MEETINGS, PROGRAMME_NOTE]
