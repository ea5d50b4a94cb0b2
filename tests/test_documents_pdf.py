"""Every document of the demo converts to PDF with LibreOffice and says the right things.

The documents are written once per module from a copy of the session's demo workbook; all of
them go through one LibreOffice run; the checks read the text pdftotext extracts.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from documents_support import convert_all, docx_root, pdf_flat, pdf_pages

from partnerkeuze.io.docx.render import format_date, format_number
from partnerkeuze.kernel.languages import locale_for
from partnerkeuze.io.forms.texts import file_name

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

SUBJECT = {"nl": "Betreft", "fr": "Objet", "en": "Re:", "es": "Asunto"}
LETTER_WORDS = {"nl": "Met vriendelijke groeten", "fr": "salutations distinguées",
                "en": "Yours sincerely", "es": "Atentamente"}


@pytest.fixture(scope="module")
def written(demo_template, tmp_path_factory):
    """The demo's questionnaires, dossier and letters, their PDFs, model and result."""
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core.parse import parse

    base = tmp_path_factory.mktemp("docs")
    wb = base / "demo.xlsx"
    shutil.copy(demo_template, wb)
    out = base / "out"
    outcomes = {}
    from partnerkeuze.app.demo import runner
    from partnerkeuze.app.pipeline import run_file
    from partnerkeuze.record.procedure.demo import demo_step

    demo_step(runner(), wb, out, lambda m: None)  # the college decided: the letters are final
    for name in ("questionnaire", "dossier", "letters"):
        outcomes[name] = run_file(name, wb, {"out": out}, backup=False)
    from documents_support import read_snapshot

    snap = read_snapshot(wb)
    model = parse(snap)
    docx = sorted(out.glob("*.docx"))
    pdfs = convert_all(docx, base / "pdf")
    return {"out": out, "outcomes": outcomes, "model": model, "result": evaluate(model),
            "snap": snap, "pdfs": pdfs, "texts": {k: pdf_flat(v) for k, v in pdfs.items()}}


def test_every_document_converts(written):
    names = set(written["pdfs"])
    assert {file_name("questionnaire", x) for x in ("nl", "fr", "en", "es")} <= names
    assert "Dossier_college.docx" in names and "Brieven_alle_kandidaten.docx" in names
    # K12, left incomplete by the municipality's own assessor, gets no letter yet
    assert len([n for n in names if n.startswith(("Brief_", "Bekendmaking_"))]) == \
        len(written["model"].candidates) - 1
    assert not [n for n in names if "K12" in n]
    for name, pdf in written["pdfs"].items():
        assert pdf_pages(pdf) >= 1, name


@pytest.mark.parametrize("lang", ["nl", "fr", "en", "es"])
def test_questionnaire_in_each_language(written, lang):
    model = written["model"]
    text = written["texts"][file_name("questionnaire", lang)]
    deadline = format_date(model.settings.deadline, locale_for(lang))
    assert deadline in text
    assert model.profile["coordinator_email"] in text
    assert "Heidebeek" in text
    for crit in model.criteria:
        question = " ".join(crit.questions[lang].split()[:8])
        assert question in text, f"question of {crit.id} missing in {lang}"
    title = {"nl": "Oproep tot kandidaatstelling", "fr": "Appel à candidatures",
             "en": "Call for applications", "es": "Convocatoria"}[lang]
    assert title in text
    if lang != "nl":
        assert model.profile[f"seeks_{lang}"][:40] in text
        assert model.profile["seeks"][:40] not in text


def test_letters_name_score_date_and_language(written):
    model, result = written["model"], written["result"]
    by_id = result.by_id()
    chosen_id = written["outcomes"]["letters"].data["partner"]
    chosen = by_id[chosen_id]
    assert chosen_id == result.shortlist[0]
    today = dt.date.today()
    for cand in model.candidates:
        if cand.id == "K12":
            continue
        lang = cand.language
        loc = locale_for(lang)
        prefix = "Bekendmaking" if cand.id == chosen_id else "Brief"
        name = next(n for n in written["texts"] if n.startswith(f"{prefix}_{cand.id}_"))
        assert name.endswith(f"_{lang}.docx")
        text = written["texts"][name]
        res = by_id[cand.id]
        assert cand.name in text, name
        assert SUBJECT[lang] in text and LETTER_WORDS[lang] in text, name
        assert format_date(today, loc) in text, name
        assert model.profile["reference"] in text and model.profile["mayor"] in text
        if res.rank is not None:  # ranked: the letter states its own score
            assert format_number(round(res.score, 1), loc) in text, name
        if cand.id != chosen_id:
            assert chosen.name in text, name
            if not res.excluded:  # a knocked-out candidate is not compared
                assert format_number(round(chosen.score, 1), loc) in text, name


