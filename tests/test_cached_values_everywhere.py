"""Every formula of every workbook the product writes carries the value it gives as its cached
value (issue 25, item 5): the demo and every workbook of its run, new workbooks of every mode,
workbooks with random content; LibreOffice, recalculating a copy without the values from
scratch, gets the same value for every formula of every family; no volatile function in a cell;
fullCalcOnLoad only where a value could be stale (a command that changes what the Scoretabel
reads without scoring, a formula that is not the product's), and gone again after `score`.

The sheet XML is read with ElementTree here, not with the product's scanner."""

from __future__ import annotations

import datetime as dt
import math
import random
import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import run_cli
import lo

pytestmark = pytest.mark.slow  # LibreOffice and many workbooks: not in the quick loop

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
VOLATILE = re.compile(r"\b(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY|OFFSET|INDIRECT|CELL|INFO)\s*\(",
                      re.I)
EXCEL_CALC_ID = 191029  # Excel 2019 / Microsoft 365: an older calcId makes Excel recalculate


def _sheets(path: Path) -> dict[str, ET.Element]:
    """Sheet name -> parsed worksheet XML."""
    with zipfile.ZipFile(path) as zf:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        out = {}
        for s in wb.find("m:sheets", NS):
            t = target[s.get(f"{{{NS['r']}}}id")].lstrip("/")
            out[s.get("name")] = ET.fromstring(zf.read(t if t.startswith("xl/") else "xl/" + t))
        return out


