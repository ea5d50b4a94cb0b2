"""Build step of the scoring: the workbook's own guards, written with the native formulas of
core/native.py: the validation of every score against its criterion's scale with a live count
above Scores, and the live warning above Resultaten."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter
from partnerkeuze.core.native import (
    OUT_OF_SCALE_NAME,
    WARNING_ROW,
    out_of_scale_cells,
    out_of_scale_count,
    out_of_scale_message_formula,
    results_warning_formula,
    score_cells,
    score_in_scale_formula)


def _guard_scores(wb) -> None:
    """Scores: the validation per criterion scale, a red mark and a live count above the table."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    from partnerkeuze.kernel.cellref import absolute

    name = layout.sheet("scores").name
    if name not in wb.sheetnames:
        return
    ws = wb[name]
    s, _k, r = score_cells()
    target = f"{s}{r}:{s}1048576"
    dvs = ws.data_validations.dataValidation
    dvs[:] = [dv for dv in dvs if str(dv.sqref) != target]
    dv = DataValidation(type="custom", formula1=score_in_scale_formula(), allow_blank=True)
    dv.errorTitle = "Score buiten de schaal"
    dv.error = ("Deze score ligt buiten de schaal van het criterium. Zie op het blad Criteria de "
                "kolommen 'Schaal van' en 'Schaal tot' (leeg: de schaal op Instellingen).")
    dv.promptTitle = "Score"
    dv.prompt = "Een getal binnen de schaal van het criterium (blad Criteria)."
    dv.showErrorMessage = True
    dv.showInputMessage = True
    ws.add_data_validation(dv)
    dv.add(target)
    red = PatternFill("solid", fgColor="F8CBAD")
    ws.conditional_formatting.add(target, FormulaRule(
        formula=[f'AND({s}{r}<>"",NOT({score_in_scale_formula()}))'], fill=red,
        font=Font(color="9C0006", bold=True)))
    count_col, msg_col, _ = out_of_scale_cells()
    label = f"B{WARNING_ROW}"
    count, msg = f"{col_letter(count_col)}{WARNING_ROW}", f"{col_letter(msg_col)}{WARNING_ROW}"
    ws[label] = "Scores buiten de schaal"
    ws[label].font = Font(bold=True)
    ws[count] = f"={out_of_scale_count()}"
    ws[msg] = out_of_scale_message_formula()
    ws[msg].font = Font(bold=True)
    for cell in (count, msg):
        ws.conditional_formatting.add(cell, FormulaRule(formula=[f"${s}${WARNING_ROW}>0"], fill=red))
    wb.defined_names[OUT_OF_SCALE_NAME] = DefinedName(
        OUT_OF_SCALE_NAME, attr_text=absolute(ws.title, layout.table("scores").first_col
                                              + layout.table("scores").index("score"), WARNING_ROW))


def _guard_results(wb) -> None:
    """Resultaten: the live warning in row 3, red while it says something."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    name = layout.sheet("results").name
    if name not in wb.sheetnames:
        return
    ws = wb[name]
    cell = f"A{WARNING_ROW}"
    ws[cell] = results_warning_formula()
    ws[cell].font = Font(bold=True, color="9C0006")
    ws.conditional_formatting.add(f"A{WARNING_ROW}:K{WARNING_ROW}", FormulaRule(
        formula=[f'$A${WARNING_ROW}<>""'], fill=PatternFill("solid", fgColor="FFC7CE")))


def build_hook(wb, mode: str) -> None:
    """Build hook: the guards of Scores and Resultaten (both modes that have the sheets)."""
    _guard_scores(wb)
    _guard_results(wb)
