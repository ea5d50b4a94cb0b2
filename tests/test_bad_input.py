"""A corpus of malformed workbooks: each gives exit 1 or 2, a Dutch message naming the place,
no traceback, and leaves the file byte-identical."""

from __future__ import annotations

import re
import shutil

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from partnerkeuze import layout

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop


def _edit(path, fn):
    wb = load_workbook(path)
    fn(wb)
    wb.save(path)


def _cell(wb, sheet_key, table_key, row_index, col_key):
    t = layout.table(table_key)
    ws = wb[layout.sheet(sheet_key).name]
    return ws.cell(t.first_data_row + row_index, t.first_col + t.index(col_key))


def _field(wb, sheet_key, key):
    ws = wb[layout.sheet(sheet_key).name]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)
    return ws.cell(row, 3)


def set_cell(sheet_key, table_key, row_index, col_key, value):
    def fn(wb):
        _cell(wb, sheet_key, table_key, row_index, col_key).value = value
    return fn


def missing_sheet(wb):
    del wb[layout.sheet("scores").name]


def renamed_header(wb):
    t = layout.table("scores")
    wb[layout.sheet("scores").name].cell(t.header_row, t.first_col + t.index("score")).value = "Punten"


def weights_not_100(wb):
    _cell(wb, "criteria", "criteria", 1, "weight").value = 10


def negative_weight(wb):
    _cell(wb, "criteria", "criteria", 1, "weight").value = -5
    _cell(wb, "criteria", "criteria", 2, "weight").value = 40


def duplicate_id(wb):
    _cell(wb, "candidates", "candidates", 3, "id").value = "K01"


def shortlist_too_big(wb):
    _field(wb, "settings", "shortlist_size").value = 7


def knockout_with_weight(wb):
    _cell(wb, "criteria", "criteria", 0, "weight").value = 5


def duplicate_score_row(wb):
    t = layout.table("scores")
    ws = wb[layout.sheet("scores").name]
    src = [ws.cell(t.first_data_row, t.first_col + c).value for c in range(len(t.columns))]
    last = ws.max_row + 1
    for c, v in enumerate(src):
        ws.cell(last, t.first_col + c).value = v


def scale_reversed(wb):
    _cell(wb, "criteria", "criteria", 2, "scale_min").value = 5
    _cell(wb, "criteria", "criteria", 2, "scale_max").value = 1


def missing_required_name(wb):
    _cell(wb, "candidates", "candidates", 4, "name").value = None


EDITS = {
    "missing_sheet": (missing_sheet, r"^Werkmap: het blad 'Scores' ontbreekt"),
    "renamed_header": (renamed_header, r"^Scores!D4: kolomkop 'Score' verwacht, gevonden: 'Punten'"),
    "text_score": (set_cell("scores", "scores", 5, "score", "veel"), r"^Scores!D10: 'veel' is geen getal"),
    "out_of_range_score": (set_cell("scores", "scores", 5, "score", 7), r"^Scores!D10: score 7 ligt buiten de schaal"),
    "weights_not_100": (weights_not_100, r"^Criteria!D5:D\d+: de gewichten tellen op tot 95 %"),
    "negative_weight": (negative_weight, r"^Criteria!D6: -5 is kleiner dan 0"),
    "duplicate_id": (duplicate_id, r"^Kandidaten!A8: ID 'K01' komt twee keer voor"),
    "unknown_criterion": (set_cell("scores", "scores", 3, "criterion", "C99"),
                          r"^Scores!B8: criterium 'C99' bestaat niet op het blad Criteria"),
    "unknown_assessor": (set_cell("scores", "scores", 3, "assessor", "B9"),
                         r"^Scores!C8: beoordelaar 'B9' bestaat niet"),
    "unknown_country": (set_cell("candidates", "candidates", 0, "country", "Atlantis"),
                        r"^Kandidaten!C5: 'Atlantis' staat niet in de keuzelijst"),
    "bad_date": (set_cell("candidates", "candidates", 1, "received", "morgen"),
                 r"^Kandidaten!I6: 'morgen' is geen datum"),
    "shortlist_too_big": (shortlist_too_big, r"^Instellingen!C\d+: 7 is groter dan 5"),
    "knockout_with_weight": (knockout_with_weight, r"^Criteria!D5: een knock-outcriterium heeft geen gewicht"),
    "duplicate_score_row": (duplicate_score_row, r"^Scores!A\d+: dubbele score"),
    "scale_reversed": (scale_reversed, r"^Criteria!F7: de schaal van 5 tot 1 is leeg"),
    "missing_required_name": (missing_required_name, r"^Kandidaten!B9: 'Gemeente' is verplicht maar leeg"),
    "bad_email": (set_cell("candidates", "candidates", 2, "email", "geen-adres"),
                  r"^Kandidaten!H7: 'geen-adres' is geen geldig e-mailadres"),
}


