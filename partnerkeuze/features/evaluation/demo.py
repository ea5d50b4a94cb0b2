"""Demo content of an evaluation workbook: the link Brasschaat-Tarija (Bolivia, since 2004) of
the renewal trajectory (002_f154211db8bd0241.txt), evaluated in two rounds a year apart.

The eight basic concepts of the trajectory's radar are not spelled out in the publication (the
radar is a separate download); the demo takes eight terms the publication itself uses for
participation and partnership. Scores, participants and budget lines are invented for the demo.
"""

from __future__ import annotations

import datetime as dt

PROFILE = {
    "municipality": "Brasschaat", "province": "Antwerpen", "coordinator": "Coördinator stedenband",
    "coordinator_role": "Coördinator internationale samenwerking",
    "coordinator_email": "stedenband@brasschaat.example", "postal_city": "2930 Brasschaat",
    "alderman": "Schepen van internationale samenwerking",
}

LINK = {
    "link_id": "BRA-TAR", "flemish": "Brasschaat", "partner": "Tarija",
    "partner_country": "Bolivia", "partner_language": "es",
    "partner_contact": "Responsable de relaciones internacionales",
    "since": 2004,
    "agreement": "Nieuwe samenwerkingsovereenkomst Brasschaat-Tarija (2022): de verwachtingen "
                 "van beide partners en de gemeenschappelijke prioriteiten.",
    "agreement_partner": "Nuevo acuerdo de cooperación Brasschaat-Tarija (2022): las "
                         "expectativas de ambos socios y las prioridades comunes.",
    "exit_clause": "Elke partner kan de samenwerking beëindigen na overleg in de kerngroep en "
                   "een schriftelijke kennisgeving, met een afbouw van zes maanden.",
    "exit_clause_partner": "Cada socio puede poner fin a la cooperación tras consultar al grupo "
                           "núcleo y notificarlo por escrito, con una reducción progresiva de "
                           "seis meses.",
}

# (id, nl, es, description nl, description es)
CONCEPTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("B1", "Gedeeld begrip", "Comprensión compartida",
     "We spreken dezelfde taal over participatie.",
     "Hablamos el mismo idioma sobre la participación."),
    ("B2", "Eigenaarschap", "Apropiación", "Elke partner kiest en draagt zijn eigen project.",
     "Cada socio elige y lleva su propio proyecto."),
    ("B3", "Evenwaardigheid", "Igualdad", "Gelijkwaardige partners, geen donor en ontvanger.",
     "Socios iguales, no donante y receptor."),
    ("B4", "Wederzijds leren", "Aprendizaje mutuo", "Kennis en expertise in beide richtingen.",
     "Conocimiento y experiencia en ambas direcciones."),
    ("B5", "Betrokkenheid", "Compromiso", "Een kerngroep met mandaat die de waarde ziet.",
     "Un grupo núcleo con mandato que ve el valor."),
    ("B6", "Draagvlak", "Respaldo amplio", "Breed gekend in bestuur, diensten en bevolking.",
     "Ampliamente conocido en el gobierno, los servicios y la población."),
    ("B7", "Transparantie", "Transparencia", "Open en eerlijke gesprekken, ook over geld.",
     "Conversaciones abiertas y honestas, también sobre el dinero."),
    ("B8", "Co-productie", "Coproducción", "Burgers maken mee het beleid en de projecten.",
     "Los ciudadanos co-crean las políticas y los proyectos."),
)

# The participants (invented): on each side the link's coordinator, an alderman or councillor and
# a citizen (the GROS chair, a neighbourhood representative).
FLEMISH = ("Ann Verbruggen", "Koen De Wit", "Mieke Jacobs")
PARTNER = ("Lucía Flores", "Jorge Mendoza", "Rosa Gutiérrez")

