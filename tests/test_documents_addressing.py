"""People addressed as the workbook records them, in nl, fr, en and es: greetings by the family
name (compound given names such as José Luis Rivera and María Fernanda Quishpe), the neutral
greeting without a form of address, the job title under the name and never in the greeting, the
signatories' titles in their gender, French elision and spacing; call titles and file names in
the reader's language; and a workbook made before these columns and fields still works. Letters
are read back from the .docx and from the LibreOffice PDF."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest
from lxml import etree
from openpyxl import load_workbook

from conftest import run_cli
from documents_support import convert_all, docx_text, flat, pdf_flat
from test_documents_language import column, set_field

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

LANGS = ("nl", "fr", "en", "es")

# (form, given, family, name as one text, role) -> the greeting in nl, fr, en, es
GREETINGS = [
    (("de heer", "José Luis", "Rivera", "", ""),
     ("Geachte heer Rivera,", "Cher Monsieur Rivera,", "Dear Mr Rivera,",
      "Estimado señor Rivera:")),
    (("mevrouw", "María Fernanda", "Quishpe", "", ""),
     ("Geachte mevrouw Quishpe,", "Chère Madame Quishpe,", "Dear Ms Quishpe,",
      "Estimada señora Quishpe:")),
    (("", "José Luis", "Rivera", "", ""),  # no form of address: the neutral formal greeting
     ("Geachte José Luis Rivera,", "Madame, Monsieur,", "Dear José Luis Rivera,",
      "Buenos días, José Luis Rivera:")),
    (("", "", "", "", ""),
     ("Geachte mevrouw, geachte heer,", "Madame, Monsieur,", "Dear Sir or Madam,",
      "Señora, señor:")),
    (("mevrouw", "María Fernanda", "", "", ""),  # no family name: no name in the greeting
     ("Geachte mevrouw,", "Madame,", "Dear Madam,", "Estimada señora:")),
    (("de heer", "", "", "José Luis Rivera", ""),  # one text of three words: ambiguous
     ("Geachte heer,", "Monsieur,", "Dear Sir,", "Estimado señor:")),
    (("mevrouw", "", "", "Aïcha Dossou", ""),  # one text of two words: the family name
     ("Geachte mevrouw Dossou,", "Chère Madame Dossou,", "Dear Ms Dossou,",
      "Estimada señora Dossou:")),
]

# Titles of the signatories per form of address: (nl, fr, en, es)
TITLES = {
    ("director", "mevrouw"): ("Algemeen directeur", "Directrice générale", "Chief Executive",
                              "Directora general"),
    ("director", "de heer"): ("Algemeen directeur", "Directeur général", "Chief Executive",
                              "Director general"),
    ("mayor", "mevrouw"): ("Burgemeester", "Bourgmestre", "Mayor", "Burgomaestra"),
    ("mayor", "de heer"): ("Burgemeester", "Bourgmestre", "Mayor", "Burgomaestre"),
    ("alderman", "mevrouw"): ("Schepen van internationale samenwerking",
                              "Échevine de la coopération internationale",
                              "Alderwoman for International Cooperation",
                              "Concejala de Cooperación Internacional"),
    ("alderman", "de heer"): ("Schepen van internationale samenwerking",
                              "Échevin de la coopération internationale",
                              "Alderman for International Cooperation",
                              "Concejal de Cooperación Internacional"),
}


@pytest.mark.parametrize("who,expected", GREETINGS)
def test_greetings_in_every_language(who, expected):
    from partnerkeuze.core.phrasing import closing_formula, person, salutation

    p = person(*who)
    assert tuple(salutation(p, lang) for lang in LANGS) == expected
    assert closing_formula(p, "fr") == {"mevrouw": "Madame", "de heer": "Monsieur"}.get(
        who[0], "Madame, Monsieur")


def test_a_job_title_in_the_contact_cell_goes_under_the_name():
    """Older forms asked 'name and position' in one cell: the title is split off."""
    from partnerkeuze.core.phrasing import contact_person, salutation

    who = contact_person({"contact": "Jean-Claude Habimana, chargé de la planification",
                          "salutation": "de heer"})
    assert (who.name, who.role) == ("Jean-Claude Habimana", "chargé de la planification")
    assert salutation(who, "fr") == "Cher Monsieur Habimana,"
    assert "chargé" not in salutation(who, "fr")


@pytest.mark.parametrize("key,form", list(TITLES))
def test_titles_take_the_signatorys_gender(key, form):
    from partnerkeuze.core.phrasing import person, title

    assert tuple(title(key, person(form), lang) for lang in LANGS) == TITLES[(key, form)]


def test_french_elision():
    from partnerkeuze.kernel.wording import elide

    assert elide("que", "Estelí") == "qu'Estelí"
    assert elide("de", "Edegem") == "d'Edegem" and elide("de", "Heidebeek") == "de Heidebeek"
    assert elide("que", "Tarija") == "que Tarija" and elide("de", "Yopougon") == "de Yopougon"
    assert elide("que", "Estelí", "es") == "que Estelí"


# --- letters read back from .docx and PDF ------------------------------------------------------

# Candidates whose letters are written in every language, with what the workbook records.
CONTACTS = {"K10": ("de heer", "José Luis", "Rivera", "Director de planificación"),
            "K11": ("mevrouw", "María Fernanda", "Quishpe",
                    "Directora de relaciones internacionales"),
            "K12": (None, "Rishi", "Ramdin", "Districtssecretaris")}
EXPECTED = {"K10": GREETINGS[0][1], "K11": GREETINGS[1][1],
            "K12": ("Geachte Rishi Ramdin,", "Madame, Monsieur,", "Dear Rishi Ramdin,",
                    "Buenos días, Rishi Ramdin:"),
            "K04": ("Geachte heer Habimana,", "Cher Monsieur Habimana,", "Dear Mr Habimana,",
                    "Estimado señor Habimana:")}
NAMES = {"K10": "José Luis Rivera", "K11": "María Fernanda Quishpe", "K12": "Rishi Ramdin",
         "K04": "Jean-Claude Habimana"}
ROLES = {"K10": "Director de planificación", "K11": "Directora de relaciones internacionales",
         "K12": "Districtssecretaris", "K04": "chargé de la planification"}


@pytest.fixture(scope="module")
def letters(demo_template, tmp_path_factory):
    """The demo decided (K05 chosen), with a man as director and a woman as alderman, K04's
    contact as older forms recorded it (name and job title in one cell); the letters to K04,
    K10, K11 and K12 and the announcement to K05 in all four languages, with their PDFs."""
    from documents_support import decided_demo, demo_context_builder

    from partnerkeuze.features.documents.contexts import (chosen_context, declined_context,
                                                          letterhead)
    from partnerkeuze.io.docx.templates import load
    from partnerkeuze.kernel.languages import locale_for
    from partnerkeuze.record.procedure import read_record
    from partnerkeuze.record.procedure import reasons as rs
    from partnerkeuze.record.procedure.decision import decide

    base = tmp_path_factory.mktemp("addressing")
    path = base / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    wb = load_workbook(path)
    prof = wb["Profiel"]
    for key, value in (("director", "Johan Claes"), ("director_salutation", "de heer"),
                       ("director_given", "Johan"), ("alderman", "Leen Janssens"),
                       ("alderman_salutation", "mevrouw"), ("alderman_given", "Leen")):
        set_field(prof, key, value)
    cand = wb["Kandidaten"]
    cols = {h: column(cand, h) for h in ("ID", "Contactpersoon", "Aanspreking",
                                         "Voornaam contactpersoon",
                                         "Familienaam contactpersoon",
                                         "Functie contactpersoon")}
    for row in range(5, cand.max_row + 1):
        if cand.cell(row, cols["ID"]).value == "K04":
            cand.cell(row, cols["Contactpersoon"]).value = \
                "Jean-Claude Habimana, chargé de la planification"
            for h in ("Voornaam contactpersoon", "Familienaam contactpersoon",
                      "Functie contactpersoon"):
                cand.cell(row, cols[h]).value = None
        if cand.cell(row, cols["ID"]).value == "K12":
            assert cand.cell(row, cols["Aanspreking"]).value is None  # no form of address
    wb.save(path)
    decided_demo(path)
    snap, model, result, notes, chosen, _ = demo_context_builder(path)
    decision = decide(model, result, read_record(snap))
    files = {}
    for lang in LANGS:
        head = letterhead(model, None, notes, language=lang)
        for cid in ("K04", "K10", "K11", "K12"):
            cand = model.candidate(cid)
            why = rs.reasons_for(model, result, decision, cid)
            ctx = declined_context(model, result, cand, chosen, lang, head, notes, decision,
                                   why)
            out = base / f"Brief_{cid}_{lang}.docx"
            out.write_bytes(load(f"letter_declined_{lang}.docx").render(ctx, locale_for(lang)))
            files[(cid, lang)] = out
        partner = model.candidate(decision.partner)
        ctx = chosen_context(model, result, partner, lang, head, notes, decision,
                             rs.reasons_for(model, result, decision, partner.id))
        out = base / f"Bekendmaking_{lang}.docx"
        out.write_bytes(load(f"letter_chosen_{lang}.docx").render(ctx, locale_for(lang)))
        files[("K05", lang)] = out
    pdfs = convert_all(list(files.values()), base / "pdf")
    return {key: (docx_text(f), pdf_flat(pdfs[f.name])) for key, f in files.items()}


@pytest.mark.parametrize("cid", ["K04", "K10", "K11", "K12"])
@pytest.mark.parametrize("lang", LANGS)
def test_letters_greet_by_family_name_with_the_job_title_under_the_name(letters, cid, lang):
    text, pdf = letters[(cid, lang)]
    greeting = EXPECTED[cid][LANGS.index(lang)]
    lines = text.split("\n")
    assert greeting in lines, (cid, lang, [ln for ln in lines if ln.endswith((",", ":"))][:3])
    assert greeting in pdf
    # the address: the name, the job title on the next line, then the municipality
    i = lines.index(NAMES[cid])
    assert lines[i + 1] == ROLES[cid]
    assert f"{NAMES[cid]} {ROLES[cid]}" in pdf
    # never a given name where the family name belongs, never the job title in the greeting
    for wrong in ("Luis Rivera:", "Luis Rivera,", "Fernanda Quishpe:", "Fernanda Quishpe,",
                  "Habimana, chargé", "/a "):
        assert wrong not in text and wrong not in pdf, wrong


@pytest.mark.parametrize("lang", LANGS)
def test_signatures_carry_the_title_in_the_signatorys_gender(letters, lang):
    i = LANGS.index(lang)
    for cid in ("K05", "K10"):
        text, pdf = letters[(cid, lang)]
        for key, form, name in (("director", "de heer", "Johan Claes"),
                                ("mayor", "mevrouw", "Marleen Van den Broeck")):
            assert f"{name}\n{TITLES[(key, form)][i]}" in text, (cid, lang, key)
            assert TITLES[(key, form)][i] in pdf
    text, pdf = letters[("K05", lang)]  # the announcement is signed by the alderman too
    assert f"Leen Janssens\n{TITLES[('alderman', 'mevrouw')][i]}" in text
    assert TITLES[("alderman", "mevrouw")][i] in pdf
    if lang in ("fr", "es"):  # no title of the other gender under a name
        for name, key, form in (("Johan Claes", "director", "mevrouw"),
                                ("Leen Janssens", "alderman", "de heer"),
                                ("Marleen Van den Broeck", "mayor", "de heer")):
            other = TITLES[(key, form)][i]
            if other != TITLES[(key, "mevrouw" if form == "de heer" else "de heer")][i]:
                assert f"{name}\n{other}" not in text


def test_french_letters_elide_and_space_as_french_does(letters):
    text, pdf = letters[("K10", "fr")]
    assert "la candidature qu'Estelí a introduite" in text
    assert "qu'Estelí a introduite" in pdf and "que Estelí" not in pdf + text
    cuenca, _ = letters[("K11", "fr")]
    assert "la candidature que Cuenca a introduite" in cuenca
    for cid in ("K04", "K10", "K11", "K12", "K05"):
        text, pdf = letters[(cid, "fr")]
        # every ; : ! ? of the letter has a narrow no-break space before it
        bad = [m.start() for m in re.finditer(r"(?<!\u202f)[;:!?]", text)]
        assert not bad, [text[max(0, i - 30):i + 5] for i in bad]
        assert "Objet\u202f: " in text and "Objet : " in pdf
        assert not re.search(r"\w[;:!?]", pdf)  # no punctuation glued to a word in the PDF
    # the other languages keep their own typography
    en, _ = letters[("K10", "en")]
    assert "\u202f" not in en and "Re: your application" in en


def test_the_demo_signatories_are_women_in_french_and_spanish(demo_template):
    from documents_support import demo_context_builder

    from partnerkeuze.features.documents.contexts import Notes, letterhead

    _, model, _, _, _, _ = demo_context_builder(demo_template)
    fr = letterhead(model, None, Notes(), language="fr")
    es = letterhead(model, None, Notes(), language="es")
    assert (fr["director"], fr["director_title"]) == ("Sofie Claes", "Directrice générale")
    assert (es["mayor"], es["mayor_title"]) == ("Marleen Van den Broeck", "Burgomaestra")
    assert es["alderman_title"] == "Concejal de Cooperación Internacional"


# --- forms and questionnaires in the reader's language -----------------------------------------

def test_forms_and_questionnaires_carry_titles_and_names_in_the_readers_language(demo_path,
                                                                                  tmp_path):
    from partnerkeuze.io.forms.texts import FILE_NAMES

    for cmd, out in (("questionnaire", "q"), ("forms", "f")):
        proc = run_cli(cmd, demo_path, "--out", tmp_path / out)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in (tmp_path / "q").glob("*.docx")) == \
        sorted(FILE_NAMES["questionnaire"].values())
    assert sorted(p.name for p in (tmp_path / "f").glob("*.xlsx")) == \
        sorted(FILE_NAMES["candidacy_form"].values())
    assert "Appel_et_questionnaire_fr.docx" in FILE_NAMES["questionnaire"].values()
    settings = load_workbook(demo_path)["Instellingen"]
    titles = {row[0].value: row[2].value for row in settings.iter_rows(min_row=5)}
    call = {"nl": titles["call_title"], **{lang: titles[f"call_title_{lang}"]
                                           for lang in ("fr", "en", "es")}}
    assert len(set(call.values())) == 4  # the demo has a title per language
    headings = {"nl": "Kandidatuurformulier: ", "fr": "Formulaire de candidature\u202f: ",
                "en": "Application form: ", "es": "Formulario de candidatura: "}
    pdfs = convert_all([tmp_path / "q" / FILE_NAMES["questionnaire"][lang] for lang in LANGS],
                       tmp_path / "pdf")
    for lang in LANGS:
        form = load_workbook(tmp_path / "f" / FILE_NAMES["candidacy_form"][lang])
        assert form.worksheets[0]["A1"].value == headings[lang] + call[lang]
        assert form.properties.title == headings[lang] + call[lang]
        meta = dict(form["pk"].iter_rows(values_only=True, max_col=2))
        assert meta["call_title"] == call["nl"]  # the identification stays the call's own
        for other in LANGS:  # no other language's title on the form
            if call[other] != call[lang]:
                assert call[other] not in form.worksheets[0]["A1"].value
        doc = tmp_path / "q" / FILE_NAMES["questionnaire"][lang]
        with zipfile.ZipFile(doc) as zf:
            core = etree.fromstring(zf.read("docProps/core.xml"))
        assert core.findtext("{http://purl.org/dc/elements/1.1/}title").startswith(call[lang])
        assert flat(call[lang]) in pdf_flat(pdfs[doc.name])
    fr = load_workbook(tmp_path / "f" / FILE_NAMES["candidacy_form"]["fr"]).worksheets[0]
    assert fr["A2"].value == "Appel de la commune de Heidebeek (Belgique)"


# --- a workbook made before these columns and fields -------------------------------------------

NEW_FIELDS = tuple(f"{k}_{part}" for k in ("mayor", "director", "alderman")
                   for part in ("salutation", "given", "family"))


def _older(path, width: int) -> None:
    """Turn a workbook into one made by an earlier version: Kandidaten with only its first
    `width` columns (11: no form of address; 12: no names apart) and Profiel without the
    signatories' rows."""
    from openpyxl.utils import get_column_letter

    wb = load_workbook(path)
    ws = wb["Kandidaten"]
    table = ws.tables["tblKandidaten"]
    last = int(re.sub(r"\D", "", table.ref.split(":")[1]))
    for col in range(width + 1, 16):
        for row in range(4, ws.max_row + 1):
            ws.cell(row, col).value = None
    table.ref = f"A4:{get_column_letter(width)}{last}"
    table.autoFilter.ref = table.ref
    table.tableColumns = table.tableColumns[:width]
    prof = wb["Profiel"]
    for row in range(5, prof.max_row + 1):
        if prof.cell(row, 1).value in NEW_FIELDS:
            for col in range(1, 5):
                prof.cell(row, col).value = None
    wb.save(path)