def _assert_clean_failure(out, expected_codes, pattern):
    assert out.returncode in expected_codes, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout
    assert re.search(pattern, out.stderr, re.M), out.stderr


@pytest.mark.parametrize("name", sorted(EDITS))
@pytest.mark.parametrize("command", ["score", "check"])
def test_malformed_workbook(demo_path, name, command):
    fn, pattern = EDITS[name]
    _edit(demo_path, fn)
    before = demo_path.read_bytes()
    out = run_cli(command, demo_path)
    _assert_clean_failure(out, (1,), pattern)
    assert demo_path.read_bytes() == before


def test_a_changed_header_row_says_once_what_may_have_happened(demo_path):
    _edit(demo_path, renamed_header)
    before = demo_path.read_bytes()
    out = run_cli("check", demo_path)
    _assert_clean_failure(out, (1,), r"^Scores!D4: kolomkop 'Score' verwacht")
    assert out.stderr.count("oudere versie") == 1 and re.search(
        r"^Werkmap: de kolomkoppen wijken af .* maak een nieuwe werkmap \(partnerkeuze new\)",
        out.stderr, re.M), out.stderr
    assert demo_path.read_bytes() == before


RAW = {
    "empty_file": (lambda p: p.write_bytes(b""), r"geen Excel-werkmap"),
    "not_xlsx": (lambda p: p.write_text("Gemeente;Land\nTarija;Bolivia\n"), r"geen Excel-werkmap"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
                  r"geen Excel-werkmap|kan niet gelezen worden"),
    "docx_renamed": (lambda p: _docx_as(p), r"xl/workbook.xml ontbreekt"),
}


def _docx_as(path):
    import zipfile

    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")


@pytest.mark.parametrize("name", sorted(RAW))
def test_damaged_file(demo_path, name):
    fn, pattern = RAW[name]
    fn(demo_path)
    before = demo_path.read_bytes()
    out = run_cli("score", demo_path)
    _assert_clean_failure(out, (2,), r"^Fout: demo\.xlsx: .*(" + pattern + ")")
    assert demo_path.read_bytes() == before


def test_open_in_excel_is_refused(demo_path):
    lock = demo_path.with_name("~$" + demo_path.name)
    lock.write_bytes(b"owner")
    before = demo_path.read_bytes()
    out = run_cli("score", demo_path)
    _assert_clean_failure(out, (2,), r"geopend in Excel")
    assert demo_path.read_bytes() == before


def test_missing_file_and_directory(tmp_path):
    out = run_cli("score", tmp_path / "nergens.xlsx")
    _assert_clean_failure(out, (2,), r"bestand niet gevonden")
    out = run_cli("check", tmp_path)
    _assert_clean_failure(out, (2,), r"dit is een map")


def test_usage_error_is_dutch(tmp_path):
    out = run_cli("score")
    assert out.returncode == 2
    assert "deze argumenten ontbreken" in out.stderr and "Traceback" not in out.stderr


def test_corpus_is_large_enough():
    assert len(EDITS) + len(RAW) + 2 >= 15


