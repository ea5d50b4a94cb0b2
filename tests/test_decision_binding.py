"""A decision binds its inputs (issue 23): after the college decided and the council approved,
every change to what the decision rested on is named by ``check`` (sheet and row, old and new)
and refused by ``score``; the letters and the dossier are written from the decided figures,
never from a recalculation, and not at all while the inputs differ from the decision."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli
from documents_support import docx_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from partnerkeuze import layout
from partnerkeuze.app.pipeline import run_file
from partnerkeuze.kernel.errors import InputProblems

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses and many workbooks

RECEIPT = ".verankering.json"


def _decide(path: Path) -> None:
    """The demo walked to the council's approval of K05 (GROS, college, council)."""
    for stage, options in (
            ("gros", {"date": dt.date(2026, 8, 26), "text": "Positief advies over Dassa-Zoumé."}),
            ("college", {"date": dt.date(2026, 9, 7), "partner": "K05",
                         "number": "CBS/2026/231"}),
            ("council", {"date": dt.date(2026, 9, 21), "number": "GR/2026/88"})):
        run_file("record", path, {"stage": stage, **options})


@pytest.fixture(scope="module")
def decided_template(tmp_path_factory, demo_template) -> Path:
    """The demo with the council's approval of the college's choice, and its receipt."""
    folder = tmp_path_factory.mktemp("beslist")
    path = folder / "demo.xlsx"
    shutil.copy(demo_template, path)
    _decide(path)
    return path


@pytest.fixture
def decided(decided_template, tmp_path) -> Path:
    """A private copy of the decided demo (with its receipt)."""
    path = tmp_path / "demo.xlsx"
    shutil.copy(decided_template, path)
    shutil.copy(str(decided_template) + RECEIPT, str(path) + RECEIPT)
    return path


def _row(ws, *values) -> int:
    """The sheet row of the first table row whose first columns hold ``values``."""
    for r in range(5, ws.max_row + 2):
        if all(ws.cell(r, c).value == v for c, v in enumerate(values, start=1)):
            return r
    raise AssertionError(f"no row {values} on {ws.title}")


def _col(table: str, column: str) -> int:
    t = layout.table(table)
    return t.first_col + t.index(column)


def _setting_row(ws, key: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)


# The seven edits of the issue: each changes the workbook after the council's approval and
# returns the places check must name ("Blad!CelRij").
def swap_scores(wb):
    """Two rows of Scores swapped (K05's and K04's C01 score by B1)."""
    ws = wb[layout.sheet("scores").name]
    a, b = _row(ws, "K05", "C01", "B1"), _row(ws, "K04", "C01", "B1")
    for c in range(1, 6):
        ws.cell(a, c).value, ws.cell(b, c).value = ws.cell(b, c).value, ws.cell(a, c).value
    return [f"Scores!A{a}", f"Scores!A{b}"]


def fourth_assessor(wb):
    """A fourth assessor added, with declarations for every candidate."""
    ws = wb[layout.sheet("assessors").name]
    r = _row(ws, None)
    ws.cell(r, 1).value, ws.cell(r, 2).value = "B4", "Jan Nieuwkomer"
    wc = wb[layout.sheet("conflicts").name]
    first = _row(wc, None)
    for i, cid in enumerate(f"K{n:02d}" for n in range(1, 14)):
        wc.cell(first + i, 1).value, wc.cell(first + i, 2).value = "B4", cid
        wc.cell(first + i, 3).value = "conflict"
    return [f"Beoordelaars!A{r}", f"Belangenconflicten!A{first}"]


def declaration_conflict(wb):
    """B1's declaration for the chosen K05 turned into a conflict."""
    ws = wb[layout.sheet("conflicts").name]
    r = _row(ws, "B1", "K05")
    ws.cell(r, _col("conflicts", "declaration")).value = "conflict"
    return [f"Belangenconflicten!C{r}"]


def judgement_rewritten(wb):
    """A second-round judgement of K05 rewritten."""
    ws = wb[layout.sheet("second_round").name]
    r = _row(ws, "K05", "R1")
    ws.cell(r, _col("second_round", "judgement")).value = "eerder nee"
    return [f"Tweede ronde!D{r}"]


def median(wb):
    """The aggregation set to the median."""
    ws = wb[layout.sheet("settings").name]
    r = _setting_row(ws, "aggregation")
    ws.cell(r, 3).value = "mediaan"
    return [f"Instellingen!C{r}"]


