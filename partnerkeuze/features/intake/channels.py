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


def _names() -> tuple[str, ...]:
    return reference.CHANNELS + (UNKNOWN,)


def channel_formulas() -> list[tuple[int, int, str]]:
    """(row, column, formula) of the Kanalen sheet: per channel the candidates on Kandidaten
    (column B) and those on the shortlist of Resultaten (column C), and their totals."""
    cand_channel = _column("candidates", "channel")
    cand_id = _column("candidates", "id")
    res_channel = _column("results", "channel")
    res_short = _column("results", "shortlisted")
    res_id = _column("results", "id")
    out = []
    row = HEADER_ROW
    for name in _names():
        row += 1
        if name == UNKNOWN:
            count = f'=COUNTIFS({cand_id},"<>",{cand_channel},"")'
            short = f'=COUNTIFS({res_id},"<>",{res_channel},"",{res_short},"ja")'
        else:
            count = f"=COUNTIFS({cand_channel},$A{row})"
            short = f'=COUNTIFS({res_channel},$A{row},{res_short},"ja")'
        out += [(row, 2, count), (row, 3, short)]
    row += 1
    out += [(row, 2, f"=SUM(B{HEADER_ROW + 1}:B{row - 1})"),
            (row, 3, f"=SUM(C{HEADER_ROW + 1}:C{row - 1})")]
    return out


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
    for row, name in enumerate(_names(), start=HEADER_ROW + 1):
        ws.cell(row=row, column=1, value=name).style = "pk_label"
    total = HEADER_ROW + len(_names()) + 1
    for row, col, text in channel_formulas():
        cell = ws.cell(row=row, column=col, value=text)
        if row == total:
            cell.font = Font(bold=True)
        else:
            cell.style = "pk_output"
    ws.cell(row=total, column=1, value="Totaal").font = Font(bold=True)


# --- the values of the formulas (kernel/formulas.py) ------------------------------------------

def _rows(snap, table_key: str, *keys: str) -> list[tuple]:
    """The values of some columns of a table's rows up to LAST_ROW (what the formulas read)."""
    t = layout.table(table_key)
    sheet = layout.TABLE_SHEET[table_key].name
    rows = snap.rows(sheet)
    cols = [t.first_col + t.index(k) - 1 for k in keys]
    return [tuple(rows[r - 1][c] if c < len(rows[r - 1]) else None for c in cols)
            for r in range(t.first_data_row, min(LAST_ROW, len(rows)) + 1)]


def _counts(snap, column: int) -> list:
    """The values of column B (column=2: candidates) or C (3: on the shortlist) in the order
    of channel_formulas, the total last."""
    from partnerkeuze.core import excel_values as xv

    sheet = layout.sheet("channels").name
    if column == 2:
        rows = [(i, c, "ja") for i, c in _rows(snap, "candidates", "id", "channel")]
    else:
        rows = _rows(snap, "results", "id", "channel", "shortlisted")
    out = []
    for r, name in enumerate(_names(), start=HEADER_ROW + 1):
        if name == UNKNOWN:
            n = sum(1 for i, c, s in rows
                    if xv.matches(i, "<>") and xv.matches(c, "") and xv.matches(s, "ja"))
        else:
            crit = snap.value(sheet, r, 1)
            n = sum(1 for _, c, s in rows if xv.matches(c, crit) and xv.matches(s, "ja"))
        out.append(n)
    return out + [sum(out)]


def _area():
    from partnerkeuze.kernel.formulas import Area

    return (Area(layout.sheet("channels").name, HEADER_ROW + 1, HEADER_ROW + len(_names()) + 1,
                 2, 3),)


def _table_columns(table_key: str, *keys: str):
    from partnerkeuze.kernel.formulas import column

    t = layout.table(table_key)
    sheet = layout.TABLE_SHEET[table_key].name
    return tuple(column(sheet, t.first_col + t.index(k), t.first_data_row, LAST_ROW)
                 for k in keys)


def _family(name: str, column: int, reads):
    from partnerkeuze.kernel.formulas import FormulaFamily, Unknown, with_value

    def cells(snap):
        sheet = layout.sheet("channels").name
        if not snap.has_sheet(sheet):
            return []
        try:
            values = _counts(snap, column)
        except Unknown:
            values = None

        def known(i):
            if values is None:
                raise Unknown(name)
            return values[i]

        mine = [(r, c, t) for r, c, t in channel_formulas() if c == column]
        return [(sheet, r, c, with_value(t, lambda i=i: known(i)))
                for i, (r, c, t) in enumerate(mine)]

    def area():
        a = _area()[0]
        return (type(a)(a.sheet, a.first_row, a.last_row, column, column),)

    def all_reads(snap):
        sheet = layout.sheet("channels").name
        from partnerkeuze.kernel.formulas import column as col_area

        return reads() + (col_area(sheet, 1, HEADER_ROW + 1, HEADER_ROW + len(_names())),)

    return FormulaFamily(name, area, all_reads, cells)


def families() -> tuple:
    """The Kanalen sheet's formulas as families (kernel/formulas.py): the candidates per channel
    (they read Kandidaten) and those on the shortlist (they read Resultaten)."""
    return (_family("kanalen: kandidaten", 2,
                    lambda: _table_columns("candidates", "id", "channel")),
            _family("kanalen: shortlist", 3,
                    lambda: _table_columns("results", "id", "channel", "shortlisted")))
