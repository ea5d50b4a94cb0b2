"""Realistic demo data of an SDG-partnership call (003_1457e92fe5a06ce4.txt).

A call in autumn 2023 for partnerships from January 2024, inside the experimental period
2022-2026 (3.1). Eight Flemish applicants (fictitious municipalities) scored by the steering group
on the expectations of section 3.9 (criteria S01-S08), the four Rwandan districts of the programme and
four Beninese municipalities of the ANCB-VVSG programme, one of which already has a city link
(left out). One applicant scores below the minimum; interests are set so that two assignments are
nearly equal in Benin.
"""

from __future__ import annotations

import datetime as dt

from partnerkeuze.layout.defaults.criteria import default_criteria

PROFILE = {
    "municipality": "VVSG",
    "province": "Brussel",
    "address": "Paviljoenstraat 9",
    "postal_city": "1030 Brussel",
    "website": "www.vvsg.be",
    "phone": "+32 2 211 55 00",
    "coordinator": "Sara Vermeulen",
    "coordinator_role": "Stafmedewerker Internationaal",
    "coordinator_email": "internationaal@vvsg.be",
    "reference": "GloBe/SDG/2024",
    "description": (
        "De VVSG experimenteert binnen het programma GloBe met SDG-partnerschappen: "
        "partnerschappen van hoogstens twee jaar tussen Vlaamse lokale besturen en gemeenten in "
        "Benin en Rwanda, samen met de zusterverenigingen ANCB en RALGA."
    ),
}

SETTINGS = {
    "mode": "SDG-partnerschap",
    "call_title": "Oproep SDG-partnerschappen Benin en Rwanda 2024",
    "shortlist_size": 5,
    "aggregation": "gemiddelde",
    "scale_min": 0,
    "scale_max": 5,
    "call_date": dt.date(2023, 10, 2),
    "deadline": dt.date(2023, 12, 1),
}

SDG_SETTINGS = {
    "min_score": 60,
    "tolerance": 5,
    "start": dt.date(2024, 1, 8),
    "sender": "VVSG",
}

# The steering group: an official, a politician and a general director (3).
ASSESSORS = [
    ["B1", "Sara Vermeulen", "VVSG, stafmedewerker Internationaal", "internationaal@vvsg.be"],
    ["B2", "Tom De Smet", "Stuurgroep, schepen", "tom.desmet@example.be"],
    ["B3", "Ilse Maes", "Stuurgroep, algemeen directeur", "ilse.maes@example.be"],
]

# id, municipality, region, contact, e-mail, received
APPLICANTS = [
    ["V01", "Heidebeek", "Antwerpen", "An Peeters", "an.peeters@heidebeek.example.be",
     dt.date(2023, 10, 20)],
    ["V02", "Scheldemeer", "Oost-Vlaanderen", "Pieter Van Acker",
     "internationaal@scheldemeer.example.be", dt.date(2023, 11, 3)],
    ["V03", "Leiedonk", "West-Vlaanderen", "Lies Vandamme", "lies.vandamme@leiedonk.example.be",
     dt.date(2023, 11, 13)],
    ["V04", "Kempenrode", "Limburg", "Bram Jacobs", "duurzaamheid@kempenrode.example.be",
     dt.date(2023, 11, 17)],
    ["V05", "Dijlevoorde", "Vlaams-Brabant", "Nadia Benali", "nadia.benali@dijlevoorde.example.be",
     dt.date(2023, 11, 20)],
    ["V06", "Polderkerke", "West-Vlaanderen", "Wim Declercq", "wim.declercq@polderkerke.example.be",
     dt.date(2023, 11, 24)],
    ["V07", "Demerbroek", "Limburg", "Eva Claes", "participatie@demerbroek.example.be",
     dt.date(2023, 11, 27)],
    ["V08", "Netelaar", "Antwerpen", "Jan Wouters", "jan.wouters@netelaar.example.be",
     dt.date(2023, 11, 29)],
]

