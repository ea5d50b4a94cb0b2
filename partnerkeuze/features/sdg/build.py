"""Build hook of an SDG workbook: colours on Koppelingen (matched, alternative, not matched)."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter

MAX_ROW = 1_048_576


def format_sheets(wb, mode: str) -> None:
    """Conditional formats of the Koppelingen table (only in SDG mode)."""
    if mode != "sdg":
        return
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    t = layout.table("matches")
    ws = wb[layout.sheet("matches").name]
    first, last = col_letter(t.first_col), col_letter(t.first_col + len(t.columns) - 1)
    r = t.first_data_row
    rng = f"{first}{r}:{last}{MAX_ROW}"
    status = f"${first}{r}"
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f'{status}="gekoppeld"'],
                                                   fill=PatternFill("solid", fgColor="C6EFCE")))
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f'LEFT({status},11)="alternatief"'],
                                                   fill=PatternFill("solid", fgColor="FFEB9C")))
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f'{status}="niet gekoppeld"'],
                                                   font=Font(color="808080", italic=True)))
