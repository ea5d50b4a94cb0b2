"""Documents a foreign reader reads as written for them, and pages that print and sign well.

For every document kind and language, on the demo and on a workbook with every translatable
field renamed: the text LibreOffice puts in the PDF (the product's own PDF beside the .docx) has
no Dutch word in fr/en/es documents, the core properties and language tags match the reader,
the signature block is on the page of the closing, every page is numbered, and the print bundle
gives every letter an even number of pages.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from tests.conftest import run_cli
from documents_support import decided_demo

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

PDF_ON = {"PARTNERKEUZE_PDF": "1"}
TAGS = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB", "es": "es"}
# Words only Dutch has (none is a French, English or Spanish word).
DUTCH = {"het", "een", "voor", "niet", "zijn", "wordt", "werd", "naar", "ook", "bij", "worden",
         "uw", "wij", "deze", "dat", "heeft", "hebben", "kunnen", "zal", "gemeente", "gemeenten",
         "kandidatuur", "oproep", "geachte", "groeten", "betreft", "pagina", "coördinator",
         "samenwerking", "stedenband", "werkbezoek", "verwachtingen", "toelichting",
         "burgemeester", "schepen", "schepenen", "algemeen", "vriendelijke", "ervaring",
         "stafmedewerker", "partnergemeente", "brussel", "provincie", "inwoners", "tot", "wat",
         "vraag", "antwoord", "gewicht", "beoordelaars", "criterium", "oproep", "tegenover"}
# The words of the renamed Dutch texts (must never reach a foreign reader either).
RENAMED = {"diensthoofd", "wereldburgerschap", "zustergemeente", "kernwaarden", "zelfgekozen",
           "wijkwerking", "zonnedaken"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
CLOSINGS = {"nl": "Met vriendelijke groeten,", "fr": "Veuillez agréer", "en": "Yours sincerely,",
            "es": "Atentamente,"}
PAGE_WORDS = {"nl": "pagina {} van {}", "fr": "page {} sur {}", "en": "page {} of {}",
              "es": "página {} de {}"}


def set_field(ws, key: str, value) -> None:
    """Set the value of a key/value sheet's field (key in column A, value in column C)."""
    for row in range(5, ws.max_row + 1):
        if ws.cell(row, 1).value == key:
            ws.cell(row, 3).value = value
            return
    raise AssertionError(f"field {key} not on {ws.title}")


def column(ws, header: str) -> int:
    """The column number of a table header on row 4."""
    for col in range(1, ws.max_column + 1):
        if ws.cell(4, col).value == header:
            return col
    raise AssertionError(f"column {header} not on {ws.title}")


def rename_stedenband(path: Path) -> None:
    """Every translatable field renamed to new Dutch text, with its translations."""
    wb = load_workbook(path)
    prof, sett, crit = wb["Profiel"], wb["Instellingen"], wb["Criteria"]
    set_field(prof, "coordinator_role", "Diensthoofd wereldburgerschap")
    for lang, role in (("fr", "Cheffe du service citoyenneté mondiale"),
                       ("en", "Head of Global Citizenship"),
                       ("es", "Jefa del servicio de ciudadanía global")):
        set_field(prof, f"coordinator_role_{lang}", role)
    for key in ("description", "themes", "seeks", "offers"):
        set_field(prof, key, f"Onze kernwaarden voor {key}: wijkwerking en zonnedaken.")
        for lang, text in (("fr", "Nos valeurs : quartiers et toits solaires."),
                           ("en", "Our values: neighbourhoods and solar roofs."),
                           ("es", "Nuestros valores: barrios y techos solares.")):
            set_field(prof, f"{key}_{lang}", text)
    set_field(sett, "call_title", "Zoektocht naar een zustergemeente 2027")
    for lang, text in (("fr", "Recherche d'une commune sœur 2027"),
                       ("en", "Search for a sister municipality 2027"),
                       ("es", "Búsqueda de un municipio hermano 2027")):
        set_field(sett, f"call_title_{lang}", text)
    name, q_nl = column(crit, "Criterium"), column(crit, "Vraag (nl)")
    cols = {lang: column(crit, f"Criterium ({lang})") for lang in ("fr", "en", "es")}
    for row in range(5, crit.max_row + 1):
        cid = crit.cell(row, 1).value
        if not cid:
            continue
        crit.cell(row, name).value = f"Zelfgekozen wijkwerking {cid}"
        crit.cell(row, q_nl).value = f"Hoe ziet de wijkwerking {cid} eruit?"
        for lang, word in (("fr", "Critère choisi"), ("en", "Chosen criterion"),
                           ("es", "Criterio elegido")):
            crit.cell(row, cols[lang]).value = f"{word} {cid}"
    wb.save(path)


