"""Build hook of an evaluation workbook: the Start sheet speaks of an evaluation, and the
settings of a call (shortlist, criteria scale, deadline, planning, reminders) are hidden on
Instellingen; only the mode stays in sight."""

from __future__ import annotations

from partnerkeuze.layout.evaluation import MODE

TITLE = "Partnerkeuze: een stedenband samen evalueren"
INTRO = ("Deze werkmap begeleidt de gezamenlijke evaluatie van een bestaande stedenband, van "
         "het gedeelde kader tot het voorstel aan het college.")
KEPT_SETTINGS = ("mode",)  # the other settings belong to a call, its planning and reminders


def build_hook(wb, mode: str) -> None:
    """Retitle Start and hide the call's settings (only in mode 'evaluatie')."""
    if mode != MODE:
        return
    from partnerkeuze import layout
    from partnerkeuze.io.xlsx.cells import put

    start = wb[layout.sheet("start").name]
    put(start["A1"], TITLE)
    put(start["A2"], INTRO)
    settings = layout.sheet("settings")
    ws = wb[settings.name]
    first = settings.table.first_data_row
    for r in range(first, first + len(settings.fields)):
        if ws.cell(row=r, column=settings.table.first_col).value not in KEPT_SETTINGS:
            ws.row_dimensions[r].hidden = True
