"""Helpers for the evaluation tests: a demo link whose latest round still awaits its answers,
the link read back from a workbook, and questionnaires filled in as participants would
(openpyxl)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from intake_support import form_cells


def open_round_workbook(path: Path) -> Path:
    """The demo evaluation workbook without the answers and expectations of round R2."""
    from partnerkeuze import layout
    from partnerkeuze.app.creation import build
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    book = build("evaluatie", demo=True)
    model = parse_lenient(book.snapshot(), [])
    patch = Patch()
    for key in ("eval_answers", "expectations"):
        t = layout.table(key)
        patch.replace_table(key, [[r.get(c.key) for c in t.columns] for r in model.tables[key]
                                  if r["round"] == "R1"])
    book.apply(patch)
    save_atomic(book.wb, path, backup=False)
    return path


def read_link(path: Path):
    """The evaluated link of an evaluation workbook, read (leniently) without writing to it."""
    from partnerkeuze.features.evaluation.workbook import read_link as read
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(path, for_writing=False)
    try:
        snap = book.snapshot()
        return read(parse_lenient(snap, []), snap)
    finally:
        book.close()


def fill_questionnaire(form: Path, out: Path, participant: str, scores: dict,
                       comments: dict | None = None, expectations: dict | None = None) -> Path:
    """Fill a questionnaire: scores[item id] = value (None leaves the cell empty)."""
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    cells = form_cells(wb)
    ws[cells["participant"]] = participant
    for iid, value in scores.items():
        ws[cells[f"score:{iid}"]] = value
    for iid, text in (comments or {}).items():
        ws[cells[f"comment:{iid}"]] = text
    for kind, text in (expectations or {}).items():
        ws[cells[f"expect:{kind}"]] = text
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def score_cells(form: Path) -> dict[str, str]:
    """Item id -> cell reference of its score in a questionnaire."""
    return {k[6:]: v for k, v in form_cells(load_workbook(form)).items() if k.startswith("score:")}


# ---- workbooks of a link built from records (column keys, not positions) -------------------

def records(tables: dict, key: str) -> list[dict]:
    """The rows of a table as records by column key."""
    from partnerkeuze import layout

    keys = [c.key for c in layout.table(key).columns]
    return [dict(zip(keys, row)) for row in tables.get(key, [])]


def store(tables: dict, key: str, recs: list[dict]) -> None:
    """Set the rows of a table from records by column key."""
    from partnerkeuze import layout

    keys = [c.key for c in layout.table(key).columns]
    tables[key] = [[rec.get(k) for k in keys] for rec in recs]


def link_workbook(path: Path, change=None, demo: bool = True) -> Path:
    """An evaluation workbook (the demo link, or the default frame) with ``change(tables,
    fields)`` applied to its content, saved at path."""
    from partnerkeuze.app.creation import build, initial_content
    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    tables, fields = initial_content("evaluatie", demo)
    if change is not None:
        change(tables, fields)
    book = build("evaluatie", content=(tables, fields))
    save_atomic(book.wb, path, backup=False)
    return path


# An invented link of the issue: a Flemish municipality with a French-speaking partner in DR Congo.
CONGO_CONCEPTS = (
    ("B1", "Gedeeld begrip", "Compréhension partagée", "We spreken dezelfde taal.",
     "Nous parlons le même langage."),
    ("B2", "Eigenaarschap", "Appropriation", "Elke partner draagt zijn project.",
     "Chaque partenaire porte son projet."),
    ("B3", "Evenwaardigheid", "Égalité", "Geen donor en ontvanger.",
     "Ni donateur ni bénéficiaire."),
    ("B4", "Wederzijds leren", "Apprentissage mutuel", "In beide richtingen.",
     "Dans les deux sens."),
    ("B5", "Betrokkenheid", "Engagement", "Een kerngroep met mandaat.",
     "Un groupe central mandaté."),
    ("B6", "Draagvlak", "Large soutien", "Breed gekend.", "Largement connu."),
    ("B7", "Transparantie", "Transparence", "Open over geld.", "Ouverts sur l'argent."),
    ("B8", "Co-productie", "Coproduction", "Burgers maken mee.", "Les citoyens co-créent."),
)
CONGO_FLEMISH = ("Els Peeters", "Bart Claes", "Nadia Aerts")
CONGO_PARTNER = ("Thérèse Nsimba", "Jean-Pierre Mavungu", "Aimée Lukeba")


def congo_link(tables: dict, fields: dict, *, partner_answers_r2: bool = False) -> None:
    """Heidebeek (Flanders) - Kimpese (DR Congo, French), rounds R1 (2021) and R2 (2025, four
    years later); in R2 only the Flemish side answered unless ``partner_answers_r2``."""
    import datetime as dt

    fields["profile"] = {"municipality": "Heidebeek", "address": "Marktplein 1",
                         "postal_city": "2999 Heidebeek",
                         "coordinator": "Els Peeters",
                         "coordinator_email": "els.peeters@heidebeek.example.be"}
    fields["link"] = {
        "link_id": "HEI-KIM", "flemish": "Heidebeek", "partner": "Kimpese",
        "partner_country": "Congo (DR)", "partner_language": "fr",
        "partner_contact": "Thérèse Nsimba", "since": 2009,
        "agreement": "Samenwerkingsovereenkomst Heidebeek-Kimpese (2019).",
        "agreement_partner": "Accord de coopération Heidebeek-Kimpese (2019).",
        "exit_clause": "Elke partner kan de samenwerking stopzetten na overleg en een "
                       "schriftelijke kennisgeving.",
        "exit_clause_partner": "Chaque partenaire peut arrêter la coopération après "
                               "concertation et une notification écrite.",
    }
    tables["concepts"] = [list(c) for c in CONGO_CONCEPTS]
    store(tables, "rounds", [
        {"id": "R1", "date": dt.datetime(2021, 3, 10),
         "flemish_participants": "; ".join(CONGO_FLEMISH),
         "partner_participants": "; ".join(CONGO_PARTNER)},
        {"id": "R2", "date": dt.datetime(2025, 3, 12),
         "flemish_participants": "; ".join(CONGO_FLEMISH),
         "partner_participants": "; ".join(CONGO_PARTNER)},
    ])
    items = [c[0] for c in CONGO_CONCEPTS] + [f"L{i}" for i in range(1, 8)] + \
        [f"P{i}" for i in range(1, 6)]
    answers = []
    for rnd in ("R1", "R2"):
        for side, people, base in (("Vlaanderen", CONGO_FLEMISH, 4), ("partner", CONGO_PARTNER, 3)):
            if rnd == "R2" and side == "partner" and not partner_answers_r2:
                continue
            for p, person in enumerate(people):
                for i, item in enumerate(items):
                    answers.append({"round": rnd, "side": side, "participant": person,
                                    "item": item, "score": min(5, max(1, base + (i + p) % 3 - 1)),
                                    "language": "nl" if side == "Vlaanderen" else "fr"})
    answers[0]["comment"] = "Samen met Kimpese kozen we het thema water."
    answers[0]["comment_translation"] = "Avec Kimpese, nous avons choisi le thème de l'eau."
    first_r2 = next(a for a in answers if a["round"] == "R2")
    first_r2["comment"] = "We misten de stem van Kimpese in de voorbereiding."
    first_r2["comment_translation"] = "La voix de Kimpese nous a manqué dans la préparation."
    if partner_answers_r2:
        lone = next(a for a in answers if a["round"] == "R2" and a["side"] == "partner")
        lone["comment"] = "Nous voulons choisir nous-mêmes les projets."
        lone["comment_translation"] = "We willen de projecten zelf kiezen."
    store(tables, "eval_answers", answers)
    store(tables, "expectations", [
        {"round": "R2", "side": "Vlaanderen", "kind": "wat we willen bereiken",
         "text": "Samen leren over drinkwater.",
         "translation": "Apprendre ensemble sur l'eau potable."}])
    store(tables, "budget", [
        {"year": 2025, "line": "Provinciale subsidie stedenbanden",
         "line_partner": "Subvention provinciale pour les jumelages", "amount": 5000,
         "kind": "subsidie of programma", "side": "Vlaanderen", "source": "Provincie"}])
