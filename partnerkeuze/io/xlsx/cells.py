"""Writing values into openpyxl cells safely: text stays text, formulas only when marked."""

from __future__ import annotations

import datetime as dt
import re

from partnerkeuze.kernel.patch import ArrayFormula, Formula

# Characters XML 1.0 does not allow in a cell; removed from untrusted text.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_CELL_TEXT = 32_767  # Excel's limit per cell


def clean_text(text: str) -> str:
    """Text that a cell can hold: no control characters or lone surrogates, within Excel's limit."""
    text = _ILLEGAL.sub("", text)
    return text[:MAX_CELL_TEXT]


def put(cell, value) -> None:
    """Write a value: a Formula becomes a formula; any other text is stored as literal text."""
    if isinstance(value, ArrayFormula):
        from openpyxl.worksheet.formula import ArrayFormula as XlArrayFormula

        cell.value = XlArrayFormula(ref=cell.coordinate, text=str(value))
        return
    if isinstance(value, Formula):
        cell.value = str(value)
        return
    if isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"  # never a formula, whatever it starts with
        return
    if isinstance(value, dt.datetime):
        cell.value = value.replace(tzinfo=None)
        return
    cell.value = value
