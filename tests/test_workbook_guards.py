"""The workbook guards itself without Python, checked by LibreOffice recalculation: the score
validation per criterion scale, the live warnings, tables that grow, native rank and shortlist."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from lo import convert, recalculated_values
from partnerkeuze import layout

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]

SCORES = layout.sheet("scores").name
RESULTS = layout.sheet("results").name
T_SCORES = layout.table("scores")
T_RESULTS = layout.table("results")


def _model(path):
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import snapshot_of

    return parse(snapshot_of(load_workbook(path), "x"))


def _score_rows(ws):
    """(row, candidate, criterion, assessor, score) of every filled Scores row."""
    out = []
    for r in range(T_SCORES.first_data_row, ws.max_row + 1):
        cand, crit, who, score = (ws.cell(r, c).value for c in range(1, 5))
        if cand:
            out.append((r, cand, crit, who, score))
    return out


def _shift(formula: str, rows: int) -> str:
    """A relative validation formula moved down `rows` rows (as Excel applies it per cell)."""
    return re.sub(r"(?<![\w!$])(\$?[A-Z]{1,3})(\d+)\b",
                  lambda m: f"{m.group(1)}{int(m.group(2)) + rows}", formula)


def _qualify(formula: str, sheet: str) -> str:
    """Cell references without a sheet get `sheet!` (to evaluate the formula elsewhere)."""
    return re.sub(r"(?<![\w!$:])(\$?[A-Z]{1,3}\$?\d+)\b", lambda m: f"{sheet}!{m.group(1)}",
                  formula)


def _python(path, tmp_path, name="py.xlsx"):
    copy = tmp_path / name
    shutil.copy(path, copy)
    out = run_cli("score", copy, "--json")
    assert out.returncode == 0, out.stderr
    return {c["id"]: c for c in json.loads(out.stdout)["candidates"]}


def test_out_of_scale_score_is_refused_by_the_validation_and_flagged_live(demo_path, tmp_path):
    model = _model(demo_path)
    scale = {c.id: (c.scale_min, c.scale_max) for c in model.criteria}
    heavy = max((c for c in model.criteria if not c.knockout), key=lambda c: c.weight)
    wb = load_workbook(demo_path)
    ws = wb[SCORES]
    rows = _score_rows(ws)
    first = T_SCORES.first_data_row
    # the cell the test types into: a score of the heaviest criterion of the best candidate
    target = next(r for r in rows if r[1] == "K05" and r[2] == heavy.id)
    valid_top = next(r for r in rows if r[0] != target[0] and r[2] != target[2])
    ws.cell(target[0], 4).value = 44  # what Excel accepted before: 44 on a 0-5 scale
    ws.cell(valid_top[0], 4).value = scale[valid_top[2]][1]  # the top of its scale: allowed
    wb.save(demo_path)

    # LibreOffice opens and saves the workbook; read its validation of the score column back
    out = convert(demo_path, "xlsx", tmp_path / "lo")
    back = load_workbook(out)
    dvs = [dv for dv in back[SCORES].data_validations.dataValidation
           if any(str(rg).startswith(f"D{first}") for rg in dv.sqref.ranges)]
    assert len(dvs) == 1 and dvs[0].type == "custom"
    formula = dvs[0].formula1.lstrip("=")
    assert "Criteria" in formula and "MATCH" in formula  # looks the criterion's scale up
    assert dvs[0].showErrorMessage and "schaal" in dvs[0].error

    # evaluate the read-back formula for both cells with LibreOffice
    probe = load_workbook(out)
    ps = probe.create_sheet("Proef")
    for i, (row, *_rest) in enumerate((target, valid_top), start=1):
        ps.cell(i, 1).value = "=" + _qualify(_shift(formula, row - first), SCORES)
    probe.save(tmp_path / "proef.xlsx")
    verdict = recalculated_values(tmp_path / "proef.xlsx", "Proef")
    assert verdict[0][0] is False, "44 on a 0-5 scale must be refused"
    assert verdict[1][0] is True, "the top of the scale must be allowed"

    scores = recalculated_values(demo_path, SCORES)
    assert scores[2][3] == 1 and scores[2][4].startswith("Let op: 1 score(s) buiten de schaal")
    results = recalculated_values(demo_path, RESULTS)
    warning = results[2][0]
    assert "1 score(s) buiten de schaal" in warning
    assert "gewogen score(s) buiten 0-100" in warning
    k05 = next(r for r in results[T_RESULTS.first_data_row - 1:] if r[0] == "K05")
    assert k05[T_RESULTS.index("score")] > 100  # what the warning is about


def test_rows_added_beyond_the_old_ranges_are_counted(demo_path, tmp_path):
    python = _python(demo_path, tmp_path)
    wb = load_workbook(demo_path)
    ws = wb[SCORES]
    rows = _score_rows(ws)
    moved = [r for r in rows if r[1] == "K05"][:3]
    old_last = max(r[0] for r in rows) + 1000  # where the old fixed ranges ended
    for i, (row, cand, crit, who, score) in enumerate(moved):
        for c in range(1, 6):
            ws.cell(row, c).value = None
        for c, v in enumerate((cand, crit, who, score), start=1):
            ws.cell(old_last + 200 + i, c).value = v
    table = ws.tables[T_SCORES.name]
    start = table.ref.split(":")[0]
    table.ref = f"{start}:E{old_last + 200 + len(moved)}"
    table.autoFilter.ref = table.ref
    wb.save(demo_path)
    results = recalculated_values(demo_path, RESULTS)
    native = {r[0]: r for r in results[T_RESULTS.first_data_row - 1:] if r[0]}
    assert native["K05"][T_RESULTS.index("score")] == pytest.approx(python["K05"]["score"], abs=1e-9)
    assert native["K05"][T_RESULTS.index("complete")] == "ja"
    assert _python(demo_path, tmp_path, "py2.xlsx")["K05"]["score"] == pytest.approx(
        python["K05"]["score"], abs=1e-9)  # Python reads the grown table the same way


def test_native_rank_and_shortlist_agree_with_score_json_also_for_ties(demo_path, tmp_path):
    wb = load_workbook(demo_path)
    ws = wb[SCORES]
    rows = _score_rows(ws)
    # make K10 score exactly like K01 (neither has a conflict): a tie on 3rd/4th place
    k01 = {(crit, who): score for _, cand, crit, who, score in rows if cand == "K01"}
    for row, cand, crit, who, _score in rows:
        if cand == "K10" and (crit, who) in k01:
            ws.cell(row, 4).value = k01[(crit, who)]
    wb.save(demo_path)
    out = run_cli("score", demo_path, "--json")
    assert out.returncode == 0, out.stderr
    python = {c["id"]: c for c in json.loads(out.stdout)["candidates"]}
    assert python["K01"]["rank"] == python["K10"]["rank"]  # the tie exists
    results = recalculated_values(demo_path, RESULTS)
    native = {r[0]: r for r in results[T_RESULTS.first_data_row - 1:] if r[0]}
    assert set(native) == set(python)
    for cid, cand in python.items():
        row = native[cid]
        rank = row[T_RESULTS.index("rank")]
        assert (rank if rank not in ("", None) else None) == cand["rank"], cid
        assert (row[T_RESULTS.index("shortlisted")] == "ja") == cand["shortlisted"], cid
        assert (row[T_RESULTS.index("complete")] == "ja") == cand["complete"], cid
    assert sum(1 for c in python.values() if c["shortlisted"]) == 4  # the tie widened it
