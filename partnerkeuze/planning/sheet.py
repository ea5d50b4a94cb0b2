"""The Planning sheet in the workbook: the week grid with the native conditional-format Gantt
(build hook) and the patch that writes a computed planning back."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.cellref import col_letter
from partnerkeuze.layout import planning as lay
from partnerkeuze.patch import Block, Patch, Styled

WEEKS = 110  # columns of the week grid: more than two years
GRID_ROWS = 400  # rows of the planning covered by the Gantt's conditional formats
DATE_FMT = "DD/MM/YYYY"

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


def grid_first_col() -> int:
    """The first column of the week grid (one empty column after the table)."""
    t = layout.table("planning")
    return t.first_col + len(t.columns) + 1


def _letters() -> dict[str, str]:
    t = layout.table("planning")
    return {k: col_letter(t.first_col + t.index(k)) for k in ("status", "start", "end", "meeting")}


def gantt_rules(first_row: int | None = None) -> list[tuple[str, str, str]]:
    """(name, formula for the top-left grid cell, colour) of every Gantt rule, in priority order."""
    t = layout.table("planning")
    r = first_row or t.first_data_row
    c = _letters()
    w = f"{col_letter(grid_first_col())}${t.header_row}"
    bar = (f"ISNUMBER(${c['start']}{r}),ISNUMBER(${c['end']}{r}),"
           f"${c['start']}{r}<{w}+7,${c['end']}{r}>={w}")
    s = f"${c['status']}{r}"
    return [
        ("meeting", f"AND(ISNUMBER(${c['meeting']}{r}),${c['meeting']}{r}>={w},"
                    f"${c['meeting']}{r}<{w}+7)", COLOURS["meeting"]),
        ("overdue", f'AND({bar},{s}<>"{lay.DONE}",${c["end"]}{r}<TODAY())', COLOURS["overdue"]),
        ("done", f'AND({bar},{s}="{lay.DONE}")', COLOURS[lay.DONE]),
        ("busy", f'AND({bar},{s}="{lay.BUSY}")', COLOURS[lay.BUSY]),
        ("postponed", f'AND({bar},{s}="{lay.POSTPONED}")', COLOURS[lay.POSTPONED]),
        ("todo", f"AND({bar})", COLOURS[lay.TODO]),
    ]


def add_gantt(ws) -> None:
    """The week grid (header formulas) and the Gantt's conditional formats on a Planning sheet."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    t = layout.table("planning")
    first = grid_first_col()
    last = first + WEEKS - 1
    c = _letters()
    start_rng = f"${c['start']}${t.first_data_row}:${c['start']}${t.first_data_row + GRID_ROWS}"
    fl, ll = col_letter(first), col_letter(last)
    head = t.header_row
    for i in range(WEEKS):
        col = first + i
        cell = ws.cell(row=head, column=col)
        if i == 0:
            cell.value = (f"=IF(COUNT({start_rng})=0,TODAY()-WEEKDAY(TODAY(),3),"
                          f"MIN({start_rng})-WEEKDAY(MIN({start_rng}),3))")
        else:
            cell.value = f"={col_letter(col - 1)}{head}+7"
        cell.number_format = "DD/MM"
        cell.alignment = Alignment(text_rotation=90, horizontal="center", vertical="bottom")
        cell.font = Font(size=8, bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="375623")
        month = ws.cell(row=head - 1, column=col)
        letter = col_letter(col)
        month.value = f"=IF(DAY({letter}{head})<=7,{letter}{head},\"\")"
        month.number_format = "MMM YY"
        month.font = Font(size=8, bold=True)
        ws.column_dimensions[letter].width = 2.9
    ws.row_dimensions[head].height = 40
    ws.cell(row=head - 1, column=first - 1).value = "Weken →"
    ws.cell(row=head - 1, column=first - 1).font = Font(size=8, italic=True)
    ws.column_dimensions[col_letter(first - 1)].width = 7
    grid = f"{fl}{t.first_data_row}:{ll}{t.first_data_row + GRID_ROWS}"
    for _name, formula, colour in gantt_rules():
        ws.conditional_formatting.add(grid, FormulaRule(
            formula=[formula], fill=PatternFill("solid", fgColor=colour, bgColor=colour)))
    today = f"AND(TODAY()>={fl}${head},TODAY()<{fl}${head}+7)"
    red = Side(style="medium", color="C00000")
    ws.conditional_formatting.add(
        f"{fl}{head - 1}:{ll}{t.first_data_row + GRID_ROWS}",
        FormulaRule(formula=[today], fill=PatternFill("solid", fgColor=COLOURS["today"],
                                                      bgColor=COLOURS["today"]),
                    border=Border(left=red, right=red)))
    legend = ws.cell(row=3, column=1)
    legend.value = ("Kleuren: groen klaar, blauw bezig, lichtblauw te doen, oranje uitgesteld, "
                    "rood te laat, donkerblauw de vergadering; geel: deze week.")
    legend.data_type = "s"
    legend.font = Font(size=8, italic=True, color="404040")


def build_hook(wb, mode: str) -> None:
    """Build hook: the planning template of the mode when empty, and the Gantt grid."""
    from partnerkeuze.planning.templates import template_rows
    from partnerkeuze.xlsx.tables import replace_rows

    sheet = layout.sheet("planning")
    if sheet.name not in wb.sheetnames:
        return
    ws = wb[sheet.name]
    t = sheet.table
    if ws.cell(row=t.first_data_row, column=t.first_col).value in (None, ""):
        replace_rows(ws, t, template_rows(mode))
    add_gantt(ws)


def plan_patch(plan, snapshot) -> Patch:
    """The computed planning as a patch: output columns of Planning and Vergaderingen, and the
    call date (when empty) and deadline on Instellingen."""
    patch = Patch()
    t = layout.table("planning")
    sheet = layout.sheet("planning").name
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
