"""Anchors a municipality can keep (issue 23): a copy of every receipt in a second folder named
on Instellingen, the receipts the log says it wrote compared with the one beside the workbook,
and ``check --against`` saying what it verified, what was recorded after the anchor and what no
anchor can show."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl import load_workbook

from partnerkeuze import layout

pytestmark = pytest.mark.slow  # subprocesses

RECEIPT = ".verankering.json"


def _receipt(path: Path) -> Path:
    return Path(str(path) + RECEIPT)


def _set(path: Path, key: str, value) -> int:
    wb = load_workbook(path)
    ws = wb[layout.sheet("settings").name]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)
    ws.cell(row, 3).value = value
    wb.save(path)
    return row


def _ok(*args):
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def test_every_anchor_writes_a_copy_in_the_second_folder(demo_path, tmp_path):
    drop = tmp_path / "dms-inlees"
    drop.mkdir()
    _set(demo_path, "receipt_copy_dir", str(drop))
    proc = _ok("freeze", demo_path)
    assert f"met een kopie in {drop}" in proc.stdout
    _ok("record", demo_path, "gros", "--date", "2026-08-26", "--text", "Positief")
    _ok("record", demo_path, "college", "--partner", "K05", "--date", "2026-09-07")
    copies = sorted(drop.iterdir())
    assert len(copies) == 3
    assert all(p.name.startswith("demo.xlsx.verankering-") for p in copies)
    whats = [json.loads(p.read_text(encoding="utf-8"))["ontvangstbewijzen"][-1]["what"]
             for p in copies]
    assert sorted(whats) == ["college", "freeze", "gros"]
    newest = max(copies, key=lambda p: len(json.loads(p.read_text())["ontvangstbewijzen"]))
    assert newest.read_bytes() == _receipt(demo_path).read_bytes()  # the whole receipt
    college = json.loads(newest.read_text(encoding="utf-8"))["ontvangstbewijzen"][-1]
    scored = json.loads(_ok("score", demo_path, "--json").stdout)
    assert college["decided_inputs"] == scored["procedure"]["decided_inputs"]
    assert len(college["decided_result"]) == 64
    # each copy verifies the workbook on its own
    proc = _ok("check", demo_path, "--against", copies[0])
    assert "Geverifieerd tegen" in proc.stdout


def test_a_second_folder_that_does_not_exist_changes_nothing(demo_path, tmp_path):
    row = _set(demo_path, "receipt_copy_dir", str(tmp_path / "bestaat-niet"))
    before = demo_path.read_bytes()
    proc = run_cli("record", demo_path, "gros", "--date", "2026-08-26", "--text", "Positief")
    assert proc.returncode == 2
    assert f"Instellingen!C{row}: de tweede map voor ontvangstbewijzen" in proc.stderr
    assert demo_path.read_bytes() == before and not _receipt(demo_path).exists()


@pytest.fixture
def anchored(demo_path) -> Path:
    """The demo with the GROS advice and the college's decision recorded (two receipts)."""
    _ok("record", demo_path, "gros", "--date", "2026-08-26", "--text", "Positief")
    _ok("record", demo_path, "college", "--partner", "K05", "--date", "2026-09-07")
    return demo_path


def test_a_deleted_receipt_beside_the_workbook_is_reported(anchored, tmp_path):
    _receipt(anchored).unlink()
    proc = run_cli("check", anchored)
    assert proc.returncode == 1
    assert "schreef ontvangstbewijs nr 2 naast de werkmap (demo.xlsx.verankering.json), maar " \
           "dat bestand ontbreekt" in proc.stderr
    assert run_cli("score", anchored).returncode == 1
    proc = run_cli("letters", anchored, "--out", tmp_path / "brieven")
    assert proc.returncode == 1 and not (tmp_path / "brieven").exists()


def test_an_older_receipt_put_back_is_reported(anchored, tmp_path):
    data = json.loads(_receipt(anchored).read_text(encoding="utf-8"))
    data["ontvangstbewijzen"] = data["ontvangstbewijzen"][:1]  # the state after the GROS advice
    _receipt(anchored).write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("check", anchored)
    assert proc.returncode == 1
    assert "schreef ontvangstbewijs nr 2, maar demo.xlsx.verankering.json telt er 1: een ouder " \
           "of vervangen ontvangstbewijs" in proc.stderr


