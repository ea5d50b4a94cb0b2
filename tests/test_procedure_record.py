"""The procedure record: each recorded stage is a chained row of the Procedure sheet with an entry
in the Logboek; it survives LibreOffice; a changed or removed row and every contradiction with
the Status column, the final order and the scores are reported by check."""

from __future__ import annotations

import pytest

import datetime as dt
import json
import shutil

from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from test_governance_util import demo_book

from partnerkeuze import layout
from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.io.logcheck import log_problems, numbered_rows
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.core.parse import parse_lenient
from partnerkeuze.record.procedure import read_record, record_patch
from partnerkeuze.record.procedure.checks import record_problems
from pipeline_support import record
from partnerkeuze.record.procedure.stages import STAGE_CODES

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

PROC = layout.sheet("procedure").name
LOG = layout.sheet("log").name


def problems_of(book) -> list:
    snap = book.snapshot()
    return record_problems(snap, parse_lenient(snap, []))


def test_demo_record_reads_back_up_to_the_consensus_order():
    rec = read_record(demo_book().snapshot())
    assert [e.stage for e in rec.entries] == list(STAGE_CODES[:3]) + list(STAGE_CODES[4:9])
    assert rec.stage == "consensus" and not rec.final and rec.chosen is None
    assert rec.published_on == dt.date(2026, 3, 2) and rec.deadline == dt.date(2026, 6, 2)
    assert rec.consensus_order == ["K05", "K04", "K01"]
    assert problems_of(demo_book()) == []
    assert log_problems(demo_book().snapshot()) == []


def test_a_workbook_without_the_sheet_reads_as_an_empty_record():
    from partnerkeuze.kernel.snapshot import Snapshot

    rec = read_record(Snapshot())
    assert rec.entries == [] and rec.stage == "" and rec.chosen is None and not rec.final
    assert rec.deadline is None and rec.consensus_order == [] and rec.gros_advice == ""


def test_recording_writes_a_chained_row_and_a_log_entry():
    book = demo_book()
    before = len(numbered_rows(book.snapshot(), "log"))
    record(book, "extension", date=dt.date(2026, 5, 20), deadline=dt.date(2026, 6, 16),
           reason="Paasvakantie in Bolivia en Peru")
    record(book, "gros", date=dt.date(2026, 8, 26),
           text="Positief advies over Dassa-Zoumé. " + "Toelichting; " * 300)  # > log limit
    out = record(book, "college", date=dt.date(2026, 9, 7), partner="K05", number="CBS/2026/231")
    snap = book.snapshot()
    rec = read_record(snap)
    assert rec.final and rec.chosen == "K05" and rec.stage == "college"
    assert rec.deadline == dt.date(2026, 6, 16) and rec.gros_advice.startswith("Positief")
    assert rec.college.number == "CBS/2026/231" and rec.college.date == dt.date(2026, 9, 7)
    decided = out.data["procedure"].pop("decided_inputs")
    assert out.data["procedure"] == {"stage": "college", "chosen": "K05"}
    log = numbered_rows(snap, "log")
    assert len(log) == before + 3
    college_log = log[-1][1]
    assert college_log[3] == "record" and "college" in college_log[4] and "K05" in college_log[4]
    assert rec.college.chain[:16] in college_log[4]
    assert f"invoer {decided[:16]}" in college_log[4]  # what the decision rests on
    assert "K05 In beoordeling -> Gekozen" in college_log[4]
    status = {c.id: c.status for c in parse_lenient(snap, []).candidates}
    assert status["K05"] == "Gekozen"
    assert problems_of(book) == [] and log_problems(snap) == []
    assert len(rec.gros_advice) == 3000  # capped in the record, shortened in the log


def test_a_stage_recorded_twice_needs_a_reason_and_the_newest_counts():
    book = demo_book()
    record(book, "college", date=dt.date(2026, 9, 7), partner="K05")
    try:
        record(book, "college", date=dt.date(2026, 9, 8), partner="K04")
        raise AssertionError("recorded twice without a reason")
    except InputProblems as exc:
        assert "al vastgelegd" in str(exc) and "--reason" in str(exc)
    record(book, "college", date=dt.date(2026, 9, 14), partner="K04",
           reason="Nieuwe beslissing na bezwaar", text="Het college verkiest Bugesera.")
    rec = read_record(book.snapshot())
    assert rec.chosen == "K04" and rec.college.reason == "Nieuwe beslissing na bezwaar"
    status = {c.id: c.status for c in parse_lenient(book.snapshot(), []).candidates}
    assert status["K04"] == "Gekozen" and status["K05"] == "Niet weerhouden"
    assert problems_of(book) == []


