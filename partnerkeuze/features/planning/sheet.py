"""The Planning sheet in the workbook: the week grid with the native conditional-format Gantt
(build hook) and the patch that writes a computed planning back."""

from __future__ import annotations

import datetime as dt

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter
from partnerkeuze.layout import planning as lay
from partnerkeuze.kernel.patch import Block, Patch, Styled

MONTHS = 24  # months of the grid: two years from the month of the first step
SLOTS = 5  # columns per month: days 1-7, 8-14, 15-21, 22-28 and 29 to the end of the month
WEEKS = MONTHS * SLOTS  # columns of the grid (each about a week)
GRID_ROWS = 400  # rows of the planning covered by the Gantt's conditional formats
DATE_FMT = "DD/MM/YYYY"
MONTH_FMT = "[$-813]mmmm yyyy"  # Dutch (Belgium) month names whatever the PC's language
SLOT_WIDTH = 3.3
MONTH_ROW_OFFSET = 1  # the month row sits right above the table's header row
PRINT_SCALE = 70  # A3 landscape: the table and some months per page, the rest on the next pages

# Gantt colours per status (and for an overdue step, a meeting and today).
COLOURS = {
    lay.DONE: "70AD47",
    lay.BUSY: "4472C4",
    lay.POSTPONED: "ED7D31",
    lay.TODO: "9DC3E6",
    "overdue": "C00000",
    "meeting": "1F3864",
    "today": "FFE699",
}

# The legend above the table: (colour key, Dutch label, white text).
LEGEND = (
    (lay.DONE, "Klaar", True), (lay.BUSY, "Bezig", True), (lay.TODO, "Te doen", False),
    (lay.POSTPONED, "Uitgesteld", True), ("overdue", "Te laat", True),
    ("meeting", "Vergadering", True), ("today", "Deze week", False),
)


def grid_first_col() -> int:
    """The first column of the grid (one empty column after the table)."""
    t = layout.table("planning")
    return t.first_col + len(t.columns) + 1


def _letters() -> dict[str, str]:
    t = layout.table("planning")
    return {k: col_letter(t.first_col + t.index(k)) for k in ("status", "start", "end", "meeting")}


def gantt_rules(first_row: int | None = None) -> list[tuple[str, str, str]]:
    """(name, formula for the top-left grid cell, colour) of every Gantt rule, in priority order.
    A grid column covers the days from its header date up to the next column's header date."""
    t = layout.table("planning")
    r = first_row or t.first_data_row
    c = _letters()
    w = f"{col_letter(grid_first_col())}${t.header_row}"
    nxt = f"{col_letter(grid_first_col() + 1)}${t.header_row}"
    bar = (f"ISNUMBER(${c['start']}{r}),ISNUMBER(${c['end']}{r}),"
           f"${c['start']}{r}<{nxt},${c['end']}{r}>={w}")
    s = f"${c['status']}{r}"
    return [
        ("meeting", f"AND(ISNUMBER(${c['meeting']}{r}),${c['meeting']}{r}>={w},"
                    f"${c['meeting']}{r}<{nxt})", COLOURS["meeting"]),
        ("overdue", f'AND({bar},{s}<>"{lay.DONE}",${c["end"]}{r}<TODAY())', COLOURS["overdue"]),
        ("done", f'AND({bar},{s}="{lay.DONE}")', COLOURS[lay.DONE]),
        ("busy", f'AND({bar},{s}="{lay.BUSY}")', COLOURS[lay.BUSY]),
        ("postponed", f'AND({bar},{s}="{lay.POSTPONED}")', COLOURS[lay.POSTPONED]),
        ("todo", f"AND({bar})", COLOURS[lay.TODO]),
    ]


NOT_PLANNED = "nog niet gepland"  # the first month's cell while no step has a start date


def _start_range() -> str:
    t = layout.table("planning")
    c = _letters()
    return f"${c['start']}${t.first_data_row}:${c['start']}${t.first_data_row + GRID_ROWS}"