def test_a_forged_receipt_is_reported(anchored):
    """A receipt rewritten to describe another log (the forger's own head): the log entry that
    wrote it names another link."""
    data = json.loads(_receipt(anchored).read_text(encoding="utf-8"))
    data["ontvangstbewijzen"][-1]["log_link"] = "0" * 32
    _receipt(anchored).write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("check", anchored)
    assert proc.returncode == 1
    assert "ontvangstbewijs nr 2 in demo.xlsx.verankering.json is niet wat logregel" \
           in proc.stderr and "vervangen of vervalst" in proc.stderr


def test_check_against_says_what_it_verified_and_what_came_after(anchored, tmp_path):
    kept = tmp_path / "bewaard.json"
    shutil.copy(_receipt(anchored), kept)
    _ok("record", anchored, "council", "--date", "2026-09-21", "--number", "GR/2026/88")
    out = _ok("check", anchored, "--against", kept).stdout
    assert "Geverifieerd tegen bewaard.json: 2 verankering(en)" in out
    assert "2. college van " in out and "logboek " in out and "kettingkop " in out
    assert "criteriahistoriek 1 vastlegging(en)" in out
    assert "vingerafdruk criteria" in out and "gelijk aan de huidige criteria" in out
    assert "beslissing op invoer" in out and "staat op het blad Beslissing" in out
    assert "Vastgelegd na de laatste verankering" in out
    assert "record: procedure Nr 11: council" in out
    assert "Wat geen verankering kan aantonen: logregels die na de laatste verankering" in out


def test_check_against_a_receipt_whose_decision_was_rewritten(anchored, tmp_path):
    """An anchored decision whose inputs fingerprint is no longer on Beslissing is named."""
    kept = tmp_path / "bewaard.json"
    data = json.loads(_receipt(anchored).read_text(encoding="utf-8"))
    data["ontvangstbewijzen"][-1]["decided_inputs"] = "ab" * 32
    kept.write_text(json.dumps(data), encoding="utf-8")
    proc = run_cli("check", anchored, "--against", kept)
    assert proc.returncode == 1
    assert "Beslissing: bewaard.json legde een beslissing vast (college" in proc.stderr


def test_a_lost_receipt_is_begun_again_only_with_a_reason_in_the_log(anchored):
    """No copy anywhere: freeze --reason begins a new receipt at nr 1 and says so in the log;
    a receipt that is not the logged one must be moved away first (it is evidence)."""
    from partnerkeuze.io.logcheck import numbered_rows
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    stale = json.loads(_receipt(anchored).read_text(encoding="utf-8"))
    stale["ontvangstbewijzen"] = stale["ontvangstbewijzen"][:1]
    _receipt(anchored).write_text(json.dumps(stale), encoding="utf-8")
    proc = run_cli("freeze", anchored, "--reason", "kwijt")
    assert proc.returncode == 1 and "verplaats dit bestand (bewaar het)" in proc.stderr
    _receipt(anchored).unlink()
    before = anchored.read_bytes()
    proc = run_cli("freeze", anchored)
    assert proc.returncode == 1 and "zeg waarom: partnerkeuze freeze PAD --reason" in proc.stderr
    assert anchored.read_bytes() == before
    proc = _ok("freeze", anchored, "--reason", "De schijf met het ontvangstbewijs ging verloren")
    assert "een nieuw begint bij nr 1" in proc.stdout
    log = numbered_rows(FileWorkbook(anchored, for_writing=False).snapshot(), "log")
    entry = log[-1][1]
    assert entry[3] == "receipt" and "nr 1, opnieuw begonnen omdat het vorige ontbrak: De " \
        "schijf met het ontvangstbewijs ging verloren" in entry[4]
    assert run_cli("check", anchored).returncode == 0
    _ok("record", anchored, "council", "--date", "2026-09-21")
    assert run_cli("check", anchored).returncode == 0