def test_invalid_recordings_are_refused_with_a_clear_message():
    snap = demo_book().snapshot()
    cases = [
        (("college",), {}, "--partner"),
        (("college",), {"partner": "K99"}, "K99"),
        (("council",), {"partner": "K05"}, "eerst de stap college"),
        (("published",), {"date": dt.date(2026, 3, 2)}, "--deadline"),
        (("extension",), {"date": dt.date(2026, 4, 1), "deadline": dt.date(2026, 5, 1),
                           "reason": "x"}, "later"),
        (("gros",), {}, "advies"),
        (("profile",), {"partner": "K05", "reason": "x"}, "--partner hoort"),
        (("longlist",), {"date": dt.date.today() + dt.timedelta(days=3), "reason": "x"},
         "toekomst"),
        (("consensus",), {"text": "K05, K77", "reason": "x"}, "K77"),
    ]
    for args, kwargs, needle in cases:
        try:
            record_patch(snap, *args, **kwargs)
            raise AssertionError((args, kwargs))
        except InputProblems as exc:
            assert needle in str(exc), (needle, str(exc))


def _edited(book, sheet, fn) -> MemoryWorkbook:
    snap = book.snapshot()
    rows = [list(r) for r in snap.sheets[sheet]]
    fn(rows)
    snap.sheets[sheet] = [tuple(r) for r in rows]
    return MemoryWorkbook(snap)


@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, 100), field=st.integers(1, 10), text=st.text(min_size=1, max_size=6))
def test_altering_any_field_of_any_record_row_is_detected(index, field, text):
    book = demo_book()
    rows = [r for r, _ in numbered_rows(book.snapshot(), "procedure")]
    row = rows[index % len(rows)]

    def alter(cells):
        old = cells[row - 1][field]
        cells[row - 1][field] = (str(old) if old is not None else "") + text

    problems = problems_of(_edited(book, PROC, alter))
    assert any(p.place == f"{PROC}!L{row}" and "gewijzigd" in p.message for p in problems)


def test_removing_the_last_record_row_is_detected_through_the_log():
    book = demo_book()
    rows = [r for r, _ in numbered_rows(book.snapshot(), "procedure")]

    def remove(cells):
        cells[rows[-1] - 1] = [None] * len(cells[rows[-1] - 1])

    problems = problems_of(_edited(book, PROC, remove))
    assert any("Nr 8" in p.message and "verwijderd" in p.message for p in problems), problems


def test_contradictions_between_record_status_order_and_scores_are_reported(monkeypatch):
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.record.procedure import eligibility

    book = demo_book()
    t = layout.table("candidates")
    cands = {c.id: c for c in parse_lenient(book.snapshot(), []).candidates}
    status_col = t.first_col + t.index("status")

    def set_status(b, cid, value):
        p = Patch()
        p.set_cell(layout.sheet("candidates").name, cands[cid].row, status_col, value)
        b.apply(p)

    set_status(book, "K04", "Gekozen")
    msgs = [str(p) for p in problems_of(book)]
    assert any("K04" in m and "geen beslissing van het college" in m for m in msgs), msgs
    record(book, "college", date=dt.date(2026, 9, 7), partner="K05")
    set_status(book, "K04", "Gekozen")
    msgs = [str(p) for p in problems_of(book)]
    assert any(m.startswith("Kandidaten!J") and "K04" in m and "koos K05" in m for m in msgs)
    set_status(book, "K04", "Shortlist")
    set_status(book, "K05", "Ingetrokken")
    msgs = [str(p) for p in problems_of(book)]
    assert any("de status is 'Ingetrokken'" in m for m in msgs), msgs
    set_status(book, "K05", "Gekozen")
    assert problems_of(book) == []
    set_status(book, "K09", "Shortlist")  # eleventh in score
    msgs = [str(p) for p in problems_of(book)]
    assert any("K09" in m and "niet op de shortlist" in m for m in msgs), msgs
    set_status(book, "K09", "In beoordeling")
    # a choice record refuses now (tests/test_procedure_rules.py), as an older version wrote it
    monkeypatch.setattr(eligibility, "partner_problems", lambda *args: [])
    record(book, "college", date=dt.date(2026, 9, 8), partner="K13", reason="test")
    msgs = [str(p) for p in problems_of(book)]
    assert any("K13" in m and "uitgesloten" in m for m in msgs), msgs
    assert any("eindvolgorde K05 eerst" in m for m in msgs), msgs


def test_check_reports_a_changed_record_row_in_the_file(demo_path):
    from openpyxl import load_workbook

    assert run_cli("record", demo_path, "college", "--date", "2026-09-07", "--partner", "K05",
                   "--number", "CBS/2026/231").returncode == 0
    assert run_cli("check", demo_path).returncode == 0
    wb = load_workbook(demo_path)
    ws = wb[PROC]
    rows = [r for r, _ in numbered_rows(read_record_snapshot(demo_path), "procedure")]
    ws.cell(rows[-1], 6).value = "K04"  # someone edits the chosen partner by hand
    wb.save(demo_path)
    before = demo_path.read_bytes()
    r = run_cli("check", demo_path)
    assert r.returncode == 1
    assert f"{PROC}!L{rows[-1]}: procedureregel Nr 9 werd gewijzigd" in r.stderr
    assert demo_path.read_bytes() == before


