"""The panel and the re-freeze through the command line: an assessor cannot silently leave one
candidate's panel (B3/K01), and weights re-fixed after the scores are known are recorded with
the shortlist before and after, warned about and shown in the dossier."""

from __future__ import annotations

import json

import docx
import pytest
from conftest import run_cli
from openpyxl import load_workbook

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop


def _text(path) -> str:
    d = docx.Document(str(path))
    return "\n".join(p.text for p in d.paragraphs)


def _drop_b3_from_k01(path):
    wb = load_workbook(path)
    ws = wb["Belangenconflicten"]
    for row in ws.iter_rows(min_row=5):
        if (row[0].value, row[1].value) == ("B3", "K01"):
            for cell in row[:5]:
                cell.value = None
    ws = wb["Scores"]
    for row in ws.iter_rows(min_row=5):
        values = [c.value for c in row[:3]]
        if "B3" in values and "K01" in values:
            for cell in row:
                cell.value = None
    wb.save(path)


def test_an_assessor_leaving_one_candidates_panel_is_a_problem_not_a_drop_out(demo_path,
                                                                              tmp_path):
    before = json.loads(run_cli("score", demo_path, "--json").stdout)
    k01 = next(c for c in before["candidates"] if c["id"] == "K01")
    assert k01["complete"] and k01["score"] is not None
    _drop_b3_from_k01(demo_path)
    r = run_cli("check", demo_path)
    assert r.returncode == 1
    assert "Belangenconflicten!A" in r.stderr and "B3 heeft geen verklaring" in r.stderr \
        and "K01" in r.stderr
    # score refuses whenever check would: K01 never silently counts on two assessors
    before_bytes = demo_path.read_bytes()
    r = run_cli("score", demo_path, "--json")
    assert r.returncode == 1  # --json: the refusal as one object, with no scores in it
    refused = json.loads(r.stdout)
    assert refused["ok"] is False and set(refused) == {"ok", "problems", "procedure"}
    assert any("B3 heeft geen verklaring" in p["message"] for p in refused["problems"])
    assert "B3 heeft geen verklaring" in r.stderr and "K01" in r.stderr
    assert demo_path.read_bytes() == before_bytes
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    result = evaluate(parse_lenient(FileWorkbook(demo_path, for_writing=False).snapshot(), []))
    k01 = next(c for c in result.candidates if c.id == "K01")
    assert not k01.complete and k01.score is None and "K01" not in result.shortlist
    # no dossier states a result that does not hold: it is refused like score, nothing written
    out = tmp_path / "d"
    r = run_cli("dossier", demo_path, "--out", out)
    assert r.returncode == 1 and "B3 heeft geen verklaring" in r.stderr
    assert not out.exists() or not list(out.glob("*.docx"))
    assert demo_path.read_bytes() == before_bytes


def test_a_refreeze_after_the_scores_is_recorded_warned_and_in_the_dossier(demo_path, tmp_path):
    wb = load_workbook(demo_path)
    ws = wb["Criteria"]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == "C01":
            ws.cell(r, 4).value = 5
        if ws.cell(r, 1).value == "C07":
            ws.cell(r, 4).value = 20
    wb.save(demo_path)
    r = run_cli("freeze", demo_path, "--reason", "ok")
    assert r.returncode == 0, r.stderr
    wb = load_workbook(demo_path)
    hist = wb["Criteriahistoriek"]
    changes = hist.cell(6, 6).value
    assert "VASTGELEGD NA HET SCOREN" in changes
    assert "shortlist vóór: K05, K04, K01; na: K05, K04, K10" in changes
    assert hist.cell(6, 5).value == "ok" and hist.cell(6, 3).value == "test"
    r = run_cli("check", demo_path)
    assert r.returncode == 0
    assert "opnieuw vastgelegd nadat de scores bekend waren" in r.stdout
    data = json.loads(run_cli("score", demo_path, "--json").stdout)
    assert data["frozen"] is True and data["shortlist"] == ["K05", "K04", "K10"]
    warning = next(w for w in data["warnings"] if "nadat de scores bekend waren" in w)
    assert "reden 'ok'" in warning and "Shortlist vóór: K05, K04, K01; erna: K05, K04, K10" in warning
    out = tmp_path / "d"
    assert run_cli("dossier", demo_path, "--out", out).returncode == 0
    text = _text(next(out.glob("*.docx")))
    assert "Let op: De criteria werden opnieuw vastgelegd nadat de scores bekend waren" in text
    assert "Shortlist vóór: K05, K04, K01; erna: K05, K04, K10 (gewijzigd)" in text


def test_a_freeze_before_any_score_is_not_flagged(tmp_path):
    path = tmp_path / "leeg.xlsx"
    assert run_cli("new", path).returncode == 0
    # a profile still being written does not stop fixing the criteria (check names it)
    assert run_cli("freeze", path).returncode == 0
    wb = load_workbook(path)
    ws = wb["Criteria"]
    ws.cell(6, 4).value = (ws.cell(6, 4).value or 0) + 1
    ws.cell(7, 4).value = (ws.cell(7, 4).value or 0) - 1
    wb.save(path)
    assert run_cli("freeze", path, "--reason", "tikfout").returncode == 0
    r = run_cli("check", path)
    assert "nadat de scores bekend waren" not in r.stdout + r.stderr
