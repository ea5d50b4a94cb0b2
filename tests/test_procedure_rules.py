"""The rules ``record`` applies before it writes (issue 23): who the college may choose, the
college's own reasoning for a choice against the shortlist or the consensus, the council that
approves the college's choice, the order of the stages in time and a deadline on a working day.
Each refusal exits 1, names the rule and changes nothing, on the command line and through the
ribbon's 'Procedurestap vastleggen' (the same pipeline); ``check`` reports a record that breaks
the order in time."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli
from openpyxl import load_workbook

from partnerkeuze import layout
from partnerkeuze.app.addin import handlers
from partnerkeuze.app.addin.context import Context, RecordingUI
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.record.procedure import read_record
from test_governance_util import materialize

pytestmark = pytest.mark.slow  # subprocesses: not in the quick loop

PROC = layout.sheet("procedure").name


class ScriptedUI(RecordingUI):
    """The recording UI answering the handler's questions in order (None: left empty)."""

    def __init__(self, answers):
        super().__init__()
        self.answers = list(answers)

    def ask_text(self, prompt):
        self.shown.append(("ask_text", prompt))
        return self.answers.pop(0) if self.answers else None


def _status(path, cid, status):
    wb = load_workbook(path)
    ws = wb[layout.sheet("candidates").name]
    t = layout.table("candidates")
    for r in range(t.first_data_row, ws.max_row + 1):
        if ws.cell(r, t.first_col).value == cid:
            ws.cell(r, t.first_col + t.index("status")).value = status
    wb.save(path)


def _refused(path, *args, rule):
    """``record PATH ARGS`` exits 1, names the rule, and leaves the workbook byte-identical."""
    before = path.read_bytes()
    proc = run_cli("record", path, *args)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert rule in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert path.read_bytes() == before
    return proc.stderr


# --- the command line -------------------------------------------------------------------------

def test_a_knocked_out_an_incomplete_or_a_withdrawn_candidate_is_refused(demo_path):
    _refused(demo_path, "college", "--partner", "K13", "--date", "2026-09-07",
             rule="K13 (Mancomunidad Chiquitana) is uitgesloten door een knock-outcriterium")
    _refused(demo_path, "college", "--partner", "K12", "--date", "2026-09-07", "--text", "x",
             rule="K12 (Commewijne) is nog niet volledig gescoord")
    _status(demo_path, "K01", "Ingetrokken")
    _refused(demo_path, "college", "--partner", "K01", "--date", "2026-09-07", "--text", "x",
             rule="K01 (Tarija) trok de kandidatuur in")
    assert not (demo_path.parent / (demo_path.name + ".verankering.json")).exists()


def test_a_choice_against_the_consensus_or_the_shortlist_needs_the_colleges_text(demo_path):
    _refused(demo_path, "college", "--partner", "K04", "--date", "2026-09-07",
             rule="de vastgelegde eindvolgorde zet K05 eerst, niet K04")
    _refused(demo_path, "college", "--partner", "K10", "--date", "2026-09-07",
             rule="K10 (Estelí) staat niet op de shortlist")
    proc = run_cli("record", demo_path, "college", "--partner", "K10", "--date", "2026-09-07",
                   "--text", "Bestaande band via de scholen; het college weegt dat zwaarder.")
    assert proc.returncode == 0, proc.stderr
    rec = read_record(FileWorkbook(demo_path, for_writing=False).snapshot())
    assert rec.chosen == "K10" and rec.college.text.startswith("Bestaande band")
    check = run_cli("check", demo_path)
    # a choice with its reasoning is no problem; the letters in French, English and Spanish
    # quote it, so each translation is asked for at the reasoning's cell (issue 24)
    assert check.returncode == 1
    assert {line.split(": ")[0] for line in check.stderr.splitlines()
            if "vertaling" in line} == {f"Procedure!H{rec.college.row}"}
    for lang in ("fr", "en", "es"):
        assert f"--text-{lang}" in check.stderr
    assert run_cli("record", demo_path, "translation", "--date", "2026-09-07",
                   "--text-fr", "Lien existant par les écoles.", "--text-en",
                   "Existing link through the schools.", "--text-es",
                   "Vínculo existente a través de las escuelas.").returncode == 0
    check = run_cli("check", demo_path)
    assert check.returncode == 0, check.stderr


def test_the_council_approves_the_colleges_choice_or_nothing(demo_path):
    assert run_cli("record", demo_path, "college", "--partner", "K05",
                   "--date", "2026-09-07").returncode == 0
    _refused(demo_path, "council", "--partner", "K04", "--date", "2026-09-20",
             rule="een andere partner vraagt eerst een nieuwe beslissing van het college")