@pytest.mark.parametrize("width", [11, 12])
def test_an_older_workbook_still_checks_writes_letters_and_imports(demo_template, tmp_path,
                                                                    width):
    from intake_support import fill_candidacy

    path = tmp_path / "oud.xlsx"
    shutil.copy(demo_template, path)
    _older(path, width)
    check = run_cli("check", path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "kolomkop" not in check.stdout + check.stderr
    run_cli("record", path, "college", "--partner", "K05", "--number", "CBS/1")
    out = run_cli("letters", path, "--out", tmp_path / "brieven", env={"PARTNERKEUZE_PDF": "0"})
    assert out.returncode == 0, out.stdout + out.stderr
    k05 = docx_text(next((tmp_path / "brieven").glob("Bekendmaking_K05_*_fr.docx")))
    # the name as one text: two words give the family name; the old masculine titles remain
    greeting = "Chère Madame Dossou," if width == 12 else "Madame, Monsieur,"
    assert greeting in k05.split("\n")
    assert "Directeur général" in k05 and "Marleen Van den Broeck" in k05
    k10 = docx_text(next((tmp_path / "brieven").glob("Brief_K10_*_es.docx")))
    assert ("Estimado señor:" if width == 12 else "Buenos días, José Luis Rivera:") in k10
    # a new candidacy form read into the older workbook: kept, with the name as one text
    forms = tmp_path / "formulieren"
    assert run_cli("forms", path, "--out", forms).returncode == 0
    fill_candidacy(forms / "Application-form-en.xlsx", tmp_path / "in" / "kisumu.xlsx",
                   {"name": "Kisumu", "country": "Kenya", "salutation": "Mr",
                    "contact_given": "Otieno", "contact_family": "Odhiambo",
                    "contact_role": "Director of Planning", "email": "p@kisumu.example.ke",
                    "language": "English", "channel": "VVSG"}, {"C01": "Monthly meetings."})
    imp = run_cli("import", path, tmp_path / "in")
    assert imp.returncode == 0, imp.stdout + imp.stderr
    assert "nieuwe kandidaat K14 Kisumu" in imp.stdout
    assert "van een oudere versie" in imp.stdout and "Functie contactpersoon" in imp.stdout
    wb = load_workbook(path)
    ws = wb["Kandidaten"]
    table = ws.tables["tblKandidaten"]
    assert len(table.tableColumns) == width  # the table keeps its columns
    assert table.ref.split(":")[1].rstrip("0123456789") == "KL"[width - 11]
    row = next(r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] == "K14")
    assert row[6] == "Otieno Odhiambo"
    assert all(v in (None, "") for v in row[width:15])  # nothing written beside the table
    assert width == 11 or row[11] == "de heer"
    # the rewritten workbook is still a package Office opens without repair (table and sheet
    # agree), read by the schema checks of tests/ooxml
    from test_office_validity import assert_clean
    from tests.ooxml.audit import audit_files

    assert_clean(audit_files([path], tmp_path))
    again = run_cli("check", path)  # what is left to do concerns the new candidate only
    problems = [ln for ln in again.stderr.splitlines() if "!" in ln.split(":")[0]]
    assert problems and all("K14" in ln for ln in problems), problems
    assert "kolomkop" not in again.stdout + again.stderr
