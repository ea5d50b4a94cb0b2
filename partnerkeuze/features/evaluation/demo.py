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
    "exit_clause": "Elke partner kan de samenwerking beëindigen na overleg in de kerngroep en "
                   "een schriftelijke kennisgeving, met een afbouw van zes maanden.",
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

ROUNDS = (
    ["R1", dt.datetime(2024, 11, 15), "Coördinator stedenband; Schepen van internationale "
     "samenwerking; Voorzitter GROS",
     "Responsable de relaciones internacionales; Concejal; Representante de barrio",
     None, None, None, "Eerste evaluatie na de nieuwe overeenkomst."],
    ["R2", dt.datetime(2025, 11, 14), "Coördinator stedenband; Schepen van internationale "
     "samenwerking; Voorzitter GROS",
     "Responsable de relaciones internacionales; Concejal; Representante de barrio",
     dt.datetime(2026, 3, 9), dt.datetime(2026, 3, 20), "ja",
     "Een evaluatiemissie naar Tarija wordt voorgesteld."],
)

FLEMISH = ("Coördinator stedenband", "Schepen van internationale samenwerking", "Voorzitter GROS")
PARTNER = ("Responsable de relaciones internacionales", "Concejal", "Representante de barrio")

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
COMMENTS = {
    ("R2", "partner", "B2"): "Los proyectos todavía se eligen demasiado en Brasschaat.",
    ("R2", "partner", "B7"): "Falta claridad sobre el presupuesto y los subsidios europeos.",
    ("R2", "Vlaanderen", "B2"): "Tarija koos zelf het project rond waterbronnen.",
    ("R2", "Vlaanderen", "L5"): "Een werkbezoek is nodig om de context opnieuw te voelen.",
}

EXPECTATIONS = (
    ("Vlaanderen", "wat we willen bereiken", "Thematische uitwisseling over participatie en "
     "jongeren, met de SDG's als kader."),
    ("Vlaanderen", "wat we van elkaar verwachten", "Dat Tarija zelf zijn prioriteiten kiest en "
     "open zegt wat het verwacht."),
    ("Vlaanderen", "wat we zelf bijdragen", "Een vast werkingsbudget en tijd van de coördinator."),
    ("partner", "wat we willen bereiken", "Proteger las fuentes de agua con los barrios."),
    ("partner", "wat we van elkaar verwachten", "Apoyo para acceder a subsidios y contactos "
     "europeos."),
    ("partner", "wat we zelf bijdragen", "La experiencia de los barrios en la planificación "
     "plurianual."),
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

EXIT_TRIGGERS = (
    ["E1", "Een van beide besturen beslist de stedenband niet verder te zetten.", "R7", "nee",
     None],
    ["E2", "Twee jaar geen werkingsbudget voor de stedenband.", "R5", "nee", None],
)

BUDGET = (
    [2025, "Werkingsbudget stedenband", 15000, "Eigen middelen Brasschaat", None],
    [2025, "Digitale dialogen en tolken", 3000, "Eigen middelen Brasschaat", None],
    [2025, "Project waterbronnen (Tarija)", 8000, "Eigen middelen Tarija", None],
    [2026, "Evaluatiemissie naar Tarija", 6000, "Eigen middelen Brasschaat", None],
)


def answer_rows() -> list[list]:
    """The Evaluatieantwoorden rows of the demo: three participants per side in each round."""
    rows = []
    for (rnd, side), base in BASE.items():
        people = FLEMISH if side == "Vlaanderen" else PARTNER
        for p, person in enumerate(people):
            for i, (item, score) in enumerate(zip(ITEMS, base)):
                value = min(5, max(1, score + OFFSETS[(2 * p + i) % 4]))
                comment = COMMENTS.get((rnd, side, item)) if p == 0 else None
                rows.append([rnd, side, person, item, value, comment, "nl" if side ==
                             "Vlaanderen" else "es", None, None, None])
    return rows


def fill(tables: dict, fields: dict) -> None:
    """Fill an evaluation workbook with the demo link Brasschaat-Tarija."""
    fields["profile"] = dict(PROFILE)
    fields["link"] = dict(LINK)
    tables["concepts"] = [list(c) for c in CONCEPTS]
    tables["rounds"] = [list(r) for r in ROUNDS]
    tables["eval_answers"] = answer_rows()
    tables["expectations"] = [[rnd, side, kind, text, None, None]
                              for rnd in ("R1", "R2") for side, kind, text in EXPECTATIONS]
    risks = []
    for row in tables.get("risks", []):
        row = list(row)
        row[2] = RISKS_ES.get(row[0])
        row[3], row[4] = RISK_LEVELS.get(row[0], (row[3], row[4]))
        risks.append(row)
    tables["risks"] = risks
    tables["exit_triggers"] = [list(e) for e in EXIT_TRIGGERS]
    tables["budget"] = [list(b) for b in BUDGET]
