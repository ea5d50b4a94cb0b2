"""The wording of the reminders: Dutch for the coordinator and assessors, and the candidate's
own language (nl, fr, en, es) for the deadline reminders."""

from __future__ import annotations

import datetime as dt

LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB", "es": "es_ES"}

CANDIDATE_SUBJECT = {
    "nl": "Herinnering: kandidaturen tot {date} – gemeente {municipality}",
    "fr": "Rappel : candidatures jusqu'au {date} – commune de {municipality}",
    "en": "Reminder: candidacies until {date} – municipality of {municipality}",
    "es": "Recordatorio: candidaturas hasta el {date} – municipio de {municipality}",
}

CANDIDATE_BODY = {
    "nl": ("{salutation}\n\n"
           "De gemeente {municipality} (België) zoekt een partnergemeente. Kandidaturen voor de "
           "oproep '{title}' kunnen ingediend worden tot en met {date}. {left}\n\n"
           "Hebt u een vraag? Neem contact op met {coordinator} ({email}).\n\n"
           "Met vriendelijke groeten,\n{coordinator}\n{role}, gemeente {municipality}\n"),
    "fr": ("{salutation}\n\n"
           "La commune de {municipality} (Belgique) cherche une commune partenaire. Les "
           "candidatures à l'appel « {title} » peuvent être introduites jusqu'au {date} inclus. "
           "{left}\n\n"
           "Pour toute question, contactez {coordinator} ({email}).\n\n"
           "Cordialement,\n{coordinator}\n{role}, commune de {municipality}\n"),
    "en": ("{salutation}\n\n"
           "The municipality of {municipality} (Belgium) is looking for a partner municipality. "
           "Candidacies for the call '{title}' can be submitted until {date} inclusive. {left}\n\n"
           "If you have any questions, please contact {coordinator} ({email}).\n\n"
           "Kind regards,\n{coordinator}\n{role}, municipality of {municipality}\n"),
    "es": ("{salutation}\n\n"
           "El municipio de {municipality} (Bélgica) busca un municipio socio. Las candidaturas "
           "para la convocatoria «{title}» pueden presentarse hasta el {date} inclusive. "
           "{left}\n\n"
           "Para cualquier pregunta, contacte a {coordinator} ({email}).\n\n"
           "Atentamente,\n{coordinator}\n{role}, municipio de {municipality}\n"),
}

LEFT = {
    "month": {"nl": "U hebt nog ongeveer een maand.", "fr": "Il vous reste environ un mois.",
              "en": "About one month remains.", "es": "Queda aproximadamente un mes."},
    "week": {"nl": "U hebt nog een week.", "fr": "Il vous reste une semaine.",
             "en": "One week remains.", "es": "Queda una semana."},
}

# Salutation with the contact's name, and without one.
SALUTATION = {
    "nl": ("Beste {contact},", "Geachte mevrouw, geachte heer,"),
    "fr": ("Bonjour {contact},", "Madame, Monsieur,"),
    "en": ("Dear {contact},", "Dear Sir or Madam,"),
    "es": ("Estimado/a {contact}:", "Estimados señores:"),
}


def long_date(day: dt.date, language: str) -> str:
    """A date written out in a language (babel's long format; en_GB, not US)."""
    from babel.dates import format_date

    return format_date(day, "long", locale=LOCALES.get(language, "nl_BE"))


def candidate_mail(language: str, which: str, deadline: dt.date, contact: str,
                   profile: dict, title: str) -> tuple[str, str]:
    """(subject, body) of a deadline reminder to a candidate in its language."""
    lang = language if language in CANDIDATE_BODY else "en"
    fmt = {
        "date": long_date(deadline, lang),
        "municipality": profile.get("municipality") or "",
        "salutation": (SALUTATION[lang][0].format(contact=contact.strip()[:120])
                       if contact and contact.strip() else SALUTATION[lang][1]),
        "title": title[:200],
        "left": LEFT[which][lang],
        "coordinator": profile.get("coordinator") or "",
        "email": profile.get("coordinator_email") or "",
        "role": profile.get("coordinator_role") or "",
    }
    return CANDIDATE_SUBJECT[lang].format(**fmt), CANDIDATE_BODY[lang].format(**fmt)
