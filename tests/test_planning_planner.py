"""The planner: steps that need approval land on the right meeting, and changes shift what
depends on them (pure planner and the workbook round trip in memory)."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerkeuze import layout
from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.layout import planning as lay
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.core import planner
from pipeline_support import plan
from partnerkeuze.core.workdays import is_office_day

D = dt.date


def _deadline(start):
    return start + dt.timedelta(days=90)


def _steps():
    return [
        planner.StepIn("A", "Dossier schrijven", duration=5),
        planner.StepIn("B", "Goedkeuring gemeenteraad", duration=2, after=(("A", 0),),
                       body=lay.COUNCIL),
        planner.StepIn("C", "Bekendmaking", duration=3, after=(("B", 0),)),
        planner.StepIn("D", "Bezoek", duration=4, after=(("C", 10),)),
    ]


MEETINGS = [
    planner.Meeting(lay.COLLEGE, D(2026, 9, 14), 7),
    planner.Meeting(lay.COUNCIL, D(2026, 9, 24), 21),
    planner.Meeting(lay.COUNCIL, D(2026, 10, 29), 21),
    planner.Meeting(lay.COUNCIL, D(2026, 11, 26), 21),
]


def test_council_step_lands_on_council_meeting_after_lead_time():
    placed = {p.id: p for p in planner.schedule(_steps(), MEETINGS, D(2026, 9, 1), _deadline)}
    a, b = placed["A"], placed["B"]
    assert a.end == D(2026, 9, 7)
    m = b.meeting
    assert m is not None and m.body == lay.COUNCIL
    # at least the lead time after the predecessor: the 24/9 council (submit by 3/9) is too early
    assert m.date == D(2026, 10, 29)
    assert (m.date - a.end).days >= m.lead_days
    assert m.submit_by >= a.end
    assert b.end == m.date
    # the successor starts on the first office day after the meeting
    assert placed["C"].start == D(2026, 10, 30)


def test_moving_a_meeting_shifts_dependants():
    before = {p.id: p for p in planner.schedule(_steps(), MEETINGS, D(2026, 9, 1), _deadline)}
    moved = [planner.Meeting(m.body, D(2026, 11, 5) if m.date == D(2026, 10, 29) else m.date,
                             m.lead_days) for m in MEETINGS]
    after = {p.id: p for p in planner.schedule(_steps(), moved, D(2026, 9, 1), _deadline)}
    assert after["B"].end == D(2026, 11, 5)
    for sid in ("C", "D"):
        assert after[sid].start > before[sid].start
        assert after[sid].end > before[sid].end
    assert after["A"].end == before["A"].end


def test_lag_and_office_days():
    placed = {p.id: p for p in planner.schedule(_steps(), MEETINGS, D(2026, 9, 1), _deadline)}
    c, d = placed["C"], placed["D"]
    # 10 office days between C and D: 11/11 (Armistice) is no office day
    gap = [c.end + dt.timedelta(days=i) for i in range(1, (d.start - c.end).days)]
    assert sum(is_office_day(x) for x in gap) == 10
    assert all(is_office_day(p.start) for p in placed.values())


def test_no_meeting_left_is_a_warning_not_a_crash():
    steps = [planner.StepIn("A", "Advies", duration=1, body=lay.GROS)]
    (p,) = planner.schedule(steps, MEETINGS, D(2026, 9, 1), _deadline)
    assert p.meeting is None
    assert "Geen vergadering van GROS" in " ".join(p.notes)


def test_cycle_and_unknown_step_are_problems():
    with pytest.raises(planner.PlanError, match="kring"):
        planner.order([planner.StepIn("A", "a", after=(("B", 0),)),
                       planner.StepIn("B", "b", after=(("A", 0),))])
    with pytest.raises(planner.PlanError, match="'X'"):
        planner.order([planner.StepIn("A", "a", after=(("X", 0),))])
    with pytest.raises(ValueError, match="geen stap-ID"):
        planner.parse_after("S01, S02 + x")
    assert planner.parse_after("S01, S02+10; s03") == (("S01", 0), ("S02", 10), ("s03", 0))


# --- the same rules through the workbook (in memory) ---------------------------------------

def _plain(book):
    """A snapshot with every sheet read (the file snapshot reads sheets lazily)."""
    from partnerkeuze.kernel.snapshot import Snapshot

    snap = book.snapshot()
    return Snapshot({name: list(snap.rows(name)) for name in book.wb.sheetnames})


@pytest.fixture(scope="module")
def demo_snapshot():
    from partnerkeuze.app.creation import build

    return _plain(build("stedenband", demo=True))


@pytest.fixture(scope="module")
def unpublished_snapshot(demo_snapshot):
    """The demo before its call was published (no procedure record): the planner sets the
    deadline from the settings."""
    from test_governance_util import demo_without_record

    return demo_without_record().snapshot()


def _planning(book):
    t = layout.table("planning")
    rows = book.snapshot().rows(layout.sheet("planning").name)
    out = {}
    for r in rows[t.first_data_row - 1:]:
        if r[0]:
            out[r[0]] = dict(zip([c.key for c in t.columns], r))
    return out


def _as_date(v):
    return v.date() if isinstance(v, dt.datetime) else v


def _set(book, sheet_key, row, col_key, value):
    t = layout.table(sheet_key)
    snap = book.snapshot()
    name = layout.TABLE_SHEET[sheet_key].name
    book._put(name, row, t.first_col + t.index(col_key), value)
    return snap


def test_workbook_council_step_and_knock_on(demo_snapshot):
    book = MemoryWorkbook(demo_snapshot)
    out = plan(book, today=D(2026, 1, 15))
    steps = _planning(book)
    s13, s14 = steps["S13"], steps["S14"]
    meeting = _as_date(s14["meeting"])
    assert meeting.weekday() == 3  # the demo council meets on the last Thursday
    assert meeting - dt.timedelta(days=21) >= _as_date(s13["end"])
    assert _as_date(s14["end"]) == meeting
    assert "Gemeenteraad" in s14["note"]
    mt = layout.table("meetings")
    mrows = book.snapshot().rows(layout.sheet("meetings").name)[mt.first_data_row - 1:]
    agenda = [r for r in mrows if r[0] == lay.COUNCIL and _as_date(r[1]) == meeting]
    assert agenda and "S14" in agenda[0][mt.index("agenda")]
    assert out.data["deadline"] == D(2026, 6, 2)

    # move that council meeting three weeks later: S14 and everything after it shifts
    row = next(i for i, r in enumerate(mrows, start=mt.first_data_row)
               if r[0] == lay.COUNCIL and _as_date(r[1]) == meeting)
    _set(book, "meetings", row, "date", meeting + dt.timedelta(days=21))
    plan(book, today=D(2026, 1, 15))
    moved = _planning(book)
    assert _as_date(moved["S14"]["end"]) > meeting
    for sid in ("S15", "S16", "S17"):
        assert _as_date(moved[sid]["end"]) > _as_date(steps[sid]["end"]), sid
        assert "Verschoven" in moved[sid]["note"]
    assert _as_date(moved["S13"]["end"]) == _as_date(s13["end"])


def test_workbook_extension_moves_deadline_and_dependants(unpublished_snapshot):
    book = MemoryWorkbook(unpublished_snapshot)
    t = layout.table("planning")
    for row, rec in enumerate(book.snapshot().rows(layout.sheet("planning").name)[
            t.first_data_row - 1:], start=t.first_data_row):
        if rec and rec[0] and rec[0] >= "S08":  # the call and what follows: not done yet
            _set(book, "planning", row, "status", "Te doen")
    plan(book, today=D(2026, 1, 15))
    before = _planning(book)
    settings = layout.sheet("settings")
    snap = book.snapshot()
    rows = snap.rows(settings.name)
    r = next(i for i, row in enumerate(rows, start=1) if row[0] == "deadline_extension")
    book._put(settings.name, r, 3, 21)
    out = plan(book, today=D(2026, 1, 15))
    after = _planning(book)
    assert out.data["deadline"] >= D(2026, 6, 2) + dt.timedelta(days=21)
    assert _as_date(after["S08"]["end"]) == out.data["deadline"]
    assert _as_date(after["S09"]["start"]) > out.data["deadline"]
    for sid in ("S09", "S10", "S11"):
        assert _as_date(after[sid]["start"]) > _as_date(before[sid]["start"])
    # the deadline is written to the settings sheet
    dl = next(row for row in book.snapshot().rows(settings.name) if row[0] == "deadline")
    assert _as_date(dl[2]) == out.data["deadline"]


def test_workbook_bad_dependency_names_the_cell(demo_snapshot):
    book = MemoryWorkbook(demo_snapshot)
    t = layout.table("planning")
    _set(book, "planning", t.first_data_row + 2, "after", "S99")
    with pytest.raises(InputProblems) as info:
        plan(book)
    text = str(info.value)
    assert f"Planning!E{t.first_data_row + 2}" in text and "'S99'" in text


def test_sdg_template_runs_at_most_two_years():
    from partnerkeuze.app.creation import build

    book = MemoryWorkbook(_plain(build("sdg", demo=True)))
    out = plan(book, today=D(2024, 1, 15))
    steps = {s["id"]: s for s in out.data["steps"]}
    start, end = steps["D07"]["start"], steps["D19"]["end"]
    assert end - start <= dt.timedelta(days=2 * 365)
    sessions = [s for s in out.data["steps"] if "uitwisselingssessie" in s["name"]]
    assert len(sessions) >= 6
    for year_start in (start, start + dt.timedelta(days=365)):
        in_year = [s for s in sessions if year_start <= s["start"] < year_start + dt.timedelta(days=365)]
        assert len(in_year) >= 3
    assert steps["D04"]["body"] == lay.STEERING and steps["D04"]["meeting"] is not None


def test_call_date_before_the_preparation_is_a_warning(unpublished_snapshot):
    book = MemoryWorkbook(unpublished_snapshot)
    settings = layout.sheet("settings")
    rows = book.snapshot().rows(settings.name)
    r = next(i for i, row in enumerate(rows, start=1) if row[0] == "call_date")
    book._put(settings.name, r, 3, D(2026, 1, 5))
    out = plan(book, today=D(2026, 1, 15))
    assert any("De oproep kan pas op 02/03/2026 vertrekken, niet op 05/01/2026" in w
               for w in out.warnings)
