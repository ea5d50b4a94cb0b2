"""The planning in the workbook file: the conditional-format Gantt after plan and after score,
LibreOffice opens and recalculates it, the .ics holds every step and meeting, the command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter
from partnerkeuze.layout import planning as lay
from partnerkeuze.features.planning.sheet import COLOURS, MONTHS, SLOTS, WEEKS, grid_first_col

from conftest import run_cli
import lo

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _gantt_rules(path: Path) -> list[tuple[str, str, str]]:
    """(range, formula, fill colour) of every conditional format on the Planning sheet."""
    ws = load_workbook(path)[layout.sheet("planning").name]
    out = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            fill = rule.dxf.fill.fgColor.rgb if rule.dxf is not None and rule.dxf.fill else None
            out.append((str(cf.sqref), rule.formula[0], str(fill)))
    return out


def _assert_gantt(path: Path) -> None:
    rules = _gantt_rules(path)
    first = col_letter(grid_first_col())
    last = col_letter(grid_first_col() + WEEKS - 1)
    grid = [r for r in rules if r[0].startswith(f"{first}5:{last}")]
    colours = {c[-6:] for _, _, c in grid}
    for key in (lay.DONE, lay.BUSY, lay.TODO, lay.POSTPONED, "overdue", "meeting"):
        assert COLOURS[key] in colours, key
    t = layout.table("planning")
    start = col_letter(t.first_col + t.index("start"))
    end = col_letter(t.first_col + t.index("end"))
    status = col_letter(t.first_col + t.index("status"))
    done = next(f for _, f, c in grid if c.endswith(COLOURS[lay.DONE]))
    second = col_letter(grid_first_col() + 1)  # a column ends where the next one starts
    assert f"${start}5<{second}$4" in done and f"${end}5>={first}$4" in done
    assert f'${status}5="{lay.DONE}"' in done
    assert any("TODAY()" in f and c.endswith(COLOURS["today"]) for _, f, c in rules)


@pytest.fixture(scope="module")
def planned(tmp_path_factory, demo_template) -> Path:
    """The demo workbook after `plan --ics` (module-wide; copy before changing)."""
    d = tmp_path_factory.mktemp("planned")
    path = d / "demo.xlsx"
    shutil.copy(demo_template, path)
    proc = run_cli("plan", path, "--ics", d / "planning.ics")
    assert proc.returncode == 0, proc.stderr
    assert "Deadline kandidaturen: 02/06/2026" in proc.stdout
    return path


def test_gantt_present_after_new_and_plan(demo_template, planned):
    _assert_gantt(demo_template)
    _assert_gantt(planned)
    ws = load_workbook(planned)[layout.sheet("planning").name]
    t = layout.table("planning")
    first = grid_first_col()
    assert str(ws.cell(row=3, column=first).value).startswith("=IF(COUNT(")  # the first month
    month = f"{col_letter(first)}$3"
    assert ws.cell(row=4, column=first + 1).value == f'=IF(ISNUMBER({month}),{month}+7,"")'
    assert not any("TODAY" in str(c.value) for row in ws.iter_rows(max_row=4) for c in row)
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"{col_letter(first)}3:{col_letter(first + SLOTS - 1)}3" in merged  # month headers
    assert len([m for m in merged if m.endswith("3") and ":" in m]) == MONTHS
    s14 = next(r for r in range(5, 40) if ws.cell(row=r, column=1).value == "S14")
    meeting = ws.cell(row=s14, column=t.first_col + t.index("meeting")).value
    assert isinstance(meeting, dt.datetime) and meeting.weekday() == 3
    log = load_workbook(planned)[layout.sheet("log").name]
    assert [r[3] for r in log.iter_rows(min_row=5, values_only=True)][-2:] == ["plan", "calendar"]


def test_gantt_survives_score(planned, tmp_path):
    path = tmp_path / "demo.xlsx"
    shutil.copy(planned, path)
    before = _gantt_rules(path)
    proc = run_cli("score", path, "--json")
    assert proc.returncode == 0, proc.stderr
    assert _gantt_rules(path) == before
    _assert_gantt(path)


def test_libreoffice_opens_and_recalculates_the_grid(planned):
    sheet = layout.sheet("planning").name
    rows = lo.recalculated_values(planned, sheet)
    t = layout.table("planning")
    starts = [r[t.first_col - 1 + t.index("start")] for r in rows[t.first_data_row - 1:]
              if r[0]]
    first_start = min(s for s in starts if s is not None)
    first = grid_first_col() - 1
    month0 = rows[2][first]
    assert isinstance(month0, dt.datetime) and month0.day == 1
    assert (month0.year, month0.month) == (first_start.year, first_start.month)
    assert [rows[3][first + k] - month0 for k in range(SLOTS)] == \
        [dt.timedelta(days=7 * k) for k in range(SLOTS)]
    nxt = rows[2][first + SLOTS]
    assert nxt.day == 1 and (nxt - month0).days in (28, 29, 30, 31)
    assert rows[3][first + SLOTS] == nxt
    # the weights check of the foundation still computes in LibreOffice
    crit = lo.recalculated_values(planned, layout.sheet("criteria").name)
    assert any(isinstance(v, str) and v.startswith("In orde") for v in crit[2] if v)


def _local_day(value):
    """The day in Belgium of an all-day date or a timed (UTC) start."""
    from zoneinfo import ZoneInfo

    if isinstance(value, dt.datetime):
        return value.astimezone(ZoneInfo("Europe/Brussels")).date()
    return value


def test_ics_holds_every_step_meeting_and_deadline(planned):
    from icalendar import Calendar

    ics = planned.parent / "planning.ics"
    cal = Calendar.from_ical(ics.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    by_summary = {str(e["SUMMARY"]): e for e in events}
    wb = load_workbook(planned, data_only=True)
    t = layout.table("planning")
    ws = wb[layout.sheet("planning").name]
    n_steps = 0
    for row in ws.iter_rows(min_row=t.first_data_row, values_only=True):
        if not row[0]:
            continue
        n_steps += 1
        ev = by_summary[f"{row[0]} {row[1]}"]
        start = row[t.index("start")].date()
        end = row[t.index("end")].date()
        assert ev.decoded("DTSTART") == start
        assert ev.decoded("DTEND") == end + dt.timedelta(days=1)
    assert n_steps == 18
    mt = layout.table("meetings")
    meetings = [r for r in wb[layout.sheet("meetings").name].iter_rows(
        min_row=mt.first_data_row, values_only=True) if r[0]]
    meeting_events = [e for e in events if str(e["SUMMARY"]).startswith("Vergadering ")]
    assert len(meeting_events) == len(meetings) > 50
    got = {(str(e["SUMMARY"]), _local_day(e.decoded("DTSTART"))) for e in meeting_events}
    assert got == {(f"Vergadering {r[0]}", r[1].date()) for r in meetings}
    assert by_summary["Deadline kandidaturen"].decoded("DTSTART") == dt.date(2026, 6, 2)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert str(cal["VERSION"]) == "2.0"


def test_bad_planning_exits_1_and_leaves_file_unchanged(demo_path, tmp_path):
    from partnerkeuze.io.xlsx.file_workbook import save_atomic

    wb = load_workbook(demo_path)
    ws = wb[layout.sheet("planning").name]
    ws["E7"] = "S01, S77"
    save_atomic(wb, demo_path, backup=False)
    before = _digest(demo_path)
    ics = tmp_path / "x.ics"
    proc = run_cli("plan", demo_path, "--ics", ics)
    assert proc.returncode == 1
    assert "Planning!E7: stap S03 wacht op 'S77'" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _digest(demo_path) == before and not ics.exists()


def test_usage_errors_exit_2(demo_path, tmp_path):
    proc = run_cli("plan", tmp_path / "nope.xlsx")
    assert proc.returncode == 2 and "bestand niet gevonden" in proc.stderr
    before = _digest(demo_path)
    proc = run_cli("plan", demo_path, "--ics", tmp_path / "x.txt")
    assert proc.returncode == 2 and "eindigt op .ics" in proc.stderr
    assert _digest(demo_path) == before
    lock = demo_path.with_name("~$" + demo_path.name)
    lock.write_text("x")
    proc = run_cli("plan", demo_path)
    assert proc.returncode == 2 and "geopend in Excel" in proc.stderr
    assert _digest(demo_path) == before


def test_help_lists_plan_and_remind():
    proc = run_cli("--help")
    assert "plan" in proc.stdout + proc.stderr and "remind" in proc.stdout + proc.stderr
    proc = run_cli("plan", "--help")
    assert proc.returncode == 0 and "--ics" in proc.stdout


@pytest.mark.parametrize("mode,first,count", [("stedenband", "S01", 18), ("sdg", "D01", 19)])
def test_new_workbook_has_the_template_and_plans_before_the_profile_is_filled(tmp_path, mode,
                                                                               first, count):
    path = tmp_path / f"{mode}.xlsx"
    assert run_cli("new", path, "--mode", mode).returncode == 0
    ws = load_workbook(path)[layout.sheet("planning").name]
    ids = [r[0] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
    assert ids[0] == first and len(ids) == count
    _assert_gantt(path)
    proc = run_cli("plan", path)
    assert proc.returncode == 0, proc.stderr
    assert f"Planning berekend: {count} stappen" in proc.stdout
    assert "houden 'plan' niet tegen" in proc.stdout  # the empty profile, not a stop
    assert "geen vergadering van" in proc.stdout  # no meetings entered yet


def test_planning_prints_readably_without_hashes(planned, tmp_path):
    """LibreOffice renders the Planning sheet (PDF, A3 landscape): month names, legend, every
    date readable (no ###), the ID and step columns repeated on the following pages."""
    import subprocess

    ws = load_workbook(planned)[layout.sheet("planning").name]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 8
    assert ws.print_title_rows == "$3:$4" and ws.print_title_cols == "$A:$B"
    pdf = lo.convert(planned, "pdf", tmp_path)
    pages = [p for p in lo.pdf_text(pdf).split("\f") if "S18" in p and "S01" in p
             and ("Kleur" in p or "Maand" in p or "2027" in p)]
    planning = [p for p in pages if "Profiel opstellen" in p]
    assert len(planning) >= 2  # several pages across, the step names repeated on each
    text = "\n".join(planning)
    assert "###" not in text
    for word in ("Kleur", "Klaar", "Bezig", "Te doen", "Uitgesteld", "Te laat", "Vergadering",
                 "Deze week", "november 2025", "januari 2027"):
        assert word in text, word
    t = layout.table("planning")
    dates = [c.value for c in ws[col_letter(t.first_col + t.index("start"))][t.first_data_row - 1:]
             if isinstance(c.value, dt.datetime)]
    assert f"{dates[0]:%d/%m/%Y}" in text  # the date columns show their dates
    png = tmp_path / "planning"
    first_page = next(i for i, p in enumerate(lo.pdf_text(pdf).split("\f"), start=1)
                      if p in planning)
    subprocess.run(["pdftoppm", "-f", str(first_page), "-l", str(first_page), "-r", "40", "-png",
                    str(pdf), str(png)], check=True, timeout=120)
    assert list(tmp_path.glob("planning*.png"))


def test_demo_planning_is_a_call_in_progress(planned):
    """Dated relative to today: steps done, one under way, the rest ahead; none late."""
    ws = load_workbook(planned)[layout.sheet("planning").name]
    t = layout.table("planning")
    today = dt.datetime.combine(dt.date.today(), dt.time())
    statuses = {}
    for row in ws.iter_rows(min_row=t.first_data_row, values_only=True):
        if not row[0]:
            continue
        status, end = row[t.index("status")], row[t.index("end")]
        statuses[row[0]] = status
        if status != lay.DONE:
            assert end >= today, (row[0], end)  # not late
    assert lay.BUSY in statuses.values() and lay.DONE in statuses.values()
    assert lay.TODO in statuses.values()
