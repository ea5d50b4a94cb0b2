"""The anchor outside the workbook: freeze writes a receipt beside the workbook, the dossier and
its draft decisions print the chain head and the fingerprint, and ``check --against`` names what
a workbook no longer extends; an honest workbook that only grew passes."""

from __future__ import annotations

import pytest

import json
import shutil

import docx
from conftest import run_cli
from openpyxl import load_workbook

from partnerkeuze.io import anchor

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

LOG = "Logboek"


def _text(path) -> str:
    """Every paragraph and table cell of a .docx, read with python-docx."""
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def _reweigh(path, **weights):
    wb = load_workbook(path)
    ws = wb["Criteria"]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value in weights:
            ws.cell(r, 4).value = weights[ws.cell(r, 1).value]
    wb.save(path)


def _truncate(path, n):
    """Remove the last n log entries and point the head at the new last one."""
    wb = load_workbook(path)
    ws = wb[LOG]
    rows = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value not in (None, "")]
    for r in rows[-n:]:
        for c in range(1, 9):
            ws.cell(r, c).value = None
    last = rows[-n - 1]
    ws["A3"] = f"Kettingkop: {ws.cell(last, 1).value} regels | {ws.cell(last, 8).value}"
    wb.save(path)


def test_freeze_writes_a_receipt_and_check_verifies_it(demo_path, tmp_path):
    _reweigh(demo_path, C01=10, C08=10)
    r = run_cli("freeze", demo_path, "--reason", "Na advies van de GROS", "--json")
    assert r.returncode == 0, r.stderr
    receipt = anchor.receipt_path(demo_path)
    data = json.loads(receipt.read_text(encoding="utf-8"))
    rec = data["ontvangstbewijzen"][-1]
    assert json.loads(r.stdout)["receipt"] == str(receipt)
    assert rec["what"] == "freeze" and rec["history_count"] == 2
    assert rec["fingerprint"] == json.loads(r.stdout)["criteria_hash"]
    # an honest workbook that grows still extends the receipt
    assert run_cli("score", demo_path).returncode == 0
    assert run_cli("check", demo_path, "--against", receipt).returncode == 0
    # the receipt kept elsewhere proves a truncation the workbook cannot
    kept = tmp_path / "bewaard.json"
    shutil.copy(receipt, kept)
    _truncate(demo_path, 2)  # the score entry and the freeze entry
    r = run_cli("check", demo_path, "--against", kept)
    assert r.returncode == 1
    assert f"{LOG}!A" in r.stderr and "bewaard.json legde" in r.stderr, r.stderr
    r = run_cli("score", demo_path)  # the receipt beside the workbook also stops score
    assert r.returncode == 1 and "verankering.json" in r.stderr


def test_the_dossier_prints_the_anchor_and_check_against_it_detects_a_rewrite(demo_path,
                                                                             tmp_path):
    out = tmp_path / "dossier"
    assert run_cli("dossier", demo_path, "--out", out).returncode == 0
    path = next(out.glob("*.docx"))
    text = _text(path)
    found = anchor.parse_text(text)
    assert len(found) == 3  # criteria section and both draft decisions
    a = found[0]
    wb = load_workbook(demo_path)
    rows = [r for r in range(5, wb[LOG].max_row + 1) if wb[LOG].cell(r, 1).value not in (None, "")]
    # the dossier printed the head as it was before its own log entry
    assert a.log_count == len(rows) - 1 and a.log_link == wb[LOG].cell(rows[-2], 8).value
    assert a.fingerprint == wb["Instellingen"].cell(
        next(r for r in range(1, 40) if wb["Instellingen"].cell(r, 1).value == "frozen_hash"),
        3).value
    assert run_cli("check", demo_path, "--against", path).returncode == 0
    _truncate(demo_path, 3)
    r = run_cli("check", demo_path, "--against", path)
    assert r.returncode == 1 and path.name in r.stderr and f"{LOG}!A" in r.stderr


def test_against_a_file_that_records_nothing_is_a_file_error(demo_path, tmp_path):
    bogus = tmp_path / "brief.docx"
    d = docx.Document()
    d.add_paragraph("Geen verankering hier.")
    d.save(str(bogus))
    r = run_cli("check", demo_path, "--against", bogus)
    assert r.returncode == 2 and "Verankering" in r.stderr and "Traceback" not in r.stderr
    junk = tmp_path / "x.json"
    junk.write_text("{}", encoding="utf-8")
    r = run_cli("check", demo_path, "--against", junk)
    assert r.returncode == 2 and "ontvangstbewijs" in r.stderr


def test_anchor_text_round_trips():
    a = anchor.Anchor(12, "a" * 32, 2, "b" * 32, "c" * 64)
    (back,) = anchor.parse_text("Ontwerp. " + anchor.text(a) + " Einde.")
    assert (back.log_count, back.log_link, back.history_count, back.history_link,
            back.fingerprint) == (12, "a" * 32, 2, "b" * 32, "c" * 64)
    empty = anchor.Anchor(1, "d" * 32, 0, "", "e" * 64)
    (back,) = anchor.parse_text(anchor.text(empty))
    assert back.history_count == 0 and back.history_link == ""


def test_recording_a_decision_writes_a_receipt(demo_path):
    r = run_cli("record", demo_path, "college", "--partner", "K05", "--number", "CBS/2026/231",
                "--date", "2026-09-01")
    assert r.returncode == 0, r.stderr
    assert [a.what for a in anchor.read_receipt(anchor.receipt_path(demo_path))] == ["college"]
    r = run_cli("record", demo_path, "council", "--partner", "K05", "--number", "GR/2026/88",
                "--date", "2026-09-20")
    assert r.returncode == 0, r.stderr
    rec = anchor.read_receipt(anchor.receipt_path(demo_path))[-1]
    assert rec.what == "council"
    wb = load_workbook(demo_path)
    rows = [r for r in range(5, wb[LOG].max_row + 1) if wb[LOG].cell(r, 1).value not in (None, "")]
    assert rec.log_count == len(rows) and rec.log_link == wb[LOG].cell(rows[-1], 8).value
    _truncate(demo_path, 1)  # the council's own log entry
    r = run_cli("score", demo_path)
    assert r.returncode == 1 and "verankering.json legde" in r.stderr


def test_freeze_on_fixed_criteria_only_adds_a_receipt_and_refuses_a_truncated_record(demo_path):
    before = demo_path.read_bytes()
    r = run_cli("freeze", demo_path)
    assert r.returncode == 0, r.stderr
    assert demo_path.read_bytes() == before  # nothing changed in the workbook
    (rec,) = anchor.read_receipt(anchor.receipt_path(demo_path))
    assert rec.what == "freeze" and rec.history_count == 1
    _truncate(demo_path, 1)
    truncated = demo_path.read_bytes()
    r = run_cli("freeze", demo_path)  # a new receipt must not bless the truncated record
    assert r.returncode == 1 and "verankering.json legde" in r.stderr
    assert demo_path.read_bytes() == truncated
    assert len(anchor.read_receipt(anchor.receipt_path(demo_path))) == 1