def test_every_problem_is_listed_once(demo_path):
    def many(wb):
        set_cell("scores", "scores", 5, "score", "veel")(wb)
        set_cell("candidates", "candidates", 0, "country", "Atlantis")(wb)
        weights_not_100(wb)
    _edit(demo_path, many)
    out = run_cli("check", demo_path)
    lines = [l for l in out.stderr.splitlines() if "!" in l]
    sheets = [l.split("!")[0] for l in lines]
    # The demo's criteria are fixed, so the changed weight is reported twice on Criteria: the
    # total is no longer 100 % and the weight differs from the fixed set.
    assert sheets == ["Criteria", "Criteria", "Kandidaten", "Scores"], out.stderr
    assert len(set(lines)) == len(lines)
    shutil.rmtree(demo_path.parent, ignore_errors=True)


# --- Every command: a bad input or place gives exit 1 or 2, a Dutch message naming the place,
# no traceback, and every file that was there stays byte-identical .

def _plain_workbook(path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Gemeente"
    wb.save(path)
    return path


def _encrypted(path, source):
    import io

    import msoffcrypto

    out = io.BytesIO()
    msoffcrypto.OfficeFile(io.BytesIO(source.read_bytes())).encrypt("geheim", out)
    path.write_bytes(out.getvalue())
    return path


def _old_xls(path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000)
    return path


def _long_cell(path, demo):
    import zipfile

    marker = "LANGE-TEKST"
    _edit(demo, set_cell("candidates", "candidates", 0, "name", marker))
    with zipfile.ZipFile(demo) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data.replace(marker.encode(), b"y" * 104_000))
    return path


def _broken_part(path, demo, part, data):
    import zipfile

    with zipfile.ZipFile(demo) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == part else zin.read(info.filename))
    return path


def _without_name(name):
    def fn(wb):
        del wb.defined_names[name]
    return fn


def _without_sheet(key):
    def fn(wb):
        del wb[layout.sheet(key).name]
    return fn


def _tamper_log(wb):
    wb[layout.sheet("log").name]["E5"] = "vervalst"


def _unknown_predecessor(wb):
    ws = wb[layout.sheet("planning").name]
    ws["E6"] = "S99"


def _setting(key, value):
    def fn(wb):
        _field(wb, "settings", key).value = value
    return fn


