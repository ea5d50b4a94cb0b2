"""Demo content for the documents: the demo municipality's profile texts translated."""

from __future__ import annotations

PROFILE_TRANSLATIONS: dict[str, str] = {
    "description_fr": (
        "Heidebeek est une commune rurale de la Campine qui compte 24 600 habitants, une vie "
        "associative active et un Conseil communal pour la coopération au développement (GROS). "
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
        "Une expérience des budgets de quartier et de la participation, un GROS actif, des écoles "
        "et des associations prêtes à s'engager, et des collègues prêts à partager leur savoir."),
    "offers_en": (
        "Experience with neighbourhood budgets and public participation, an active GROS, schools "
        "and associations that want to take part, and colleagues in our departments who are keen "
        "to share their knowledge."),
    "offers_es": (
        "Experiencia con presupuestos de barrio y participación, un GROS activo, escuelas y "
        "asociaciones dispuestas a participar, y colegas de los servicios municipales que "
        "quieren compartir sus conocimientos."),
}


def profile_translations(tables: dict, fields: dict) -> None:
    """Demo hook (actions.creation.DEMO_CONTENT): add the translated profile texts."""
    fields.setdefault("profile", {}).update(PROFILE_TRANSLATIONS)