ROUNDS = (
    {"id": "R1", "date": dt.datetime(2024, 11, 15), "flemish_participants": "; ".join(FLEMISH),
     "partner_participants": "; ".join(PARTNER),
     "note": "Eerste evaluatie na de nieuwe overeenkomst."},
    {"id": "R2", "date": dt.datetime(2025, 11, 14), "flemish_participants": "; ".join(FLEMISH),
     "partner_participants": "; ".join(PARTNER), "visit_from": dt.datetime(2026, 3, 9),
     "visit_to": dt.datetime(2026, 3, 20), "vvsg": "ja", "extra_reasons": "5",
     "note": "Een evaluatiemissie naar Tarija wordt voorgesteld."},
)
NAMED = {"Ann Verbruggen"}  # agreed to be named with her comments

# Per round and side the typical score of each item (concepts B1-B8, then L1-L7, P1-P5).
ITEMS = tuple(c[0] for c in CONCEPTS) + ("L1", "L2", "L3", "L4", "L5", "L6", "L7",
                                         "P1", "P2", "P3", "P4", "P5")
BASE = {
    ("R1", "Vlaanderen"): (3, 4, 3, 3, 4, 3, 3, 2, 3, 3, 3, 4, 2, 3, 3, 3, 3, 3, 3, 4),
    ("R1", "partner"): (3, 2, 3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 2, 3, 3, 2, 3, 3, 3, 3),
    ("R2", "Vlaanderen"): (4, 4, 4, 4, 4, 3, 4, 3, 4, 4, 4, 4, 3, 3, 4, 4, 4, 4, 3, 4),
    ("R2", "partner"): (4, 2, 3, 4, 4, 3, 2, 3, 4, 3, 4, 3, 2, 3, 4, 3, 4, 4, 3, 2),
}
OFFSETS = (0, 1, 0, -1)
# (round, side, item) -> (comment, its translation): Dutch <-> Spanish.
COMMENTS = {
    ("R2", "partner", "B2"): ("Los proyectos todavía se eligen demasiado en Brasschaat.",
                              "De projecten worden nog te veel in Brasschaat gekozen."),
    ("R2", "partner", "B7"): ("Falta claridad sobre el presupuesto y los subsidios europeos.",
                              "Er is te weinig duidelijkheid over het budget en de Europese "
                              "subsidies."),
    ("R2", "Vlaanderen", "B2"): ("Tarija koos zelf het project rond waterbronnen.",
                                 "Tarija eligió por sí misma el proyecto de las fuentes de agua."),
    ("R2", "Vlaanderen", "L5"): ("Een werkbezoek is nodig om de context opnieuw te voelen.",
                                 "Hace falta una visita de trabajo para volver a sentir el "
                                 "contexto."),
}

# (side, kind, text, translation)
EXPECTATIONS = (
    ("Vlaanderen", "wat we willen bereiken", "Thematische uitwisseling over participatie en "
     "jongeren, met de SDG's als kader.", "Un intercambio temático sobre la participación y los "
     "jóvenes, con los ODS como marco."),
    ("Vlaanderen", "wat we van elkaar verwachten", "Dat Tarija zelf zijn prioriteiten kiest en "
     "open zegt wat het verwacht.", "Que Tarija elija sus propias prioridades y diga "
     "abiertamente lo que espera."),
    ("Vlaanderen", "wat we zelf bijdragen", "Een vast werkingsbudget en tijd van de coördinator.",
     "Un presupuesto operativo fijo y tiempo de la coordinadora."),
    ("partner", "wat we willen bereiken", "Proteger las fuentes de agua con los barrios.",
     "De waterbronnen beschermen samen met de wijken."),
    ("partner", "wat we van elkaar verwachten", "Apoyo para acceder a subsidios y contactos "
     "europeos.", "Steun om Europese subsidies en contacten te bereiken."),
    ("partner", "wat we zelf bijdragen", "La experiencia de los barrios en la planificación "
     "plurianual.", "De ervaring van de wijken met de meerjarenplanning."),
)