def rename_sdg(path: Path) -> None:
    """The SDG demo with the job title, the call title and the interest notes renamed."""
    wb = load_workbook(path)
    prof, sett, ints = wb["Profiel"], wb["Instellingen"], wb["Interesses"]
    set_field(prof, "coordinator_role", "Diensthoofd wereldburgerschap")
    set_field(prof, "coordinator_role_fr", "Cheffe du service citoyenneté mondiale")
    set_field(prof, "coordinator_role_en", "Head of Global Citizenship")
    set_field(sett, "call_title", "Zoektocht naar een zustergemeente 2027")
    set_field(sett, "call_title_fr", "Recherche d'une commune sœur 2027")
    set_field(sett, "call_title_en", "Search for a sister municipality 2027")
    note, fr, en = column(ints, "Toelichting"), column(ints, "Toelichting (fr)"), \
        column(ints, "Toelichting (en)")
    for row in range(5, ints.max_row + 1):
        if ints.cell(row, note).value:
            ints.cell(row, note).value = "Onze kernwaarden: wijkwerking en zonnedaken."
            ints.cell(row, fr).value = "Nos valeurs : quartiers et toits solaires."
            ints.cell(row, en).value = "Our values: neighbourhoods and solar roofs."
    wb.save(path)


def pages_of(pdf: Path) -> list[str]:
    """The text of each page of a PDF (pdftotext, whitespace collapsed)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [re.sub(r"\s+", " ", p.replace("\u202f", " ").replace("\xa0", " ")) for p in pages]


from partnerkeuze.io.forms.texts import FILE_NAMES  # noqa: E402 (the questionnaires' names)


def language_of(name: str) -> str:
    """The reader's language from a file name (…_fr.docx); Dutch for the dossier and requests."""
    m = re.search(r"_(nl|fr|en|es)\.(docx|pdf)$", name)
    return m.group(1) if m else "nl"


@pytest.fixture(scope="module", params=["demo", "renamed"])
def made(request, tmp_path_factory):
    """All documents of the stedenband and SDG demos (or their renamed copies), with PDFs."""
    from partnerkeuze.app.creation import new

    base = tmp_path_factory.mktemp(f"lang-{request.param}")
    sted, sdg = base / "stedenband.xlsx", base / "sdg.xlsx"
    new(sted, "stedenband", demo=True)
    new(sdg, "sdg", demo=True)
    if request.param == "renamed":  # renamed criteria are fixed again, with a reason
        rename_stedenband(sted)
        proc = run_cli("freeze", sted, "--reason", "Namen en vragen herschreven")
        assert proc.returncode == 0, proc.stderr
        rename_sdg(sdg)
    decided_demo(sted)  # final letters, none withheld
    out = base / "out"
    for cmd, target in (("questionnaire", out), ("dossier", out), ("letters", out / "Brieven")):
        proc = run_cli(cmd, sted, "--out", target, env=PDF_ON)
        assert proc.returncode == 0, proc.stderr
    proc = run_cli("match", sdg, "--out", out / "SDG", env=PDF_ON)
    assert proc.returncode == 0, proc.stderr
    docs = sorted(out.rglob("*.docx"))
    return {"variant": request.param, "out": out, "docs": docs, "workbook": sted,
            "model_mayor": "Marleen Van den Broeck"}


