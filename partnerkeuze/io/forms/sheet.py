"""The look of a form sheet sent out (candidacy, assessor and evaluation forms): yellow input
cells left unlocked, bold labels, dark section bars, printed one page wide."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

from partnerkeuze.io.xlsx.cells import put

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
SECTION_FILL = PatternFill("solid", fgColor="1F4E79")
_thin = Side(style="thin", color="BFBFBF")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)


def input_cell(cell, wrap: bool = False) -> None:
    """An answer cell: yellow, bordered, unlocked on a protected sheet."""
    cell.fill = INPUT_FILL
    cell.border = BORDER
    cell.protection = Protection(locked=False)
    cell.alignment = Alignment(wrap_text=wrap, vertical="top")


def label_cell(cell, text: str) -> None:
    """A label beside an answer: bold, wrapped, bordered (text written as text, never a formula)."""
    put(cell, text)
    cell.font = Font(bold=True)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.border = BORDER


def section_row(ws, row: int, text: str) -> None:
    """A section bar over the first two columns with its title in white."""
    for col in (1, 2):
        ws.cell(row=row, column=col).fill = SECTION_FILL
    put(ws.cell(row=row, column=1), text)
    ws.cell(row=row, column=1).font = Font(bold=True, color="FFFFFF", size=12)


def fit_to_width(ws, landscape: bool = False) -> None:
    """Print a sheet one page wide (as many pages tall as needed)."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if landscape:
        ws.page_setup.orientation = "landscape"
