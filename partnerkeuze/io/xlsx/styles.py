"""Named cell styles of the governed workbook: titles, headers, input and computed cells."""

from __future__ import annotations

from copy import copy

INPUT_FILL = "FFF2CC"  # light yellow: you type here
OUTPUT_FILL = "F2F2F2"  # light grey: computed
HEADER_FILL = "1F4E79"



def _named() -> list:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side

    _thin = Side(style="thin", color="BFBFBF")
    _border = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
    title = NamedStyle("pk_title", font=Font(size=16, bold=True, color="1F4E79"))
    intro = NamedStyle("pk_intro", font=Font(italic=True, color="404040"),
                       alignment=Alignment(wrap_text=False, vertical="top"))
    header = NamedStyle("pk_header", font=Font(bold=True, color="FFFFFF"),
                        fill=PatternFill("solid", fgColor=HEADER_FILL),
                        alignment=Alignment(wrap_text=True, vertical="center"), border=_border)
    inp = NamedStyle("pk_input", fill=PatternFill("solid", fgColor=INPUT_FILL), border=_border,
                     protection=Protection(locked=False), alignment=Alignment(vertical="top"))
    inp_wrap = NamedStyle("pk_input_wrap", fill=PatternFill("solid", fgColor=INPUT_FILL),
                          border=_border, protection=Protection(locked=False),
                          alignment=Alignment(wrap_text=True, vertical="top"))
    out = NamedStyle("pk_output", fill=PatternFill("solid", fgColor=OUTPUT_FILL), border=_border,
                     protection=Protection(locked=True), alignment=Alignment(vertical="top"))
    out_wrap = NamedStyle("pk_output_wrap", fill=PatternFill("solid", fgColor=OUTPUT_FILL),
                          border=_border, protection=Protection(locked=True),
                          alignment=Alignment(wrap_text=True, vertical="top"))
    label = NamedStyle("pk_label", font=Font(bold=True), protection=Protection(locked=True),
                       alignment=Alignment(vertical="top", wrap_text=True), border=_border)
    link = NamedStyle("pk_link", font=Font(color="0563C1", underline="single"))
    return [title, intro, header, inp, inp_wrap, out, out_wrap, label, link]


def register(wb) -> None:
    """Add the named styles to a workbook (once)."""
    have = set(wb.named_styles)
    for style in _named():
        if style.name not in have:
            wb.add_named_style(style)


class StyleCache:
    """Prepared style arrays per (named style, number format), copied cheaply onto cells."""

    def __init__(self, ws):
        self._ws = ws
        self._cache: dict[tuple[str, str | None], object] = {}

    def apply(self, cell, name: str, number_format: str | None = None) -> None:
        """Give a cell a named style and number format."""
        key = (name, number_format)
        arr = self._cache.get(key)
        if arr is None:
            cell.style = name
            if number_format:
                cell.number_format = number_format
            self._cache[key] = copy(cell._style)
        else:
            cell._style = copy(arr)


def cell_style(is_input: bool, wrap: bool) -> str:
    """The named style for an input or computed cell."""
    if is_input:
        return "pk_input_wrap" if wrap else "pk_input"
    return "pk_output_wrap" if wrap else "pk_output"
