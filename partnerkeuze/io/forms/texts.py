"""What a candidacy form says, in Dutch, French, English and Spanish."""

from __future__ import annotations

from partnerkeuze.kernel import reference

# The form's own words per language.
FORM_TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "sheet": "Formulier",
        "heading": "Kandidatuurformulier",
        "from": "Oproep van de gemeente {municipality}",
        "deadline": "Stuur dit formulier terug {deadline}.",
        "no_deadline": "Stuur dit formulier zo snel mogelijk terug.",
        "instructions": (
            "Vul enkel de gele cellen in; de andere cellen zijn beveiligd. Kies land, taal en "
            "kanaal uit de keuzelijst. Antwoord zo volledig mogelijk; een antwoord mag meerdere "
            "zinnen lang zijn. Bewaar het formulier als Excel-bestand (.xlsx) of als "
            "OpenDocument (.ods), zonder wachtwoord, en stuur het terug naar {contact}."),
        "section_identity": "1. Uw gemeente",
        "section_questions": "2. Vragen",
        "answer_here": "Uw antwoord",
        "name": "Naam van de gemeente",
        "country": "Land",
        "region": "Regio, provincie of departement",
        "contact": "Contactpersoon (naam en functie)",
        "salutation": "Aanspreking van de contactpersoon",
        "contact_given": "Voornaam (of voornamen) van de contactpersoon",
        "contact_family": "Familienaam van de contactpersoon",
        "contact_role": "Functie van de contactpersoon",
        "email": "E-mailadres van de contactpersoon",
        "language": "Taal voor verdere briefwisseling",
        "channel": "Hoe hebt u van deze oproep gehoord?",
    },
    "fr": {
        "sheet": "Formulaire",
        "heading": "Formulaire de candidature",
        "from": "Appel de la commune {de_municipality} (Belgique)",
        "deadline": "Renvoyez ce formulaire {deadline}.",
        "no_deadline": "Renvoyez ce formulaire dès que possible.",
        "instructions": (
            "Remplissez uniquement les cellules jaunes ; les autres cellules sont protégées. "
            "Choisissez le pays, la langue et le canal dans la liste. Répondez de manière aussi "
            "complète que possible ; une réponse peut compter plusieurs phrases. Enregistrez le "
            "formulaire au format Excel (.xlsx) ou OpenDocument (.ods), sans mot de passe, et renvoyez-le à {contact}."),
        "section_identity": "1. Votre commune",
        "section_questions": "2. Questions",
        "answer_here": "Votre réponse",
        "name": "Nom de la commune",
        "country": "Pays",
        "region": "Région, province ou département",
        "contact": "Personne de contact (nom et fonction)",
        "salutation": "Civilité de la personne de contact",
        "contact_given": "Prénom(s) de la personne de contact",
        "contact_family": "Nom de famille de la personne de contact",
        "contact_role": "Fonction de la personne de contact",
        "email": "Adresse e-mail de la personne de contact",
        "language": "Langue pour la suite de la correspondance",
        "channel": "Comment avez-vous entendu parler de cet appel ?",
    },
    "en": {
        "sheet": "Form",
        "heading": "Application form",
        "from": "Call of the municipality of {municipality} (Belgium)",
        "deadline": "Please return this form {deadline}.",
        "no_deadline": "Please return this form as soon as possible.",
        "instructions": (
            "Fill in the yellow cells only; the other cells are protected. Choose the country, "
            "the language and the channel from the list. Answer as fully as you can; an answer "
            "may be several sentences long. Save the form as an Excel file (.xlsx) or as "
            "OpenDocument (.ods), without a password, and send it back to {contact}."),
        "section_identity": "1. Your municipality",
        "section_questions": "2. Questions",
        "answer_here": "Your answer",
        "name": "Name of the municipality",
        "country": "Country",
        "region": "Region, province or department",
        "contact": "Contact person (name and position)",
        "salutation": "Form of address of the contact person",
        "contact_given": "Given name(s) of the contact person",
        "contact_family": "Family name of the contact person",
        "contact_role": "Position of the contact person",
        "email": "E-mail address of the contact person",
        "language": "Language for further correspondence",
        "channel": "How did you hear about this call?",
    },
    "es": {
        "sheet": "Formulario",
        "heading": "Formulario de candidatura",
        "from": "Convocatoria del municipio de {municipality} (Bélgica)",
        "deadline": "Envíe este formulario {deadline}.",
        "no_deadline": "Envíe este formulario lo antes posible.",
        "instructions": (
            "Rellene solo las celdas amarillas; las demás celdas están protegidas. Elija el país, "
            "el idioma y el canal de la lista. Responda de la forma más completa posible; una "
            "respuesta puede tener varias frases. Guarde el formulario como archivo de Excel "
            "(.xlsx) o como OpenDocument (.ods), sin contraseña, y envíelo a {contact}."),
        "section_identity": "1. Su municipio",
        "section_questions": "2. Preguntas",
        "answer_here": "Su respuesta",
        "name": "Nombre del municipio",
        "country": "País",
        "region": "Región, provincia o departamento",
        "contact": "Persona de contacto (nombre y cargo)",
        "salutation": "Tratamiento de la persona de contacto",
        "contact_given": "Nombre(s) de pila de la persona de contacto",
        "contact_family": "Apellido(s) de la persona de contacto",
        "contact_role": "Cargo de la persona de contacto",
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

# Identification fields of a candidacy form: key, and the Kandidaten column it fills. The
# contact person is asked as the letters need it: form of address, given and family names apart
# and the job title (forms written before asked "contact", name and position in one cell).
IDENTITY_FIELDS: tuple[str, ...] = ("name", "country", "region", "salutation", "contact_given",
                                    "contact_family", "contact_role", "email", "language",
                                    "channel")

# The forms of address as the form offers them (Kandidaten 'Aanspreking': mevrouw, de heer).
SALUTATION_TEXT: dict[str, tuple[str, str]] = {
    "nl": ("mevrouw", "de heer"), "fr": ("Madame", "Monsieur"), "en": ("Ms", "Mr"),
    "es": ("Señora", "Señor"),
}
# What else a candidate may type for them (abbreviations, other languages).
SALUTATION_ALIASES: dict[str, str] = {
    "mevr.": "mevrouw", "mevr": "mevrouw", "mw.": "mevrouw", "dhr.": "de heer", "dhr": "de heer",
    "heer": "de heer", "meneer": "de heer", "mme": "mevrouw", "mme.": "mevrouw",
    "mademoiselle": "mevrouw", "m.": "de heer", "mrs": "mevrouw", "mrs.": "mevrouw",
    "miss": "mevrouw", "ms.": "mevrouw", "mr.": "de heer", "sra.": "mevrouw", "sra": "mevrouw",
    "sr.": "de heer", "sr": "de heer", "doña": "mevrouw", "don": "de heer",
}


# The call's title when the municipality gave none in the reader's language.
GENERIC_TITLE: dict[str, str] = {
    "nl": "Oproep tot kandidaatstelling",
    "fr": "Appel à candidatures : commune partenaire {de_municipality}",
    "en": "Call for applications: partner municipality of {municipality}",
    "es": "Convocatoria: municipio socio de {municipality}",
}


def call_title(model, lang: str, notes=None) -> str:
    """The call's title as a reader of the language reads it: Instellingen 'call_title_<lang>'
    when filled in, else a general title in that language (with a warning in notes)."""
    from partnerkeuze.core.translations import setting_text
    from partnerkeuze.kernel.wording import elide, typeset

    municipality = str(model.profile.get("municipality") or "")
    generic = typeset(GENERIC_TITLE.get(lang, GENERIC_TITLE["en"]), lang).format(
        municipality=municipality, de_municipality=elide("de", municipality, "fr"))
    return setting_text(model, "call_title", lang, notes, fallback=generic)


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


def salutation_names(lang: str) -> list[tuple[str, str]]:
    """(form of address shown in the form, the workbook's value mevrouw / de heer)."""
    return list(zip(SALUTATION_TEXT[lang], SALUTATION_TEXT["nl"]))


def channel_names(lang: str) -> list[tuple[str, str]]:
    """(channel shown in the form, Dutch channel in the workbook)."""
    return list(zip(CHANNEL_TEXT[lang], reference.CHANNELS))


def long_date(value, lang: str) -> str:
    """A date written out in the form's language (e.g. '2 juni 2026', '2 June 2026')."""
    from babel.dates import format_date

    return format_date(value, format="long", locale=_locale(lang))


def assessor_form_name(assessor) -> str:
    """The file name of an assessor's form (id and name, safe for any file system); the
    reminders name it too."""
    import re

    name = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{assessor.id}-{assessor.name}").strip("-")[:60]
    return f"Beoordelingsformulier-{name}.xlsx"


# The files a candidate receives, named in the candidate's language: one table for all of them.
FILE_NAMES: dict[str, dict[str, str]] = {
    "candidacy_form": {"nl": "Kandidatuurformulier-nl.xlsx",
                       "fr": "Formulaire-de-candidature-fr.xlsx",
                       "en": "Application-form-en.xlsx",
                       "es": "Formulario-de-candidatura-es.xlsx"},
    "questionnaire": {"nl": "Oproep_en_vragenlijst_nl.docx",
                      "fr": "Appel_et_questionnaire_fr.docx",
                      "en": "Call_and_questionnaire_en.docx",
                      "es": "Convocatoria_y_cuestionario_es.docx"},
}


def file_name(kind: str, lang: str) -> str:
    """The file name of a document a candidate receives (FILE_NAMES), in its language."""
    return FILE_NAMES[kind][lang]


def form_file_name(lang: str) -> str:
    """The file name of the candidacy form in a language."""
    return file_name("candidacy_form", lang)


# How a candidate answers: the forms it may use and where it sends them (mails, questionnaire).
HOW_TO_ANSWER = {
    "nl": ("Zo antwoordt u: vul het kandidatuurformulier in (Excel; bewaren als .xlsx of .ods "
           "mag) of de vragenlijst (Word, .docx; typ uw antwoord in het vak onder elke vraag). "
           "Stuur het ingevulde bestand als bijlage per e-mail naar {email}; voeg gerust "
           "documenten toe die uw antwoorden staven (als aparte bijlagen). Vraag een nieuw "
           "formulier aan {email} als u het niet meer hebt."),
    "fr": ("Comment répondre : remplissez le formulaire de candidature (Excel ; enregistrement "
           "en .xlsx ou .ods accepté) ou le questionnaire (Word, .docx ; tapez votre réponse "
           "dans le cadre sous chaque question). Envoyez le fichier rempli en pièce jointe par "
           "courriel à {email} ; vous pouvez joindre des documents qui appuient vos réponses "
           "(en pièces jointes séparées). Demandez un nouveau formulaire à {email} si vous ne "
           "l'avez plus."),
    "en": ("How to answer: fill in the candidacy form (Excel; saving as .xlsx or .ods is fine) "
           "or the questionnaire (Word, .docx; type your answer in the box under each "
           "question). Send the completed file as an e-mail attachment to {email}; feel free to "
           "attach documents that support your answers (as separate attachments). Ask {email} "
           "for a new form if you no longer have it."),
    "es": ("Cómo responder: rellene el formulario de candidatura (Excel; puede guardarlo como "
           ".xlsx o .ods) o el cuestionario (Word, .docx; escriba su respuesta en el recuadro "
           "bajo cada pregunta). Envíe el archivo completado como adjunto por correo "
           "electrónico a {email}; puede adjuntar documentos que respalden sus respuestas (como "
           "adjuntos separados). Pida un nuevo formulario a {email} si ya no lo tiene."),
}


def how_to_answer(lang: str, email: str) -> str:
    """How a candidate answers the call (forms accepted, where to send, attachments)."""
    from partnerkeuze.kernel.wording import french_spacing

    lang = lang if lang in HOW_TO_ANSWER else "en"
    text = french_spacing(HOW_TO_ANSWER[lang]) if lang == "fr" else HOW_TO_ANSWER[lang]
    return text.format(email=email or "the coordinator")
