"""What a candidacy form says, in Dutch, French, English and Spanish."""

from __future__ import annotations

from partnerkeuze import reference

# The form's own words per language.
FORM_TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "file": "Kandidatuurformulier",
        "sheet": "Formulier",
        "heading": "Kandidatuurformulier",
        "from": "Oproep van de gemeente {municipality}",
        "deadline": "Stuur dit formulier terug vóór {deadline}.",
        "no_deadline": "Stuur dit formulier zo snel mogelijk terug.",
        "instructions": (
            "Vul enkel de gele cellen in; de andere cellen zijn beveiligd. Kies land, taal en "
            "kanaal uit de keuzelijst. Antwoord zo volledig mogelijk; een antwoord mag meerdere "
            "zinnen lang zijn. Bewaar het formulier als Excel-bestand (.xlsx), zonder "
            "wachtwoord, en stuur het terug naar {contact}."),
        "section_identity": "1. Uw gemeente",
        "section_questions": "2. Vragen",
        "answer_here": "Uw antwoord",
        "name": "Naam van de gemeente",
        "country": "Land",
        "region": "Regio, provincie of departement",
        "contact": "Contactpersoon (naam en functie)",
        "email": "E-mailadres van de contactpersoon",
        "language": "Taal voor verdere briefwisseling",
        "channel": "Hoe hebt u van deze oproep gehoord?",
    },
    "fr": {
        "file": "Formulaire-de-candidature",
        "sheet": "Formulaire",
        "heading": "Formulaire de candidature",
        "from": "Appel de la commune de {municipality} (Belgique)",
        "deadline": "Renvoyez ce formulaire avant le {deadline}.",
        "no_deadline": "Renvoyez ce formulaire dès que possible.",
        "instructions": (
            "Remplissez uniquement les cellules jaunes ; les autres cellules sont protégées. "
            "Choisissez le pays, la langue et le canal dans la liste. Répondez de manière aussi "
            "complète que possible ; une réponse peut compter plusieurs phrases. Enregistrez le "
            "formulaire au format Excel (.xlsx), sans mot de passe, et renvoyez-le à {contact}."),
        "section_identity": "1. Votre commune",
        "section_questions": "2. Questions",
        "answer_here": "Votre réponse",
        "name": "Nom de la commune",
        "country": "Pays",
        "region": "Région, province ou département",
        "contact": "Personne de contact (nom et fonction)",
        "email": "Adresse e-mail de la personne de contact",
        "language": "Langue pour la suite de la correspondance",
        "channel": "Comment avez-vous entendu parler de cet appel ?",
    },
    "en": {
        "file": "Application-form",
        "sheet": "Form",
        "heading": "Application form",
        "from": "Call of the municipality of {municipality} (Belgium)",
        "deadline": "Please return this form before {deadline}.",
        "no_deadline": "Please return this form as soon as possible.",
        "instructions": (
            "Fill in the yellow cells only; the other cells are protected. Choose the country, "
            "the language and the channel from the list. Answer as fully as you can; an answer "
            "may be several sentences long. Save the form as an Excel file (.xlsx), without a "
            "password, and send it back to {contact}."),
        "section_identity": "1. Your municipality",
        "section_questions": "2. Questions",
        "answer_here": "Your answer",
        "name": "Name of the municipality",
        "country": "Country",
        "region": "Region, province or department",
        "contact": "Contact person (name and position)",
        "email": "E-mail address of the contact person",
        "language": "Language for further correspondence",
        "channel": "How did you hear about this call?",
    },
    "es": {
        "file": "Formulario-de-candidatura",
        "sheet": "Formulario",
        "heading": "Formulario de candidatura",
        "from": "Convocatoria del municipio de {municipality} (Bélgica)",
        "deadline": "Envíe este formulario antes del {deadline}.",
        "no_deadline": "Envíe este formulario lo antes posible.",
        "instructions": (
            "Rellene solo las celdas amarillas; las demás celdas están protegidas. Elija el país, "
            "el idioma y el canal de la lista. Responda de la forma más completa posible; una "
            "respuesta puede tener varias frases. Guarde el formulario como archivo de Excel "
            "(.xlsx), sin contraseña, y envíelo a {contact}."),
        "section_identity": "1. Su municipio",
        "section_questions": "2. Preguntas",
        "answer_here": "Su respuesta",
        "name": "Nombre del municipio",
        "country": "País",
        "region": "Región, provincia o departamento",
        "contact": "Persona de contacto (nombre y cargo)",
        "email": "Correo electrónico de la persona de contacto",
        "language": "Idioma para la correspondencia posterior",
        "channel": "¿Cómo se enteró de esta convocatoria?",
    },
}

