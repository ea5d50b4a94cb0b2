"""Channels of the call: how many candidates came through each, in Python and as Excel formulas."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel import reference
from partnerkeuze.kernel.cellref import col_letter, quote_sheet

UNKNOWN = "Onbekend"
HEADER_ROW = 4
LAST_ROW = 5000  # rows of the Kandidaten and Resultaten tables the formulas count


def channel_counts(model) -> list[tuple[str, int]]:
    """(channel, number of candidates) for every channel of the call, in the order of the
    source; a last ('Onbekend', n) when n candidates have no channel."""
    counts = {c: 0 for c in reference.CHANNELS}
    unknown = 0
    for cand in model.candidates:
        if cand.channel in counts:
            counts[cand.channel] += 1
        else:
            unknown += 1
    out = list(counts.items())
    if unknown:
        out.append((UNKNOWN, unknown))
    return out


def channel_rows(model, shortlist: set[str] | None = None) -> list[tuple[str, int, int]]:
    """(channel, candidates, of which on the shortlist) for the dossier's table."""
    shortlist = shortlist or set()
    short = {c: 0 for c in reference.CHANNELS}
    short[UNKNOWN] = 0
    for cand in model.candidates:
        if cand.id in shortlist:
            short[cand.channel if cand.channel in short else UNKNOWN] += 1
    return [(name, n, short.get(name, 0)) for name, n in channel_counts(model)]


def _column(table_key: str, key: str) -> str:
    t = layout.table(table_key)
    sheet = quote_sheet(layout.TABLE_SHEET[table_key].name)
    letter = col_letter(t.first_col + t.index(key))
    return f"{sheet}!${letter}${t.first_data_row}:${letter}${LAST_ROW}"


def build_channel_sheet(wb, mode: str) -> None:
    """Build hook: the Kanalen sheet with native COUNTIFS formulas over Kandidaten and Resultaten."""
    from openpyxl.styles import Font

    sheet = layout.sheet("channels")
    if mode not in sheet.modes or sheet.name not in wb.sheetnames:
        return
    ws = wb[sheet.name]
    for c, (title, width) in enumerate((("Kanaal", 34), ("Kandidaten", 12),
                                        ("Op de shortlist", 15)), start=1):
        ws.cell(row=HEADER_ROW, column=c, value=title).style = "pk_header"
        ws.column_dimensions[col_letter(c)].width = width
    cand_channel = _column("candidates", "channel")
    cand_id = _column("candidates", "id")
    res_channel = _column("results", "channel")
    res_short = _column("results", "shortlisted")
    res_id = _column("results", "id")
    row = HEADER_ROW
    for name in reference.CHANNELS + (UNKNOWN,):
        row += 1
        ws.cell(row=row, column=1, value=name).style = "pk_label"
        if name == UNKNOWN:
            count = f'=COUNTIFS({cand_id},"<>",{cand_channel},"")'
            short = f'=COUNTIFS({res_id},"<>",{res_channel},"",{res_short},"ja")'
        else:
            count = f"=COUNTIFS({cand_channel},$A{row})"
            short = f'=COUNTIFS({res_channel},$A{row},{res_short},"ja")'
        ws.cell(row=row, column=2, value=count).style = "pk_output"
        ws.cell(row=row, column=3, value=short).style = "pk_output"
    row += 1
    ws.cell(row=row, column=1, value="Totaal").font = Font(bold=True)
    ws.cell(row=row, column=2, value=f"=SUM(B{HEADER_ROW + 1}:B{row - 1})").font = Font(bold=True)
    ws.cell(row=row, column=3, value=f"=SUM(C{HEADER_ROW + 1}:C{row - 1})").font = Font(bold=True)
