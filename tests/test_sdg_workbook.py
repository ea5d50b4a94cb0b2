"""SDG mode end to end: the demo workbook, `match` (contract JSON, results written back, log),
the programme checks flagging each violation with its place, and refusals."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import run_cli


@pytest.fixture(scope="session")
def sdg_template(tmp_path_factory) -> Path:
    """The SDG demo workbook, built once per session."""
    from partnerkeuze.app.creation import new

    path = tmp_path_factory.mktemp("sdg") / "sdg.xlsx"
    new(path, "sdg", demo=True)
    return path


@pytest.fixture(scope="session")
def sdg_matched(sdg_template, tmp_path_factory) -> tuple[Path, dict, str]:
    """The SDG demo after `match --json`: the file, the JSON and stderr."""
    path = tmp_path_factory.mktemp("sdgm") / "sdg.xlsx"
    shutil.copy(sdg_template, path)
    proc = run_cli("match", path, "--json")
    assert proc.returncode == 0, proc.stderr
    return path, json.loads(proc.stdout), proc.stderr


def table(path: Path, sheet: str) -> list[tuple]:
    wb = load_workbook(path)
    rows = [r[:9] if sheet == "Koppelingen" else r
            for r in wb[sheet].iter_rows(min_row=5, values_only=True)]
    return [r for r in rows if any(v is not None for v in r)]


def test_demo_checks_clean_before_and_after_match(sdg_template, sdg_matched):
    for path in (sdg_template, sdg_matched[0]):
        proc = run_cli("check", path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("In orde: 8 criteria, 8 kandidaten")


def test_match_json_is_the_contract(sdg_matched):
    _, data, _ = sdg_matched
    assert set(data) == {"pairs", "unmatched", "fit"}
    assert all(set(p) == {"flemish", "partner", "fit"} for p in data["pairs"])
    pairs = {(p["flemish"], p["partner"]) for p in data["pairs"]}
    assert ("V01", "Z01") in pairs and len(pairs) == 7
    # Netelaar scores below the minimum; Lokossa (Benin) already has a city link.
    assert data["unmatched"] == {"flemish": ["V08"], "partners": ["Z08"]}
    assert all(v is None for v in data["fit"]["V08"].values())
    assert all(row["Z08"] is None for row in data["fit"].values())
    # Rwanda partners only with Rwanda themes: Scheldemeer (Benin themes) cannot go to Karongi.
    assert data["fit"]["V02"]["Z01"] is None and data["fit"]["V02"]["Z05"] == 66.7
    assert all(data["fit"][p["flemish"]][p["partner"]] == p["fit"] for p in data["pairs"])


def test_match_writes_koppelingen_programma_werkbezoeken_and_log(sdg_matched):
    path, data, stderr = sdg_matched
    rows = table(path, "Koppelingen")
    matched = [(r[1], r[3], r[6]) for r in rows if r[0] == "gekoppeld"]
    assert matched == [(p["flemish"], p["partner"], p["fit"]) for p in data["pairs"]]
    assert any(r[0] == "alternatief 1" and r[1] == "V02" and r[3] == "Z06" for r in rows)
    assert ("niet gekoppeld", "V08") == next(r[:2] for r in rows if r[1] == "V08")
    assert "onder het minimum" in next(r[8] for r in rows if r[1] == "V08")
    assert "stedenband" in next(r[8] for r in rows if r[3] == "Z08")
    assert "R1 Burgerparticipatie" in next(r[7] for r in rows if r[1] == "V01")
    ws = load_workbook(path)["Koppelingen"]
    assert ws["K4"].value.startswith("Fit") and ws["L4"].value == "Z01"
    assert ws["K5"].value == "V01" and ws["L5"].value == 100.0
    assert ws["K12"].value == "V08" and ws["L12"].value == "—"
    programme = table(path, "Programma")
    assert [(r[0], r[1]) for r in programme] == [(p["flemish"], p["partner"]) for p in data["pairs"]]
    assert all(r[4] == r[5] == 17500 and r[6] > r[7] for r in programme)
    visits = table(path, "Werkbezoeken")
    assert len(visits) == 14
    # every partnership of one country visits in the same week, one visit each way
    for country in ("Benin", "Rwanda"):
        for direction in ("Vlaanderen → Zuid", "Zuid → Vlaanderen"):
            weeks = {(r[6], r[7]) for r in visits if r[3] == country and r[4] == direction}
            assert len(weeks) == 1
    first = next(r for r in visits if r[4] == "Vlaanderen → Zuid")
    assert first[5] == "identificatiemissie" and first[10] == "ja" and first[9] == 2
    assert first[11] == "6"  # reason 6 of 004: the visits of a country are synchronised
    assert "relevantie 1 van 4" in first[12] and "referentietermen" in first[13]
    assert "verslag" in first[15] and "Huiswerk" in first[15]
    log = table(path, "Logboek")
    assert log[-1][3] == "match" and "7 koppelingen" in log[-1][4]
    assert "Let op: alternatief 1 is bijna even goed (totale fit 486,7)" in stderr


def test_match_again_adds_no_duplicate_programme(sdg_matched, tmp_path):
    path = tmp_path / "again.xlsx"
    shutil.copy(sdg_matched[0], path)
    proc = run_cli("match", path)
    assert proc.returncode == 0, proc.stderr
    assert len(table(path, "Programma")) == 7 and len(table(path, "Werkbezoeken")) == 14
    assert "Heidebeek (V01) – Karongi (Z01, Rwanda): fit 100,0" in proc.stdout


VIOLATIONS = {
    # row: (column letter, value, expected place, words in the message)
    5: ("E", 20000, "Programma!E5", "17.500 EUR voor elke partner"),
    6: ("H", 25000, "Programma!G6", "grootste deel"),
    7: ("D", dt.datetime(2029, 7, 1), "Programma!D7", "hoogstens twee jaar (24 maanden)"),
    8: ("I", 2, "Programma!I8", "minstens 3 per jaar"),
    9: ("K", 0, "Programma!K9", "minstens één werkbezoek"),
    10: ("M", 4, "Programma!M10", "minstens 5"),
    11: ("J", 1, "Programma!J11", "tweede jaar"),
}


def test_programme_checks_flag_each_violation_with_its_place(sdg_matched, tmp_path):
    path = tmp_path / "bad.xlsx"
    wb = load_workbook(sdg_matched[0])
    ws = wb["Programma"]
    for row, (col, value, _, _) in VIOLATIONS.items():
        ws[f"{col}{row}"] = value
    ws["G6"] = 10000
    ws["L9"] = 0
    wb.save(path)
    before = path.read_bytes()
    proc = run_cli("check", path)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    for _, _, place, words in VIOLATIONS.values():
        assert any(line.startswith(place + ":") and words in line for line in lines), (place, lines)
    assert any(line.startswith("Programma!L9:") and "ontvangst" in line for line in lines)
    assert not any(line.startswith("Programma!") and line[10:].startswith(("A", "B"))
                   for line in lines)
    assert path.read_bytes() == before
    # match passes the same gate: it refuses until the programmes keep the rules
    proc = run_cli("match", path, "--json")
    assert proc.returncode == 1  # --json: the refusal as one object, the problems in it
    refused = json.loads(proc.stdout)
    assert refused["ok"] is False and set(refused) == {"ok", "problems"}
    assert refused["problems"][0]["place"] == "Programma!E5"
    assert "Programma!E5: het budget van de Vlaamse gemeente is 20.000 EUR" in proc.stderr
    assert path.read_bytes() == before


def test_theme_outside_the_country_focus_is_flagged(sdg_template, tmp_path):
    path = tmp_path / "theme.xlsx"
    wb = load_workbook(sdg_template)
    ws = wb["Thema's"]
    row = next(r for r in range(5, 20) if ws[f"A{r}"].value == "R2")
    ws[f"D{row}"] = "16; 13"
    wb["Interesses"]["A5"] = "V99"
    ws = wb["Interesses"]
    bad = next(r for r in range(5, 60) if ws[f"A{r}"].value == "Z05")
    ws[f"B{bad}"] = "R1"
    wb["Kandidaten"]["C6"] = "Benin"
    wb.save(path)
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert f"Thema's!D{row}: een thema in Rwanda hoort bij burgerparticipatie (SDG 16); " \
           f"SDG 13 past daar niet" in proc.stderr
    assert "Interesses!A5: 'V99' staat niet op het blad Kandidaten of Partners Zuid" in proc.stderr
    assert f"Interesses!B{bad}: thema R1 hoort bij Rwanda; Z05 ligt in Benin" in proc.stderr
    assert "Kandidaten!C6: in een SDG-oproep zijn de kandidaten Vlaamse gemeenten" in proc.stderr


def test_match_refuses_a_stedenband_workbook(demo_path):
    before = demo_path.read_bytes()
    proc = run_cli("match", demo_path)
    assert proc.returncode == 1
    assert "\nInstellingen!C5: koppelen kan enkel" in proc.stderr
    assert "modus 'SDG-partnerschap'" in proc.stderr and "Traceback" not in proc.stderr
    assert demo_path.read_bytes() == before


def test_match_refuses_a_workbook_open_in_excel(sdg_template, tmp_path):
    path = tmp_path / "open.xlsx"
    shutil.copy(sdg_template, path)
    (tmp_path / "~$open.xlsx").write_bytes(b"owner")
    before = path.read_bytes()
    proc = run_cli("match", path)
    assert proc.returncode == 2 and "geopend in Excel" in proc.stderr
    assert path.read_bytes() == before


def test_match_in_memory_is_the_ribbon_path(sdg_template):
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from pipeline_support import match
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    fb = FileWorkbook(sdg_template, for_writing=False)
    book = MemoryWorkbook(fb.snapshot())
    fb.close()
    out = match(book)
    assert out.changed and len(out.data["pairs"]) == 7
    snap = book.snapshot()
    assert snap.value("Koppelingen", 5, 1) == "gekoppeld"
    assert snap.value("Programma", 5, 5) == 17500


def _reverse_rows(ws, first: int, width: int) -> None:
    rows = [[ws.cell(r, c).value for c in range(1, width + 1)] for r in range(first, first + 200)]
    filled = [r for r in rows if any(v is not None for v in r)]
    for i, values in enumerate(reversed(filled)):
        for c, v in enumerate(values, start=1):
            ws.cell(first + i, c).value = v


def test_match_does_not_depend_on_the_order_of_the_rows(sdg_template, sdg_matched, tmp_path):
    path = tmp_path / "reordered.xlsx"
    wb = load_workbook(sdg_template)
    _reverse_rows(wb["Partners Zuid"], 5, 10)
    _reverse_rows(wb["Interesses"], 5, 4)
    _reverse_rows(wb["Thema's"], 5, 7)
    wb.save(path)
    proc = run_cli("match", path, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == sdg_matched[1]


def test_names_that_look_like_formulas_stay_text(sdg_template, tmp_path):
    path = tmp_path / "formula.xlsx"
    hostile = '=HYPERLINK("http://example.invalid","klik")'
    wb = load_workbook(sdg_template)
    ws = wb["Partners Zuid"]
    row = next(r for r in range(5, 20) if ws[f"A{r}"].value == "Z05")
    ws[f"B{row}"] = hostile  # openpyxl stores this as a formula in the input sheet
    wb.save(path)
    assert run_cli("match", path).returncode == 0
    koppelingen = load_workbook(path)["Koppelingen"]
    cells = [c for row in koppelingen.iter_rows(min_row=5) for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" for c in cells)
    written = [r[4] for r in koppelingen.iter_rows(min_row=5) if r[3].value == "Z05"]
    assert written and all(c.value == hostile and c.data_type == "s" for c in written)


def test_match_refuses_an_out_path_that_is_a_file(sdg_template, tmp_path):
    path = tmp_path / "w.xlsx"
    shutil.copy(sdg_template, path)
    (tmp_path / "file.txt").write_text("x")
    before = path.read_bytes()
    proc = run_cli("match", path, "--out", tmp_path / "file.txt")
    assert proc.returncode == 2 and "geen map" in proc.stderr
    assert path.read_bytes() == before


def test_sdg_modules_import_without_heavy_packages():
    import subprocess
    import sys

    code = ("import sys, partnerkeuze.features.sdg.actions, partnerkeuze.app.cli.cmd_match, "
            "partnerkeuze.layout.sdg; "
            "print(sorted(m for m in ('scipy', 'docx', 'numpy', 'pandas', 'matplotlib') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True).stdout
    assert out.strip() == "[]"


def test_koppelingen_are_coloured_by_status(sdg_template, demo_template):
    ws = load_workbook(sdg_template)["Koppelingen"]
    formulas = [rule.formula[0] for cf in ws.conditional_formatting for rule in cf.rules]
    assert formulas == ['$A5="gekoppeld"', 'LEFT($A5,11)="alternatief"', '$A5="niet gekoppeld"']
    assert "Koppelingen" not in load_workbook(demo_template).sheetnames  # stedenband: no sheet


def test_programme_rows_must_respect_the_matching_rules_and_wording_is_exact(sdg_matched,
                                                                            tmp_path):
    """V01-Z08 (Lokossa has a city link) and V08-Z01 (V08 scores under the minimum) are
    refused; two years and a day is named day-precisely; '17.500' is 17500 EUR."""
    path = tmp_path / "rules.xlsx"
    wb = load_workbook(sdg_matched[0])
    ws = wb["Programma"]
    ws["B5"] = "Z08"
    ws["A6"], ws["B6"] = "V08", "Z01"
    start = ws["C7"].value
    ws["D7"] = start.replace(year=start.year + 2)  # two years and one day, both ends included
    ws["E8"] = "17.500"
    wb.save(path)
    proc = run_cli("check", path)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert any(line.startswith("Programma!B5:") and "stedenband" in line for line in lines), lines
    assert any(line.startswith("Programma!A6:") and "onder het minimum van 60" in line
               for line in lines), lines
    assert any(line.startswith("Programma!D7:") and "2 jaar en 1 dag" in line for line in lines)
    assert not any(line.startswith("Programma!E8:") for line in lines), lines


# ---- the rules of the concept note and the info sheet on work visits (issue 26) ------------

def _col(table_key: str, key: str) -> str:
    from partnerkeuze import layout
    from partnerkeuze.kernel.cellref import col_letter

    t = layout.table(table_key)
    return col_letter(t.first_col + t.index(key))


def _setting_row(key: str) -> int:
    from partnerkeuze import layout

    sheet = layout.sheet("sdg_settings")
    return sheet.table.first_data_row + [f.key for f in sheet.fields].index(key)


def _visit_row(ws, vid: str) -> int:
    return next(r for r in range(5, 60) if ws[f"A{r}"].value == vid)


def _shift(ws, row: int, days: int, length: int | None = None) -> None:
    start = ws[f"{_col('visits', 'start')}{row}"].value + dt.timedelta(days=days)
    end = ws[f"{_col('visits', 'end')}{row}"].value + dt.timedelta(days=days)
    ws[f"{_col('visits', 'start')}{row}"] = start
    ws[f"{_col('visits', 'end')}{row}"] = start + dt.timedelta(days=length - 1) if length else end
    ws[f"{_col('visits', 'joint_from')}{row}"] = start


def _edit_visit_length(wb):
    ws = wb["Werkbezoeken"]
    row = _visit_row(ws, "W01")
    _shift(ws, row, 0, length=28)  # four weeks
    return f"Werkbezoeken!{_col('visits', 'end')}{row}", "duurt 28 dagen"


def _edit_visit_after_partnership(wb):
    ws = wb["Werkbezoeken"]
    row = _visit_row(ws, "W02")
    end = wb["Programma"][f"{_col('programme', 'end')}5"].value
    _shift(ws, row, (end - ws[f"{_col('visits', 'start')}{row}"].value).days + 60)
    return f"Werkbezoeken!{_col('visits', 'start')}{row}", "na het einde van het partnerschap"


def _edit_visit_out_of_common_period(wb):
    ws = wb["Werkbezoeken"]
    row = _visit_row(ws, "W03")  # Kempenrode-Kandi to Benin, moved three weeks on
    _shift(ws, row, 21)
    return (f"Werkbezoeken!{_col('visits', 'start')}{row}",
            "valt buiten de gemeenschappelijke periode van de andere werkbezoeken (W01, W05")


def _edit_period_setting(wb):
    wb["SDG-oproep"][f"C{_setting_row('period_to')}"] = 2025
    return f"Programma!{_col('programme', 'end')}5", "na de programmaperiode 2022-2025"


def _edit_start_outside_period(wb):
    wb["SDG-oproep"][f"C{_setting_row('start')}"] = dt.datetime(2027, 1, 4)
    return f"SDG-oproep!C{_setting_row('start')}", "buiten de programmaperiode 2022-2026"


def _edit_programme_before_period(wb):
    wb["Programma"][f"{_col('programme', 'start')}6"] = dt.datetime(2021, 12, 6)
    return f"Programma!{_col('programme', 'start')}6", "vóór de programmaperiode 2022-2026"


def _edit_pilot_total(wb):
    wb["SDG-oproep"][f"C{_setting_row('max_partnerships')}"] = 6
    return "Programma!A11", "partnerschap 7: de pilot telt hoogstens 6 partnerschappen"


def _edit_pilot_per_country(wb):
    wb["SDG-oproep"][f"C{_setting_row('max_per_country')}"] = 3
    return "Programma!A11", "partnerschap 4 in Rwanda: de pilot telt hoogstens 3"


def _edit_sub_target(wb):
    ws = wb["Thema's"]
    row = next(r for r in range(5, 20) if ws[f"A{r}"].value == "R2")
    ws[f"D{row}"] = "16.x9"
    return f"Thema's!D{row}", "'16.x9' is geen SDG"


def _edit_extra_reason(wb):
    ws = wb["Werkbezoeken"]
    row = _visit_row(ws, "W01")
    ws[f"{_col('visits', 'extra_reasons')}{row}"] = "2; 9"
    return f"Werkbezoeken!{_col('visits', 'extra_reasons')}{row}", "'9' is geen nummer van een"


RULE_EDITS = {
    "a visit of four weeks": _edit_visit_length,
    "a visit after the partnership ended": _edit_visit_after_partnership,
    "a Benin visit moved out of the common period": _edit_visit_out_of_common_period,
    "the programme period as a setting": _edit_period_setting,
    "a start outside the programme period": _edit_start_outside_period,
    "a partnership before the programme period": _edit_programme_before_period,
    "more partnerships than the pilot": _edit_pilot_total,
    "more partnerships in a country than the pilot": _edit_pilot_per_country,
    "no goal or sub-target": _edit_sub_target,
    "no reason of the info sheet": _edit_extra_reason,
}


@pytest.mark.parametrize("rule", sorted(RULE_EDITS))
def test_each_programme_rule_is_checked_with_sheet_and_cell(rule, sdg_matched, tmp_path):
    """One violating edit per rule of 003 and 004: `check` names it with sheet and cell, and
    nothing changes."""
    path = tmp_path / "edit.xlsx"
    wb = load_workbook(sdg_matched[0])
    place, words = RULE_EDITS[rule](wb)
    wb.save(path)
    before = path.read_bytes()
    proc = run_cli("check", path)
    assert proc.returncode == 1, proc.stdout
    lines = proc.stderr.splitlines()
    assert any(line.startswith(place + ":") and words in line for line in lines), (place, lines)
    assert "Traceback" not in proc.stderr and path.read_bytes() == before


def test_a_sub_target_is_accepted_and_matched_to_its_goal(sdg_template, sdg_matched, tmp_path):
    from partnerkeuze.features.sdg.workbook import parse_sdgs, parse_targets

    assert parse_targets("16.7") == [(16, "16.7")]
    assert parse_targets("SDG 7; 8.3, 11.a") == [(7, "7"), (8, "8.3"), (11, "11.a")]
    assert parse_sdgs("16; 16.7") == [16]
    for bad in ("18", "16.", "0.1", "16.7.1", "zeven"):
        with pytest.raises(ValueError):
            parse_targets(bad)
    # The demo's first Rwanda theme is the sub-target 16.7: it checks, matches and is named so.
    ws = load_workbook(sdg_template)["Thema's"]
    assert next(ws[f"D{r}"].value for r in range(5, 20) if ws[f"A{r}"].value == "R1") == "16.7"
    rows = table(sdg_matched[0], "Koppelingen")
    assert "R1 Burgerparticipatie in het lokaal beleid (SDG 16.7)" in next(
        r[7] for r in rows if r[1] == "V01")
    # A sub-target of a goal outside the country's focus is refused for its goal.
    path = tmp_path / "target.xlsx"
    wb = load_workbook(sdg_template)
    ws = wb["Thema's"]
    row = next(r for r in range(5, 20) if ws[f"A{r}"].value == "R2")
    ws[f"D{row}"] = "7.1"
    wb.save(path)
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert f"Thema's!D{row}: een thema in Rwanda hoort bij burgerparticipatie (SDG 16); " \
           f"SDG 7 past daar niet" in proc.stderr


def test_the_demo_lies_in_the_programme_period(sdg_matched):
    for r in table(sdg_matched[0], "Programma"):
        assert dt.datetime(2022, 1, 1) <= r[2] and r[3] <= dt.datetime(2026, 12, 31)
    for r in table(sdg_matched[0], "Werkbezoeken"):
        assert (r[7] - r[6]).days + 1 <= 9


@pytest.mark.parametrize("setting, value", [("max_per_country", 3), ("max_partnerships", 5)])
def test_match_keeps_the_pilot_size(setting, value, sdg_template, tmp_path):
    path = tmp_path / "pilot.xlsx"
    wb = load_workbook(sdg_template)
    wb["SDG-oproep"][f"C{_setting_row(setting)}"] = value
    wb.save(path)
    proc = run_cli("match", path, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    country = {f"Z0{i}": "Rwanda" if i <= 4 else "Benin" for i in range(1, 9)}
    counts = {c: sum(country[p["partner"]] == c for p in data["pairs"]) for c in ("Rwanda", "Benin")}
    if setting == "max_per_country":
        assert counts == {"Rwanda": 3, "Benin": 3}
        why = "de pilot telt hoogstens 3 partnerschappen in Rwanda en die zijn er"
    else:
        assert len(data["pairs"]) == 5
        why = "de pilot telt hoogstens 5 partnerschappen en die zijn er"
    rows = table(path, "Koppelingen")
    left = [r for r in rows if r[0] == "niet gekoppeld" and r[1] and r[1] != "V08"]
    assert left and all(why in r[8] or "hogere totale fit" in r[8] for r in left)
    assert any(why in r[8] for r in left)
    assert run_cli("check", path).returncode == 0