# The channels of the call (reference.CHANNELS, in that order) as candidates read them.
CHANNEL_TEXT: dict[str, tuple[str, ...]] = {
    "nl": reference.CHANNELS,
    "fr": (
        "Contacts existants",
        "Citoyens et presse locale",
        "Conseil consultatif communal pour la coopération au développement (GROS)",
        "Ambassades et consulats",
        "CGLU Afrique (UCLGA)",
        "FLACMA",
        "ACP Local Government Platform",
        "CCRE, recherche de partenaires (CEMR)",
        "Autres communes",
        "VVSG (association des villes et communes flamandes)",
    ),
    "en": (
        "Existing contacts",
        "Citizens and local press",
        "Municipal advisory council for development cooperation (GROS)",
        "Embassies and consulates",
        "UCLG Africa (UCLGA)",
        "FLACMA",
        "ACP Local Government Platform",
        "CEMR partner search",
        "Other municipalities",
        "VVSG (Association of Flemish Cities and Municipalities)",
    ),
    "es": (
        "Contactos existentes",
        "Ciudadanos y prensa local",
        "Consejo municipal asesor de cooperación al desarrollo (GROS)",
        "Embajadas y consulados",
        "CGLU África (UCLGA)",
        "FLACMA",
        "ACP Local Government Platform",
        "Búsqueda de socios del CMRE (CEMR)",
        "Otros municipios",
        "VVSG (Asociación de Ciudades y Municipios Flamencos)",
    ),
}

# Identification fields of a candidacy form: key, and the Kandidaten column it fills.
IDENTITY_FIELDS: tuple[str, ...] = ("name", "country", "region", "contact", "email", "language",
                                    "channel")


def _locale(lang: str) -> str:
    return "en_GB" if lang == "en" else lang


def country_names(lang: str) -> list[tuple[str, str]]:
    """(name shown in the form, Dutch name in the workbook) for every country, in list order."""
    if lang == "nl":
        return [(c.name, c.name) for c in reference.COUNTRIES]
    from babel import Locale

    territories = Locale.parse(_locale(lang)).territories
    return [(territories.get(c.iso, c.name), c.name) for c in reference.COUNTRIES]


def language_names(lang: str) -> list[tuple[str, str]]:
    """(language name shown in the form, code) for nl, fr, en, es."""
    from babel import Locale

    names = Locale.parse(_locale(lang)).languages
    return [(names.get(code, code), code) for code in reference.LANGUAGES]


def channel_names(lang: str) -> list[tuple[str, str]]:
    """(channel shown in the form, Dutch channel in the workbook)."""
    return list(zip(CHANNEL_TEXT[lang], reference.CHANNELS))


def long_date(value, lang: str) -> str:
    """A date written out in the form's language (e.g. '2 juni 2026', '2 June 2026')."""
    from babel.dates import format_date

    return format_date(value, format="long", locale=_locale(lang))


def form_file_name(lang: str) -> str:
    """The file name of the candidacy form in a language."""
    return f"{FORM_TEXT[lang]['file']}-{lang}.xlsx"
