"""Demo answers of the shortlisted candidates (Antwoorden, in the demo workbook as if their
forms were read) and the demo budget (Profiel): what the dossier describes the proposed
partner and the shortlist from."""

from __future__ import annotations

# (candidate, criterion, language, answer): from the candidacy forms of the demo shortlist.
ANSWERS = (
    ("K05", "C01", "fr",
     "Dassa-Zoumé compte 112 000 habitants répartis sur dix arrondissements. Chaque année, les "
     "chefs d'arrondissement organisent des assemblées publiques sur le budget communal; en 2025 "
     "les habitants ont choisi de rénover deux marchés."),
    ("K05", "C02", "fr",
     "Nos priorités sont la gestion des déchets, la participation citoyenne au budget et "
     "l'économie locale autour des marchés. Nous voulons apprendre comment une commune "
     "flamande associe ses quartiers."),
    ("K05", "C05", "fr",
     "Nous attendons un échange entre administrations: des visites de services, des écoles "
     "jumelées et un appui pour notre plan de gestion des déchets. Nous aimerions aussi "
     "discuter du financement d'une halle de marché."),
    ("K04", "C01", "en",
     "Bugesera District has 451 000 inhabitants in 15 sectors. Citizens take part through the "
     "Umuganda community work and the yearly district planning meetings."),
    ("K04", "C02", "en",
     "Local economic development, youth work and cooperatives are the priorities of our "
     "district development strategy."),
    ("K04", "C05", "en",
     "We expect an exchange of experience between staff and councillors and learning from each "
     "other, not project funding."),
    ("K01", "C01", "es",
     "Tarija tiene 268 000 habitantes. El municipio organiza cabildos abiertos en los barrios "
     "y un presupuesto participativo desde 2019."),
    ("K01", "C02", "es",
     "Cambio climático, gestión del agua y turismo sostenible."),
    ("K01", "C05", "es",
     "Esperamos apoyo para un proyecto visible de agua potable en los barrios altos y "
     "el intercambio de técnicos municipales."),
)
IMPORTED = "2026-06-03 09:00:00"
BUDGET = {"budget_year": 15_000, "budget_translation": 2_500}


def fill(tables: dict, fields: dict) -> None:
    """Demo content: the budget on the Profiel sheet and the answers of the shortlist."""
    fields.setdefault("profile", {}).update(BUDGET)
    tables.setdefault("answers", []).extend(answer_rows())


def answer_rows() -> list[list]:
    """The demo answers of the shortlist as rows of the Antwoorden table."""
    return [[cid, crit, lang, text, f"Kandidatuur_{cid}.xlsx", None, IMPORTED, None]
            for cid, crit, lang, text in ANSWERS]
