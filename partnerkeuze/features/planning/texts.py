"""The wording of the reminders: Dutch for the coordinator and assessors, and the candidate's
own language (nl, fr, en, es) for the deadline reminders."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.record.procedure.deadline import LOCALES, deadline_phrase, long_date  # noqa: F401

CANDIDATE_SUBJECT = {
    "nl": "Herinnering: kandidaturen {phrase} – gemeente {municipality}",
    "fr": "Rappel : candidatures {phrase} – commune {de_municipality}",
    "en": "Reminder: candidacies {phrase} – municipality of {municipality}",
    "es": "Recordatorio: candidaturas {phrase} – municipio de {municipality}",
}

CANDIDATE_BODY = {
    "nl": ("{salutation}\n\n"
           "De gemeente {municipality} (België) zoekt een partnergemeente. Dien uw kandidatuur "
           "voor de oproep '{title}' in {phrase}. {left}\n\n{how}\n\n"
           "Hebt u een vraag? Neem contact op met {coordinator} ({email}).\n\n"
           "Met vriendelijke groeten,\n{coordinator}\n{role}, gemeente {municipality}\n"),
    "fr": ("{salutation}\n\n"
           "La commune de {municipality} (Belgique) cherche une commune partenaire. Veuillez "
           "introduire votre candidature à l'appel « {title} » {phrase}. {left}\n\n{how}\n\n"
           "Pour toute question, contactez {coordinator} ({email}).\n\n"
           "Cordialement,\n{coordinator}\n{role}, commune {de_municipality}\n"),
    "en": ("{salutation}\n\n"
           "The municipality of {municipality} (Belgium) is looking for a partner municipality. "
           "Please submit your candidacy for the call '{title}' {phrase}. {left}\n\n{how}\n\n"
           "If you have any questions, please contact {coordinator} ({email}).\n\n"
           "Kind regards,\n{coordinator}\n{role}, municipality of {municipality}\n"),
    "es": ("{salutation}\n\n"
           "El municipio de {municipality} (Bélgica) busca un municipio socio. Presente su "
           "candidatura para la convocatoria «{title}» {phrase}. {left}\n\n{how}\n\n"
           "Para cualquier pregunta, contacte a {coordinator} ({email}).\n\n"
           "Atentamente,\n{coordinator}\n{role}, municipio de {municipality}\n"),
}

# Days left until the deadline day (included): today, one day, n days.
LEFT = {
    "nl": ("Vandaag is de laatste dag.", "U hebt nog 1 dag.", "U hebt nog {n} dagen."),
    "fr": ("C'est aujourd'hui le dernier jour.", "Il vous reste 1 jour.",
           "Il vous reste {n} jours."),
    "en": ("Today is the last day.", "One day remains.", "{n} days remain."),
    "es": ("Hoy es el último día.", "Queda 1 día.", "Quedan {n} días."),
}

def days_left(deadline: dt.date, today: dt.date, language: str) -> str:
    """The real number of days left, in words ('U hebt nog 14 dagen.')."""
    lang = language if language in LEFT else "en"
    n = (deadline - today).days
    today_text, one, many = LEFT[lang]
    return today_text if n <= 0 else one if n == 1 else many.format(n=n)


def candidate_mail(language: str, deadline: dt.date, today: dt.date, contact,
                   profile: dict, title: str) -> tuple[str, str]:
    """(subject, body) of a deadline reminder to a candidate in its language; ``contact`` is the
    contact person (a phrasing.Person, or the name as one text), greeted as the letters do."""
    from partnerkeuze.core.phrasing import Person, person, salutation
    from partnerkeuze.io.forms.texts import how_to_answer
    from partnerkeuze.kernel.wording import elide, french_spacing

    lang = language if language in CANDIDATE_BODY else "en"
    email = profile.get("coordinator_email") or ""
    who = contact if isinstance(contact, Person) else person(full=str(contact or "")[:120])
    fmt = {
        "phrase": deadline_phrase(deadline, lang),
        "municipality": profile.get("municipality") or "",
        "de_municipality": elide("de", profile.get("municipality") or "", "fr"),
        "salutation": salutation(who, lang),
        "title": title[:200],
        "left": days_left(deadline, today, lang),
        "how": how_to_answer(lang, email),
        "coordinator": profile.get("coordinator") or "",
        "email": email,
        "role": profile.get("coordinator_role") or "",
    }
    subject, body = CANDIDATE_SUBJECT[lang], CANDIDATE_BODY[lang]
    if lang == "fr":  # the product's own French words, before the values go in
        subject, body = french_spacing(subject), french_spacing(body)
    return subject.format(**fmt), body.format(**fmt)


def assessor_mail(name: str, form: str, lines: str, title: str, coordinator: str,
                  email: str, count: int) -> tuple[str, str]:
    """(subject, body) of the missing-scores digest to one assessor (Dutch)."""
    salutation = f"Beste {name.strip()[:120]}," if name and name.strip() else "Beste,"
    subject = f"Ontbrekende scores: '{title}' ({count})"
    body = (f"{salutation}\n\nVoor de oproep '{title}' ontbreken nog deze scores van u "
            f"(kandidaat: criterium):\n\n{lines}\n\nVul ze in op uw beoordelingsformulier "
            f"({form}), met een korte motivering per score, en bezorg het terug aan "
            f"{coordinator or 'de coördinator'}{f' ({email})' if email else ''}. Hebt u het "
            f"formulier niet meer, vraag dan een nieuw. Een ontbrekende score telt niet als nul: "
            f"de kandidaat blijft onvolledig tot de score er is.\n\nMet dank,\n{coordinator}\n")
    return subject, body