def read_record_snapshot(path):
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    return FileWorkbook(path).snapshot()


def test_record_cli_json_score_json_and_a_refusal_that_leaves_the_file_unchanged(demo_path):
    r = run_cli("score", demo_path, "--json")
    assert json.loads(r.stdout)["procedure"] == {"stage": "consensus", "chosen": None,
                                                 "decided_inputs": None,
                                                 "changed_since_decision": []}
    r = run_cli("record", demo_path, "college", "--date", "2026-09-07", "--partner", "K05",
                "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    decided = data["procedure"]["decided_inputs"]
    assert data["procedure"] == {"stage": "college", "chosen": "K05", "decided_inputs": decided}
    assert data["seq"] == 9 and len(decided) == 64
    before = demo_path.read_bytes()
    r = run_cli("record", demo_path, "college", "--partner", "K04")
    assert r.returncode == 1 and "--reason" in r.stderr and "Traceback" not in r.stderr
    assert demo_path.read_bytes() == before
    r = run_cli("record", demo_path, "college", "--date", "7/9/2026", "--partner", "K04")
    assert r.returncode == 2 and "JJJJ-MM-DD" in r.stderr
    assert demo_path.read_bytes() == before
    r = run_cli("score", demo_path, "--json")
    assert json.loads(r.stdout)["procedure"] == {"stage": "college", "chosen": "K05",
                                                 "decided_inputs": decided,
                                                 "changed_since_decision": []}


def test_record_survives_a_libreoffice_round_trip_and_stays_protected(demo_path, tmp_path):
    from lo import convert
    from openpyxl import load_workbook

    assert run_cli("record", demo_path, "gros", "--date", "2026-08-26", "--text",
                   "Positief advies; de GROS vraagt de financiering vooraf uit te klaren."
                   ).returncode == 0
    assert run_cli("record", demo_path, "college", "--date", "2026-09-07", "--partner", "K05",
                   "--number", "CBS/2026/231").returncode == 0
    before = read_record(read_record_snapshot(demo_path))
    lo = convert(demo_path, "xlsx", tmp_path / "lo")
    shutil.copy(str(demo_path) + ".verankering.json", str(lo) + ".verankering.json")
    snap = read_record_snapshot(lo)
    after = read_record(snap)
    assert [(e.stage, e.date, e.partner, e.number, e.text, e.chain) for e in after.entries] == \
        [(e.stage, e.date, e.partner, e.number, e.text, e.chain) for e in before.entries]
    assert after.chosen == "K05" and after.deadline == dt.date(2026, 6, 2)
    assert record_problems(snap, parse_lenient(snap, [])) == []
    prot = load_workbook(lo)[PROC].protection
    assert prot.sheet and (prot.password or getattr(prot, "hashValue", None))
    r = run_cli("record", lo, "council", "--date", "2026-09-21", "--number", "GR/2026/88")
    assert r.returncode == 0, r.stderr
    assert run_cli("check", lo).returncode == 0
    rec = read_record(read_record_snapshot(lo))
    assert rec.council.partner == "K05" and rec.stage == "council"


def test_ribbon_button_records_a_stage_like_the_command(demo_path):
    from dataclasses import dataclass, field

    from partnerkeuze.app.addin import ribbon
    from partnerkeuze.app.addin.context import Context, RecordingUI
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    @dataclass
    class ScriptedUI(RecordingUI):
        answers: list = field(default_factory=list)

        def ask_text(self, prompt):
            self.shown.append(("ask_text", prompt))
            return self.answers.pop(0) if self.answers else None

    book = MemoryWorkbook(FileWorkbook(demo_path, for_writing=False).snapshot())
    ui = ScriptedUI(answers=["college", "2026-09-07", "K05", "CBS/2026/231", "", ""])
    outcome = ribbon.run("record", Context(book, ui, demo_path, {}))
    assert [k for k, _ in ui.shown][-1] == "info", ui.shown
    assert "K05" in " ".join(outcome.messages)
    rec = read_record(book.snapshot())
    assert rec.chosen == "K05" and rec.college.number == "CBS/2026/231"
    assert rec.college.date == dt.date(2026, 9, 7)
    ui = ScriptedUI(answers=["college", "", "K04", "", "", ""])
    ribbon.run("record", Context(book, ui, demo_path, {}))
    errors = [t for k, t in ui.shown if k == "error"]
    assert errors and "--reason" in errors[0]
    assert read_record(book.snapshot()).chosen == "K05"