def test_every_document_has_its_pdf(made):
    missing = [d.name for d in made["docs"] if not d.with_suffix(".pdf").exists()]
    assert not missing
    kinds = {re.sub(r"_.*", "", d.name) for d in made["docs"]}
    assert {"Oproep", "Dossier", "Brief", "Bekendmaking", "Brieven", "SDG"} <= kinds


def test_no_dutch_word_in_foreign_documents(made):
    stop = DUTCH | (RENAMED if made["variant"] == "renamed" else set())
    found = {}
    for doc in made["docs"]:
        lang = language_of(doc.name)
        if lang == "nl":
            continue
        words = set(re.findall(r"[\wÀ-ÿ']+", " ".join(pages_of(doc.with_suffix(".pdf"))).lower()))
        if words & stop:
            found[doc.name] = sorted(words & stop)
    assert not found, found
    foreign = [d for d in made["docs"] if language_of(d.name) != "nl"]
    assert len(foreign) >= 25  # fr/en/es letters, questionnaires, SDG letters and agreements


def test_the_renamed_texts_reach_the_reader_translated(made):
    if made["variant"] != "renamed":
        return
    out = made["out"]
    fr = " ".join(pages_of(out / "Appel_et_questionnaire_fr.pdf"))
    assert "Recherche d'une commune sœur 2027" in fr and "Nos valeurs" in fr
    sdg_fr = " ".join(pages_of(next(out.glob("SDG/SDG_brief_Z*_fr.pdf"))))
    assert "Cheffe du service citoyenneté mondiale, VVSG" in sdg_fr
    assert "Recherche d'une commune sœur 2027" in sdg_fr  # the footer
    letter = next(out.glob("Brieven/Brief_*_en.pdf"))
    text = " ".join(pages_of(letter))
    assert "Chosen criterion" in text
    agreement = next(out.glob("SDG/SDG_overeenkomst_*_fr.pdf"))
    assert "Nos valeurs : quartiers et toits solaires." in " ".join(pages_of(agreement))
    nl = " ".join(pages_of(out / "Oproep_en_vragenlijst_nl.pdf"))
    assert "Zoektocht naar een zustergemeente 2027" in nl  # Dutch readers keep the Dutch


def test_core_properties_and_language_tags_match_the_reader(made):
    for doc in made["docs"]:
        lang = language_of(doc.name)
        tag = TAGS[lang]
        with zipfile.ZipFile(doc) as zf:
            core = etree.fromstring(zf.read("docProps/core.xml"))
            styles = etree.fromstring(zf.read("word/styles.xml"))
            body = etree.fromstring(zf.read("word/document.xml"))
        if doc.name.startswith("Brieven_"):  # the bundle: Dutch, each letter in its language
            assert core.findtext(f"{DC}language") == "nl-BE"
            letters = {TAGS[language_of(d.name)] for d in made["docs"]
                       if d.parent == doc.parent and d != doc}
            assert {el.get(f"{W}val") for el in body.iter(f"{W}lang")} == letters
            continue
        assert core.findtext(f"{DC}language") == tag, doc.name
        title = core.findtext(f"{DC}title") or ""
        assert title and "{{" not in title, doc.name
        if lang != "nl":
            assert not set(re.findall(r"[\wÀ-ÿ']+", title.lower())) & DUTCH, (doc.name, title)
        default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert default is not None and default.get(f"{W}val") == tag, doc.name
        others = {el.get(f"{W}val") for el in body.iter(f"{W}lang")} - {tag}
        assert not others, (doc.name, others)
    letters = [d for d in made["docs"] if d.name.startswith("Brief_")]
    with zipfile.ZipFile(letters[0]) as zf:
        title = etree.fromstring(zf.read("docProps/core.xml")).findtext(f"{DC}title")
    assert letters[0].name.split("_")[2].split("-")[0] in title  # names the candidate