RISKS_ES = {
    "R1": "Cambios políticos crean otros mandatos.",
    "R2": "La rotación de personal hace perder compromiso y conocimiento.",
    "R3": "Desaparece un grupo núcleo sin mandato claro.",
    "R4": "Expectativas no expresadas (por ejemplo el acceso a subsidios europeos).",
    "R5": "Sin presupuesto fijo, la cooperación depende de los subsidios del momento.",
    "R6": "Los encuentros presenciales se vuelven imposibles.",
    "R7": "Los socios ya no están en la misma sintonía.",
}
RISK_LEVELS = {"R1": (4, 4), "R2": (3, 4), "R3": (2, 4), "R4": (4, 3), "R5": (3, 5),
               "R6": (2, 3), "R7": (2, 5)}

# (year, line, line in Spanish, amount, kind, side, source)
BUDGET = (
    (2025, "Werkingsbudget stedenband", "Presupuesto operativo del hermanamiento", 15000,
     "vast werkingsbudget", "Vlaanderen", "Eigen middelen Brasschaat"),
    (2025, "Digitale dialogen en tolken", "Diálogos digitales e intérpretes", 3000,
     "projectmiddelen", "Vlaanderen", "Eigen middelen Brasschaat"),
    (2025, "Project waterbronnen (Tarija)", "Proyecto de fuentes de agua (Tarija)", 8000,
     "projectmiddelen", "partner", "Eigen middelen Tarija"),
    (2026, "Werkingsbudget stedenband", "Presupuesto operativo del hermanamiento", 15000,
     "vast werkingsbudget", "Vlaanderen", "Eigen middelen Brasschaat"),
    (2026, "Evaluatiemissie naar Tarija", "Misión de evaluación a Tarija", 6000,
     "projectmiddelen", "Vlaanderen", "Eigen middelen Brasschaat"),
)


def _rows(table_key: str, records) -> list[list]:
    """Table rows from records by column key (the layout's order)."""
    from partnerkeuze import layout

    keys = [c.key for c in layout.table(table_key).columns]
    return [[rec.get(k) for k in keys] for rec in records]


def answer_rows() -> list[list]:
    """The Evaluatieantwoorden rows of the demo: three participants per side in each round."""
    records = []
    for (rnd, side), base in BASE.items():
        people = FLEMISH if side == "Vlaanderen" else PARTNER
        for p, person in enumerate(people):
            for i, (item, score) in enumerate(zip(ITEMS, base)):
                value = min(5, max(1, score + OFFSETS[(2 * p + i) % 4]))
                comment, translation = COMMENTS.get((rnd, side, item), (None, None)) \
                    if p == 0 else (None, None)
                records.append({"round": rnd, "side": side, "participant": person, "item": item,
                                "score": value, "comment": comment,
                                "comment_translation": translation,
                                "name_shown": "ja" if person in NAMED else "nee",
                                "language": "nl" if side == "Vlaanderen" else "es"})
    return _rows("eval_answers", records)


def fill(tables: dict, fields: dict) -> None:
    """Fill an evaluation workbook with the demo link Brasschaat-Tarija."""
    from partnerkeuze import layout

    fields["profile"] = dict(PROFILE)
    fields["link"] = dict(LINK)
    tables["concepts"] = [list(c) for c in CONCEPTS]
    tables["rounds"] = _rows("rounds", ROUNDS)
    tables["eval_answers"] = answer_rows()
    tables["expectations"] = _rows("expectations", [
        {"round": rnd, "side": side, "kind": kind, "text": text, "translation": translation}
        for rnd in ("R1", "R2") for side, kind, text, translation in EXPECTATIONS])
    keys = [c.key for c in layout.table("risks").columns]
    risks = []
    for row in tables.get("risks", []):
        rec = dict(zip(keys, row))
        rec["risk_partner"] = RISKS_ES.get(rec["id"])
        rec["likelihood"], rec["impact"] = RISK_LEVELS.get(rec["id"], (None, None))
        risks.append([rec.get(k) for k in keys])
    tables["risks"] = risks
    tables["budget"] = _rows("budget", [
        {"year": y, "line": line, "line_partner": line_es, "amount": amount, "kind": kind,
         "side": side, "source": source}
        for y, line, line_es, amount, kind, side, source in BUDGET])
