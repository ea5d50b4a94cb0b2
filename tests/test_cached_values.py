"""Every formula `score` writes carries the value the core computed for it as its cached value:
readers that do not calculate (openpyxl with data_only, pandas) see the scores and ranks of
`score --json`, and LibreOffice, recalculating the same formulas from scratch, gets the same
values. fullCalcOnLoad stays only where a cached value could be stale."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import shutil
import zipfile

import pytest

from conftest import run_cli
from lo import recalculated_values
from partnerkeuze import layout

RESULTS = layout.sheet("results").name
SCORE_TABLE = layout.sheet("score_table").name


def _cached(path, sheet):
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True)
    return [list(r) for r in wb[sheet].iter_rows(values_only=True)]


def _formula_cells(path, sheet):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return {(c.row, c.column) for row in wb[sheet].iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")
            or type(c.value).__name__ == "ArrayFormula"}


def _without_caches(path, tmp_path):
    """A copy whose formulas have no cached values (openpyxl drops them), so LibreOffice must
    calculate every one itself."""
    from openpyxl import load_workbook

    copy = tmp_path / "zonder-waarden.xlsx"
    load_workbook(path).save(copy)
    with zipfile.ZipFile(copy) as zf:
        sheet = [n for n in zf.namelist() if n.startswith("xl/worksheets/sheet")][0]
        assert not re.search(rb"</f><v>[^<]", zf.read(sheet))
    return copy


def _same(a, b) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b) and type(a) is type(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    return a == b


@pytest.fixture
def scored(demo_path):
    """The demo scored by `score` on the file (the part-level writer), and its --json."""
    proc = run_cli("score", demo_path, "--json")
    assert proc.returncode == 0, proc.stderr
    return demo_path, json.loads(proc.stdout)


def _by_id(rows):
    header = next(i for i, r in enumerate(rows) if r and r[0] == "ID")
    cols = rows[header]
    return {r[0]: dict(zip(cols, r)) for r in rows[header + 1:] if r and r[0]}


def test_openpyxl_and_pandas_read_the_scores_and_ranks_of_score_json(scored):
    import pandas as pd

    path, data = scored
    rows = _by_id(_cached(path, RESULTS))
    frame = pd.read_excel(path, sheet_name=RESULTS, header=3, engine="openpyxl")
    by_pandas = {r["ID"]: r for r in frame.to_dict("records") if isinstance(r["ID"], str)}
    assert len(data["candidates"]) == 13
    for cand in data["candidates"]:
        row, prow = rows[cand["id"]], by_pandas[cand["id"]]
        if cand["score"] is not None:
            assert row["Gewogen score (0-100)"] == pytest.approx(cand["score"], abs=1e-9)
            assert prow["Gewogen score (0-100)"] == pytest.approx(cand["score"], abs=1e-9)
        if cand["rank"] is not None:
            assert row["Rang"] == cand["rank"] and prow["Rang"] == cand["rank"]
        else:
            assert row["Rang"] in (None, "") and pd.isna(prow["Rang"])
        assert (row["Shortlist"] == "ja") == cand["shortlisted"]
        assert (prow["Shortlist"] == "ja") == cand["shortlisted"]
    assert [r for r in rows if rows[r]["Shortlist"] == "ja"] == data["shortlist"]


@pytest.mark.libreoffice
@pytest.mark.parametrize("how", ["score op het bestand", "new --demo (openpyxl)"])
def test_libreoffice_recalculation_equals_every_cached_value(how, scored, tmp_path):
    path, _ = scored
    if how.startswith("new"):
        path = tmp_path / "nieuw.xlsx"
        assert run_cli("new", path, "--demo").returncode == 0
    stripped = _without_caches(path, tmp_path)
    for sheet in (SCORE_TABLE, RESULTS):
        cached = _cached(path, sheet)
        fresh = recalculated_values(stripped, sheet)
        formulas = _formula_cells(path, sheet)
        assert len(formulas) > (100 if sheet == SCORE_TABLE else 40)
        checked = 0
        for r, c in sorted(formulas):  # the live warning above Resultaten too
            mine, theirs = cached[r - 1][c - 1], fresh[r - 1][c - 1]
            assert mine is not None or theirs in (None, ""), (sheet, r, c, theirs)
            assert _same(mine, theirs), (sheet, r, c, mine, theirs)
            checked += 1
        assert checked == len(formulas)


def test_the_openpyxl_fallback_writes_the_cached_values_too(demo_path):
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from pipeline_support import score

    book = FileWorkbook(demo_path)
    score(book)
    book._save_with_openpyxl(backup=False)  # what a save does when the part writer cannot
    rows = _by_id(_cached(demo_path, RESULTS))
    assert rows["K05"]["Rang"] == 1 and rows["K05"]["Shortlist"] == "ja"
    assert rows["K05"]["Gewogen score (0-100)"] == pytest.approx(87.0)


def _calc_pr(path) -> dict:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/workbook.xml").decode("utf-8")
    m = re.search(r"<(?:\w+:)?calcPr\b([^>]*)/?>", xml)
    return dict(re.findall(r'(\w+)="([^"]*)"', m.group(1))) if m else {}


def test_full_calc_on_load_only_where_a_value_could_be_stale(tmp_path):
    """The part-level writer: a patch that gives every formula its value and declares it leaves
    no fullCalcOnLoad (and a current calcId); a formula without a value, or a patch that
    changes inputs without recalculating, sets it."""
    from openpyxl import Workbook

    from partnerkeuze.kernel.patch import Formula, Patch, with_cached
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    base = tmp_path / "basis.xlsx"
    wb = Workbook()
    wb.active.title = "Blad"
    wb.active["A1"] = 2
    wb.save(base)
    assert _calc_pr(base).get("fullCalcOnLoad") == "1"  # openpyxl always sets it

    def write(name, patch):
        path = tmp_path / name
        shutil.copy(base, path)
        book = FileWorkbook(path)
        book.apply(patch)
        book.save(backup=False)
        return path

    good = Patch(recalculated=True)
    good.set_cell("Blad", 1, 2, with_cached(Formula("=A1*2"), 4))
    path = write("goed.xlsx", good)
    assert "fullCalcOnLoad" not in _calc_pr(path) and _calc_pr(path)["calcId"] == "191029"
    assert _cached(path, "Blad")[0][:2] == [2, 4]

    uncached = Patch(recalculated=True)
    uncached.set_cell("Blad", 1, 2, Formula("=A1*2"))
    assert _calc_pr(write("zonder.xlsx", uncached)).get("fullCalcOnLoad") == "1"

    inputs = Patch()  # an input changed, its formulas not recalculated
    inputs.set_cell("Blad", 1, 1, 3)
    assert _calc_pr(write("invoer.xlsx", inputs)).get("fullCalcOnLoad") == "1"


def test_a_formula_without_a_value_elsewhere_keeps_the_flag(tmp_path):
    from openpyxl import Workbook

    from partnerkeuze.kernel.patch import Formula, Patch, with_cached
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "twee.xlsx"
    wb = Workbook()
    wb.active.title = "Blad"
    wb.create_sheet("Ander")["A1"] = "=1+1"  # openpyxl: no value
    wb.save(path)
    book = FileWorkbook(path)
    patch = Patch(recalculated=True)
    patch.set_cell("Blad", 1, 1, with_cached(Formula("=1+2"), 3))
    book.apply(patch)
    book.save(backup=False)
    assert _calc_pr(path).get("fullCalcOnLoad") == "1"


def test_cached_values_are_typed_as_excel_reads_them(tmp_path):
    from openpyxl import Workbook

    from partnerkeuze.kernel.patch import Formula, Patch, with_cached
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "typen.xlsx"
    wb = Workbook()
    wb.active.title = "Blad"
    wb.save(path)
    book = FileWorkbook(path)
    patch = Patch(recalculated=True)
    for col, value in enumerate((87.5, True, "ja", "", 3), start=1):
        patch.set_cell("Blad", 1, col, with_cached(Formula(f"=X{col}"), value))
    book.apply(patch)
    book.save(backup=False)
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert '<c r="A1"><f>X1</f><v>87.5</v></c>' in xml
    assert '<c r="B1" t="b"><f>X2</f><v>1</v></c>' in xml
    assert '<c r="C1" t="str"><f>X3</f><v>ja</v></c>' in xml
    assert '<c r="D1" t="str"><f>X4</f><v></v></c>' in xml
    assert _cached(path, "Blad")[0] == [87.5, True, "ja", None, 3]


def test_the_writer_tells_a_formula_with_a_value_from_one_without():
    """calc_flag reads what Excel reads: a text result may be empty, a number needs digits,
    prefixed namespaces and shared formulas count, an unfinished cell at the end is left out."""
    from partnerkeuze.io.xlsx.calc_flag import cached_in, formula_cells

    xml = (b'<x:row r="2"><x:c r="B2" t="str"><x:f>A1</x:f><x:v></x:v></x:c>'
           b'<x:c r="C2"><x:f>1+1</x:f><x:v></x:v></x:c>'
           b'<x:c r="D2" s="3"><x:f t="shared" si="0" ref="D2:D3"/><x:v>3.5</x:v></x:c>'
           b'<x:c r="E2" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c>'
           b'<x:c r="F2"><x:v>7</x:v></x:c><x:c r="AA2"><x:f>X</x:f></x:c></x:row>'
           b'<x:row r="3"><x:c r="D3"><x:f t="shared" si="0"/><x:v>4</x:v></x:c>'
           b'<x:c r="E3"><x:f>SUM(A1:A2)</x:f><x:v>1')
    assert list(formula_cells(xml)) == [(2, 2, True), (2, 3, False), (2, 4, True),
                                        (2, 5, True), (2, 27, False), (3, 4, True)]
    plain = xml.replace(b"x:", b"")
    assert cached_in(plain, 2, 2) == "" and cached_in(plain, 2, 3) is None
    assert cached_in(plain, 2, 4) == 3.5 and cached_in(plain, 2, 5) is True
    assert cached_in(plain, 2, 6) is None  # a value, no formula
    assert cached_in(plain, 3, 4) == 4 and isinstance(cached_in(plain, 3, 4), int)


def test_excel_values_say_unknown_rather_than_guess():
    """The core's reading of Excel's functions: rounding half away from zero as FIXED does,
    COUNTIFS' text matching whatever the case, and Unknown for what it does not evaluate the
    way Excel does (wildcards, comparisons, numbers as text, a formula without its value)."""
    from partnerkeuze.core import excel_values as xv
    from partnerkeuze.kernel.formulas import Unknown
    from partnerkeuze.kernel.patch import Formula, with_cached

    assert [xv.fixed(x, 1) for x in (95.25, 0.05, -0.04, 1234.56, 100)] == \
        ["95.3", "0.1", "0.0", "1234.6", "100.0"]
    assert xv.matches("gros", "GROS") and not xv.matches("GROS ", "GROS")
    assert xv.matches(None, "") and xv.matches("", "") and not xv.matches("x", "")
    assert xv.matches("x", "<>") and not xv.matches(None, "<>")
    assert xv.matches(with_cached(Formula('=IF(1,"ja","")'), "ja"), "ja")
    for value, criterion in (("a", "a*"), ("a", "<b"), ("5", "x"), ("x", "5"),
                             (Formula("=A1"), "ja"), ("=A1", "ja"), ("", "<>")):
        with pytest.raises(Unknown):
            xv.matches(value, criterion)
    assert xv.numbers([1, True, "2", None, dt.datetime(1900, 3, 1), 2.5]) == [1, 61, 2.5]
    assert xv.trim("  a   b  ") == "a b"
