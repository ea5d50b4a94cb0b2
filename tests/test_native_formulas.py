"""The workbook's native formulas, recalculated by LibreOffice, equal the Python scores."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from conftest import run_cli
from lo import recalculated_values
from partnerkeuze import layout

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


def _native_scores(path):
    t = layout.table("results")
    rows = recalculated_values(path, layout.sheet("results").name)
    ids = t.index("id")
    score = t.index("score")
    return {r[ids]: r[score] for r in rows[t.first_data_row - 1:] if r[ids]}


def _python_scores(path):
    out = run_cli("score", path, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.parametrize("aggregation", ["gemiddelde", "mediaan"])
def test_native_scores_equal_python(demo_path, aggregation):
    if aggregation == "mediaan":
        wb = load_workbook(demo_path)
        ws = wb[layout.sheet("settings").name]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "aggregation")
        ws.cell(row, 3).value = "mediaan"
        wb.save(demo_path)
    data = _python_scores(demo_path)
    native = _native_scores(demo_path)
    compared = 0
    for cand in data["candidates"]:
        if cand["complete"]:
            assert native[cand["id"]] == pytest.approx(cand["score"], abs=1e-9), cand["id"]
            compared += 1
        else:
            assert native[cand["id"]] in (None, ""), cand["id"]
    assert compared >= 10


def test_weights_check_cell_recalculates(demo_path):
    rows = recalculated_values(demo_path, layout.sheet("criteria").name)
    t = layout.table("criteria")
    w = t.index("weight")
    assert rows[2][w] == pytest.approx(100.0)
    assert "100 %" in rows[2][w + 1]
