"""The deadline has one meaning everywhere: 'no later than <date> (this day included)' in the
candidacy form, the questionnaire and the reminder mails, in each language."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from intake_support import call_with_forms
from partnerkeuze.record.procedure.deadline import deadline_phrase, is_late
from partnerkeuze.io.forms.texts import file_name

DEADLINE = dt.date(2026, 6, 2)
EXPECTED = {
    "nl": "uiterlijk op 2 juni 2026 (deze dag inbegrepen)",
    "fr": "au plus tard le 2 juin 2026 (ce jour compris)",
    "en": "no later than 2 June 2026 (this day included)",
    "es": "a más tardar el 2 de junio de 2026 (este día incluido)",
}
# Wordings with another meaning (exclusive, or "until") that must not come back.
OTHER_MEANINGS = ("vóór", "tot en met", "avant le", "jusqu'au", "before ", "until",
                  "antes del", "hasta el")
FORMS = {"nl": "Kandidatuurformulier-nl.xlsx", "fr": "Formulaire-de-candidature-fr.xlsx",
         "en": "Application-form-en.xlsx", "es": "Formulario-de-candidatura-es.xlsx"}


@pytest.fixture(scope="module")
def written(demo_template, tmp_path_factory):
    base = tmp_path_factory.mktemp("deadline")
    call_with_forms(demo_template, base)
    return base


def test_the_phrase_per_language():
    for lang, text in EXPECTED.items():
        assert deadline_phrase(DEADLINE, lang) == text
    assert deadline_phrase(DEADLINE, "de") == EXPECTED["en"]


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_same_phrase_in_form_questionnaire_and_mail(written, lang):
    from partnerkeuze.features.planning.texts import candidate_mail

    phrase = EXPECTED[lang]
    form = load_workbook(written / "formulieren" / FORMS[lang])
    head = form.worksheets[0]["A3"].value
    assert phrase in head
    doc = docx.Document(written / "vragenlijst" / file_name("questionnaire", lang))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert text.count(phrase) == 2  # how to answer, and the closing line of the form
    profile = {"municipality": "Heidebeek", "coordinator": "An Peeters",
               "coordinator_email": "an.peeters@heidebeek.be", "coordinator_role": "x"}
    subject, body = candidate_mail(lang, DEADLINE, dt.date(2026, 5, 20), "X", profile, "Oproep")
    assert phrase in subject and phrase in body
    for other in OTHER_MEANINGS:
        for where in (head, text, subject, body):
            assert other not in where.replace("jusqu'au bout", ""), (other, where[:200])


@settings(max_examples=60, deadline=None)
@given(st.dates(dt.date(2024, 1, 1), dt.date(2031, 12, 31)), st.integers(-40, 40))
def test_the_deadline_day_itself_is_on_time(deadline, offset):
    arrived = deadline + dt.timedelta(days=offset)
    assert is_late(arrived, deadline) == (offset > 0)


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2024, 1, 1), dt.date(2031, 12, 31)), st.integers(0, 30),
       st.sampled_from(["nl", "fr", "en", "es"]))
def test_a_reminder_states_the_real_days_left_and_the_phrase(deadline, left, lang):
    from partnerkeuze.features.planning.texts import candidate_mail, days_left

    today = deadline - dt.timedelta(days=left)
    subject, body = candidate_mail(lang, deadline, today, "", {"municipality": "Heidebeek"},
                                   "Oproep")
    phrase = deadline_phrase(deadline, lang)
    assert phrase in subject and phrase in body
    line = days_left(deadline, today, lang)
    assert line in body
    if left > 1:
        assert str(left) in line
    for word in ("maand", "mois", "month", "mes", "week", "semaine", "semana"):
        assert word not in line  # no interval word that could be wrong
