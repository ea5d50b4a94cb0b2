"""A corpus of malformed workbooks: each gives exit 1 or 2, a Dutch message naming the place,
no traceback, and leaves the file byte-identical."""

from __future__ import annotations

import re
import shutil

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from partnerkeuze import layout


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
