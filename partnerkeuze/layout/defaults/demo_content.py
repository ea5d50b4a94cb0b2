"""Demo content for the documents: the demo municipality's profile texts translated."""

from __future__ import annotations

PROFILE_TRANSLATIONS: dict[str, str] = {
    "description_fr": (
        "Heidebeek est une commune rurale de la Campine qui compte 24 600 habitants, une vie "
        "associative active et un conseil consultatif communal pour la coopération au "
        "développement (GROS). "
        "Elle travaille sur la participation, l'économie locale et le climat."),
    "description_en": (
        "Heidebeek is a rural municipality in the Kempen region with 24,600 inhabitants, an "
        "active community life and a municipal advisory council for development cooperation "
        "(GROS). It works on participation, the local economy and "
        "climate."),
    "description_es": (
        "Heidebeek es un municipio rural de la región de Campine con 24.600 habitantes, una vida "
        "asociativa activa y un Consejo Municipal de Cooperación al Desarrollo (GROS). El "
        "municipio trabaja en la participación ciudadana, la economía local y el clima."),
    "themes_fr": "Participation citoyenne ; gestion des déchets et climat ; économie locale ; "
                 "jeunesse",
    "themes_en": "Citizen participation; waste management and climate; local economy; youth work",
    "themes_es": "Participación ciudadana; gestión de residuos y clima; economía local; juventud",
    "seeks_fr": (
        "Une commune qui souhaite apprendre et partager en partenaire égal, soutenue par ses élus "
        "et ses habitants, et qui voit le jumelage comme un processus de longue durée."),
    "seeks_en": (
        "A municipality that wants to learn and share as an equal partner, with support from "
        "its council and residents, and that sees the city link as a long-term process."),
    "seeks_es": (
        "Un municipio que quiera aprender y compartir como socio igual, con el apoyo de sus "
        "autoridades y vecinos, y que vea el hermanamiento como un proceso a largo plazo."),
    "offers_fr": (
        "Une expérience des budgets de quartier et de la participation, un conseil consultatif "
        "actif pour la coopération au développement (GROS), des écoles et des associations "
        "prêtes à s'engager, et des collègues prêts à partager leur savoir."),
    "offers_en": (
        "Experience with neighbourhood budgets and public participation, an active advisory "
        "council for development cooperation (GROS), schools "
        "and associations that want to take part, and colleagues in our departments who are keen "
        "to share their knowledge."),
    "offers_es": (
        "Experiencia con presupuestos de barrio y participación, un consejo consultivo de "
        "cooperación al desarrollo (GROS) activo, escuelas y "
        "asociaciones dispuestas a participar, y colegas de los servicios municipales que "
        "quieren compartir sus conocimientos."),
}


PROFILE_TRANSLATIONS.update({
    "coordinator_role_fr": "Coordinatrice de la coopération internationale",
    "coordinator_role_en": "International Cooperation Coordinator",
    "coordinator_role_es": "Coordinadora de cooperación internacional",
})
SETTINGS_TRANSLATIONS: dict[str, str] = {
    "call_title_fr": "Appel à candidatures : commune partenaire de Heidebeek 2026",
    "call_title_en": "Call for applications: partner municipality of Heidebeek 2026",
    "call_title_es": "Convocatoria: municipio socio de Heidebeek 2026",
}
# The form of address of the demo contacts (Kandidaten 'Aanspreking').
SALUTATIONS: dict[str, str] = {
    "K01": "mevrouw", "K02": "de heer", "K03": "mevrouw", "K04": "de heer", "K05": "mevrouw",
    "K06": "de heer", "K07": "mevrouw", "K08": "de heer", "K09": "mevrouw", "K10": "de heer",
    "K11": "mevrouw", "K13": "de heer",  # K12: unknown, the letter greets by name only
}
# The demo contacts' given and family names apart and their job titles (Kandidaten), as the
# candidacy form asks them: compound given names greet by the family name ("Estimado señor
# Rivera:"), and the job title stands under the name.
CONTACT_NAMES: dict[str, tuple[str, str, str]] = {
    "K01": ("María", "Fernández", "Responsable de relaciones internacionales"),
    "K02": ("Luis", "Quispe", "Jefe de cooperación"),
    "K03": ("Rosa", "Caal", "Secretaria municipal"),
    "K04": ("Jean-Claude", "Habimana", "Planning officer"),
    "K05": ("Aïcha", "Dossou", "Secrétaire générale de la mairie"),
    "K06": ("Youssef", "Amrani", "Chargé de la coopération décentralisée"),
    "K07": ("Fatou", "Diatta", "Chargée des partenariats"),
    "K08": ("Lamin", "Jallow", "Chief Executive Officer"),
    "K09": ("Anna", "Shikongo", "Chief Executive Officer"),
    "K10": ("José Luis", "Rivera", "Director de planificación"),
    "K11": ("María Fernanda", "Quishpe", "Directora de relaciones internacionales"),
    "K12": ("Rishi", "Ramdin", "Districtssecretaris"),
    "K13": ("Pedro", "Justiniano", "Gerente de la mancomunidad"),
}


def _contact_names(rows: list[list], table_key: str, names: dict) -> None:
    """Fill the given names, family name and job title of demo contacts."""
    for key, i in (("contact_given", 0), ("contact_family", 1), ("contact_role", 2)):
        _set_column(rows, table_key, key, {cid: parts[i] for cid, parts in names.items()})


