"""SDG documents: letters to both sides and the agreement in the right language (LibreOffice +
pdftotext), untrusted text shown literally, the VVSG request note, the log, the demo step."""

from __future__ import annotations

import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import run_cli
from tests.lo import docx_text_via_pdf

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

HOSTILE = "Eau & énergie <b>solaire</b> {{ 7*7 }} {% raw %}"


@pytest.fixture(scope="session")
def sdg_docs(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """The SDG demo matched with `match --out`, hostile text in one partner's expectations;
    the PDF text of a sample of documents (converted in parallel)."""
    from partnerkeuze.app.creation import new

    base = tmp_path_factory.mktemp("sdgdocs")
    path = base / "sdg.xlsx"
    new(path, "sdg", demo=True)
    wb = load_workbook(path)
    ws = wb["Partners Zuid"]
    row = next(r for r in range(5, 20) if ws[f"A{r}"].value == "Z05")
    ws[f"I{row}"] = HOSTILE
    wb.save(path)
    out = base / "out"
    proc = run_cli("match", path, "--out", out)
    assert proc.returncode == 0, proc.stderr
    sample = ["SDG_brief_V02_Scheldemeer_nl.docx", "SDG_brief_Z05_Dassa-Zoume_fr.docx",
              "SDG_brief_Z01_Karongi_en.docx", "SDG_brief_Z03_Gatsibo_fr.docx",
              "SDG_overeenkomst_V02_Z05_fr.docx", "SDG_overeenkomst_V01_Z01_nl.docx",
              "SDG_overeenkomst_V01_Z01_en.docx", "SDG_aanvraag_VVSG_W01_Scheldemeer.docx"]
    with ThreadPoolExecutor(4) as pool:
        texts = dict(zip(sample, pool.map(lambda n: docx_text_via_pdf(out / n), sample)))
    return path, out, {k: " ".join(v.split()) for k, v in texts.items()}


def test_documents_for_every_pair(sdg_docs):
    _, out, _ = sdg_docs
    names = sorted(p.name for p in out.glob("*.docx"))
    assert len([n for n in names if n.startswith("SDG_brief_V")]) == 7
    assert len([n for n in names if n.startswith("SDG_brief_Z")]) == 7
    assert len([n for n in names if n.startswith("SDG_overeenkomst_")]) == 14
    assert len([n for n in names if n.startswith("SDG_aanvraag_VVSG_")]) == 7
    # Benin partners get French; Rwanda partners their own language (en or fr); never Dutch
    assert "SDG_brief_Z05_Dassa-Zoume_fr.docx" in names and "SDG_brief_Z03_Gatsibo_fr.docx" in names
    assert "SDG_brief_Z02_Bugesera_en.docx" in names
    assert not any(n.startswith("SDG_brief_Z") and n.endswith("_nl.docx") for n in names)
    assert not any("V08" in n or "Z08" in n for n in names)  # unmatched: no letters


def test_letter_to_the_flemish_side_is_dutch(sdg_docs):
    text = sdg_docs[2]["SDG_brief_V02_Scheldemeer_nl.docx"]
    assert "Betreft: uw SDG-partnerschap met Dassa-Zoumé (Benin)" in text
    assert "Betaalbare en duurzame energie (SDG 7): 3 / 2" in text
    assert "17.500 EUR voor elke partner" in text and "8 januari 2024" in text
    assert "Madame" not in text and "Dear" not in text


def test_letter_to_benin_is_french(sdg_docs):
    text = sdg_docs[2]["SDG_brief_Z05_Dassa-Zoume_fr.docx"]
    assert "Objet : votre partenariat ODD avec Scheldemeer (Belgique)" in text
    assert "Chère Madame Dossou," in text and "prospérité (ODD 7 à 11)" in text
    assert "Aïcha Dossou Secrétaire générale de la mairie Dassa-Zoumé" in text
    assert "Veuillez agréer, Madame, nos salutations" in text
    assert "1030 Bruxelles" in text and "Brussel" not in text
    assert "Énergie propre et d'un coût abordable (ODD 7) : 2 / 3" in text
    assert "15 avril 2024" in text and "17 500 EUR" in text.replace("\u202f", " ")
    assert "Betreft" not in text and "Dear" not in text


def test_letters_to_rwanda_in_english_or_french(sdg_docs):
    en = sdg_docs[2]["SDG_brief_Z01_Karongi_en.docx"]
    assert "Subject: your SDG partnership with Heidebeek (Belgium)" in en
    assert "Dear Ms Mukamana," in en and "citizen participation" in en
    # the contact's job title under the name in the address, never in the greeting
    assert "Claudine Mukamana Director of Planning Karongi" in en
    assert "Mukamana, Director" not in en
    assert "1030 Brussels" in en and "International Policy Officer" in en
    assert "8 January 2024" in en
    fr = sdg_docs[2]["SDG_brief_Z03_Gatsibo_fr.docx"]
    assert "Objet : votre partenariat ODD avec Dijlevoorde (Belgique)" in fr
    assert "la participation citoyenne" in fr and "RALGA" in fr


def test_agreement_records_expectations_priorities_and_exit_clause(sdg_docs):
    fr = sdg_docs[2]["SDG_overeenkomst_V02_Z05_fr.docx"]
    assert "Convention de partenariat ODD" in fr and "Clause de sortie" in fr
    assert "Travail décent et économie locale (ODD 8)" in fr  # a common priority
    assert "Attentes de Dassa-Zoumé" in fr and HOSTILE in fr  # untrusted text, literally
    assert "Attentes de Scheldemeer" in fr and "coopérative énergétique" in fr
    assert "energiecoöperatie" not in fr  # the Dutch note is never shown to the partner
    assert "avec l'appui de la VVSG et de l'ANCB" in fr
    nl = sdg_docs[2]["SDG_overeenkomst_V01_Z01_nl.docx"]
    assert "Partnerschapsovereenkomst SDG" in nl and "Exitclausule" in nl
    assert "Besturen veranderen." in nl and "opzegtermijn van drie maanden" in nl
    assert "Burgerparticipatie in het lokaal beleid (SDG 16.7)" in nl  # a sub-target
    en = sdg_docs[2]["SDG_overeenkomst_V01_Z01_en.docx"]
    assert "SDG partnership agreement" in en and "Exit clause" in en
    assert "Citizen participation in local policy (SDG 16.7)" in en and "Uitwisselen" not in en


def test_hostile_text_is_escaped_in_the_xml(sdg_docs):
    from lxml import etree

    _, out, _ = sdg_docs
    with zipfile.ZipFile(out / "SDG_overeenkomst_V02_Z05_fr.docx") as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    texts = ["".join(p.itertext()) for p in root.iterfind(".//w:p", ns)]
    assert HOSTILE in texts
    assert not root.findall(".//b")  # the <b> stayed text


def test_request_note_to_vvsg(sdg_docs):
    text = sdg_docs[2]["SDG_aanvraag_VVSG_W01_Scheldemeer.docx"]
    assert "Aanvraag: begeleiding van een werkbezoek door de VVSG" in text
    assert "identificatiemissie (relevantie 1 van 4)" in text
    for heading in ("Redenen voor begeleiding", "Gevraagde activiteiten vóór het werkbezoek",
                    "Programma tijdens het werkbezoek", "Verwerking na het werkbezoek"):
        assert heading in text
    assert "referentietermen" in text and "Persoonlijk verslag" in text
    assert "3 partnerschappen in Benin vallen in dezelfde week" in text
    # Every additional reason of the info sheet (004) is offered; the one that holds is ticked.
    from partnerkeuze.core.visits import ADDITIONAL_REASONS

    assert "Bijkomende redenen die de VVSG in overweging neemt" in text
    for n, reason in enumerate(ADDITIONAL_REASONS, start=1):
        mark = "☒" if n == 6 else "☐"
        assert f"{mark} {' '.join(reason.split())}" in text, reason
    assert "Huiswerk van het partnerschap" in text  # an SDG partnership's homework


def test_documents_are_logged_with_their_hashes(sdg_docs):
    path, out, _ = sdg_docs
    ws = load_workbook(path)["Logboek"]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] is not None]
    entry = rows[-1]
    assert entry[3] == "sdg-documents" and "35 documenten voor 7 partnerschappen" in entry[4]
    assert "SDG_brief_Z05_Dassa-Zoume_fr.docx (" in entry[6]