def test_signature_block_on_the_page_of_the_closing(made):
    checked = 0
    for doc in made["docs"]:
        name, lang = doc.name, language_of(doc.name)
        pages = pages_of(doc.with_suffix(".pdf"))
        if name.startswith(("Brief_", "Bekendmaking_")) or \
                name in FILE_NAMES["questionnaire"].values():
            closing, signature = CLOSINGS[lang], made["model_mayor"]
        elif name.startswith("SDG_brief_"):
            closing, signature = CLOSINGS[lang], "Sara Vermeulen"
        else:
            continue
        with_closing = [i for i, p in enumerate(pages) if closing in p]
        with_signature = [i for i, p in enumerate(pages) if signature in p]
        assert with_closing and with_signature, name
        assert with_closing[0] == with_signature[-1], (name, with_closing, with_signature)
        checked += 1
    assert checked >= 30


def test_every_page_is_numbered_in_the_reader_language(made):
    for doc in made["docs"]:
        if doc.name.startswith("Brieven_"):
            continue  # the bundle: see the next test
        lang = language_of(doc.name)
        pages = pages_of(doc.with_suffix(".pdf"))
        for i, page in enumerate(pages, start=1):
            assert PAGE_WORDS[lang].format(i, len(pages)) in page, (doc.name, i)


def test_print_bundle_gives_every_letter_an_even_number_of_pages(made):
    bundle = made["out"] / "Brieven" / "Brieven_alle_kandidaten.pdf"
    pages = pages_of(bundle)
    letters = sorted(p for p in (made["out"] / "Brieven").glob("*.pdf") if p != bundle)
    assert len(pages) % 2 == 0
    starts = [i for i, p in enumerate(pages, start=1)
              if re.search(r"(pagina|page|página) 1 (van|sur|of|de) \d", p)]
    assert len(starts) == len(letters)
    assert all(s % 2 == 1 for s in starts), starts  # every letter starts on a front page
    ends = starts[1:] + [len(pages) + 1]
    lengths = [e - s for s, e in zip(starts, ends)]
    assert all(n % 2 == 0 for n in lengths), lengths
    own = {len(pages_of(p)) for p in letters}
    for s, n in zip(starts, lengths):
        m = re.search(r"(?:pagina|page|página) 1 (?:van|sur|of|de) (\d)", pages[s - 1])
        total = int(m.group(1))
        assert total in own and n in (total, total + 1)
        if n == total + 1:
            assert not re.search(r"(pagina|page|página) \d", pages[s - 1 + total]), \
                "the blank back page has no page number"


def own_template(folder: Path, name: str, marker: str | None = None,
                 drop: str | None = None) -> Path:
    """A copy of a built-in template with a marker paragraph added or a field removed."""
    from docx import Document

    from partnerkeuze.io.docx.templates import BUILT_IN

    folder.mkdir(exist_ok=True)
    doc = Document(BUILT_IN / name)
    if marker:
        doc.paragraphs[-1].insert_paragraph_before(marker)
    if drop:
        for p in doc.paragraphs:
            for run in p.runs:
                if drop in run.text:
                    run.text = run.text.replace(drop, "")
    target = folder / name
    doc.save(target)
    return target


