"""Build hook: password protection of the log and the criteria history, the disagreement heat
map (conditional formatting that survives every rewrite by 'score')."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.io.xlsx.protection import protect_with_password
from partnerkeuze.kernel.cellref import col_letter, quote_sheet
from partnerkeuze.layout import governance as gl

HEAT_ROWS = 5000  # rows covered by the heat map formats (candidates)
HEAT_COLS = 90  # criteria columns covered


def build_hook(wb, mode: str) -> None:
    """Add what the layout cannot declare (called by xlsx.build for every new workbook)."""
    from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
    from openpyxl.styles import Font, PatternFill

    for key in ("log", "criteria_history"):
        name = layout.sheet(key).name
        if name in wb.sheetnames:
            protect_with_password(wb[name])
    share = layout.field_name("settings", "disagreement_share")
    cons = layout.sheet("consensus").name
    if cons in wb.sheetnames:
        ws = wb[cons]
        first = col_letter(gl.GRID_COL + 2)
        last = col_letter(gl.GRID_COL + 2 + HEAT_COLS)
        top = gl.GRID_HEADER_ROW + 1
        rng = f"{first}{top}:{last}{HEAT_ROWS}"
        ws.conditional_formatting.add(rng, ColorScaleRule(
            start_type="num", start_value=0, start_color="FFFFFF",
            mid_type="num", mid_value=0.2, mid_color="FFEB84",
            end_type="num", end_value=0.4, end_color="F8696B"))
        ws.conditional_formatting.add(rng, FormulaRule(
            formula=[f"AND(ISNUMBER({first}{top}),{first}{top}>={share}/100)"],
            font=Font(bold=True)))
        for c in range(gl.GRID_COL, gl.GRID_COL + 2 + HEAT_COLS):
            ws.column_dimensions[col_letter(c)].width = 9 if c >= gl.GRID_COL + 2 else 12
    st = layout.sheet("score_table").name
    if cons in wb.sheetnames and st in wb.sheetnames:
        from partnerkeuze.core.results import SCORE_TABLE_HEADER_ROW

        top = SCORE_TABLE_HEADER_ROW + 1
        ref = f"{quote_sheet(cons)}!{col_letter(gl.GRID_COL + 2)}{gl.GRID_HEADER_ROW + 1}"
        wb[st].conditional_formatting.add(
            f"C{top}:{col_letter(3 + HEAT_COLS)}{HEAT_ROWS}",
            FormulaRule(formula=[f"AND(ISNUMBER({ref}),{ref}>={share}/100)"],
                        fill=PatternFill("solid", fgColor="F4B183")))