def shortlist_five(wb):
    """The shortlist size 3 -> 5."""
    ws = wb[layout.sheet("settings").name]
    r = _setting_row(ws, "shortlist_size")
    ws.cell(r, 3).value = 5
    return [f"Instellingen!C{r}"]


def received_backdated(wb):
    """A received date backdated (K07 arrived on 27 May)."""
    ws = wb[layout.sheet("candidates").name]
    r = _row(ws, "K07")
    ws.cell(r, _col("candidates", "received")).value = dt.datetime(2026, 5, 1)
    return [f"Kandidaten!I{r}"]


EDITS = [swap_scores, fourth_assessor, declaration_conflict, judgement_rewritten, median,
         shortlist_five, received_backdated]


def _refusal(command: str, path: Path, **options) -> list[str]:
    """The places of the problems with which a command refuses (it must refuse)."""
    with pytest.raises(InputProblems) as exc:
        run_file(command, path, options)
    return [str(p) for p in exc.value.problems]


@pytest.mark.parametrize("through", ["openpyxl", "libreoffice"])
@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__)
def test_every_edit_after_the_decision_is_named_by_check_and_refused_by_score(
        decided, edit, through, tmp_path):
    wb = load_workbook(decided)
    places = edit(wb)
    wb.save(decided)
    if through == "libreoffice":  # the edited workbook saved again by LibreOffice
        from lo import convert

        saved = convert(decided, "xlsx", tmp_path / "lo")
        shutil.copy(saved, decided)
    before = decided.read_bytes()
    found = _refusal("check", decided)
    for where in places:
        hits = [p for p in found if p.startswith(where + ":") and "na de goedkeuring door de "
                "gemeenteraad van 2026-09-21 (Procedure Nr 11)" in p]
        assert hits, (where, found)
    assert _refusal("score", decided) == found
    assert decided.read_bytes() == before
    for command in ("letters", "dossier"):
        out = tmp_path / command
        assert _refusal(command, decided, out=out) == found
        assert not out.exists()


def test_the_messages_say_what_changed(decided):
    wb = load_workbook(decided)
    median(wb)
    judgement_rewritten(wb)
    received_backdated(wb)
    wb.save(decided)
    found = "\n".join(_refusal("check", decided))
    assert "'Samenvoegen van de beoordelaars' gewijzigd van 'gemiddelde' naar 'mediaan'" in found
    assert "K05, R1: 'Oordeel' gewijzigd van 'ja' naar 'eerder nee'" in found
    assert "K07: 'Ontvangen op' gewijzigd van 2026-05-27 naar 2026-05-01" in found
    assert "laat het college opnieuw beslissen (partnerkeuze record PAD college" in found


def test_score_json_gives_the_decided_inputs_and_no_change(decided):
    from partnerkeuze.io.anchor import read_receipt

    proc = run_cli("score", decided, "--json")
    assert proc.returncode == 0, proc.stderr
    procedure = json.loads(proc.stdout)["procedure"]
    receipt = read_receipt(Path(str(decided) + RECEIPT))[-1]
    assert procedure == {"stage": "council", "chosen": "K05",
                         "decided_inputs": receipt.decided_inputs, "changed_since_decision": []}
    assert re.fullmatch(r"[0-9a-f]{64}", procedure["decided_inputs"])


def test_score_json_before_a_decision_has_no_decided_inputs(demo_path):
    proc = run_cli("score", demo_path, "--json")
    procedure = json.loads(proc.stdout)["procedure"]
    assert procedure["decided_inputs"] is None and procedure["changed_since_decision"] == []


def test_the_changes_are_listed_as_sheet_row_what(decided):
    """``changed_since_decision`` as ``score --json`` gives it, on a changed workbook."""
    from partnerkeuze.features.scoring.actions import procedure_summary
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.record.procedure import read_record

    wb = load_workbook(decided)
    (where,) = shortlist_five(wb)
    wb.save(decided)
    snap = FileWorkbook(decided, for_writing=False).snapshot()
    summary = procedure_summary(snap, parse_lenient(snap, []), read_record(snap))
    assert summary["changed_since_decision"] == [
        {"sheet": "Instellingen", "row": int(where[len("Instellingen!C"):]),
         "what": "'Grootte van de shortlist' gewijzigd van 3 naar 5"}]


