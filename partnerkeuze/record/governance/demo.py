"""Demo content of the governance sheets: declarations of every assessor for every candidate
(one declared conflict), criteria fixed before the call, and a filled second round."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.kernel.reference import CONFLICT, NO_CONFLICT

FROZEN_AT = "2026-02-20 10:00:00"  # before the call of 2 March 2026
FROZEN_BY = "An Peeters"
CONFLICT_PAIR = ("B2", "K07")
CONFLICT_NOTE = ("Koen Janssens is bestuurslid van de vzw Vrienden van Ziguinchor, die al jaren "
                 "projecten in Ziguinchor steunt; hij scoort Ziguinchor daarom niet mee.")

# The second round of the demo shortlist: candidate -> question -> (judgement, argument, source).
SECOND_ROUND = {
    "K05": {
        "R1": ("ja", "De burgemeester en twee schepenen namen deel aan het Skype-gesprek; de "
                     "gemeenteraad keurde de kandidatuur unaniem goed.", "Skype, 24/06/2026"),
        "R2": ("ja", "Open gesprek over de eigen zwaktes (afvalophaling, personeelsverloop); "
                     "vragen werden snel en volledig beantwoord.", "mail en Skype"),
        "R3": ("ja", "Participatief budget en afvalbeheer zijn prioriteiten in beide "
                     "meerjarenplannen.", "meerjarenplan Dassa-Zoumé"),
        "R4": ("eerder ja", "Ziet de band als uitwisseling tussen besturen, maar vroeg ook naar "
                            "financiering van een markthal; dat gesprek moet verder.", "Skype"),
        "R5": ("ja", "Vaste contactpersoon met goede internetverbinding; Franstalig, dus geen "
                     "tolk nodig; rechtstreekse vlucht via Cotonou.", "mail"),
        "S1": ("ja", "Onze ervaring met wijkbudgetten sluit aan bij hun vraag naar inspraak.",
               "intern overleg"),
        "S2": ("eerder ja", "Kennis van afvalbeheer en participatie; beperkt budget, dus vooral "
                            "uitwisseling tussen diensten en scholen.", "intern overleg"),
    },
    "K04": {
        "R1": ("ja", "Het district heeft een dienst voor partnerschappen en een mandaat van de "
                     "districtsraad.", "telefoon, 26/06/2026"),
        "R2": ("eerder ja", "Vlotte contacten via VVSG; de eerste mails bleven wel lang "
                            "onbeantwoord.", "mail"),
        "R3": ("ja", "Lokale economie en jeugdwerk staan in beide beleidsplannen.",
               "districtsplan Bugesera"),
        "R4": ("ja", "Verwacht uitwisseling en leren van elkaar, geen projectfinanciering.",
               "telefoon"),
        "R5": ("eerder ja", "Engelstalige contactpersoon; de afstand en de kosten van reizen "
                            "zijn groter.", "mail"),
        "S1": ("ja", "Onze GROS heeft leden met banden in Rwanda.", "GROS-vergadering"),
        "S2": ("eerder ja", "Jeugdwerk en lokale economie; weinig ervaring met plattelands"
                            "ontwikkeling op hun schaal.", "intern overleg"),
    },
    "K01": {
        "R1": ("eerder ja", "Enthousiaste dienst internationale relaties; de burgemeester nam "
                            "nog niet deel aan het gesprek.", "Skype, 30/06/2026"),
        "R2": ("ja", "Bestaand contact via een inwoner die er jaren werkte; open gesprek.",
               "Skype"),
        "R3": ("eerder ja", "Klimaat en water zijn gedeelde thema's; participatie minder.",
               "mail"),
        "R4": ("eerder nee", "De kandidatuur vraagt vooral financiering voor een zichtbaar "
                             "project.", "kandidatuur en Skype"),
        "R5": ("eerder ja", "Spaanstalig: een tolk is nodig bij bezoeken; goede "
                            "contactpersonen.", "mail"),
        "S1": ("eerder ja", "We kunnen niet beantwoorden aan de verwachting van grote "
                            "investeringen.", "intern overleg"),
        "S2": ("eerder ja", "Ervaring met klimaatplannen op gemeentelijk niveau.",
               "intern overleg"),
    },
}

FINAL_ORDER = [
    ["K05", 1, "Sterkste draagvlak en de meeste raakvlakken; het gesprek over financiering "
               "wordt vooraf uitgeklaard.", None, None],
    ["K04", 2, "Juiste verwachtingen en sterke raakvlakken; praktisch iets minder haalbaar.",
     "B3 (Fatima El Idrissi)",
     "Verkiest Bugesera op de eerste plaats: de verwachtingen zijn er het best en de GROS "
     "heeft er al contacten."],
    ["K01", 3, "Goede contacten, maar de verwachting van projectfinanciering past niet bij een "
               "stedenband als proces.", None, None],
]


def demo_criteria():
    """The default stedenband criteria as the parser reads them from a new demo workbook."""
    from partnerkeuze.layout.defaults.criteria import default_criteria
    from partnerkeuze.layout.defaults.demo import SETTINGS
    from partnerkeuze.kernel.model import Criterion

    out = []
    for d in default_criteria("stedenband"):
        out.append(Criterion(
            id=d.id, name=d.name, weight=float(d.weight if d.kind == "Score" else 0),
            scale_min=float(d.scale_min if d.scale_min is not None else SETTINGS["scale_min"]),
            scale_max=float(d.scale_max if d.scale_max is not None else SETTINGS["scale_max"]),
            kind=d.kind, threshold=None if d.threshold is None else float(d.threshold)))
    return out


def stedenband_demo(tables: dict, fields: dict) -> None:
    """Fill declarations, the fixed criteria (history, settings, log) and the second round."""
    from partnerkeuze.io import audit
    from partnerkeuze.layout.defaults.demo import ASSESSORS, CANDIDATES
    from partnerkeuze.record.governance.freeze import history_entry
    from partnerkeuze.layout.governance import SECOND_ROUND_QUESTIONS

    declared_on = dt.date(2026, 6, 5)
    rows = []
    for a in ASSESSORS:
        for c in CANDIDATES:
            if (a[0], c[0]) == CONFLICT_PAIR:
                rows.append([a[0], c[0], CONFLICT, declared_on, CONFLICT_NOTE])
            else:
                rows.append([a[0], c[0], NO_CONFLICT, declared_on, None])
    tables["conflicts"] = rows

    crits = demo_criteria()
    entry = history_entry("", 1, crits, "Criteria en gewichten goedgekeurd door het college "
                                        "vóór de oproep.",
                          f"eerste vastlegging: {len(crits)} criteria", user=FROZEN_BY,
                          when=FROZEN_AT)
    tables["criteria_history"] = [entry]
    settings = fields.setdefault("settings", {})
    settings.update({"frozen_hash": entry[3], "frozen_at": FROZEN_AT, "frozen_by": FROZEN_BY})
    log = [1, FROZEN_AT, FROZEN_BY, "freeze",
           f"criteria vastgelegd; vingerafdruk {entry[3][:16]}; eerste vastlegging: "
           f"{len(crits)} criteria; reden: {entry[4]}", "", ""]
    log.append(audit.chain_hash("", log))
    tables["log"] = [log]

    texts = {q: f"{s}: {t}" for q, s, t in SECOND_ROUND_QUESTIONS}
    tables["second_round"] = [[cid, qid, texts[qid], j, arg, src]
                              for cid, answers in SECOND_ROUND.items()
                              for qid, (j, arg, src) in answers.items()]
    tables["final_order"] = [list(r) for r in FINAL_ORDER]