def grid_formulas() -> list[tuple[int, int, str]]:
    """(row, column, formula) of the grid's header: per month its first day (the first month
    that of the earliest start; 'nog niet gepland' while no step has one), per column the first
    day it covers, and after the grid the day it ends (hidden). No TODAY(): the header depends
    only on the planning, so its values are written with it and never go stale on their own."""
    t = layout.table("planning")
    first = grid_first_col()
    last = first + WEEKS - 1
    head = t.header_row
    mrow = head - MONTH_ROW_OFFSET
    rng = _start_range()
    out = []
    for m in range(MONTHS):
        mc = first + m * SLOTS
        if m == 0:
            text = (f'=IF(COUNT({rng})=0,"{NOT_PLANNED}",'
                    f"DATE(YEAR(MIN({rng})),MONTH(MIN({rng})),1))")
        else:
            prev = f"{col_letter(mc - SLOTS)}{mrow}"
            text = f'=IF(ISNUMBER({prev}),DATE(YEAR({prev}),MONTH({prev})+1,1),"")'
        out.append((mrow, mc, text))
        month = f"{col_letter(mc)}${mrow}"
        for k in range(SLOTS):
            day = f"{month}+{7 * k}" if k else month
            out.append((head, mc + k, f'=IF(ISNUMBER({month}),{day},"")'))
    top = f"{col_letter(last - SLOTS + 1)}${mrow}"
    out.append((head, last + 1,
                f'=IF(ISNUMBER({top}),DATE(YEAR({top}),MONTH({top})+1,1),"")'))
    return out


def grid_values(starts) -> list:
    """The values of grid_formulas(), in its order, for the values of the start column."""
    from partnerkeuze.core import excel_values as xv

    found = xv.numbers(starts)
    month = xv.date_of(min(found)).replace(day=1, hour=0, minute=0, second=0,
                                            microsecond=0) if found else None
    out: list = []
    for m in range(MONTHS):
        if m:
            month = xv.first_of_next_month(month) if month is not None else None
        out.append(month if month is not None else (NOT_PLANNED if m == 0 else ""))
        for k in range(SLOTS):
            out.append(month + dt.timedelta(days=7 * k) if month is not None else "")
    out.append(xv.first_of_next_month(month) if month is not None else "")
    return out


def _grid_area():
    from partnerkeuze.kernel.formulas import Area

    t = layout.table("planning")
    first = grid_first_col()
    return (Area(layout.sheet("planning").name, t.header_row - MONTH_ROW_OFFSET, t.header_row,
                 first, first + WEEKS),)


def _grid_reads(snap):
    from partnerkeuze.kernel.formulas import column

    t = layout.table("planning")
    return (column(layout.sheet("planning").name, t.first_col + t.index("start"),
                   t.first_data_row, t.first_data_row + GRID_ROWS),)


def grid_cells(snap) -> list:
    """The grid's header formulas (grid_formulas) with the dates they give for the planning in
    the snapshot (kernel/formulas.py: a FormulaFamily's cells)."""
    from partnerkeuze.kernel.formulas import Unknown, with_value

    sheet = layout.sheet("planning").name
    if not snap.has_sheet(sheet):
        return []
    area = _grid_reads(snap)[0]
    starts = [snap.value(sheet, r, area.first_col)
              for r in range(area.first_row, area.last_row + 1)]
    try:
        values = grid_values(starts)
    except Unknown:
        values = None

    def known(i):
        if values is None:
            raise Unknown("start")
        return values[i]

    return [(sheet, row, col, with_value(text, lambda i=i: known(i)))
            for i, (row, col, text) in enumerate(grid_formulas())]


def grid_family():
    """The grid's header as a family of formulas (kernel/formulas.py)."""
    from partnerkeuze.kernel.formulas import FormulaFamily

    return FormulaFamily("maanden van de Gantt", _grid_area, _grid_reads, grid_cells)


