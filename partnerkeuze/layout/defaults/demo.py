"""Realistic demo data: a Flemish municipality's call with a dozen candidates and three assessors.

The candidates come from several of the 17 countries where Flemish municipalities are active
and arrive through the channels of 000_063238b4784f833c.txt; the first three are the Southern
partners of the renewal trajectory in 002_f154211db8bd0241.txt. One candidate is a municipal
association (knocked out: not a municipal level of government), one is incomplete (scored late).
"""

from __future__ import annotations

import datetime as dt

from partnerkeuze.layout.defaults.criteria import default_criteria

PROFILE = {
    "municipality": "Heidebeek",
    "province": "Antwerpen",
    "population": 24_600,
    "address": "Marktplein 1",
    "postal_city": "2999 Heidebeek",
    "website": "www.heidebeek.be",
    "phone": "+32 3 555 12 00",
    "coordinator": "An Peeters",
    "coordinator_role": "Coördinator internationale samenwerking",
    "coordinator_email": "an.peeters@heidebeek.be",
    "mayor": "Marleen Van den Broeck",
    "director": "Sofie Claes",
    "alderman": "Koen Janssens",
    # the signatories' form of address and names apart (their titles follow in every language)
    "mayor_salutation": "mevrouw", "mayor_given": "Marleen", "mayor_family": "Van den Broeck",
    "director_salutation": "mevrouw", "director_given": "Sofie", "director_family": "Claes",
    "alderman_salutation": "de heer", "alderman_given": "Koen", "alderman_family": "Janssens",
    "logo": None,
    "reference": "IS/2026/014",
    "description": (
        "Heidebeek is een landelijke gemeente in de Kempen met 24.600 inwoners, een actief "
        "verenigingsleven en een Gemeentelijke Raad voor Ontwikkelingssamenwerking (GROS). "
        "De gemeente werkt rond participatie van inwoners, lokale economie en klimaat."
    ),
    "themes": "Burgerparticipatie; afvalbeheer en klimaat; lokale economie; jeugdwerk",
    "seeks": (
        "Een gemeente die als gelijkwaardige partner wil leren en delen, met draagvlak bij "
        "bestuur en inwoners, en die de stedenband ziet als een proces van lange duur."
    ),
    "offers": (
        "Ervaring met wijkbudgetten en inspraak, een actieve GROS, scholen en verenigingen die "
        "willen meedoen, en collega's van de diensten die hun kennis willen delen."
    ),
}

SETTINGS = {
    "mode": "stedenband",
    "call_title": "Oproep tot kandidaatstelling partnergemeente Heidebeek 2026",
    "shortlist_size": 3,
    "aggregation": "gemiddelde",
    "scale_min": 0,
    "scale_max": 5,
    "call_date": dt.date(2026, 3, 2),
    "deadline": dt.date(2026, 6, 2),
}

ASSESSORS = [
    ["B1", "An Peeters", "Coördinator internationale samenwerking", "an.peeters@heidebeek.be"],
    ["B2", "Koen Janssens", "Schepen van internationale samenwerking", "koen.janssens@heidebeek.be"],
    ["B3", "Fatima El Idrissi", "Voorzitter van de GROS", "gros@heidebeek.be"],
]

# id, municipality, country, region, language, channel, contact, e-mail, received
CANDIDATES = [
    ["K01", "Tarija", "Bolivia", "Departamento de Tarija", "es", "Bestaande contacten",
     "María Fernández", "relaciones@tarija.example.bo", dt.date(2026, 4, 14)],
    ["K02", "San Jerónimo", "Peru", "Cusco", "es", "Andere gemeenten",
     "Luis Quispe", "cooperacion@sanjeronimo.example.pe", dt.date(2026, 5, 6)],
    ["K03", "Nimlaha'kok", "Guatemala", "Alta Verapaz", "es", "Burgers en lokale pers",
     "Rosa Caal", "municipalidad@nimlahakok.example.gt", dt.date(2026, 5, 20)],
    ["K04", "Bugesera", "Rwanda", "Eastern Province", "en", "VVSG",
     "Jean-Claude Habimana", "partnerships@bugesera.example.rw", dt.date(2026, 4, 2)],
    ["K05", "Dassa-Zoumé", "Benin", "Collines", "fr", "Ambassades en consulaten",
     "Aïcha Dossou", "mairie@dassa.example.bj", dt.date(2026, 4, 28)],
    ["K06", "Tiznit", "Marokko", "Souss-Massa", "fr", "UCLGA",
     "Youssef Amrani", "cooperation@tiznit.example.ma", dt.date(2026, 5, 12)],
    ["K07", "Ziguinchor", "Senegal", "Casamance", "fr", "GROS",
     "Fatou Diatta", "mairie@ziguinchor.example.sn", dt.date(2026, 5, 27)],
    ["K08", "Kanifing", "Gambia", "Kanifing Municipal Council", "en",
     "ACP Local Government Platform", "Lamin Jallow", "kmc@kanifing.example.gm",
     dt.date(2026, 4, 21)],
    ["K09", "Keetmanshoop", "Namibië", "//Karas", "en", "CEMR partner search",
     "Anna Shikongo", "ceo@keetmanshoop.example.na", dt.date(2026, 5, 15)],
    ["K10", "Estelí", "Nicaragua", "Estelí", "es", "FLACMA",
     "José Luis Rivera", "alcaldia@esteli.example.ni", dt.date(2026, 5, 4)],
    ["K11", "Cuenca", "Ecuador", "Azuay", "es", "FLACMA",
     "María Fernanda Quishpe", "relaciones@cuenca.example.ec", dt.date(2026, 5, 29)],
    ["K12", "Commewijne", "Suriname", "Commewijne", "nl", "Bestaande contacten",
     "Rishi Ramdin", "districtscommissariaat@commewijne.example.sr", dt.date(2026, 6, 1)],
    ["K13", "Mancomunidad Chiquitana", "Bolivia", "Santa Cruz", "es", "FLACMA",
     "Pedro Justiniano", "info@mancomunidad.example.bo", dt.date(2026, 5, 18)],
]