def test_dates_out_of_order_in_the_future_or_before_the_workbook_are_refused(demo_path):
    _refused(demo_path, "college", "--partner", "K05", "--date", "2026-07-01",
             rule="volgt op 'eindvolgorde in consensus vastgelegd' van 2026-07-08 (Nr 8)")
    _refused(demo_path, "gros", "--date", "0001-01-01", "--text", "Positief",
             rule="vóór 2026-01-12, de dag waarop de werkmap van deze oproep gemaakt werd")
    _refused(demo_path, "gros", "--date", (dt.date.today() + dt.timedelta(days=1)).isoformat(),
             "--text", "Positief", rule="ligt in de toekomst")
    # profile stands outside the chain: only the workbook's first day holds it
    _refused(demo_path, "profile", "--date", "2025-12-31", "--reason", "herzien",
             rule="vóór 2026-01-12")


def day_off(day: dt.date, countries=()):
    """Why a day is no working day (record/procedure/chronology.py), or None."""
    from partnerkeuze.record.procedure.chronology import day_off as why

    return why(day, countries)


def _days_off(start: dt.date) -> dict[str, dt.date]:
    """The next weekend day, Belgian public holiday, school holiday and holiday in Benin only."""
    found: dict[str, dt.date] = {}
    day = start
    while len(found) < 4:
        why = day_off(day, ["Benin"])
        if why:
            kind = ("weekend" if "zaterdag" in why or "zondag" in why else
                    "feestdag" if "Belgische" in why else
                    "school" if "schoolvakanties" in why else "land")
            found.setdefault(kind, day)
        day += dt.timedelta(days=1)
    return found


@pytest.fixture
def blank_call(tmp_path):
    """A new workbook made today (no demo), its profile filled and Benin named as a country of
    the call."""
    path = tmp_path / "oproep.xlsx"
    assert run_cli("new", path).returncode == 0
    wb = load_workbook(path)
    for key, sheet_key, value in (("municipality", "profile", "Teststad"),
                                  ("coordinator", "profile", "An Peeters"),
                                  ("call_countries", "settings", "Benin")):
        ws = wb[layout.sheet(sheet_key).name]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == key)
        ws.cell(row, 3).value = value
    wb.save(path)
    return path


def test_a_deadline_on_a_day_off_needs_a_reason(blank_call):
    today = dt.date.today().isoformat()
    days = _days_off(dt.date.today() + dt.timedelta(days=1))
    for kind, rule in (("weekend", "zaterdag"), ("feestdag", "een Belgische wettelijke feestdag"),
                       ("school", "een dag van de Vlaamse schoolvakanties"),
                       ("land", "een feestdag in Benin")):
        if kind == "weekend":
            rule = "zondag" if days[kind].weekday() == 6 else "zaterdag"
        stderr = _refused(blank_call, "published", "--date", today, "--deadline",
                          days[kind].isoformat(), rule=rule)
        assert "een deadline valt op een werkdag" in stderr
    proc = run_cli("record", blank_call, "published", "--date", today, "--deadline",
                   days["land"].isoformat(), "--reason", "Afgesproken met de VVSG-partners")
    assert proc.returncode == 0, proc.stderr
    assert run_cli("check", blank_call).returncode == 0
    from partnerkeuze.io.logcheck import numbered_rows

    entry = numbered_rows(FileWorkbook(blank_call, for_writing=False).snapshot(), "log")[-1][1]
    assert "reden: Afgesproken met de VVSG-partners" in entry[4]
    assert "de deadline valt op een feestdag in Benin" in entry[4]


# --- the ribbon's handler ---------------------------------------------------------------------

def _ribbon_refuses(path, answers, rule):
    """'Procedurestap vastleggen' answered with ``answers`` raises the refusal naming ``rule``
    and leaves the open workbook as it was."""
    book = MemoryWorkbook(materialize(FileWorkbook(path, for_writing=False).snapshot()), path.name)
    before = {name: list(rows) for name, rows in book.snapshot().sheets.items()}
    ui = ScriptedUI(answers)
    with pytest.raises(InputProblems) as exc:
        handlers.record(Context(book, ui, path, {}))
    assert rule in str(exc.value.problems), exc.value.problems
    assert {name: list(rows) for name, rows in book.snapshot().sheets.items()} == before
    assert not (path.parent / (path.name + ".verankering.json")).exists()


def test_the_ribbon_applies_the_same_rules(demo_path, blank_call):
    # stage, date, partner, number, text, reason (the handler's questions for college)
    _ribbon_refuses(demo_path, ["college", "2026-09-07", "K13", "", "", ""],
                    "is uitgesloten door een knock-outcriterium")
    _ribbon_refuses(demo_path, ["college", "2026-09-07", "K04", "", "", ""],
                    "vraagt de argumentatie van het college (--text")
    _ribbon_refuses(demo_path, ["college", "2026-07-01", "K05", "", "", ""],
                    "volgt op 'eindvolgorde in consensus vastgelegd'")
    day = _days_off(dt.date.today() + dt.timedelta(days=1))["weekend"]
    _ribbon_refuses(blank_call, ["published", dt.date.today().isoformat(), day.isoformat(), ""],
                    "een deadline valt op een werkdag")


