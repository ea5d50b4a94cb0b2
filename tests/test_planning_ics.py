"""The calendar keeps its events: stable UIDs per step and meeting, SEQUENCE counting up for
what changed, and meetings with their agenda items, place and time (read back with icalendar)."""

from __future__ import annotations

import datetime as dt
import shutil
from zoneinfo import ZoneInfo

from icalendar import Calendar
from openpyxl import load_workbook

from conftest import run_cli
from partnerkeuze import layout
from partnerkeuze.features.planning.ics import meeting_time_and_place
from partnerkeuze.io.xlsx.file_workbook import save_atomic


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_time_and_place_from_the_note():
    assert meeting_time_and_place("Raadzaal, 20 uur") == (dt.time(20, 0), "Raadzaal")
    assert meeting_time_and_place("19u30 in het gemeentehuis") == (dt.time(19, 30),
                                                                   "in het gemeentehuis")
    assert meeting_time_and_place("Zaal De Linde, 20:15 u") == (dt.time(20, 15), "Zaal De Linde")
    assert meeting_time_and_place("Wekelijks college") == (None, "Wekelijks college")
    assert meeting_time_and_place("") == (None, "")


def test_uids_stay_and_sequence_counts_changes(demo_template, tmp_path):
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    ics = tmp_path / "planning.ics"
    assert run_cli("plan", book, "--ics", ics).returncode == 0
    first = _events(ics)
    assert {int(e["SEQUENCE"]) for e in first.values()} == {0}
    assert run_cli("plan", book, "--ics", ics).returncode == 0
    same = _events(ics)
    assert set(same) == set(first)
    assert {int(e["SEQUENCE"]) for e in same.values()} == {0}  # nothing changed

    # a meeting with the GROS advice (S12) on its agenda: items, place and time
    gros = [e for e in same.values() if str(e["SUMMARY"]) == "Vergadering GROS"
            and "S12 Advies GROS" in str(e.get("DESCRIPTION", ""))]
    assert len(gros) == 1
    start = gros[0].decoded("DTSTART").astimezone(ZoneInfo("Europe/Brussels"))
    assert (start.hour, start.minute, start.weekday()) == (20, 0, 1)
    assert 8 <= start.day <= 14  # the second Tuesday of the month (docs/planning.md)
    assert str(gros[0]["LOCATION"]) == "Raadzaal"
    submit = [e for e in same.values() if str(e["SUMMARY"]).startswith("Indienen voor GROS: S12")]
    assert len(submit) == 1
    submit_uid, meeting_uid = str(submit[0]["UID"]), str(gros[0]["UID"])

    # the advice starts anew and takes longer: S12 moves to a later GROS meeting
    wb = load_workbook(book)
    ws = wb[layout.sheet("planning").name]
    t = layout.table("planning")
    for row in ws.iter_rows(min_row=t.first_data_row):
        if row[0].value == "S12":
            row[t.index("duration")].value = 60
            row[t.index("status")].value = "Te doen"
    save_atomic(wb, book, backup=False)
    assert run_cli("plan", book, "--ics", ics).returncode == 0
    after = _events(ics)
    assert set(after) == set(first)  # the same events, updated in place
    gone = [e for e in after.values() if str(e.get("STATUS", "")) == "CANCELLED"]
    for e in gone:  # a step with no meeting left: its submission is cancelled, not left behind
        assert str(e["SUMMARY"]).startswith("Indienen voor ") and int(e["SEQUENCE"]) == 1
    moved = after[submit_uid]
    assert moved.decoded("DTSTART") > submit[0].decoded("DTSTART")
    assert int(moved["SEQUENCE"]) == 1
    old_meeting = after[meeting_uid]  # the old meeting lost the item
    assert "S12" not in str(old_meeting.get("DESCRIPTION", ""))
    assert int(old_meeting["SEQUENCE"]) == 1
    unchanged = [e for e in after.values() if str(e["SUMMARY"]).startswith("S01 ")]
    assert int(unchanged[0]["SEQUENCE"]) == 0
