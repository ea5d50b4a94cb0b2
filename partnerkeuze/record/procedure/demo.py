"""The demo's procedure: recorded up to the consensus order in the demo workbook (the GROS advice
is under way), and walked by ``partnerkeuze demo`` to the college's decision, so that the demo
letters are final."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.record.procedure.recording import entry_row, log_details

RECORDED_BY = "An Peeters"

# (stage, date, deadline, partner, number, text, recorded at): the demo call so far.
DEMO_STAGES = (
    ("profile", dt.date(2026, 1, 12), None, "", "",
     "Profiel goedgekeurd door het college na advies van de GROS.", "2026-01-12 16:20:00"),
    ("criteria_fixed", dt.date(2026, 2, 20), None, "", "CBS/2026/061",
     "Acht criteria en een knock-out, gewichten samen 100 %.", "2026-02-20 10:05:00"),
    ("published", dt.date(2026, 3, 2), dt.date(2026, 6, 2), "", "",
     "Verspreid via VVSG, ambassades, UCLGA, FLACMA en bestaande contacten.",
     "2026-03-02 09:30:00"),
    ("deadline_closed", dt.date(2026, 6, 2), None, "", "", "13 kandidaturen ontvangen.",
     "2026-06-03 08:45:00"),
    ("longlist", dt.date(2026, 6, 19), None, "", "", "Drie beoordelaars, één belangenconflict.",
     "2026-06-19 15:00:00"),
    ("shortlist", dt.date(2026, 6, 22), None, "", "", "K05, K04, K01", "2026-06-22 11:10:00"),
    ("second_round", dt.date(2026, 7, 3), None, "", "",
     "Gesprekken via Skype en telefoon met de drie kandidaten van de shortlist.",
     "2026-07-03 17:00:00"),
    ("consensus", dt.date(2026, 7, 8), None, "", "", "K05, K04, K01", "2026-07-08 21:15:00"),
)

GROS_ADVICE = ("De GROS adviseert positief over een stedenband met Dassa-Zoumé: sterk draagvlak bij "
               "het bestuur en raakvlakken rond participatie en afvalbeheer. Zij vraagt het "
               "gesprek over de financiering van een markthal vooraf uit te klaren en scholen en "
               "verenigingen van bij de start te betrekken.")
GROS_DATE = dt.date(2026, 8, 26)
COLLEGE_DATE = dt.date(2026, 9, 7)
COLLEGE_NUMBER = "CBS/2026/231"
CHOSEN = "K05"


def stedenband_demo(tables: dict, fields: dict) -> None:
    """Fill the Procedure sheet of the demo up to the consensus order, each row in the log."""
    from partnerkeuze.io import audit

    rows: list[list] = []
    log = [list(r) for r in tables.get("log", [])]
    for stage, date, deadline, partner, number, text, when in DEMO_STAGES:
        previous = rows[-1][-1] if rows else ""
        row = entry_row(previous, len(rows) + 1, stage, date=date, deadline=deadline,
                        partner=partner, number=number, text=text, reason="",
                        user=RECORDED_BY, when=when)
        rows.append(row)
        entry = [len(log) + 1, when, RECORDED_BY, "record", log_details(row), "", ""]
        entry.append(audit.chain_hash(log[-1][-1] if log else "", entry))
        log.append(entry)
    log.sort(key=lambda e: e[1])  # the freeze of 20 February sits between the records
    relinked: list[list] = []
    for i, entry in enumerate(log, start=1):
        entry = [i] + entry[1:-1]
        entry.append(audit.chain_hash(relinked[-1][-1] if relinked else "", entry))
        relinked.append(entry)
    tables["procedure"] = rows
    tables["log"] = relinked


def demo_step(run, path: Path, out_dir: Path, progress) -> list[Path]:
    """Walk the demo's record to a decided call through the pipeline: the GROS advice and the
    college's choice (the answers of the shortlist are in the demo workbook)."""
    today = dt.date.today()
    run("record", path, stage="gros", date=min(GROS_DATE, today), text=GROS_ADVICE)
    run("record", path, stage="college", date=min(COLLEGE_DATE, today), partner=CHOSEN,
        number=COLLEGE_NUMBER,
        text="Het college volgt de eindvolgorde van het consensusoverleg en het advies van de "
             "GROS.",
        text_fr="Le collège suit l'ordre final de la concertation et l'avis du conseil communal "
                "consultatif pour la coopération au développement (GROS).",
        text_en="The Board follows the final order of the consensus meeting and the advice of "
                "the municipal advisory council for development cooperation (GROS).",
        text_es="El Colegio sigue el orden final de la reunión de consenso y el dictamen del "
                "consejo municipal consultivo de cooperación al desarrollo (GROS).")
    return []