def _folder_with_broken_form(folder, demo):
    folder.mkdir()
    data = demo.read_bytes()
    (folder / "afgebroken.xlsx").write_bytes(data[: len(data) // 3])
    return folder


def _case(tmp, demo, name):
    """The arguments of a case (files are made in tmp; demo is a private demo workbook)."""
    f = tmp / "een-bestand.txt"
    f.write_text("geen map")
    plain = _plain_workbook(tmp / "vreemd.xlsx")
    cases = {
        # new
        "new-wrong-suffix": ["new", tmp / "nieuw.txt"],
        "new-exists": ["new", demo],
        "new-no-folder": ["new", tmp / "nergens" / "nieuw.xlsx"],
        "new-bad-mode": ["new", tmp / "n.xlsx", "--mode", "wereld"],
        # check
        "check-encrypted": ["check", _encrypted(tmp / "geheim.xlsx", demo)],
        "check-old-xls": ["check", _old_xls(tmp / "oud.xlsx")],
        "check-long-cell": ["check", _long_cell(tmp / "lang.xlsx", demo)],
        "check-deleted-name": ["check", demo],
        "check-plain-workbook": ["check", plain],
        "check-broken-sheet-xml": ["check", _broken_part(tmp / "kapot.xlsx", demo,
                                                         "xl/worksheets/sheet3.xml", b"rommel")],
        "score-broken-workbook-xml": ["score", _broken_part(tmp / "kapot.xlsx", demo,
                                                            "xl/workbook.xml", b"<niet xml")],
        # score
        "score-deleted-name": ["score", demo],
        "check-tampered-log": ["check", demo],
        "score-unknown-predecessor": ["score", demo],
        "score-encrypted": ["score", _encrypted(tmp / "geheim.xlsx", demo)],
        "score-long-cell": ["score", _long_cell(tmp / "lang.xlsx", demo)],
        "score-unknown-option": ["score", demo, "--snel"],
        "score-plain-workbook": ["score", plain],
        # demo
        "demo-into-file": ["demo", f],
        # questionnaire, dossier, letters
        "questionnaire-out-is-file": ["questionnaire", demo, "--out", f],
        "questionnaire-plain-workbook": ["questionnaire", plain, "--out", tmp / "uit"],
        "questionnaire-no-templates": ["questionnaire", demo, "--out", tmp / "uit"],
        "dossier-out-is-file": ["dossier", demo, "--out", f],
        "dossier-text-score": ["dossier", demo, "--out", tmp / "uit"],
        "dossier-missing-workbook": ["dossier", tmp / "weg.xlsx", "--out", tmp / "uit"],
        "letters-out-is-file": ["letters", demo, "--out", f],
        "letters-text-score": ["letters", demo, "--out", tmp / "uit"],
        "letters-old-xls": ["letters", _old_xls(tmp / "oud.xlsx"), "--out", tmp / "uit"],
        # plan
        "plan-ics-is-folder": ["plan", demo, "--ics", tmp],
        "plan-ics-wrong-suffix": ["plan", demo, "--ics", tmp / "planning.txt"],
        "plan-ics-no-folder": ["plan", demo, "--ics", tmp / "nergens" / "planning.ics"],
        "plan-deleted-planning-sheet": ["plan", demo],
        "plan-plain-workbook": ["plan", plain],
        # remind
        "remind-plain-workbook": ["remind", plain, "--once"],
        "remind-plain-workbook-daily": ["remind", plain],
        "remind-bad-time": ["remind", demo],
        "remind-damaged-state": ["remind", demo, "--once"],
        "remind-server-refuses": ["remind", demo, "--once"],
        # forms, import, assessor-forms, merge
        "forms-out-is-file": ["forms", demo, "--out", f],
        "forms-plain-workbook": ["forms", plain, "--out", tmp / "uit"],
        "import-no-folder": ["import", demo, tmp / "nergens"],
        "import-folder-is-file": ["import", demo, f],
        "import-broken-form": ["import", demo, tmp / "terug"],
        "import-encrypted-workbook": ["import", _encrypted(tmp / "geheim.xlsx", demo), tmp],
        "assessor-forms-out-is-file": ["assessor-forms", demo, "--out", f],
        "assessor-forms-plain-workbook": ["assessor-forms", plain, "--out", tmp / "uit"],
        "merge-no-folder": ["merge", demo, tmp / "nergens"],
        "merge-broken-form": ["merge", demo, tmp / "terug"],
        "merge-old-xls": ["merge", _old_xls(tmp / "oud.xlsx"), tmp],
        # match, addin, freeze, the command itself
        "match-not-sdg": ["match", demo],
        "match-out-is-file": ["match", demo, "--out", f],
        "addin-wrong-suffix": ["addin", tmp / "Partnerkeuze.txt"],
        "addin-no-folder": ["addin", tmp / "nergens" / "Partnerkeuze.xlsam"],
        "freeze-plain-workbook": ["freeze", plain],
        "freeze-encrypted": ["freeze", _encrypted(tmp / "geheim.xlsx", demo)],
        # record, evaluate, doctor
        "record-unknown-stage": ["record", demo, "verzin"],
        "record-unknown-partner": ["record", demo, "college", "--partner", "K99",
                                   "--reason", "opnieuw"],
        "record-future-date": ["record", demo, "gros", "--date", "2099-01-01", "--text", "x",
                               "--reason", "opnieuw"],
        "record-plain-workbook": ["record", plain, "gros", "--text", "x"],
        "evaluate-not-evaluation": ["evaluate", demo, "--out", tmp / "uit"],
        "evaluate-missing-workbook": ["evaluate", tmp / "weg.xlsx", "--out", tmp / "uit"],
        "doctor-not-an-addin": ["doctor", "--addin", tmp / "weg.xlam"],
        # install: a folder that is not Partnerkeuze's source
        "install-no-source": ["install", "--venv", tmp / "omgeving", "--xlstart", tmp / "xl",
                              "--conf-dir", tmp / "conf", "--source", tmp / "nergens"],
        "unknown-command": ["verzin"],
    }
    return cases[name]


PREPARE = {  # workbook edits a case needs before it runs
    "check-deleted-name": _without_name("ids_candidates"),
    "score-deleted-name": _without_name("ids_assessors"),
    "check-tampered-log": _tamper_log,
    "score-unknown-predecessor": _unknown_predecessor,
    "dossier-text-score": set_cell("scores", "scores", 5, "score", "veel"),
    "letters-text-score": set_cell("scores", "scores", 5, "score", "veel"),
    "plan-deleted-planning-sheet": _without_sheet("planning"),
    "remind-bad-time": _setting("reminder_time", "straks"),
    "remind-server-refuses": lambda wb: (_setting("smtp_host", "127.0.0.1")(wb),
                                         _setting("smtp_port", 9)(wb)),
}

# case -> (exit codes, pattern of the Dutch message naming the place)
EXPECT = {
    "new-wrong-suffix": (2, r"nieuw\.txt: een werkmap eindigt op \.xlsx"),
    "new-exists": (2, r"demo\.xlsx: bestaat al"),
    "new-no-folder": (2, r"nergens: map niet gevonden"),
    "new-bad-mode": (2, r"ongeldige keuze: 'wereld'"),
    "check-encrypted": (2, r"geheim\.xlsx: de werkmap is met een wachtwoord versleuteld"),
    "check-old-xls": (2, r"oud\.xlsx: dit is een oud Excel-bestand \(\.xls\)"),
    "check-long-cell": (1, r"Kandidaten!B5: de tekst is 104000 tekens lang"),
    "check-deleted-name": (1, r"Antwoorden!A5: de keuzelijst gebruikt de naam 'ids_candidates'"),
    "check-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt"),
    "check-broken-sheet-xml": (2, r"kapot\.xlsx: de werkmap kan niet gelezen worden: een "
                                  r"onderdeel is beschadigd"),
    "score-broken-workbook-xml": (2, r"kapot\.xlsx: de werkmap kan niet gelezen worden"),
    "score-deleted-name": (1, r"Belangenconflicten!A5: de keuzelijst gebruikt de naam "
                              r"'ids_assessors'"),
    "check-tampered-log": (1, r"Logboek!H5: logregel Nr 1 werd gewijzigd"),
    "score-unknown-predecessor": (1, r"^Planning!E6: .*S99"),
    "score-encrypted": (2, r"geheim\.xlsx: de werkmap is met een wachtwoord versleuteld"),
    "score-long-cell": (1, r"Kandidaten!B5: de tekst is 104000 tekens lang"),
    "score-unknown-option": (2, r"onbekende argumenten: --snel"),
    "score-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt"),
    "demo-into-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "questionnaire-out-is-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "questionnaire-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt"),
    "questionnaire-no-templates": (2, r"sjabloon .*questionnaire_nl\.docx: bestand niet gevonden"),
    "dossier-out-is-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "dossier-text-score": (1, r"^Scores!D10: 'veel' is geen getal"),
    "dossier-missing-workbook": (2, r"weg\.xlsx: bestand niet gevonden"),
    "letters-out-is-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "letters-text-score": (1, r"^Scores!D10: 'veel' is geen getal"),
    "letters-old-xls": (2, r"oud\.xlsx: dit is een oud Excel-bestand"),
    "plan-ics-is-folder": (2, r": dit is een map; geef de naam van een kalenderbestand"),
    "plan-ics-wrong-suffix": (2, r"planning\.txt: een kalenderbestand eindigt op \.ics"),
    "plan-ics-no-folder": (2, r"nergens: map niet gevonden"),
    "plan-deleted-planning-sheet": (1, r"Werkmap: het blad 'Planning' ontbreekt"),
    "plan-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt"),
    "remind-plain-workbook": (1, r"Werkmap: het blad 'Instellingen' ontbreekt"),
    "remind-plain-workbook-daily": (1, r"Werkmap: het blad 'Planning' ontbreekt"),
    "remind-bad-time": (1, r"^Instellingen!C\d+: de tekst is 6 tekens lang; hoogstens 5 mogen"),
    "remind-damaged-state": (2, r"demo\.herinneringen\.json: het bestand met verstuurde "
                                r"herinneringen is beschadigd \(geen geldige JSON vanaf regel 1"),
    "remind-server-refuses": (1, r"de mailserver 127\.0\.0\.1:9 is niet bereikbaar \(de "
                                 r"verbinding werd geweigerd\)"),
    "forms-out-is-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "forms-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt"),
    "import-no-folder": (2, r"nergens: map niet gevonden"),
    "import-folder-is-file": (2, r"een-bestand\.txt: dit is geen map"),
    "import-broken-form": (1, r"^afgebroken\.xlsx: "),
    "import-encrypted-workbook": (2, r"geheim\.xlsx: de werkmap is met een wachtwoord"),
    "assessor-forms-out-is-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "assessor-forms-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt"),
    "merge-no-folder": (2, r"nergens: map niet gevonden"),
    "merge-broken-form": (1, r"^afgebroken\.xlsx: "),
    "merge-old-xls": (2, r"oud\.xlsx: dit is een oud Excel-bestand"),
    "match-not-sdg": (1, r"^Instellingen!C5: koppelen kan enkel"),
    "match-out-is-file": (2, r"een-bestand\.txt: dit is een bestand, geen map"),
    "addin-wrong-suffix": (2, r"Partnerkeuze\.txt: een Excel-invoegtoepassing eindigt op \.xlam"),
    "addin-no-folder": (2, r"nergens: map niet gevonden|eindigt op \.xlam"),
    "freeze-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt|Criteria!A5"),
    "freeze-encrypted": (2, r"geheim\.xlsx: de werkmap is met een wachtwoord versleuteld"),
    "record-unknown-stage": (2, r"ongeldige keuze: 'verzin'"),
    "record-unknown-partner": (1, r"Procedure \(college\): kandidaat 'K99' staat niet op het "
                                  r"blad Kandidaten"),
    "record-future-date": (1, r"Procedure \(gros\): de datum 2099-01-01 ligt in de toekomst"),
    "record-plain-workbook": (1, r"Werkmap: het blad '\w+' ontbreekt|Procedure"),
    "evaluate-not-evaluation": (1, r"^Instellingen!C\d+: deze werkmap is niet in de modus "
                                   r"'evaluatie stedenband'"),
    "evaluate-missing-workbook": (2, r"weg\.xlsx: bestand niet gevonden"),
    "doctor-not-an-addin": (1, r"\[FOUT\] Invoegtoepassing: .*weg\.xlam"),
    "install-no-source": (2, r"geen bron van Partnerkeuze gevonden in .*nergens "
                             r"\(requirements\.txt ontbreekt\); geef de map met de broncode met "
                             r"--source"),
    "unknown-command": (2, r"ongeldige keuze: 'verzin'"),
}