def test_score_json_refusing_prints_the_problems_and_every_change(decided):
    """``score --json`` refuses (exit 1, nothing changed) and still prints one JSON object: the
    problems and "changed_since_decision", the reason it refuses."""
    wb = load_workbook(decided)
    (where,) = shortlist_five(wb)
    wb.save(decided)
    before = decided.read_bytes()
    proc = run_cli("score", decided, "--json")
    assert proc.returncode == 1 and decided.read_bytes() == before
    data = json.loads(proc.stdout)
    assert data["ok"] is False and [p["place"] for p in data["problems"]] == [where]
    assert data["procedure"]["changed_since_decision"] == [
        {"sheet": "Instellingen", "row": int(where[len("Instellingen!C"):]),
         "what": "'Grootte van de shortlist' gewijzigd van 3 naar 5"}]
    assert where in proc.stderr  # the Dutch lines too


def test_the_college_decides_again_and_the_council_approves_it(decided):
    wb = load_workbook(decided)
    median(wb)
    wb.save(decided)
    proc = run_cli("record", decided, "council", "--date", "2026-09-30", "--reason", "opnieuw")
    assert proc.returncode == 1 and "het college beslist eerst opnieuw" in proc.stderr
    proc = run_cli("record", decided, "college", "--partner", "K05", "--date", "2026-09-28",
                   "--reason", "Beoordelaars samengevoegd met de mediaan, op vraag van de GROS")
    assert proc.returncode == 0, proc.stderr
    check = run_cli("check", decided)  # the old approval no longer stands: nothing to fix
    assert check.returncode == 0 and "gemeenteraad" not in check.stderr, check.stderr
    proc = run_cli("record", decided, "council", "--date", "2026-10-05", "--reason",
                   "goedkeuring van de nieuwe beslissing")
    assert proc.returncode == 0, proc.stderr
    assert run_cli("check", decided).returncode == 0
    assert run_cli("letters", decided, "--out", decided.parent / "brieven").returncode == 0


@pytest.mark.parametrize("stage, options", [
    ("gros", ["--text", "De GROS adviseert negatief.", "--date", "2026-08-26"]),
    ("consensus", ["--text", "K04, K05, K01", "--date", "2026-07-08"]),
    ("second_round", ["--date", "2026-12-01"])])
def test_a_stage_recorded_again_after_the_decision_asks_for_a_new_decision(decided, stage,
                                                                             options):
    """A new GROS advice, consensus or second round after the council's approval: what the
    decision rested on changed. record says so (not 'definitief'), check names the entry and the
    documents wait, until the college decides again; the older stages no longer stand in the
    order in time."""
    proc = run_cli("record", decided, stage, *options, "--reason", "herzien")
    assert proc.returncode == 0, proc.stderr
    assert "zijn definitief" not in proc.stdout and \
        "pas weer definitief wanneer het college opnieuw beslist" in proc.stdout, proc.stdout
    check = run_cli("check", decided)
    assert check.returncode == 1, check.stderr
    assert re.search(r"^Procedure!A\d+: '.*' \(Nr 12\) werd vastgelegd na de goedkeuring door "
                     r"de gemeenteraad van 2026-09-21 \(Procedure Nr 11\)", check.stderr, re.M)
    assert "ligt vóór" not in check.stderr, check.stderr
    before = decided.read_bytes()
    assert run_cli("letters", decided, "--out", decided.parent / "b").returncode == 1
    assert decided.read_bytes() == before and not (decided.parent / "b").exists()
    if stage != "consensus":  # (a new consensus K04 first needs the college's own reasoning)
        proc = run_cli("record", decided, "college", "--partner", "K05", "--date", "2026-12-07",
                       "--number", "CBS/2026/300", "--reason", "na de herziening")
        assert proc.returncode == 0, proc.stderr
        assert run_cli("check", decided).returncode == 0


# --- the property: any single-cell change to an input is reported ------------------------------

@pytest.fixture(scope="module")
def decided_memory(decided_template):
    """The decided demo's snapshot in memory, and its input cells (sheet key, row, column)."""
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.record.procedure import inputs as ins
    from test_governance_util import materialize

    snap = materialize(FileWorkbook(decided_template, for_writing=False).snapshot())
    cells = []
    for spec in ins.input_sheets():
        for item in ins.read_inputs(snap)[spec.table].items():
            for column in spec.keys + spec.values:
                if spec.table == ins.SETTINGS and column == "key":
                    continue
                cells.append((spec.table, item.row, ins.column_number(spec.table, column)))
    return snap, cells


