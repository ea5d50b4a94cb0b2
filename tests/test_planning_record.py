"""The planning follows the procedure record: a step whose stage the Procedure sheet records lies
on the recorded date and is done; only what is not done is planned again from today; every date
the planning proposes for an action (a start, an end, an agenda submission) is a Belgian working
day; and the dossier's next steps are the plan's."""

from __future__ import annotations

import datetime as dt
import shutil

import holidays
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerkeuze.core import planner
from partnerkeuze.features.planning.templates import STEDENBAND, rows
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
from partnerkeuze.layout import planning as lay
from partnerkeuze.record.procedure import record_patch
from pipeline_support import plan

D = dt.date
TODAY = D(2026, 12, 8)
RECORDED = {"S12": ("gros", D(2026, 11, 10)), "S13": ("college", D(2026, 11, 23)),
            "S14": ("council", D(2026, 11, 26))}


def _belgian_days_off(first: int, last: int) -> set[dt.date]:
    """Belgian public holidays straight from the holidays package (not the product's table)."""
    out: set[dt.date] = set()
    for year in range(first, last + 1):
        out.update(holidays.country_holidays("BE", years=year).keys())
    return out


DAYS_OFF = _belgian_days_off(2025, 2032)


def _working(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in DAYS_OFF


def _decided(path) -> FileWorkbook:
    """The demo with the GROS advice, the college's choice and the council's approval recorded
    (the dates the issue names), as a user records them."""
    book = FileWorkbook(path)
    for stage, day in (("gros", D(2026, 11, 10)), ("college", D(2026, 11, 23)),
                       ("council", D(2026, 11, 26))):
        extra = {"partner": "K05", "number": f"{stage.upper()}/2026/1"} \
            if stage in ("college", "council") else {"text": "Positief advies."}
        book.apply(record_patch(book.snapshot(), stage, date=day, today=TODAY, **extra))
    return book


def test_recorded_stages_keep_their_dates_and_are_done(demo_template, tmp_path):
    path = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    book = _decided(path)
    out = plan(book, today=TODAY)
    steps = {s["id"]: s for s in out.data["steps"]}
    for sid, (_, day) in RECORDED.items():
        s = steps[sid]
        assert s["end"] == day, s  # on the recorded date, not planned again
        assert s["start"] <= s["end"]
        assert s["status"] == lay.DONE, s
    # what follows the council is planned again from today, not from the old planning
    for sid in ("S15", "S16"):
        assert steps[sid]["status"] != lay.DONE
        assert steps[sid]["start"] >= TODAY, steps[sid]
        assert steps[sid]["end"] >= TODAY
    # the sheet says so: status Klaar and the recorded date in the note
    book.save(backup=False)
    from openpyxl import load_workbook

    ws = load_workbook(path)["Planning"]
    t = __import__("partnerkeuze").layout.table("planning")
    by_id = {r[0].value: r for r in ws.iter_rows(min_row=t.first_data_row) if r[0].value}
    for sid, (stage, day) in RECORDED.items():
        row = by_id[sid]
        assert row[t.index("status")].value == lay.DONE
        end = row[t.index("end")].value
        assert (end.date() if isinstance(end, dt.datetime) else end) == day
        assert f"{day:%d/%m/%Y}" in row[t.index("note")].value
        assert "Procedure" in row[t.index("note")].value
    # a second plan changes none of it (recorded dates are facts, not proposals)
    again = {s["id"]: s for s in plan(FileWorkbook(path), today=TODAY + dt.timedelta(days=30))
             .data["steps"]}
    for sid, (_, day) in RECORDED.items():
        assert again[sid]["end"] == day and again[sid]["status"] == lay.DONE


def test_no_submission_on_ascension_day_2027(demo_template, tmp_path):
    """The demo's council meets on 27 May 2027 with 21 days' notice: the item is due on
    Wednesday 5 May, not on Ascension Day (6 May)."""
    path = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    out = plan(FileWorkbook(path), today=TODAY)
    dates = [s["submit_by"] for s in out.data["steps"] if s["submit_by"]]
    assert dates
    assert D(2027, 5, 6) not in dates
    for s in out.data["steps"]:
        if s["meeting"] == D(2027, 5, 27):
            assert s["submit_by"] == D(2027, 5, 5), s
    for s in out.data["steps"]:
        for key in ("start", "submit_by"):
            if s[key] and s[key] >= TODAY:
                assert _working(s[key]), (key, s)


MEETING_BODIES = (lay.GROS, lay.COLLEGE, lay.COUNCIL)


@st.composite
def calls(draw):
    """A call planned from a day in 2026-2030, with weekly or monthly meetings of GROS, college
    and council on any weekday (holidays included: meetings are the user's), random notice."""
    today = draw(st.dates(D(2026, 1, 1), D(2030, 6, 30)))
    meetings = []
    for body in MEETING_BODIES:
        weekday = draw(st.integers(0, 6))
        every = draw(st.sampled_from((7, 14, 28)))
        lead = draw(st.integers(0, 45))
        day = today - dt.timedelta(days=60) + dt.timedelta(days=(weekday - today.weekday()) % 7)
        while day < today + dt.timedelta(days=900):
            meetings.append(planner.Meeting(body, day, lead))
            day += dt.timedelta(days=every)
    statuses = {f"S{i:02d}": draw(st.sampled_from((lay.TODO, lay.BUSY, lay.POSTPONED)))
                for i in range(1, 19)}
    return today, meetings, statuses


def _steps(statuses) -> list[planner.StepIn]:
    out = []
    for r in rows(STEDENBAND, statuses):
        sid, name, kind, days, after, body, owner, status = r[:8]
        out.append(planner.StepIn(sid, name, kind, days, planner.parse_after(after), body,
                                  owner, status))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calls())