# Base quality per candidate on the eight scored criteria C01..C08 (scale 0-5).
BASE = {
    "K01": [4, 4, 4, 4, 4, 3, 3, 5],
    "K02": [3, 4, 3, 3, 3, 3, 3, 2],
    "K03": [4, 3, 4, 3, 4, 2, 4, 2],
    "K04": [5, 4, 4, 4, 4, 4, 5, 3],
    "K05": [4, 5, 5, 4, 4, 4, 5, 3],
    "K06": [2, 3, 4, 3, 3, 4, 4, 2],
    "K07": [3, 3, 4, 4, 3, 3, 5, 3],
    "K08": [3, 3, 3, 2, 3, 4, 4, 1],
    "K09": [2, 2, 3, 3, 2, 3, 4, 1],
    "K10": [4, 4, 3, 4, 3, 3, 5, 3],
    "K11": [3, 4, 2, 3, 3, 4, 5, 1],
    "K12": [3, 3, 4, 3, 3, 5, 5, 4],
    "K13": [3, 3, 3, 2, 2, 3, 3, 2],
}

# Assessors' tendencies (added to the base, cycling over candidate and criterion).
OFFSETS = {"B1": (0, 0, 1, 0), "B2": (1, 0, 0, -1), "B3": (0, -1, 0, 0)}

# (candidate, criterion, assessor): score, motivation: the disagreements for the consensus meeting.
DISAGREEMENTS = {
    ("K06", "C03", "B3"): (1, "Geen brief van de burgemeester bij de kandidatuur; draagvlak onduidelijk."),
    ("K09", "C02", "B2"): (5, "Sterke overlap rond waterbeheer, onze prioriteit in het meerjarenplan."),
    ("K01", "C05", "B3"): (2, "De kandidatuur vraagt vooral financiering voor een zichtbaar project."),
}

_LEVELS = {
    0: "Ontbreekt in de kandidatuur",
    1: "Zwak",
    2: "Eerder zwak",
    3: "Voldoende",
    4: "Sterk",
    5: "Uitstekend",
}


def _motivation(level: int, crit_name: str, cand_name: str) -> str:
    return f"{_LEVELS[level]}: {crit_name.lower()} bij {cand_name} (op basis van de vragenlijst)."


def scores() -> list[list]:
    """Score rows (candidate, criterion, assessor, score, motivation) with a few disagreements."""
    crits = default_criteria("stedenband")
    scored = [c for c in crits if c.kind == "Score"]
    knock = [c for c in crits if c.kind != "Score"]
    names = {c[0]: c[1] for c in CANDIDATES}
    rows: list[list] = []
    for i, (cid, base) in enumerate(BASE.items()):
        for a_idx, (aid, offsets) in enumerate(OFFSETS.items()):
            for kc in knock:
                ok = 0 if cid == "K13" else 1
                why = ("Een vereniging van gemeenten, geen gemeentebestuur." if not ok
                       else "Verkozen gemeentebestuur met eigen bevoegdheden.")
                rows.append([cid, kc.id, aid, ok, why])
            for k, crit in enumerate(scored):
                if cid == "K12" and (aid == "B3" or crit.id == "C06"):
                    continue  # scored late: B3 has not scored yet, nobody scored C06
                key = (cid, crit.id, aid)
                if key in DISAGREEMENTS:
                    value, why = DISAGREEMENTS[key]
                else:
                    value = max(0, min(5, base[k] + offsets[(i + k + a_idx) % 4]))
                    why = _motivation(value, crit.name, names[cid])
                rows.append([cid, crit.id, aid, value, why])
    return rows


def candidates() -> list[list]:
    """Candidate rows in the column order of the Kandidaten table."""
    out = []
    for cid, name, country, region, lang, channel, contact, email, received in CANDIDATES:
        status = "In beoordeling"
        out.append([cid, name, country, region, lang, channel, contact, email, received, status,
                    None])
    return out
