"""The published deadline is a commitment: 'plan' never moves it (only a recorded extension
does), warns once when a new candidate's country has a holiday on it; unfinished steps are
planned again from today and the output says what moved."""

from __future__ import annotations

import datetime as dt
import os
import shutil

from openpyxl import load_workbook

from conftest import run_cli
from intake_support import fill_candidacy
from partnerkeuze import layout

D = dt.date
GULU = {"name": "Gulu", "country": "Uganda", "region": "Northern",
        "contact_given": "Okello", "contact_family": "James",
        "email": "okello@gulu.example.ug", "language": "English", "channel": "VVSG"}


def _setting(path, key):
    ws = load_workbook(path)[layout.sheet("settings").name]
    value = next(r[2].value for r in ws.iter_rows() if r[0].value == key)
    return value.date() if isinstance(value, dt.datetime) else value


def test_published_deadline_stays_when_a_candidate_from_a_country_with_a_holiday_comes_in(
        demo_template, tmp_path):
    book = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    # the call was published with 2 June; the recorded extension sets 3 June (Martyrs' Day in
    # Uganda, a working day in Belgium and in every country of the call so far)
    rec = run_cli("record", book, "extension", "--deadline", "2026-06-03", "--reason",
                  "Pinksterweekend", "--date", "2026-05-15")
    assert rec.returncode == 0, rec.stdout + rec.stderr
    first = run_cli("plan", book)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Deadline kandidaturen: 03/06/2026, vastgelegd op het blad Procedure" in first.stdout
    assert _setting(book, "deadline") == D(2026, 6, 3)
    assert "Oeganda" not in first.stdout

    forms = tmp_path / "formulieren"
    assert run_cli("forms", book, "--out", forms).returncode == 0
    head = load_workbook(forms / "Application-form-en.xlsx").worksheets[0]["A3"].value
    assert head == "Please return this form no later than 3 June 2026 (this day included)."
    reply = fill_candidacy(forms / "Application-form-en.xlsx", tmp_path / "in" / "gulu.xlsx",
                           GULU, {"C01": "Our council meets monthly."})
    stamp = dt.datetime(2026, 5, 20, 9).timestamp()
    os.utime(reply, (stamp, stamp))
    imp = run_cli("import", book, tmp_path / "in")
    assert imp.returncode == 0, imp.stdout + imp.stderr
    assert "nieuwe kandidaat K14 Gulu" in imp.stdout and "TE LAAT" not in imp.stdout

    again = run_cli("plan", book)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Deadline kandidaturen: 03/06/2026" in again.stdout
    assert _setting(book, "deadline") == D(2026, 6, 3)  # never moved to 4 or 5 June
    warnings = [line for line in again.stdout.splitlines() if "Oeganda" in line]
    assert len(warnings) == 1  # once per cause
    assert "03/06/2026 valt in Oeganda op een vrije dag (Uganda Martyrs' Day)" in warnings[0]
    assert "K14 Gulu" in warnings[0] and "De deadline blijft staan" in warnings[0]
    # and no line claims the deadline is free of holidays everywhere
    assert "geen feestdag of vakantie" not in again.stdout


def test_unfinished_steps_are_planned_again_from_today(demo_template, tmp_path):
    from pipeline_support import plan
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    book = FileWorkbook(path)
    first = plan(book, today=D(2026, 9, 1)).data["steps"]
    book.save(backup=False)
    book = FileWorkbook(path)
    today = D(2026, 11, 27)
    out = plan(book, today=today)
    steps = {s["id"]: s for s in out.data["steps"]}
    before = {s["id"]: s for s in first}
    unfinished = [s for s in steps.values() if s["status"] != "Klaar"]
    assert unfinished
    for s in unfinished:
        assert s["end"] >= today, s
        if s["status"] == "Te doen":
            assert s["start"] >= today, s
    for sid, s in steps.items():
        if s["status"] == "Klaar":  # what is done keeps its dates
            assert (s["start"], s["end"]) == (before[sid]["start"], before[sid]["end"])
    moved = [s for s in unfinished if s["end"] != before[s["id"]]["end"]]
    assert moved
    text = "\n".join(out.messages)
    for s in moved:
        assert f"Verschoven: {s['id']} " in text
    last = max(s["end"] for s in steps.values())
    assert f"klaar op {last:%d/%m/%Y}" in text and last > max(x["end"] for x in first)