# Base quality per applicant on S01..S08 (scale 0-5); S08 is the plus point for no city link.
BASE = {
    "V01": [4, 4, 4, 4, 4, 3, 4, 5],
    "V02": [4, 3, 4, 3, 4, 3, 3, 5],
    "V03": [3, 4, 3, 4, 3, 4, 4, 5],
    "V04": [4, 4, 3, 3, 4, 3, 3, 5],
    "V05": [5, 4, 4, 4, 4, 4, 4, 1],
    "V06": [3, 3, 4, 3, 3, 3, 3, 5],
    "V07": [4, 5, 4, 4, 3, 3, 4, 5],
    "V08": [2, 3, 2, 3, 2, 2, 3, 5],
}
OFFSETS = {"B1": (0, 0, 1, 0), "B2": (1, 0, 0, -1), "B3": (0, -1, 0, 0)}

# id, name, country, region, language, contact, e-mail, city link, expectations
PARTNERS = [
    ["Z01", "Karongi", "Rwanda", "Western Province", "en", "Claudine Mukamana",
     "partnerships@karongi.example.rw", "nee",
     "Learn how Flemish municipalities involve citizens in planning; share our community "
     "meetings (inteko z'abaturage)."],
    ["Z02", "Bugesera", "Rwanda", "Eastern Province", "en", "Jean-Claude Habimana",
     "partnerships@bugesera.example.rw", "nee",
     "Youth participation in local decisions and feedback to citizens."],
    ["Z03", "Gatsibo", "Rwanda", "Eastern Province", "fr", "Aline Uwase",
     "cooperation@gatsibo.example.rw", "nee",
     "Impliquer les quartiers dans la planification pluriannuelle."],
    ["Z04", "Nyanza", "Rwanda", "Southern Province", "en", "Eric Ndayisaba",
     "partnerships@nyanza.example.rw", "nee",
     "Citizen participation in service delivery and accountability."],
    ["Z05", "Dassa-Zoumé", "Benin", "Collines", "fr", "Aïcha Dossou",
     "mairie@dassa.example.bj", "nee",
     "Développer l'économie locale et l'emploi des jeunes ; énergie solaire pour les marchés."],
    ["Z06", "Savalou", "Benin", "Collines", "fr", "Romain Agbo",
     "mairie@savalou.example.bj", "nee",
     "Accès à l'énergie et gestion durable des marchés communaux."],
    ["Z07", "Kandi", "Benin", "Alibori", "fr", "Mariam Sanni",
     "mairie@kandi.example.bj", "nee",
     "Réduire les inégalités entre femmes et hommes dans l'économie locale."],
    ["Z08", "Lokossa", "Benin", "Mono", "fr", "Félix Houngbo",
     "mairie@lokossa.example.bj", "ja",
     "Aménagement urbain durable."],
]

# id, name, country, SDGs, name fr, name en, description
THEMES = [
    ["R1", "Burgerparticipatie in het lokaal beleid", "Rwanda", "16.7",
     "Participation citoyenne à la politique locale", "Citizen participation in local policy",
     "Inspraak, co-productie en terugkoppeling aan inwoners (SDG 16.7)."],
    ["R2", "Betrokkenheid van jongeren", "Rwanda", "16",
     "Participation des jeunes", "Youth participation",
     "Jongeren betrekken bij beslissingen van het lokaal bestuur."],
    ["R3", "Wijken betrekken bij de meerjarenplanning", "Rwanda", "16",
     "Impliquer les quartiers dans la planification pluriannuelle",
     "Involving neighbourhoods in multi-year planning",
     "Zoals de wijken in Tarija structureel mee de meerjarenplanning bepalen."],
    ["B7", "Betaalbare en duurzame energie", "Benin", "7",
     "Énergie propre et d'un coût abordable", "Affordable and clean energy", ""],
    ["B8", "Waardig werk en lokale economie", "Benin", "8",
     "Travail décent et économie locale", "Decent work and local economy", ""],
    ["B9", "Innovatie en lokale bedrijvigheid", "Benin", "9",
     "Innovation et activités économiques locales", "Innovation and local enterprise", ""],
    ["B10", "Ongelijkheid verminderen (gender)", "Benin", "10",
     "Réduire les inégalités (genre)", "Reduced inequalities (gender)", ""],
    ["B11", "Duurzame steden en gemeenschappen", "Benin", "11",
     "Villes et communautés durables", "Sustainable cities and communities", ""],
]