def add_gantt(ws) -> None:
    """The month/slot grid (merged month headers, day-of-month slots), the Gantt's conditional
    formats, the legend and the print setup of a Planning sheet."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    t = layout.table("planning")
    first = grid_first_col()
    last = first + WEEKS - 1
    fl, ll = col_letter(first), col_letter(last)
    head = t.header_row
    mrow = head - MONTH_ROW_OFFSET
    green = PatternFill("solid", fgColor="375623")
    pale = PatternFill("solid", fgColor="E2EFDA")
    thin = Side(style="thin", color="375623")
    for row, col, text in grid_formulas():
        ws.cell(row=row, column=col).value = text
    for m in range(MONTHS):
        mc = first + m * SLOTS
        month = ws.cell(row=mrow, column=mc)
        month.number_format = MONTH_FMT
        month.font = Font(size=9, bold=True, color="375623")
        month.alignment = Alignment(horizontal="center", vertical="center")
        month.fill = pale
        month.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ws.merge_cells(start_row=mrow, start_column=mc, end_row=mrow, end_column=mc + SLOTS - 1)
        for k in range(SLOTS):
            cell = ws.cell(row=head, column=mc + k)
            cell.number_format = "d"
            cell.alignment = Alignment(horizontal="center", vertical="bottom")
            cell.font = Font(size=8, bold=True, color="FFFFFF")
            cell.fill = green
            ws.column_dimensions[col_letter(mc + k)].width = SLOT_WIDTH
    # the day after the grid: where the last column ends (hidden)
    sentinel = ws.cell(row=head, column=last + 1)
    sentinel.number_format = DATE_FMT
    ws.column_dimensions[col_letter(last + 1)].hidden = True
    ws.cell(row=mrow, column=first - 1).value = "Maand →"
    ws.cell(row=mrow, column=first - 1).font = Font(size=8, italic=True)
    ws.cell(row=head, column=first - 1).value = "Dag →"
    ws.cell(row=head, column=first - 1).font = Font(size=8, italic=True)
    ws.column_dimensions[col_letter(first - 1)].width = 7
    ws.row_dimensions[mrow].height = 16
    ws.row_dimensions[head].height = 45  # the table's headers on three lines
    grid = f"{fl}{t.first_data_row}:{ll}{t.first_data_row + GRID_ROWS}"
    for _name, formula, colour in gantt_rules():
        ws.conditional_formatting.add(grid, FormulaRule(
            formula=[formula], fill=PatternFill("solid", fgColor=colour, bgColor=colour)))
    today = f"AND(TODAY()>={fl}${head},TODAY()<{col_letter(first + 1)}${head})"
    red = Side(style="medium", color="C00000")
    ws.conditional_formatting.add(
        f"{fl}{head}:{ll}{t.first_data_row + GRID_ROWS}",
        FormulaRule(formula=[today], fill=PatternFill("solid", fgColor=COLOURS["today"],
                                                      bgColor=COLOURS["today"]),
                    border=Border(left=red, right=red)))
    # February has no day 29 (most years): its fifth slot is empty, its date not shown
    fifth = " ".join(f"{col_letter(first + m * SLOTS + SLOTS - 1)}{head}" for m in range(MONTHS))
    top = col_letter(first + SLOTS - 1)
    ws.conditional_formatting.add(fifth, FormulaRule(
        formula=[f"DAY({top}${head})<29"], font=Font(color="375623")))
    _legend(ws, mrow)
    _print_setup(ws, last)


def _legend(ws, row: int) -> None:
    """The colour legend in the row above the table: one coloured cell per meaning."""
    from openpyxl.styles import Alignment, Font, PatternFill

    label = ws.cell(row=row, column=1)
    label.value = "Kleur"
    label.font = Font(size=9, bold=True)
    for i, (key, text, white) in enumerate(LEGEND, start=2):
        cell = ws.cell(row=row, column=i)
        cell.value = text
        cell.data_type = "s"
        cell.fill = PatternFill("solid", fgColor=COLOURS[key])
        cell.font = Font(size=9, bold=True, color="FFFFFF" if white else "000000")
        cell.alignment = Alignment(horizontal="center")


def _print_setup(ws, last_grid_col: int) -> None:
    """A3 landscape, several pages across, month and header rows and ID/step columns repeated."""
    from openpyxl.worksheet.properties import PageSetupProperties

    t = layout.table("planning")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
    ws.page_setup.scale = PRINT_SCALE
    ws.page_setup.fitToWidth = 0
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{t.header_row - MONTH_ROW_OFFSET}:{t.header_row}"
    ws.print_title_cols = f"{col_letter(t.first_col)}:{col_letter(t.first_col + 1)}"
    last_row = t.first_data_row + 40
    ws.print_area = f"A1:{col_letter(last_grid_col)}{last_row}"
    ws.page_setup.horizontalCentered = False
    ws.freeze_panes = ws.cell(row=t.first_data_row, column=t.first_col + 2)


def build_hook(wb, mode: str) -> None:
    """Build hook: the planning template of the mode when empty, and the Gantt grid."""
    from partnerkeuze.features.planning.templates import template_rows
    from partnerkeuze.io.xlsx.tables import replace_rows

    sheet = layout.sheet("planning")
    if sheet.name not in wb.sheetnames:
        return
    ws = wb[sheet.name]
    t = sheet.table
    if ws.cell(row=t.first_data_row, column=t.first_col).value in (None, ""):
        replace_rows(ws, t, template_rows(mode))
    add_gantt(ws)


def plan_patch(plan, snapshot) -> Patch:
    """The computed planning as a patch: output columns of Planning and Vergaderingen, the
    status Klaar of steps the procedure record completed, and the call date (when empty) and
    deadline on Instellingen."""
    patch = Patch()
    t = layout.table("planning")
    sheet = layout.sheet("planning").name
    status_col = t.first_col + t.index("status")
    for p in plan.steps:  # a step the record completed is done on the sheet too
        if p.step.status == lay.DONE and snapshot.value(sheet, p.step.row, status_col) != lay.DONE:
            patch.set_cell(sheet, p.step.row, status_col, lay.DONE)
    out_cols = ("start", "end", "meeting", "submit_by", "note")
    first_col = t.first_col + t.index("start")
    by_row = {p.step.row: p for p in plan.steps}
    last_row = max(len(snapshot.rows(sheet)), t.first_data_row)
    values = []
    for r in range(t.first_data_row, last_row + 1):
        p = by_row.get(r)
        if p is None:
            values.append([None] * len(out_cols))
            continue
        m = p.meeting
        values.append([
            Styled(p.start, "pk_output", DATE_FMT), Styled(p.end, "pk_output", DATE_FMT),
            Styled(m.date if m else None, "pk_output", DATE_FMT),
            Styled(m.submit_by if m else None, "pk_output", DATE_FMT),
            Styled(" ".join(p.notes), "pk_output_wrap")])
    patch.write_block(Block(sheet, t.first_data_row, first_col, values, width=len(out_cols)))

    mt = layout.table("meetings")
    msheet = layout.sheet("meetings").name
    agenda: dict[int, list[str]] = {}
    for p in plan.steps:
        if p.meeting is not None:
            agenda.setdefault(p.meeting.row, []).append(f"{p.id} {p.step.name}")
    by_mrow = {m.row: m for m in plan.meetings}
    mlast = max(len(snapshot.rows(msheet)), mt.first_data_row)
    mvalues = []
    for r in range(mt.first_data_row, mlast + 1):
        m = by_mrow.get(r)
        if m is None:
            mvalues.append([None, None])
            continue
        mvalues.append([Styled(m.submit_by, "pk_output", DATE_FMT),
                        Styled("; ".join(agenda.get(r, [])), "pk_output_wrap")])
    patch.write_block(Block(msheet, mt.first_data_row, mt.first_col + mt.index("submit_by"),
                            mvalues, width=2))
    return patch


def settings_patch(plan, model) -> Patch:
    """Call date (only when empty) and deadline written on the Instellingen sheet."""
    patch = Patch()
    rows = model.fields.get("settings", {}).get("_rows", {})
    sheet = layout.sheet("settings")
    vcol = sheet.table.first_col + 2
    if plan.deadline and rows.get("deadline"):
        patch.set_cell(sheet.name, rows["deadline"], vcol, plan.deadline)
    if plan.call_start and rows.get("call_date") and model.settings.call_date is None:
        patch.set_cell(sheet.name, rows["call_date"], vcol, plan.call_start)
    return patch