def _other(value):
    """A value different from ``value`` that a user could type into the cell."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, (dt.date, dt.datetime)):
        return value - dt.timedelta(days=3)
    if value in (None, ""):
        return "x"
    return str(value) + "x"


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_any_single_cell_change_to_an_input_after_the_decision_is_reported(decided_memory, data):
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.record.procedure import inputs as ins
    from pipeline_support import check
    from test_governance_util import set_value

    snap, cells = decided_memory
    table = data.draw(st.sampled_from(sorted({c[0] for c in cells})))  # every sheet alike
    table, row, col = data.draw(st.sampled_from([c for c in cells if c[0] == table]))
    book = MemoryWorkbook(snap)
    sheet = ins.sheet_name(table)
    old = book.snapshot().value(sheet, row, col)
    key = "settings" if table == ins.SETTINGS else layout.TABLE_SHEET[table].key
    new = _other(old)
    if table == "candidates" and col == _col("candidates", "status"):
        # of the status only withdrawn or chosen is an input (record/procedure/inputs.py)
        new = "Niet weerhouden" if old in ("Ingetrokken", "Gekozen") else "Ingetrokken"
    set_value(book, key, row, col, new)
    with pytest.raises(InputProblems) as exc:
        check(book)
    mine = [p for p in exc.value.problems if p.place.startswith(f"{sheet}!")
            and re.fullmatch(rf"{re.escape(sheet)}![A-Z]+{row}", p.place)
            and "na de goedkeuring door de gemeenteraad" in p.message]
    assert mine, (table, row, col, old, [str(p) for p in exc.value.problems][:5])


# --- the documents follow the decided figures ---------------------------------------------------

def _texts(folder: Path) -> dict[str, str]:
    return {p.name: docx_text(p) for p in sorted(folder.glob("*.docx"))}


def _dossier_lines(text: str) -> list[str]:
    """The dossier's text without what changes with every command (the anchor's chain head and
    the log listing), which states the log, not the decision."""
    return [line for line in text.splitlines()
            if not line.startswith("Verankering:") and not re.match(r"^\d+ \d{4}-\d{2}-\d{2}",
                                                                     line)]


def test_letters_and_dossier_are_the_same_whether_or_not_score_ran_again(decided, tmp_path):
    other = tmp_path / "ander" / "demo.xlsx"
    other.parent.mkdir()
    shutil.copy(decided, other)
    shutil.copy(str(decided) + RECEIPT, str(other) + RECEIPT)
    assert run_cli("score", other).returncode == 0
    for path, name in ((decided, "zonder"), (other, "met")):
        for command in ("letters", "dossier"):
            proc = run_cli(command, path, "--out", tmp_path / name)
            assert proc.returncode == 0, proc.stderr
    without, with_score = _texts(tmp_path / "zonder"), _texts(tmp_path / "met")
    assert without.keys() == with_score.keys() and len(without) > 10
    for name, text in without.items():
        if name == "Dossier_college.docx":
            assert _dossier_lines(text) == _dossier_lines(with_score[name])
        else:
            assert text == with_score[name], name
    assert not any(n.startswith("ONTWERP_") for n in without)


def _model(path: Path):
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    return parse_lenient(FileWorkbook(path, for_writing=False).snapshot(), [])


def test_the_documents_state_the_decided_figures_not_a_recalculation(decided, tmp_path,
                                                                     monkeypatch):
    """The letters read the decided result: a core that would now compute other scores (a new
    version of the software, the same inputs) changes no word of them."""
    from partnerkeuze.core import assessment

    run_file("letters", decided, {"out": tmp_path / "echt"})
    real = assessment.score_call

    def drifted(*args, **kwargs):
        result = real(*args, **kwargs)
        for c in result.candidates:
            if c.score is not None:
                c.score += 0.25
        return result

    monkeypatch.setattr(assessment, "score_call", drifted)
    assert assessment.evaluate(_model(decided)).by_id()["K05"].score == 87.25
    run_file("letters", decided, {"out": tmp_path / "verschoven"})
    real_texts, drifted_texts = _texts(tmp_path / "echt"), _texts(tmp_path / "verschoven")
    assert real_texts == drifted_texts and len(real_texts) > 10
    k04 = real_texts["Brief_K04_Bugesera_en.docx"]
    assert "87" in k04 and "83" in k04 and "87.25" not in k04 and "83.25" not in k04


# --- the sheet Beslissing guards itself --------------------------------------------------------

def test_a_rewritten_or_removed_decision_on_beslissing_is_reported(decided):
    """What the college saw cannot be rewritten to match edited inputs: a changed row breaks its
    chain, removed rows are missing from what the log names."""
    sheet = layout.sheet("decision").name
    wb = load_workbook(decided)
    ws = wb[sheet]
    t = layout.table("decision")
    last = max(r for r in range(t.first_data_row, ws.max_row + 1)
               if ws.cell(r, 1).value not in (None, ""))
    data_col = t.first_col + t.index("data")
    head = next(r for r in range(t.first_data_row, last + 1)
                if ws.cell(r, t.first_col + t.index("part")).value == "resultaat")
    ws.cell(head, data_col).value = ws.cell(head, data_col).value.replace('"K05"', '"K04"', 1)
    wb.save(decided)
    found = _refusal("check", decided)
    assert any(p.startswith(f"{sheet}!I{head}: beslissingsregel Nr") and "gewijzigd" in p
               for p in found), found
    wb = load_workbook(decided)
    ws = wb[sheet]
    ws.delete_rows(last - 2, 3)  # the last rows of the council's block
    wb.save(decided)
    found = _refusal("check", decided)
    assert any("staat in het logboek" in p and "ontbreekt op het blad Beslissing" in p
               for p in found), found


def test_a_removed_beslissing_sheet_is_reported_and_an_older_workbook_is_read_with_a_warning(
        decided, demo_template, tmp_path):
    """The sheet Beslissing came after the first workbooks: a workbook without it is read (its
    documents follow the current figures, and check warns once the college decided), but a
    sheet removed after decisions the log names is reported."""
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.record.procedure.checks import older_workbook_warnings

    sheet = layout.sheet("decision").name
    wb = load_workbook(decided)
    del wb[sheet]
    wb.save(decided)
    found = _refusal("check", decided)
    assert any(p.startswith(sheet + ": het blad Beslissing ontbreekt, maar het logboek noemt")
               for p in found), found
    assert not any("het blad 'Beslissing' ontbreekt" in p for p in found), found
    snap = FileWorkbook(decided, for_writing=False).snapshot()
    warned = older_workbook_warnings(parse_lenient(snap, []), snap)
    assert [str(w) for w in warned] == [
        "Procedure: deze werkmap is gemaakt vóór het blad Beslissing bestond: waarop de "
        "beslissing van het college van 2026-09-07 steunde, is niet bewaard, dus toont check "
        "geen latere wijziging; de brieven en het dossier volgen de huidige cijfers. Een nieuwe "
        "werkmap (partnerkeuze new) bewaart het bij elke volgende beslissing"]

    older = tmp_path / "ouder.xlsx"  # the demo as the first version made it: no Beslissing
    shutil.copy(demo_template, older)
    wb = load_workbook(older)
    del wb[sheet]
    wb.save(older)
    snap = FileWorkbook(older, for_writing=False).snapshot()
    problems = []
    model = parse_lenient(snap, problems)
    assert problems == [] and older_workbook_warnings(model, snap) == []  # not decided yet
    before = older.read_bytes()
    out = run_cli("record", str(older), "college", "--date", "2026-09-07", "--partner", "K05",
                  "--number", "CBS/2026/231")
    assert out.returncode == 1 and "een oudere werkmap" in out.stdout + out.stderr, out
    assert older.read_bytes() == before
    out = run_cli("check", str(older))
    assert out.returncode == 0 and "Beslissing" not in out.stdout + out.stderr, out


def test_the_decided_result_reads_back_what_the_college_saw(decided):
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.record.procedure.decided import DECIDED_VERSION, decided_result

    result = decided_result(FileWorkbook(decided, for_writing=False).snapshot())
    assert result.version == DECIDED_VERSION and result.stage == "council"
    assert result.partner == "K05" and result.date == dt.date(2026, 9, 21)
    assert result.shortlist == ("K05", "K04", "K01")
    assert result.consensus_order == ("K05", "K04", "K01")
    k05, k04 = result.by_id()["K05"], result.by_id()["K04"]
    assert (k05.score, k05.rank, k04.score, k04.rank) == (87.0, 1, 83.0, 2)
    assert result.by_id()["K13"].excluded and result.by_id()["K12"].score is None
    again = result.score_result()
    assert again.shortlist == ["K05", "K04", "K01"] and again.by_id()["K05"].score == 87.0