def test_documents_need_a_match_first():
    from partnerkeuze.app.creation import build
    from partnerkeuze.kernel.errors import InputProblems
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from pipeline_support import letters

    book = MemoryWorkbook(build("sdg", demo=True).snapshot())
    with pytest.raises(InputProblems) as exc:
        letters(book, "/nonexistent/never-written")
    assert str(exc.value).startswith("Koppelingen!A5: er zijn nog geen koppelingen")


def test_demo_step_builds_the_sdg_demo(tmp_path):
    from partnerkeuze.app.demo import DEMO_STEPS, runner
    from partnerkeuze.features.sdg.feature import DEMO_SDG, demo_sdg

    assert DEMO_SDG in DEMO_STEPS and DEMO_SDG[0] == "SDG-partnerschappen (koppeling en brieven)"
    files = demo_sdg(runner(), tmp_path / "ignored.xlsx", tmp_path, lambda m: None)
    assert files[0] == tmp_path / "SDG-demo.xlsx" and len(files) == 36
    assert run_cli("check", files[0]).returncode == 0
    assert (tmp_path / "SDG" / "SDG_brief_Z07_Kandi_fr.docx") in files
    assert not (tmp_path / "SDG-demo.vorige.xlsx").exists()


def test_templates_are_reproducible_and_match_their_contexts(tmp_path):
    import datetime as dt

    from partnerkeuze.app.creation import build
    from partnerkeuze.io.docx.render import CompiledTemplate
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.features.sdg import documents as docs
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.features.sdg.actions import partnerships
    from partnerkeuze.features.sdg.workbook import read_call
    from pipeline_support import match
    from partnerkeuze.features.sdg.templates import DEFAULT_DIR, build as build_templates

    fresh = build_templates(tmp_path)
    assert {p.name for p in fresh} == {p.name for p in DEFAULT_DIR.glob("*.docx")}
    for p in fresh:
        assert p.read_bytes() == (DEFAULT_DIR / p.name).read_bytes(), p.name
    book = MemoryWorkbook(build("sdg", demo=True).snapshot())
    match(book)
    snap = book.snapshot()
    model = parse_lenient(snap, [])
    call = read_call(model, snap)
    pair = partnerships(snap, call)[0]
    today = dt.date(2024, 1, 8)
    contexts = {
        "sdg_letter_nl.docx": docs.letter_context(model, call, pair, "flemish", today)[1],
        "sdg_letter_en.docx": docs.letter_context(model, call, pair, "partner", today)[1],
        "sdg_agreement_fr.docx": docs.agreement_context(model, call, pair, "fr", today),
        "sdg_request_nl.docx": docs.request_context(model, call, call.visits[0], today),
    }
    for name, ctx in contexts.items():
        missing = CompiledTemplate(DEFAULT_DIR / name).variables() - set(ctx)
        assert not missing, (name, missing)