ENGLISH = re.compile(r"Traceback|Error\b|Exception|Permission denied|No such file|"
                     r"Unable to|Connection refused|not iterable|does not exist|Expecting|"
                     r"\bline \d+ column")


def _files(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_every_command_refuses_bad_input_cleanly(demo_path, tmp_path, name):
    if name in PREPARE:
        _edit(demo_path, PREPARE[name])
    if name.startswith(("import-broken", "merge-broken")):
        _folder_with_broken_form(tmp_path / "terug", demo_path)
    if name == "remind-damaged-state":
        demo_path.with_name("demo.herinneringen.json").write_text("{kapot", encoding="utf-8")
    args = _case(tmp_path, demo_path, name)
    env = {"PARTNERKEUZE_TEMPLATES": str(tmp_path / "geen-sjablonen")} \
        if name == "questionnaire-no-templates" else None
    before = _files(tmp_path)
    out = run_cli(*args, env=env, timeout=300)
    code, pattern = EXPECT[name]
    assert out.returncode == code, (out.returncode, out.stdout, out.stderr)
    text = out.stderr + out.stdout
    assert re.search(pattern, text, re.M), text
    assert not ENGLISH.search(text), text
    assert "Onverwachte fout" not in text
    assert _files(tmp_path) == before  # every input byte-identical, nothing half-written


def test_bad_input_corpus_has_at_least_80_cases():
    from partnerkeuze.app.cli import COMMANDS

    total = 2 * len(EDITS) + len(RAW) + len(EXPECT) + 3
    assert total >= 80
    covered = {args_command for args_command in (n.split("-")[0] for n in EXPECT)}
    assert {c.split("-")[0] for c in COMMANDS} <= covered