def _set_column(rows: list[list], table_key: str, column: str, values: dict) -> None:
    """Fill one column of demo rows (by the row's id in the first column)."""
    from partnerkeuze import layout

    idx = layout.table(table_key).index(column)
    for row in rows:
        if row and row[0] in values:
            row.extend([None] * (idx + 1 - len(row)))
            row[idx] = values[row[0]]


def profile_translations(tables: dict, fields: dict) -> None:
    """Demo hook (actions.creation.DEMO_CONTENT): add the translated profile texts."""
    fields.setdefault("profile", {}).update(PROFILE_TRANSLATIONS)
    fields.setdefault("settings", {}).update(SETTINGS_TRANSLATIONS)
    _set_column(tables.get("candidates", []), "candidates", "salutation", SALUTATIONS)
    _contact_names(tables.get("candidates", []), "candidates", CONTACT_NAMES)


SDG_PROFILE: dict[str, str] = {
    "coordinator_role_fr": "Chargée de mission internationale",
    "coordinator_role_en": "International Policy Officer",
    "address_fr": "Rue du Pavillon 9", "address_en": "Rue du Pavillon 9",
    "description_fr": (
        "Dans le cadre du programme GloBe, la VVSG expérimente des partenariats ODD : des "
        "partenariats de deux ans au plus entre des pouvoirs locaux flamands et des communes du "
        "Bénin et du Rwanda, avec les associations sœurs ANCB et RALGA."),
    "description_en": (
        "Within the GloBe programme, VVSG is piloting SDG partnerships: partnerships of at most "
        "two years between Flemish local governments and municipalities in Benin and Rwanda, "
        "together with the sister associations ANCB and RALGA."),
}
SDG_SETTINGS: dict[str, str] = {
    "call_title_fr": "Appel à partenariats ODD Bénin et Rwanda 2026",
    "call_title_en": "Call for SDG partnerships Benin and Rwanda 2026",
}
# The Flemish applicants' notes as their partners read them (Interesses 'Toelichting (fr/en)').
SDG_NOTES: dict[tuple[str, str], dict[str, str]] = {
    ("V01", "R1"): {"en": "Sharing our neighbourhood budgets and consultation evenings, and "
                          "learning how Karongi involves residents structurally.",
                    "fr": "Partager nos budgets de quartier et nos soirées de consultation, et "
                          "apprendre comment Karongi associe durablement ses habitants."},
    ("V02", "B7"): {"fr": "Expérience d'une coopérative énergétique et de panneaux solaires sur "
                          "les bâtiments publics."},
    ("V03", "R2"): {"en": "Involving the youth council more in decisions; learning from youth "
                          "councils.",
                    "fr": "Mieux associer le conseil des jeunes aux décisions ; apprendre des "
                          "conseils de jeunes."},
    ("V04", "B8"): {"fr": "Économie locale et emploi des jeunes, avec une attention aux "
                          "femmes entrepreneures."},
    ("V05", "R3"): {"en": "Letting neighbourhoods help shape the multi-year plan.",
                    "fr": "Faire participer les quartiers à la planification pluriannuelle."},
    ("V06", "B7"): {"fr": "Économies d'énergie dans les marchés et l'éclairage public."},
    ("V07", "R1"): {"en": "Co-production with citizens: from consultation to deciding together.",
                    "fr": "Coproduction avec les citoyens : de la consultation à la décision "
                          "commune."},
}
SDG_SALUTATIONS: dict[str, str] = {
    "V01": "mevrouw", "V02": "de heer", "V03": "mevrouw", "V04": "de heer", "V05": "mevrouw",
    "V06": "de heer", "V07": "mevrouw", "V08": "de heer",
    "Z01": "mevrouw", "Z02": "de heer", "Z03": "mevrouw", "Z04": "de heer", "Z05": "mevrouw",
    "Z06": "de heer", "Z07": "mevrouw", "Z08": "de heer",
}

# The Southern partners' contacts (Partners Zuid), names apart and job titles.
SDG_CONTACT_NAMES: dict[str, tuple[str, str, str]] = {
    "Z01": ("Claudine", "Mukamana", "Director of Planning"),
    "Z02": ("Jean-Claude", "Habimana", "Planning officer"),
    "Z03": ("Aline", "Uwase", "Chargée de la planification"),
    "Z04": ("Eric", "Ndayisaba", "Partnerships officer"),
    "Z05": ("Aïcha", "Dossou", "Secrétaire générale de la mairie"),
    "Z06": ("Romain", "Agbo", "Chargé de la coopération"),
    "Z07": ("Mariam", "Sanni", "Chargée du développement local"),
    "Z08": ("Félix", "Houngbo", "Secrétaire exécutif"),
}


def sdg_translations(tables: dict, fields: dict) -> None:
    """Demo hook for the SDG demo: job title, call title, notes and forms of address translated."""
    fields.setdefault("profile", {}).update(SDG_PROFILE)
    fields.setdefault("settings", {}).update(SDG_SETTINGS)
    _set_column(tables.get("candidates", []), "candidates", "salutation", SDG_SALUTATIONS)
    _set_column(tables.get("partners", []), "partners", "salutation", SDG_SALUTATIONS)
    _contact_names(tables.get("partners", []), "partners", SDG_CONTACT_NAMES)
    from partnerkeuze import layout

    t = layout.table("interests")
    for row in tables.get("interests", []):
        texts = SDG_NOTES.get((row[0], row[1]), {})
        for lang, text in texts.items():
            idx = t.index(f"note_{lang}")
            row.extend([None] * (idx + 1 - len(row)))
            row[idx] = text
