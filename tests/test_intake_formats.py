"""Candidacies in every form a municipality can produce: the .xlsx form and the same form saved
by LibreOffice as .xlsx and .ods, the Word questionnaire filled through python-docx and through
LibreOffice, mails with the form attached, subfolders; arrival dates and late candidacies."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import tempfile
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import load_workbook

from conftest import run_cli
from intake_support import call_with_forms, fill_candidacy
from lo import convert, soffice

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

HOSTILE = "=HYPERLINK(\"http://evil.example\",\"klik\")"
ON_TIME = dt.datetime(2026, 5, 20, 10, 0).timestamp()  # before the demo deadline 2 June 2026
LATE = dt.datetime(2026, 11, 20, 10, 0).timestamp()


@pytest.fixture(scope="module")
def call(demo_template, tmp_path_factory):
    """A demo workbook with its candidacy forms and questionnaires."""
    base = tmp_path_factory.mktemp("formats")
    return base, call_with_forms(demo_template, base)


def _workbook(call, tmp_path) -> Path:
    path = tmp_path / "werkmap.xlsx"
    shutil.copy(call[1], path)
    return path


def _rows(path: Path, sheet: str, first: str) -> list[list]:
    wb = load_workbook(path)
    return [[c.value for c in row] for row in wb[sheet].iter_rows() if row[0].value == first]


def _answers(path: Path, cand: str) -> dict[str, tuple]:
    wb = load_workbook(path)
    out = {}
    for row in wb["Antwoorden"].iter_rows(min_row=5):
        if row[0].value == cand and row[7].value is None:
            out[row[1].value] = (row[3].value, row[3].data_type, row[2].value, row[4].value,
                                 row[5].value)
    return out


def _fill_word(src: Path, dst: Path, values: dict[str, str]) -> Path:
    """Fill the content controls of the Word questionnaire as Word does (python-docx)."""
    d = docx.Document(src)
    for sdt in d.element.body.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        key = pr.find(qn("w:tag")).get(qn("w:val"))[3:]
        if key not in values:
            continue
        pr.remove(pr.find(qn("w:showingPlcHdr")))
        content = sdt.find(qn("w:sdtContent"))
        for child in list(content):
            content.remove(child)
        run = OxmlElement("w:r")
        for n, line in enumerate(values[key].split("\n")):
            if n:
                run.append(OxmlElement("w:br"))
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = line
            run.append(t)
        content.append(run)
    dst.parent.mkdir(parents=True, exist_ok=True)
    d.save(dst)
    return dst


def _fill_word_in_libreoffice(src: Path, dst: Path, values: list[str]) -> Path:
    """Fill the questionnaire in LibreOffice: LibreOffice opens the .docx (its answer boxes
    become input fields), the fields get their text, and LibreOffice writes the .docx."""
    work = Path(tempfile.mkdtemp(prefix="lo-word-"))
    flat = convert(src, "fodt", work)
    xml = flat.read_text(encoding="utf-8")
    texts = iter(values)
    xml, n = re.subn(r"(<text:text-input[^>]*>)[^<]*(</text:text-input>)",
                     lambda m: m.group(1) + escape(next(texts)) + m.group(2), xml)
    assert n == len(values)
    filled = work / (dst.stem + ".fodt")
    filled.write_text(xml, encoding="utf-8")
    out = convert(filled, "docx:MS Word 2007 XML", work / "out")
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(out, dst)
    return dst


KISUMU = {"name": "Kisumu", "country": "Kenya", "region": "Kisumu County",
          "contact_given": "Otieno", "contact_family": "Odhiambo",
          "email": "partnerships@kisumu.example.ke",
          "language": "English", "channel": "Citizens and local press"}


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_form_saved_by_libreoffice_is_imported(call, tmp_path, fmt):
    base, _ = call
    book = _workbook(call, tmp_path)
    filled = fill_candidacy(base / "formulieren" / "Application-form-en.xlsx",
                            tmp_path / "ingevuld" / "kisumu.xlsx", KISUMU,
                            {"C01": "First line.\nSecond line.", "C02": "+32 3 555 12 00",
                             "C03": "Our council meets monthly.", "C04": HOSTILE})
    inbox = tmp_path / "inbox"
    target = fmt + (":Calc MS Excel 2007 XML" if fmt == "xlsx" else "")
    saved = convert(filled, target, inbox)
    assert saved.suffix == f".{fmt}"
    os.utime(saved, (ON_TIME, ON_TIME))
    before = saved.read_bytes()
    proc = run_cli("import", book, inbox)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"kisumu.{fmt}: nieuwe kandidaat K14 Kisumu" in proc.stdout
    assert "TE LAAT" not in proc.stdout
    assert saved.read_bytes() == before
    cand = _rows(book, "Kandidaten", "K14")[0]
    assert cand[1:4] == ["Kisumu", "Kenia", "Kisumu County"]
    assert cand[8].date() == dt.date(2026, 5, 20)  # the day the file came in, not today
    answers = _answers(book, "K14")
    assert answers["C01"][0] == "First line.\nSecond line."
    assert answers["C02"][:2] == ("+32 3 555 12 00", "s")
    assert answers["C03"][0] == "Our council meets monthly."
    # a formula typed as an answer (LibreOffice keeps it as a formula) arrives as its text
    assert answers["C04"][0].startswith('=HYPERLINK("http://evil.example"')
    assert answers["C04"][1] == "s"
    assert {a[3] for a in answers.values()} == {f"kisumu.{fmt}"}  # provenance: the file
    import hashlib

    assert {a[4] for a in answers.values()} == {hashlib.sha256(before).hexdigest()[:16]}


def test_word_questionnaire_filled_with_python_docx(call, tmp_path):
    base, _ = call
    book = _workbook(call, tmp_path)
    values = {"name": "Cochabamba", "country": "Bolivia", "region": "Cercado",
              "salutation": "Sra.", "contact_given": "María Fernanda",
              "contact_family": "Rojas", "contact_role": "Directora de relaciones",
              "email": "relaciones@cochabamba.example.bo",
              "channel": "Contactos existentes",
              "answer:C01": HOSTILE, "answer:C02": "Primera línea.\nSegunda línea.",
              "answer:C03": "@SUM(1+1)*cmd|' /C calc'!A0"}
    reply = _fill_word(base / "vragenlijst" / "Convocatoria_y_cuestionario_es.docx",
                       tmp_path / "inbox" / "respuesta.docx", values)
    os.utime(reply, (ON_TIME, ON_TIME))
    proc = run_cli("import", book, tmp_path / "inbox")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "respuesta.docx: nieuwe kandidaat K14 Cochabamba" in proc.stdout
    cand = _rows(book, "Kandidaten", "K14")[0]
    assert cand[1:8] == ["Cochabamba", "Bolivia", "Cercado", "es", "Bestaande contacten",
                         "María Fernanda Rojas", "relaciones@cochabamba.example.bo"]
    assert cand[11:15] == ["mevrouw", "María Fernanda", "Rojas", "Directora de relaciones"]
    answers = _answers(book, "K14")
    assert answers["C01"][:3] == (HOSTILE, "s", "es")  # a formula stays text
    assert answers["C02"][0] == "Primera línea.\nSegunda línea."
    assert answers["C03"][:2] == ("@SUM(1+1)*cmd|' /C calc'!A0", "s")
    assert set(answers) == {"C01", "C02", "C03"}  # empty boxes (placeholders) are no answers
    assert {a[3] for a in answers.values()} == {"respuesta.docx"}
    invoer = load_workbook(book)["Invoer"]
    rows = [[c.value for c in r] for r in invoer.iter_rows(min_row=5) if r[1].value]
    assert rows[-1][1] == "respuesta.docx" and rows[-1][4] == "K14"


def test_word_questionnaire_filled_in_libreoffice(call, tmp_path):
    base, _ = call
    book = _workbook(call, tmp_path)
    # identity (9 boxes: the contact's form of address, given and family names and job title
    # apart), then one box per question in the order of the questionnaire
    values = ["Parakou", "Bénin", "Borgou", "Madame", "Rachidatou", "Sanni",
              "Secrétaire générale", "mairie@parakou.example.bj", "VVSG", HOSTILE,
              "Le conseil se réunit chaque mois."] + [""] * 7
    reply = _fill_word_in_libreoffice(base / "vragenlijst" / "Appel_et_questionnaire_fr.docx",
                                      tmp_path / "inbox" / "reponse.docx", values)
    # LibreOffice kept no content-control tags: the answers are read in document order
    assert b"pk:answer" not in subprocess.run(["unzip", "-p", str(reply), "word/document.xml"],
                                              capture_output=True).stdout
    os.utime(reply, (ON_TIME, ON_TIME))
    proc = run_cli("import", book, tmp_path / "inbox")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    cand = _rows(book, "Kandidaten", "K14")[0]
    assert cand[1:4] == ["Parakou", "Benin", "Borgou"] and cand[4] == "fr"
    assert cand[6] == "Rachidatou Sanni"
    assert cand[11:15] == ["mevrouw", "Rachidatou", "Sanni", "Secrétaire générale"]
    answers = _answers(book, "K14")
    crit = [k for k in answers]
    assert answers[crit[0]][:2] == (HOSTILE, "s")
    assert answers[crit[1]][0] == "Le conseil se réunit chaque mois."
    assert len(answers) == 2 and {a[3] for a in answers.values()} == {"reponse.docx"}


def test_late_file_flagged_on_invoer_and_by_check(call, tmp_path):
    base, _ = call
    book = _workbook(call, tmp_path)
    late = fill_candidacy(base / "formulieren" / "Application-form-en.xlsx",
                          tmp_path / "inbox" / "laat.xlsx", KISUMU, {"C01": "Late answer."})
    os.utime(late, (LATE, LATE))
    proc = run_cli("import", book, tmp_path / "inbox")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert ("laat.xlsx: nieuwe kandidaat K14 Kisumu; ontvangen op 20/11/2026; TE LAAT: na de "
            "deadline 02/06/2026") in proc.stdout
    invoer = load_workbook(book)["Invoer"]
    row = [[c.value for c in r] for r in invoer.iter_rows(min_row=5) if r[1].value][-1]
    assert row[1] == "laat.xlsx" and "TE LAAT" in row[6]
    assert _rows(book, "Kandidaten", "K14")[0][8].date() == dt.date(2026, 11, 20)
    check = run_cli("check", book)
    assert check.returncode == 1
    assert re.search(r"Kandidaten!I\d+: .*K14 Kisumu.*20/11/2026.*na de deadline 02/06/2026",
                     check.stdout + check.stderr), check.stdout + check.stderr


def test_mail_subfolders_and_other_files(call, tmp_path):
    base, _ = call
    book = _workbook(call, tmp_path)
    inbox = tmp_path / "inbox"
    form = fill_candidacy(base / "formulieren" / "Application-form-en.xlsx",
                          tmp_path / "kisumu.xlsx", KISUMU, {"C01": "By mail."})
    mail = EmailMessage()
    mail["From"] = "partnerships@kisumu.example.ke"
    mail["To"] = "an.peeters@heidebeek.be"
    mail["Subject"] = "Candidacy"
    mail["Date"] = "Mon, 01 Jun 2026 18:30:00 +0300"
    mail.set_content("Please find our candidacy attached.")
    mail.add_attachment(form.read_bytes(), maintype="application",
                        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        filename="kisumu.xlsx")
    (inbox / "mei").mkdir(parents=True)
    (inbox / "mei" / "kandidatuur-kisumu.eml").write_bytes(bytes(mail))
    (inbox / "mei" / "notities.txt").write_text("x")
    (inbox / "oud.odt").write_bytes(b"PK\x03\x04")
    proc = run_cli("import", book, inbox)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Ook gelezen in de submappen: mei." in proc.stdout
    assert "mei/kandidatuur-kisumu.eml > kisumu.xlsx: nieuwe kandidaat K14 Kisumu; ontvangen op " \
           "01/06/2026 via mei/kandidatuur-kisumu.eml" in proc.stdout
    assert "2 bestand(en) overgeslagen" in proc.stdout and "mei/notities.txt" in proc.stdout
    assert _rows(book, "Kandidaten", "K14")[0][8].date() == dt.date(2026, 6, 1)


def test_a_document_that_is_no_form_is_refused_by_name(call, tmp_path):
    book = _workbook(call, tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    d = docx.Document()
    d.add_paragraph("Our candidacy: we are very motivated.")
    d.save(inbox / "brief.docx")
    convert(call[1], "ods", inbox)  # the workbook itself as .ods: no form
    before = book.read_bytes()
    proc = run_cli("import", book, inbox)
    assert proc.returncode == 1
    assert "brief.docx: dit Word-document is geen vragenlijst van Partnerkeuze" in proc.stderr
    assert "werkmap.ods: dit is geen formulier van Partnerkeuze" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert book.read_bytes() == before
    assert soffice()
