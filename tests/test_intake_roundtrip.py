"""Candidacy forms out and back: generated in four languages, filled in, imported, idempotent."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from intake_support import (NS, cell_xml, fill_candidacy, form_cells, imported_rows, memory_book,
                            shared_strings)
from conftest import run_cli

FORM_NAMES = {"nl": "Kandidatuurformulier-nl.xlsx", "fr": "Formulaire-de-candidature-fr.xlsx",
              "en": "Application-form-en.xlsx", "es": "Formulario-de-candidatura-es.xlsx"}
CRITERIA = ("KO1", "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08")
HOSTILE = {"C01": "=HYPERLINK(\"http://evil.example\",\"klik\")", "C02": "+32 3 555 12 00",
           "C03": "-2+3", "C04": "@SUM(1+1)*cmd|' /C calc'!A0"}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def answers_for(tag: str) -> dict:
    return {cid: f"{tag}: antwoord op {cid}, met een zin van de kandidaat." for cid in CRITERIA}


# (language, identity fields as shown in the form, answers)
FILLED = {
    "nl": ({"name": "Paramaribo", "country": "Suriname", "region": "Paramaribo",
            "salutation": "mevrouw", "contact_given": "Anita", "contact_family": "Sewdien",
            "contact_role": "coördinator", "email": "info@paramaribo.example.sr",
            "language": "Nederlands", "channel": "VVSG"}, answers_for("nl")),
    "fr": ({"name": "Dassa-Zoumé", "country": "Bénin", "region": "Collines",
            "salutation": "Madame", "contact_given": "Aïcha", "contact_family": "Dossou",
            "contact_role": "secrétaire générale", "email": "nouveau@dassa.example.bj",
            "language": "français", "channel": "Ambassades et consulats"}, answers_for("fr")),
    "en": ({"name": "Kisumu", "country": "Kenya", "region": "Kisumu County",
            "salutation": "Mr", "contact_given": "Otieno", "contact_family": "Odhiambo",
            "contact_role": "Director of Planning", "email": "partnerships@kisumu.example.ke",
            "language": "English", "channel": "Citizens and local press"}, answers_for("en")),
    "es": ({"name": "Cochabamba", "country": "Bolivia", "region": "Cercado",
            "salutation": "Señora", "contact_given": "María Fernanda",
            "contact_family": "Rojas Quishpe", "contact_role": "Directora de relaciones",
            "email": "relaciones@cochabamba.example.bo",
            "language": "español", "channel": "Contactos existentes"},
           {**answers_for("es"), **HOSTILE}),
}
# How each contact's form of address, names and job title come back on Kandidaten.
CONTACTS = {"Paramaribo": ("mevrouw", "Anita", "Sewdien", "coördinator"),
            "Dassa-Zoumé": ("mevrouw", "Aïcha", "Dossou", "secrétaire générale"),
            "Kisumu": ("de heer", "Otieno", "Odhiambo", "Director of Planning"),
            "Cochabamba": ("mevrouw", "María Fernanda", "Rojas Quishpe",
                           "Directora de relaciones")}


@pytest.fixture(scope="module")
def generated(demo_template, tmp_path_factory):
    """A demo workbook with its four candidacy forms written by the command line."""
    base = tmp_path_factory.mktemp("intake-rt")
    book = base / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    proc = run_cli("forms", book, "--out", base / "formulieren")
    assert proc.returncode == 0, proc.stderr
    return base, book


@pytest.fixture(scope="module")
def imported(generated, tmp_path_factory):
    """The forms filled in (one per language), imported once into a copy of the workbook."""
    base, book = generated
    work = tmp_path_factory.mktemp("intake-imp")
    wbpath = work / "werkmap.xlsx"
    shutil.copy(book, wbpath)
    inbox = work / "teruggekomen"
    for i, (lang, (fields, answers)) in enumerate(FILLED.items()):
        out = fill_candidacy(base / "formulieren" / FORM_NAMES[lang],
                             inbox / f"ingevuld-{lang}.xlsx", fields, answers)
        os.utime(out, (1_780_000_000 + i, 1_780_000_000 + i))  # nl, fr, en, es in this order
    inputs = {p.name: sha(p) for p in inbox.iterdir()}
    proc = run_cli("import", wbpath, inbox)
    return wbpath, inbox, inputs, proc


def test_forms_are_protected_with_only_answer_cells_open(generated):
    base, book = generated
    for lang, name in FORM_NAMES.items():
        path = base / "formulieren" / name
        with open(path, "rb") as fh:
            assert fh.read(4) == b"PK\x03\x04"
        wb = load_workbook(path)
        assert not wb.vba_archive
        ws = wb.worksheets[0]
        assert ws.protection.sheet is True
        assert wb.security.lockStructure is True
        cells = form_cells(wb)
        assert set(k[7:] for k in cells if k.startswith("answer:")) == set(CRITERIA)
        open_cells = {c.coordinate for row in ws.iter_rows() for c in row
                      if c.protection.locked is False}
        assert open_cells == set(cells.values())
        # choices validated against the hidden lists: country, language, channel
        lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation
                 if dv.type == "list"}
        assert set(lists) == {cells["country"], cells["language"], cells["channel"],
                              cells["salutation"]}
        # the form of address offered in the form's language, the names and job title apart
        shown = [r[0] for r in wb["Lijsten"].iter_rows(min_row=2, min_col=4, max_col=4,
                                                       values_only=True) if r[0]]
        assert shown == {"nl": ["mevrouw", "de heer"], "fr": ["Madame", "Monsieur"],
                         "en": ["Ms", "Mr"], "es": ["Señora", "Señor"]}[lang]
        assert {"contact_given", "contact_family", "contact_role"} <= set(cells)
        assert "contact" not in cells  # no more "name and position" in one cell
        assert wb["pk"].sheet_state == "veryHidden"
        assert wb["Lijsten"].sheet_state == "hidden"


def test_forms_speak_the_language_and_identify_the_call(generated):
    base, book = generated
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    model = parse(snapshot_of(load_workbook(book), "x"))
    expected_hash = criteria_hash(model.criteria)
    words = {"nl": ("Vul enkel de gele cellen in", "2 juni 2026"),
             "fr": ("Remplissez uniquement les cellules jaunes", "2 juin 2026"),
             "en": ("Fill in the yellow cells only", "2 June 2026"),
             "es": ("Rellene solo las celdas amarillas", "2 de junio de 2026")}
    for lang, name in FORM_NAMES.items():
        wb = load_workbook(base / "formulieren" / name)
        text = " ".join(str(v) for row in wb.worksheets[0].iter_rows(values_only=True)
                        for v in row if v)
        for phrase in words[lang]:
            assert phrase in text, (lang, phrase)
        crit = next(c for c in model.criteria if c.id == "C01")
        assert crit.questions[lang][:40] in text
        meta = dict(wb["pk"].iter_rows(values_only=True, max_col=2))
        assert meta["criteria_hash"] == expected_hash
        assert meta["call_title"] == "Oproep tot kandidaatstelling partnergemeente Heidebeek 2026"
        assert meta["language"] == lang
        channels = [r[0] for r in wb["Lijsten"].iter_rows(min_row=2, min_col=3, max_col=3,
                                                          values_only=True) if r[0]]
        assert len(channels) == 10


def _table(path: Path, sheet: str, width: int) -> list[tuple]:
    ws = load_workbook(path)[sheet]
    return [r[:width] for r in ws.iter_rows(min_row=5, values_only=True)
            if any(v not in (None, "") for v in r[:width])]


def test_import_holds_exactly_the_answers(imported):
    wbpath, inbox, inputs, proc = imported
    assert proc.returncode == 0, proc.stderr
    cands = {r[1]: r for r in _table(wbpath, "Kandidaten", 15)}
    ids = {name: cands[name][0] for name in ("Paramaribo", "Dassa-Zoumé", "Kisumu", "Cochabamba")}
    assert ids == {"Paramaribo": "K14", "Dassa-Zoumé": "K05", "Kisumu": "K15",
                   "Cochabamba": "K16"}
    assert len(cands) == 16
    # translated choices come back as the workbook's Dutch values
    assert cands["Kisumu"][2] == "Kenia" and cands["Kisumu"][4] == "en"
    assert cands["Kisumu"][5] == "Burgers en lokale pers"
    assert cands["Cochabamba"][4] == "es" and cands["Cochabamba"][5] == "Bestaande contacten"
    assert cands["Paramaribo"][5] == "VVSG" and cands["Paramaribo"][9] == "Ontvangen"
    assert cands["Dassa-Zoumé"][7] == "nouveau@dassa.example.bj"
    # the form of address as the workbook records it, names apart, job title apart
    for name, (form, given, family, role) in CONTACTS.items():
        assert cands[name][11:15] == (form, given, family, role), name
        assert cands[name][6] == f"{given} {family}"  # Contactpersoon: the name, no job title
    answers = imported_rows(_table(wbpath, "Antwoorden", 8))
    current = {(r[0], r[1]): r[3] for r in answers if not r[7]}
    expected = {}
    for lang, (fields, texts) in FILLED.items():
        for cid, text in texts.items():
            expected[(ids[fields["name"]], cid)] = text
    assert current == expected
    assert len(answers) == len(expected)
    by_file = {r[4] for r in answers}
    assert by_file == {f"ingevuld-{lang}.xlsx" for lang in FILLED}
    for r in answers:
        assert r[5] == hashlib.sha256((inbox / r[4]).read_bytes()).hexdigest()[:16]
    # every input file is untouched
    assert {p.name: sha(p) for p in inbox.iterdir()} == inputs


def test_overwritten_values_are_logged(imported):
    wbpath, _inbox, _inputs, _proc = imported
    invoer = _table(wbpath, "Invoer", 8)
    assert len(invoer) == 4
    fr = next(r for r in invoer if r[1] == "ingevuld-fr.xlsx")
    assert fr[4] == "K05"
    assert "mairie@dassa.example.bj" in fr[7] and "nouveau@dassa.example.bj" in fr[7]
    log = _table(wbpath, "Logboek", 8)
    last = log[-1]
    assert last[3] == "import"
    assert "ingevuld-fr.xlsx" in last[4] and "overschreven" in last[4]


def test_hostile_cells_are_text_in_the_saved_xml(imported):
    wbpath, *_ = imported
    ws = load_workbook(wbpath)["Antwoorden"]
    strings = shared_strings(wbpath)
    seen = 0
    for row in ws.iter_rows(min_row=5):
        if row[0].value == "K16" and row[1].value in HOSTILE:
            cell = row[3]
            xml = cell_xml(wbpath, "Antwoorden", cell.coordinate)
            assert xml.find("m:f", NS) is None
            assert xml.get("t") in ("s", "inlineStr")
            if xml.get("t") == "s":
                text = strings[int(xml.find("m:v", NS).text)]
            else:
                text = "".join(t.text for t in xml.iter(f"{{{NS['m']}}}t"))
            assert text == HOSTILE[row[1].value]
            seen += 1
    assert seen == len(HOSTILE)


def test_second_import_changes_nothing(imported):
    wbpath, inbox, inputs, _ = imported
    before = sha(wbpath)
    proc = run_cli("import", wbpath, inbox)
    assert proc.returncode == 0, proc.stderr
    assert "al ingelezen" in proc.stdout
    assert sha(wbpath) == before  # byte-identical: nothing new, so the workbook is not saved
    assert {p.name: sha(p) for p in inbox.iterdir()} == inputs


def test_resubmitted_form_supersedes_and_keeps_the_old_answer(imported, generated, tmp_path):
    wbpath, inbox, _, _ = imported
    base, _book = generated
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(wbpath, book)
    fields, answers = FILLED["en"]
    changed = dict(answers, C03="A newer, better answer about support in Kisumu.")
    new_inbox = tmp_path / "tweede"
    fill_candidacy(base / "formulieren" / FORM_NAMES["en"], new_inbox / "kisumu-v2.xlsx",
                   fields, changed)
    proc = run_cli("import", book, new_inbox)
    assert proc.returncode == 0, proc.stderr
    rows = [r for r in _table(book, "Antwoorden", 8) if r[0] == "K15" and r[1] == "C03"]
    assert len(rows) == 2
    old, new = rows
    assert old[3] == answers["C03"] and "kisumu-v2.xlsx" in old[7]
    assert new[3] == changed["C03"] and new[7] in (None, "")
    assert len(_table(book, "Kandidaten", 15)) == 16


def test_import_through_memory_workbook_matches(generated, tmp_path):
    """The action needs only snapshot() and apply(): the ribbon's path works the same."""
    from pipeline_support import import_forms

    base, book = generated
    fields, answers = FILLED["nl"]
    fill_candidacy(base / "formulieren" / FORM_NAMES["nl"], tmp_path / "in" / "a.xlsx",
                   fields, answers)
    mem = memory_book(book)
    outcome = import_forms(mem, tmp_path / "in")
    assert outcome.changed and outcome.data["problems"] == []
    rows = imported_rows([r for r in mem.snapshot().rows("Antwoorden")[4:] if r and r[0]])
    assert {(r[0], r[1]): r[3] for r in rows} == {("K14", c): t for c, t in answers.items()}
    again = import_forms(mem, tmp_path / "in")
    assert not again.changed and again.data["unchanged"] == ["a.xlsx"]


def test_form_saved_by_libreoffice_imports_the_same(generated, tmp_path):
    """A candidate who fills in with LibreOffice (an independent spreadsheet) is read as well."""
    from lo import convert

    from pipeline_support import import_forms
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    base, book = generated
    fields, answers = FILLED["fr"]
    filled = fill_candidacy(base / "formulieren" / FORM_NAMES["fr"], tmp_path / "f" / "a.xlsx",
                            fields, dict(answers, C05="=1+1 et @cmd"))
    resaved = convert(filled, "xlsx", tmp_path / "lo")
    assert sha(resaved) != sha(filled)
    copy = tmp_path / "w.xlsx"
    shutil.copy(book, copy)
    wb = FileWorkbook(copy)
    outcome = import_forms(wb, tmp_path / "lo")
    assert outcome.data["problems"] == []
    assert outcome.data["imported"][0]["candidate"] == "K05"
    rows = imported_rows([r for r in wb.snapshot().rows("Antwoorden")[4:] if r and r[0]])
    assert {(r[0], r[1]): r[3] for r in rows} == {
        ("K05", c): t for c, t in dict(answers, C05="=1+1 et @cmd").items()}