# party, theme, priority (1-3)
INTERESTS = [
    ("V01", "R1", 3), ("V01", "R3", 2),
    ("V02", "B7", 3), ("V02", "B8", 2),
    ("V03", "R2", 3), ("V03", "R1", 1),
    ("V04", "B8", 3), ("V04", "B10", 2),
    ("V05", "R1", 2), ("V05", "R3", 3), ("V05", "B11", 1),
    ("V06", "B7", 3), ("V06", "B8", 2), ("V06", "B9", 1),
    ("V07", "R1", 3), ("V07", "R2", 2),
    ("V08", "B8", 3), ("V08", "B9", 2),
    ("Z01", "R1", 3), ("Z01", "R3", 2),
    ("Z02", "R2", 3), ("Z02", "R1", 2),
    ("Z03", "R3", 3), ("Z03", "R1", 1),
    ("Z04", "R1", 3),
    ("Z05", "B8", 3), ("Z05", "B7", 2),
    ("Z06", "B7", 3), ("Z06", "B11", 2),
    ("Z07", "B10", 3), ("Z07", "B8", 2),
    ("Z08", "B11", 3), ("Z08", "B7", 1),
]

# What a Flemish applicant wrote about its first theme (its own words, kept in Dutch).
NOTES = {
    ("V01", "R1"): "Onze wijkbudgetten en inspraakavonden delen en leren hoe Karongi inwoners "
                   "structureel betrekt.",
    ("V02", "B7"): "Ervaring met een energiecoöperatie en zonnepanelen op openbare gebouwen.",
    ("V03", "R2"): "De jeugdraad sterker betrekken bij beslissingen; leren van jongerenraden.",
    ("V04", "B8"): "Lokale economie en werk voor jongeren, met aandacht voor vrouwelijke "
                   "ondernemers.",
    ("V05", "R3"): "Wijken mee de meerjarenplanning laten bepalen.",
    ("V06", "B7"): "Energiebesparing in markten en openbare verlichting.",
    ("V07", "R1"): "Co-productie met burgers: van inspraak naar samen beslissen.",
}

_LEVELS = {0: "Ontbreekt", 1: "Zwak", 2: "Eerder zwak", 3: "Voldoende", 4: "Sterk", 5: "Uitstekend"}


def candidates() -> list[list]:
    """Kandidaten rows: the Flemish applicants (country België, language nl)."""
    return [[aid, name, "België", region, "nl", "VVSG", contact, email, received,
             "In beoordeling", None]
            for aid, name, region, contact, email, received in APPLICANTS]


def scores() -> list[list]:
    """Score rows of the steering group on S01-S08."""
    crits = [c for c in default_criteria("sdg") if c.kind == "Score"]
    names = {a[0]: a[1] for a in APPLICANTS}
    rows = []
    for i, (aid, base) in enumerate(BASE.items()):
        for a_idx, (bid, offsets) in enumerate(OFFSETS.items()):
            for k, crit in enumerate(crits):
                off = 0 if crit.id == "S08" else offsets[(i + k + a_idx) % 4]
                value = max(0, min(5, base[k] + off))
                rows.append([aid, crit.id, bid, value,
                             f"{_LEVELS[value]}: {crit.name.lower()} bij {names[aid]} "
                             f"(kandidatuurdossier)."])
    return rows


def fill(tables: dict, fields: dict) -> None:
    """Fill a new SDG workbook's tables and fields with the demo call."""
    fields["profile"] = dict(PROFILE)
    fields["settings"] = dict(SETTINGS)
    fields["sdg_settings"] = dict(SDG_SETTINGS)
    tables["assessors"] = [list(a) for a in ASSESSORS]
    tables["candidates"] = candidates()
    tables["scores"] = scores()
    tables["conflicts"] = [[b[0], a[0], "geen conflict", dt.date(2023, 12, 4), None]
                           for b in ASSESSORS for a in APPLICANTS]
    tables["themes"] = [list(t) for t in THEMES]
    tables["partners"] = [list(p[:7]) + [p[7], p[8], None] for p in PARTNERS]
    tables["interests"] = [[p, t, prio, NOTES.get((p, t))] for p, t, prio in INTERESTS]