def formula_cells(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(sheet, A1 ref) -> (formula text, has a cached value) of every formula cell: a value is
    a <v> with text, or an empty <v> of a text result (t="str")."""
    out = {}
    for name, root in _sheets(path).items():
        for c in root.iter(f"{{{NS['m']}}}c"):
            f = c.find("m:f", NS)
            if f is None:
                continue
            v = c.find("m:v", NS)
            has = v is not None and (bool((v.text or "").strip()) or c.get("t") == "str")
            out[(name, c.get("r"))] = (f.text or "", has)
    return out


def calc_pr(path: Path) -> dict:
    """The attributes of the workbook's calcPr."""
    with zipfile.ZipFile(path) as zf:
        calc = ET.fromstring(zf.read("xl/workbook.xml")).find("m:calcPr", NS)
    return dict(calc.attrib) if calc is not None else {}


def assert_calculated(path: Path) -> int:
    """Every formula has its cached value, none is volatile, and Excel is not asked to
    recalculate on opening; returns the number of formula cells."""
    cells = formula_cells(path)
    missing = [k for k, (_, has) in cells.items() if not has]
    assert not missing, (path.name, missing[:10], len(missing))
    volatile = [(k, f) for k, (f, _) in cells.items() if VOLATILE.search(f)]
    assert not volatile, (path.name, volatile[:5])
    calc = calc_pr(path)
    assert calc.get("fullCalcOnLoad") in (None, "0", "false"), (path.name, calc)
    assert int(calc.get("calcId", 0)) >= EXCEL_CALC_ID, (path.name, calc)
    return len(cells)


def _same(a, b) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    return type(a) is type(b) and a == b


def compare_with_libreoffice(path: Path, tmp: Path) -> dict[tuple[str, int, int], object]:
    """Every formula cell's cached value (openpyxl, data_only) against LibreOffice's value for
    a copy without cached values (openpyxl drops them: LibreOffice calculates every formula);
    returns (sheet, row, column) -> the value, for the cells compared."""
    from openpyxl import load_workbook

    stripped = tmp / f"zonder-waarden-{path.stem}.xlsx"
    load_workbook(path).save(stripped)
    assert not any(has for _, has in formula_cells(stripped).values())
    fresh = load_workbook(lo.convert(stripped, "xlsx", tmp / f"lo-{path.stem}"), data_only=True)
    cached = load_workbook(path, data_only=True)
    compared = {}
    for (sheet, ref) in formula_cells(path):
        mine, theirs = cached[sheet][ref].value, fresh[sheet][ref].value
        assert _same(mine, theirs), (path.name, sheet, ref, mine, theirs)
        cell = cached[sheet][ref]
        compared[(sheet, cell.row, cell.column)] = mine
    return compared


def families_in(compared: dict) -> dict[str, int]:
    """Per registered family of formulas, how many compared cells lie in its area."""
    from partnerkeuze.app.registry import formula_families

    out = {}
    for family in formula_families():
        areas = family.area()
        out[family.name] = sum(1 for (s, r, c) in compared
                               if any(a.sheet == s and a.holds(r, c) for a in areas))
    return out


# --- every workbook the product writes ------------------------------------------------------

def test_every_workbook_of_the_demo_run_opens_calculated(demo_run):
    """The demo (new, score, plan, questionnaire, forms, record, dossier, letters, SDG, the
    evaluation): every .xlsx it wrote, the forms too, has no formula without its value and no
    fullCalcOnLoad after the whole run."""
    books = sorted(demo_run.rglob("*.xlsx"))
    assert len(books) >= 12
    counts = {p.relative_to(demo_run).as_posix(): assert_calculated(p) for p in books}
    assert counts["Partnerkeuze-demo.xlsx"] > 400 and counts["SDG-demo.xlsx"] > 300
    forms = [k for k in counts if "formulieren/" in k or "vragenlijsten/" in k]
    assert len(forms) >= 9 and all(counts[k] == 0 for k in forms)


@pytest.mark.parametrize("mode,demo", [("stedenband", False), ("stedenband", True),
                                       ("sdg", False), ("sdg", True), ("evaluatie", False),
                                       ("evaluatie", True)])
def test_a_new_workbook_opens_calculated(mode, demo, tmp_path):
    path = tmp_path / "nieuw.xlsx"
    args = ("new", path, "--mode", mode) + (("--demo",) if demo else ())
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr
    n = assert_calculated(path)
    assert n == 0 if mode == "evaluatie" else n > 140


def test_the_blank_workbooks_in_the_repository_open_calculated():
    root = Path(__file__).resolve().parents[1] / "workbook"
    for mode, least in (("stedenband", 170), ("sdg", 140), ("evaluatie", 0)):
        assert assert_calculated(root / f"Partnerkeuze-{mode}.xlsx") >= least


def test_openpyxl_reads_every_family_of_the_demo(demo_run):
    """A reader that does not calculate sees what the formulas give, checked against the
    workbook's own input sheets: the weights check, the count of scores outside their scale,
    the months of the Gantt, the channels, the warning above the results."""
    from openpyxl import load_workbook

    from partnerkeuze import layout
    from partnerkeuze.features.planning.sheet import grid_first_col

    wb = load_workbook(demo_run / "Partnerkeuze-demo.xlsx", data_only=True)

    def rows(key):
        t = layout.table(key)
        ws = wb[layout.TABLE_SHEET[key].name]
        cols = [c.key for c in t.columns]
        return [dict(zip(cols, r)) for r in ws.iter_rows(min_row=t.first_data_row,
                                                         values_only=True) if r[0]]

    crit = wb[layout.sheet("criteria").name]
    weights = sum(r["weight"] or 0 for r in rows("criteria"))
    assert crit["D3"].value == pytest.approx(weights)
    assert crit["E3"].value.startswith("In orde" if abs(weights - 100) < 0.01 else "Let op")
    scale = {r["id"]: (r["scale_min"], r["scale_max"]) for r in rows("criteria")}
    settings = {r[0]: r[2] for r in wb[layout.sheet("settings").name].iter_rows(
        min_row=5, values_only=True) if r[0]}
    outside = sum(1 for r in rows("scores") if isinstance(r["score"], (int, float)) and not (
        (scale[r["criterion"]][0] if scale[r["criterion"]][0] is not None
         else settings["scale_min"]) <= r["score"] <=
        (scale[r["criterion"]][1] if scale[r["criterion"]][1] is not None
         else settings["scale_max"])))
    assert wb[layout.sheet("scores").name]["D3"].value == outside
    planning = wb[layout.sheet("planning").name]
    starts = [r["start"] for r in rows("planning") if isinstance(r["start"], dt.datetime)]
    month = planning.cell(row=3, column=grid_first_col()).value
    assert (month.year, month.month, month.day) == (min(starts).year, min(starts).month, 1)
    kanalen = wb[layout.sheet("channels").name]
    names = [kanalen.cell(row=r, column=1).value for r in range(5, 5 + 11)]
    candidates, results = rows("candidates"), rows("results")
    for r, name in enumerate(names, start=5):
        if name == "Onbekend":
            n = sum(1 for c in candidates if not c["channel"])
            s = sum(1 for c in results if not c["channel"] and c["shortlisted"] == "ja")
        else:
            n = sum(1 for c in candidates if c["channel"] == name)
            s = sum(1 for c in results if c["channel"] == name and c["shortlisted"] == "ja")
        assert (kanalen.cell(row=r, column=2).value, kanalen.cell(row=r, column=3).value) == (n, s)
    assert kanalen.cell(row=16, column=2).value == len(candidates)
    assert kanalen.cell(row=16, column=3).value == sum(c["shortlisted"] == "ja" for c in results)
    incomplete = sum(1 for c in results if not isinstance(c["score"], (int, float)))
    warning = wb[layout.sheet("results").name]["A3"].value
    assert incomplete > 0 and warning == f"{incomplete} kandidaat/kandidaten onvolledig (scores ontbreken)."


# --- LibreOffice gets the same values --------------------------------------------------------

@pytest.mark.libreoffice
def test_libreoffice_recalculation_equals_every_cached_value_of_the_demo_run(demo_run, tmp_path):
    compared = compare_with_libreoffice(demo_run / "Partnerkeuze-demo.xlsx", tmp_path)
    found = families_in(compared)
    assert all(n > 0 for n in found.values()), found  # every family of formulas is in the demo
    sdg = families_in(compare_with_libreoffice(demo_run / "SDG-demo.xlsx", tmp_path))
    assert sum(sdg.values()) > 300


@pytest.mark.libreoffice
@pytest.mark.parametrize("mode", ["stedenband", "sdg"])
def test_libreoffice_recalculation_equals_the_cached_values_of_a_new_workbook(mode, tmp_path):
    from openpyxl import load_workbook

    from partnerkeuze import layout
    from partnerkeuze.features.planning.sheet import NOT_PLANNED, grid_first_col

    path = tmp_path / "nieuw.xlsx"
    assert run_cli("new", path, "--mode", mode).returncode == 0
    found = families_in(compare_with_libreoffice(path, tmp_path))
    assert found["maanden van de Gantt"] > 100 and found["som van de gewichten"] == 2
    planning = load_workbook(path, data_only=True)[layout.sheet("planning").name]
    assert planning.cell(row=3, column=grid_first_col()).value == NOT_PLANNED


def random_content(seed: int, scored: bool) -> tuple[dict, dict]:
    """The demo call's content with random weights (decimals; summing to 100 only when
    ``scored``), scores (out of scale, text and missing ones when not ``scored``), channels,
    shortlist size, criteria scales and planned start dates."""
    from partnerkeuze.app.creation import initial_content
    from partnerkeuze.kernel.reference import CHANNELS

    rng = random.Random(seed)
    tables, fields = initial_content("stedenband", True)
    for key in ("frozen_hash", "frozen_at", "frozen_by"):  # the weights change
        fields["settings"].pop(key, None)
    for key in ("procedure", "final_order", "second_round", "log", "criteria_history"):
        tables.pop(key, None)
    fields["settings"]["shortlist_size"] = rng.randint(3, 5)
    crits = [c for c in tables["criteria"] if c[6] == "Score"]
    raw = [rng.randint(1, 40) for _ in crits]
    if scored:
        weights = [round(r / sum(raw) * 100, 2) for r in raw]
        weights[-1] = round(100 - sum(weights[:-1]), 2)
    else:
        weights = [round(rng.uniform(1, 30), 2) for _ in crits]
    scales = {}
    for c, w in zip(crits, weights):
        c[3] = w
        if not scored and rng.random() < 0.4:
            c[4], c[5] = rng.choice([(1, 10), (0, 3), (2, 4)])
        scales[c[0]] = (c[4] if c[4] is not None else 0, c[5] if c[5] is not None else 5)
    scores = []
    for row in tables["scores"]:
        if row[1] in scales and rng.random() < (0.05 if scored else 0.1):
            continue  # a missing score
        if row[1] in scales:
            lo_, hi = scales[row[1]]
            row[3] = rng.randint(lo_, hi)
            if not scored and rng.random() < 0.15:
                row[3] = rng.choice([hi + rng.randint(1, 3), lo_ - rng.randint(1, 2), "n.v.t.",
                                     hi + 0.5])
        scores.append(row)
    tables["scores"] = scores
    for cand in tables["candidates"]:
        cand[5] = rng.choice(CHANNELS + (None,))
    t0 = dt.datetime(2026, rng.randint(1, 12), rng.randint(1, 28))
    for step in tables["planning"]:
        if rng.random() < 0.6:
            step[9] = t0 + dt.timedelta(days=rng.randint(0, 400))
    return tables, fields


@pytest.mark.libreoffice
@pytest.mark.parametrize("seed,scored", [(1, False), (2, False), (3, True), (4, True)])
def test_libreoffice_agrees_over_random_workbooks(seed, scored, tmp_path):
    """Random content (property over cases): every family's cached values equal LibreOffice's,
    also where weights do not make 100, scores lie outside their scale, candidates are
    incomplete, channels are missing."""
    from partnerkeuze.app.creation import build

    book = build("stedenband", demo=scored, content=random_content(seed, scored))
    path = tmp_path / f"willekeurig-{seed}.xlsx"
    book.save(path, backup=False)
    assert_calculated(path)
    compared = compare_with_libreoffice(path, tmp_path)
    found = families_in(compared)
    guards = ("som van de gewichten", "scores buiten de schaal", "maanden van de Gantt",
              "kanalen: kandidaten", "kanalen: shortlist", "waarschuwing boven Resultaten")
    assert all(found[name] > 0 for name in guards), found
    if scored:
        assert found["Scoretabel"] > 100 and found["Resultaten"] > 40


# --- fullCalcOnLoad only where a value could be stale ----------------------------------------

def test_merge_marks_the_workbook_for_recalculation_until_score(demo_path, tmp_path):
    """`merge` changes what the Scoretabel reads without scoring: its values could be stale,
    so Excel must recalculate; `score` gives every formula its value again."""
    from openpyxl import load_workbook

    from intake_support import fill_assessor

    assert_calculated(demo_path)
    assert run_cli("assessor-forms", demo_path, "--out", tmp_path / "uit").returncode == 0
    form = sorted((tmp_path / "uit").glob("Beoordelingsformulier-*.xlsx"))[0]
    rows = [r for r in load_workbook(form)["Beoordeling"].iter_rows(min_row=7, values_only=True)
            if r[0] and isinstance(r[7], (int, float)) and str(r[3]).startswith("C")]
    cand, crit, old = rows[0][0], rows[0][3], rows[0][7]
    fill_assessor(form, tmp_path / "in" / "b.xlsx", {(cand, crit): 1 if old != 1 else 2})
    proc = run_cli("merge", demo_path, tmp_path / "in")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert calc_pr(demo_path).get("fullCalcOnLoad") == "1"
    proc = run_cli("score", demo_path)
    assert proc.returncode == 0, proc.stderr
    assert_calculated(demo_path)
    compare_with_libreoffice(demo_path, tmp_path)


def _with_own_formula(path: Path, sheet: str, row: int, col: int, formula: str, value) -> None:
    """Put a formula with its cached value into the file, as Excel would have saved it."""
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.kernel.patch import Formula, Patch, with_cached

    book = FileWorkbook(path)
    patch = Patch(recalculated=True)
    patch.set_cell(sheet, row, col, with_cached(Formula(formula), value))
    book.apply(patch)
    book.save(backup=False)
    book.close()


@pytest.mark.parametrize("where", ["nowhere", "own formula", "changed product formula"])
def test_plan_leaves_excel_recalculating_only_beside_a_formula_that_is_not_the_products(
        where, demo_path):
    """After `plan` the Gantt's header has its new values and the workbook opens calculated,
    unless it holds a formula the product did not write (it could read what plan changed) or
    one of the product's formulas was changed."""
    from partnerkeuze import layout
    from partnerkeuze.features.planning.sheet import grid_first_col

    if where == "own formula":
        _with_own_formula(demo_path, layout.sheet("profile").name, 1, 20,
                          "=COUNTA(Planning!J5:J40)", 0)
    elif where == "changed product formula":
        _with_own_formula(demo_path, layout.sheet("planning").name, 4, grid_first_col() + 1,
                          "=P$3+6", 6)
    assert calc_pr(demo_path).get("fullCalcOnLoad") is None
    proc = run_cli("plan", demo_path)
    assert proc.returncode == 0, proc.stderr
    assert all(has for _, has in formula_cells(demo_path).values())
    flag = calc_pr(demo_path).get("fullCalcOnLoad")
    assert flag == (None if where == "nowhere" else "1")