def test_one_template_of_the_own_folder_changes_that_document_only(demo_path, tmp_path):
    from documents_support import docx_text

    decided_demo(demo_path)
    own_template(demo_path.parent / "mijn-sjablonen", "letter_declined_fr.docx",
                 marker="Texte propre à Heidebeek")
    wb = load_workbook(demo_path)
    set_field(wb["Instellingen"], "template_dir", "mijn-sjablonen")
    wb.save(demo_path)
    proc = run_cli("letters", demo_path, "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    docs = {p.name: docx_text(p) for p in (tmp_path / "out").glob("Brie*_*.docx")}
    docs.update({p.name: docx_text(p) for p in (tmp_path / "out").glob("Bekendmaking_*.docx")})
    changed = {n for n, t in docs.items() if "Texte propre à Heidebeek" in t}
    expected = {n for n in docs if n.startswith("Brief_") and n.endswith("_fr.docx")}
    assert expected and changed == expected | {"Brieven_alle_kandidaten.docx"}


def test_removing_a_required_field_is_a_clear_error(demo_path, tmp_path):
    decided_demo(demo_path)
    own_template(demo_path.parent / "sjablonen", "letter_declined_en.docx",
                 drop="{{ candidate_id }}")  # a required field used once in it
    wb = load_workbook(demo_path)
    set_field(wb["Instellingen"], "template_dir", "sjablonen")
    wb.save(demo_path)
    before = demo_path.read_bytes()
    proc = run_cli("letters", demo_path, "--out", tmp_path / "out")
    assert proc.returncode in (1, 2), proc.stdout
    assert "letter_declined_en.docx" in proc.stderr and "{{ candidate_id }}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert demo_path.read_bytes() == before


def test_a_missing_template_folder_names_the_setting(demo_path, tmp_path):
    wb = load_workbook(demo_path)
    set_field(wb["Instellingen"], "template_dir", "bestaat-niet")
    wb.save(demo_path)
    proc = run_cli("dossier", demo_path, "--out", tmp_path / "out")
    assert proc.returncode in (1, 2)
    assert "Map met eigen sjablonen" in proc.stderr and "bestaat-niet" in proc.stderr


def test_check_names_each_missing_translation_for_the_languages_needed(demo_path):
    wb = load_workbook(demo_path)
    set_field(wb["Profiel"], "coordinator_role_es", None)
    set_field(wb["Instellingen"], "call_title_fr", None)
    cand = wb["Kandidaten"]
    lang = column(cand, "Taal")
    for row in range(5, cand.max_row + 1):  # nobody reads English any more
        if cand.cell(row, lang).value == "en":
            cand.cell(row, lang).value = "fr"
    wb.save(demo_path)
    proc = run_cli("check", demo_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout + proc.stderr
    assert re.search(r"Profiel!C\d+: geen vertaling \(Spaans\) van 'Functie van de coördinator'",
                     out)
    assert re.search(r"Instellingen!C\d+: geen vertaling \(Frans\) van 'Naam van de oproep'", out)
    assert "(Engels)" not in out  # no candidate reads English: nothing asked in English


def test_a_control_character_from_excel_never_prints(tmp_path):
    from partnerkeuze.io.docx.render import decode_excel_escapes, safe_text

    assert safe_text("Ta_x0001_ri_x000B_ja") == "Tari\nja"
    assert decode_excel_escapes("a_x005F_x0001_b") == "a_x0001_b"  # an escaped literal stays
    assert safe_text("line\x0bbreak\x07") == "line\nbreak"



def test_reminder_mails_carry_the_translated_call_and_job_title(demo_template):
    import datetime as dt

    from documents_support import read_snapshot

    from partnerkeuze.core.parse import parse
    from partnerkeuze.features.planning.reminders import candidate_items

    model = parse(read_snapshot(demo_template))
    model.candidates = [c.replace(received=None) for c in model.candidates]
    deadline = model.settings.deadline
    items = candidate_items(model, deadline, deadline - dt.timedelta(days=5))
    by_lang = {it.language: it for it in items}
    assert {"fr", "en", "es"} <= set(by_lang)
    values = model.settings.values
    for lang in ("fr", "en", "es"):
        text = by_lang[lang].subject + by_lang[lang].body
        assert values[f"call_title_{lang}"] in text, lang
        assert model.settings.call_title not in text, lang
        assert "Coördinator" not in text and "coördinator" not in text, lang


def test_check_names_a_french_contact_without_form_of_address(demo_path):
    wb = load_workbook(demo_path)
    cand = wb["Kandidaten"]
    form, ident = column(cand, "Aanspreking"), column(cand, "ID")
    row = next(r for r in range(5, cand.max_row + 1) if cand.cell(r, ident).value == "K06")
    cand.cell(row, form).value = None
    wb.save(demo_path)
    proc = run_cli("check", demo_path)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"Kandidaten!\w+\d+: geen aanspreking \(mevrouw of de heer\) voor Youssef "
                     r"Amrani \(K06\)", proc.stdout + proc.stderr)
    assert "(K01)" not in proc.stdout + proc.stderr  # K01 has its form of address


def test_announcement_to_the_chosen_partner_in_every_language(made, tmp_path):
    """The demo's chosen partner reads French; its announcement in nl, en and es as well."""
    from documents_support import convert_all, demo_context_builder

    from partnerkeuze.features.documents.contexts import chosen_context, letterhead
    from partnerkeuze.kernel.languages import locale_for
    from partnerkeuze.io.docx.templates import load
    from partnerkeuze.record.procedure import read_record
    from partnerkeuze.record.procedure import reasons as rs
    from partnerkeuze.record.procedure.decision import decide

    snap, model, result, notes, chosen, _ = demo_context_builder(made["workbook"])
    decision = decide(model, result, read_record(snap))
    assert decision.final  # the college's choice is recorded: no draft mark
    cand = model.candidate(decision.partner)
    why = rs.reasons_for(model, result, decision, cand.id)
    files = []
    for lang in ("nl", "en", "es"):
        head = letterhead(model, None, notes, language=lang)
        ctx = chosen_context(model, result, cand, lang, head, notes, decision, why)
        path = tmp_path / f"Bekendmaking_{lang}.docx"
        path.write_bytes(load(f"letter_chosen_{lang}.docx").render(ctx, locale_for(lang)))
        files.append(path)
    pdfs = convert_all(files, tmp_path / "pdf")
    stop = DUTCH | (RENAMED if made["variant"] == "renamed" else set())
    for path in files:
        lang = language_of(path.name)
        pages = pages_of(pdfs[path.name])
        words = set(re.findall(r"[\wÀ-ÿ']+", " ".join(pages).lower()))
        if lang != "nl":
            assert not words & stop, (path.name, sorted(words & stop))
        closing = [i for i, p in enumerate(pages) if CLOSINGS[lang] in p]
        signature = [i for i, p in enumerate(pages) if made["model_mayor"] in p]
        assert closing and signature and closing[0] == signature[-1], path.name
        for i, page in enumerate(pages, start=1):
            assert PAGE_WORDS[lang].format(i, len(pages)) in page, (path.name, i)
        with zipfile.ZipFile(path) as zf:
            core = etree.fromstring(zf.read("docProps/core.xml"))
        assert core.findtext(f"{DC}language") == TAGS[lang]
        assert cand.name in core.findtext(f"{DC}title")


def test_dossier_has_one_date_style_and_names_beside_criterion_ids(made):
    text = " ".join(pages_of(made["out"] / "Dossier_college.pdf"))
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}", text)
    assert not re.search(r"\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}",
                         text)  # no short month names beside the long ones
    assert re.search(r"\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|"
                     r"oktober|november|december) \d{4}", text)
    table = text.split("Laagste gewicht", 1)[1][:400]
    assert re.search(r"C0\d \w+", table)  # "C01 Democratische participatie", not "C01" alone


def test_the_readers_and_joins_lists_as_a_native_writer_would():
    """Spanish writes "e" before an i sound; items that hold "and" are set apart (two with a
    comma, more with semicolons)."""
    from partnerkeuze.io.docx.render import _and_list_filter, and_list

    assert and_list(["participación democrática", "igualdad y reciprocidad"], "es") == \
        "participación democrática e igualdad y reciprocidad"
    assert and_list(["a", "b", "historia"], "es") == "a, b e historia"
    assert and_list(["a", "hielo"], "es") == "a y hielo"
    assert and_list(["a", "inversión"], "fr_BE") == "a et inversión"
    assert _and_list_filter({"_locale": "es"}, ["confianza mutua", "igualdad y reciprocidad",
                                                 "interés y apoyo"]) == \
        "confianza mutua; igualdad y reciprocidad; e interés y apoyo"
    assert _and_list_filter({"_locale": "en_GB"}, ["mutual trust and openness",
                                                    "practical feasibility"]) == \
        "mutual trust and openness, and practical feasibility"
    assert _and_list_filter({"_locale": "fr_BE"}, ["a", "confiance et ouverture", "c"]) == \
        "a\u202f; confiance et ouverture\u202f; et c"