def test_declined_letter_gives_reasons_from_the_scores(written):
    text = written["texts"]["Brief_K04_Bugesera_en.docx"]
    assert "placing it 2nd of the" in text
    assert ("Common ground in policy (weight 20%): Bugesera scored 4.0 out of 5, Dassa-Zoumé "
            "5.0") in text
    assert "particularly strong on: democratic participation" in text
    assert "strong on: country" not in text and ", country where" not in text
    fr = written["texts"]["Brief_K13_Mancomunidad-Chiquitana_es.docx"]
    assert "condición básica" in fr and "nivel de gobierno municipal" in fr


def test_announcement_to_the_chosen_partner(written):
    text = written["texts"]["Bekendmaking_K05_Dassa-Zoume_fr.docx"]
    from partnerkeuze.record.procedure.demo import COLLEGE_DATE

    when = format_date(min(COLLEGE_DATE, dt.date.today()), "fr_BE")
    assert f"a décidé le {when} de nouer un jumelage avec Dassa-Zoumé" in text
    assert "87,0 sur 100" in text and "Koen Janssens" in text


def test_combined_letters_hold_every_letter_on_its_own_page(written):
    pdf = written["pdfs"]["Brieven_alle_kandidaten.docx"]
    text = written["texts"]["Brieven_alle_kandidaten.docx"]
    for cand in written["model"].candidates:
        assert (cand.name in text) == (cand.id != "K12")
    assert pdf_pages(pdf) >= len(written["model"].candidates) - 1
    languages = {c.language for c in written["model"].candidates if c.id != "K12"}
    for lang, word in LETTER_WORDS.items():
        assert (word in text) == (lang in languages), lang


def test_dossier_sections_scores_and_charts(written):
    from partnerkeuze.core.fingerprint import criteria_hash

    model, result = written["model"], written["result"]
    text = written["texts"]["Dossier_college.docx"]
    for heading in ("Vraag en werkwijze", "Criteria en gewichten", "Kanalen en ontvangen",
                    "Longlist en gewogen scores", "Uitgesloten en onvolledige kandidaten",
                    "Shortlist", "Tweede, kwalitatieve ronde", "Rangorde en argumentatie",
                    "Voorstelling van de gekozen partner en de shortlist",
                    "Beginselen van een stedenband", "Risico's en exitstrategie", "Budget",
                    "Advies van de GROS", "Omgaan met reacties van kandidaten", "Bijlagen",
                    "Planning van de volgende stappen",
                    "Besluit van het college van burgemeester en schepenen",
                    "Ontwerpbesluit van de gemeenteraad"):
        assert heading in text, heading
    assert criteria_hash(model.criteria) in text
    for r in result.candidates:
        assert r.name in text
        if r.score is not None:
            assert format_number(round(r.score, 1), "nl_BE") in text
    assert "knock-out op KO1" in text and "onvolledig" in text
    assert "Ontwerpbesluit van het college" not in text  # the college decided (procedure)
    assert "Dassa-Zoumé (Benin) als partnergemeente van Heidebeek." in text
    assert "Die keuze wordt ter goedkeuring voorgelegd aan de gemeenteraad." in text
    assert "tegenbezoek" in text and format_date(dt.date.today(), "nl_BE") in text
    root = docx_root(written["out"] / "Dossier_college.docx")
    blips = root.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/main}blip")
    assert len(blips) == 3  # longlist bars, shortlist radar, planning (Gantt)


def test_every_action_is_logged_with_its_files(written):
    from partnerkeuze.io import audit

    rows = audit.log_rows(written["snap"])
    actions = [r[3] for r in rows]
    assert actions[-3:] == ["questionnaire", "dossier", "letters"]
    assert "Brieven_alle_kandidaten.docx" in rows[-1][6]
    assert "Dossier_college.docx" in rows[-2][6]
    assert "Convocatoria_y_cuestionario_es.docx" in rows[-3][6]