def test_the_ribbon_records_an_allowed_choice_with_what_it_rested_on(demo_path):
    from partnerkeuze.record.procedure.decided import decided_result

    book = MemoryWorkbook(materialize(FileWorkbook(demo_path, for_writing=False).snapshot()),
                          demo_path.name)
    ui = ScriptedUI(["college", "2026-09-07", "K04", "CBS/2026/231",
                     "Het college verkiest de sterkere verwachtingen van Bugesera.",
                     "", "The college prefers Bugesera's stronger expectations.", "", ""])
    out = handlers.record(Context(book, ui, None, {}))
    assert "partner K04" in out.messages[0]
    asked = [prompt for kind, prompt in ui.shown if kind == "ask_text"]
    assert [p.split(" (")[0] for p in asked[5:8]] == [
        "Argumentatie van het college in het Frans", "Argumentatie van het college in het Engels",
        "Argumentatie van het college in het Spaans"]
    assert read_record(book.snapshot()).reasoning == {
        "nl": "Het college verkiest de sterkere verwachtingen van Bugesera.",
        "en": "The college prefers Bugesera's stronger expectations."}
    ui = ScriptedUI(["translation", "2026-09-07", "Le collège préfère les attentes de Bugesera.",
                     "", "", ""])  # the French one recorded later
    handlers.record(Context(book, ui, None, {}))
    assert read_record(book.snapshot()).reasoning["fr"] == \
        "Le collège préfère les attentes de Bugesera."
    decided = decided_result(book.snapshot())
    assert decided.partner == "K04" and decided.stage == "college"
    assert decided.by_id()["K05"].rank == 1 and decided.shortlist == ("K05", "K04", "K01")


# --- check reports an existing record out of order --------------------------------------------

def test_check_reports_a_record_out_of_order_and_record_resolves_it(demo_path, monkeypatch):
    """A record written before these rules (or by hand): check names the cell; a new entry with
    the right date and a reason resolves it."""
    from partnerkeuze.app.pipeline import run_file
    from partnerkeuze.record.procedure import chronology

    monkeypatch.setattr(chronology, "entry_problems", lambda *a, **k: [])
    run_file("record", demo_path, {"stage": "gros", "date": dt.date(2026, 6, 1),
                                   "text": "Positief advies"})
    monkeypatch.undo()
    proc = run_cli("check", demo_path)
    assert proc.returncode == 1
    assert f"{PROC}!D13: 'advies van de GROS' (Nr 9, 2026-06-01) ligt vóór 'eindvolgorde in " \
           f"consensus vastgelegd' (Nr 8, 2026-07-08)" in proc.stderr
    letters = run_cli("letters", demo_path, "--out", demo_path.parent / "brieven")
    assert letters.returncode == 1 and not (demo_path.parent / "brieven").exists()
    proc = run_cli("record", demo_path, "gros", "--date", "2026-08-26", "--text", "Positief",
                   "--reason", "datum verbeterd")
    assert proc.returncode == 0, proc.stderr
    assert run_cli("check", demo_path).returncode == 0


def test_check_reports_a_published_deadline_on_a_day_off_without_reason(blank_call,
                                                                        monkeypatch):
    """A deadline on a day off recorded without a reason (before these rules): check names the
    cell; recording the publication again with a working day resolves it."""
    from partnerkeuze.app.pipeline import run_file
    from partnerkeuze.record.procedure import chronology

    today = dt.date.today()
    day = _days_off(today + dt.timedelta(days=1))["feestdag"]
    monkeypatch.setattr(chronology, "deadline_problems", lambda *a, **k: [])
    run_file("record", blank_call, {"stage": "published", "date": today, "deadline": day})
    monkeypatch.undo()
    proc = run_cli("check", blank_call)
    assert proc.returncode == 1
    assert f"{PROC}!E5: de deadline {day.isoformat()} (Nr 1) is een Belgische wettelijke " \
           f"feestdag" in proc.stderr, proc.stderr
    work = day + dt.timedelta(days=1)
    while day_off(work, ["Benin"]):
        work += dt.timedelta(days=1)
    proc = run_cli("record", blank_call, "published", "--date", today.isoformat(), "--deadline",
                   work.isoformat(), "--reason", "deadline op een werkdag gezet")
    assert proc.returncode == 0, proc.stderr
    assert run_cli("check", blank_call).returncode == 0


def test_a_belgian_public_holiday_is_named_in_dutch():
    from partnerkeuze.record.procedure.chronology import day_off

    assert day_off(dt.date(2027, 5, 6)) == \
        "een Belgische wettelijke feestdag (Onze-Lieve-Heer-Hemelvaart)"
    assert day_off(dt.date(2026, 7, 21)) == "een Belgische wettelijke feestdag (Nationale feestdag)"
    assert day_off(dt.date(2026, 11, 11)) == "een Belgische wettelijke feestdag (Wapenstilstand)"