def test_every_proposed_action_date_is_a_belgian_working_day(case):
    today, meetings, statuses = case
    placed = planner.schedule(_steps(statuses), meetings, today,
                              lambda start: start + dt.timedelta(days=91), today=today)
    for p in placed:
        assert _working(p.start), (p.id, p.start)
        if p.meeting is not None:
            assert _working(p.meeting.submit_by), (p.id, p.meeting)
            assert p.meeting.submit_by <= p.meeting.date - dt.timedelta(days=p.meeting.lead_days)
            assert p.end == p.meeting.date or _working(p.end)  # the meeting is the user's date
        elif p.step.kind != lay.CALL:  # the deadline is the call's own rule (tested apart)
            assert _working(p.end), (p.id, p.end)


def test_dossier_next_steps_are_the_plans(demo_template, tmp_path):
    from documents_support import docx_text

    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core.parse import parse
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.features.documents.contexts import Notes
    from partnerkeuze.features.documents.dossier import dossier_context
    from partnerkeuze.features.planning.dossier import dossier_context as plan_section
    from partnerkeuze.io.docx.render import render_docx

    path = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    book = _decided(path)
    snap = book.snapshot()
    model = parse(snap)
    result = evaluate(model)
    section = plan_section(model, snap, result, TODAY)
    planned = {s["id"]: s for s in section["planning"]["steps"]}
    ctx = dossier_context(model, snap, result, None, Notes(), section, today=TODAY)
    names = [s["name"] for s in ctx["next_steps"]]
    # nothing the record shows as done, and every step still to come with the plan's dates
    for sid in ("S12", "S13", "S14"):
        assert planned[sid]["name"] not in names
    for sid in ("S15", "S16", "S17", "S18"):
        assert planned[sid]["name"] in names, names
        step = next(s for s in ctx["next_steps"] if s["name"] == planned[sid]["name"])
        assert step["date"] == (planned[sid]["meeting"] or planned[sid]["end"])
    text = docx_text(render_docx(template("dossier", "nl"), ctx, "nl_BE"))
    part = text[text.index("15. Planning van de volgende stappen"):text.index("16. Bijlagen")]
    assert "Advies van de GROS." not in part and "nu: het college besliste" not in part
    from partnerkeuze.io.docx.render import format_date

    s18 = planned["S18"]
    assert format_date(s18["meeting"], "nl_BE") in part
    assert format_date(s18["submit_by"], "nl_BE") in part
    assert s18["submit_by"] != D(2027, 5, 6)
