"""Building a new governed workbook from the declarative layout (openpyxl, no macros)."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general


from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table as XlTable, TableStyleInfo

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import absolute, col_letter, quote_sheet
from partnerkeuze.core import native
from partnerkeuze.layout import schema
from partnerkeuze.layout.core_sheets import SDG_STEPS, STEPS
from partnerkeuze.io.xlsx import styles as st
from partnerkeuze.io.xlsx.cells import put
from partnerkeuze.io.xlsx.tables import write_rows

MAX_ROW = 1_048_576
REF_ROWS = 5000  # rows of an id column offered in the dropdowns of other tables


def _define(wb, name: str, ref: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=ref)


def _title(ws, sheet: schema.Sheet) -> None:
    ws["A1"] = sheet.title
    ws["A1"].style = "pk_title"
    put(ws["A2"], sheet.intro)
    ws["A2"].style = "pk_intro"
    ws.row_dimensions[1].height = 24
    if sheet.tab_color:
        ws.sheet_properties.tabColor = sheet.tab_color


def _page_setup(ws, sheet: schema.Sheet) -> None:
    """Print landscape, fitted to the page width, with the header row repeated."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if sheet.table is not None:
        ws.print_title_rows = f"{sheet.table.header_row}:{sheet.table.header_row}"
    ws.oddFooter.center.text = "&A – pagina &P van &N"


def _protect(ws) -> None:
    p = ws.protection
    p.sheet = True
    p.autoFilter = False
    p.sort = False
    p.formatColumns = False
    p.formatRows = False
    p.selectLockedCells = False
    p.selectUnlockedCells = False


def _validation(kind: str, *, choices=None, ref=None, minimum=None, maximum=None, max_len=255,
                label: str = "", help_text: str = "") -> DataValidation | None:
    """The data validation of an input column or field, with Dutch messages."""
    if kind == schema.CHOICE:
        dv = DataValidation(type="list", formula1=f"={layout.list_name(choices)}",
                            allow_blank=True)
        dv.error = "Kies een waarde uit de keuzelijst."
    elif kind == schema.REF:
        dv = DataValidation(type="list", formula1=f"=ids_{ref}", allow_blank=True)
        dv.error = "Kies een ID die bestaat."
    elif kind in (schema.INT, schema.NUMBER):
        lo = -1e9 if minimum is None else minimum
        hi = 1e12 if maximum is None else maximum
        dv = DataValidation(type="whole" if kind == schema.INT else "decimal", operator="between",
                            formula1=f"{lo:g}", formula2=f"{hi:g}", allow_blank=True)
        dv.error = f"Geef een {'geheel ' if kind == schema.INT else ''}getal van {nl_general(lo)} tot {nl_general(hi)}."
    elif kind == schema.DATE:
        dv = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True)
        dv.error = "Geef een datum (dd/mm/jjjj) na 1/1/2000."
    elif kind in (schema.TEXT, schema.LONG_TEXT, schema.ID, schema.EMAIL):
        dv = DataValidation(type="textLength", operator="lessThanOrEqual",
                            formula1=str(max_len), allow_blank=True)
        dv.error = f"Hoogstens {max_len} tekens."
    else:
        return None
    dv.errorTitle = "Ongeldige invoer"
    dv.showErrorMessage = True
    if help_text:
        dv.promptTitle = label[:32]
        dv.prompt = help_text[:255]
        dv.showInputMessage = True
    return dv


def _add_table(ws, table: schema.Table, rows: list[list]) -> None:
    for i, col in enumerate(table.columns):
        c = table.first_col + i
        cell = ws.cell(row=table.header_row, column=c, value=col.header)
        cell.style = "pk_header"
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = col.width
        if col.is_input:
            dim = ws.column_dimensions[letter]
            dim.fill = PatternFill("solid", fgColor=st.INPUT_FILL)
            from openpyxl.styles import Protection

            dim.protection = Protection(locked=False)
    write_rows(ws, table, rows or [[None] * len(table.columns)], table.first_data_row)
    last_col = get_column_letter(table.first_col + len(table.columns) - 1)
    ref = f"{get_column_letter(table.first_col)}{table.header_row}:{last_col}" \
          f"{table.header_row + max(len(rows), 1)}"
    xt = XlTable(displayName=table.name, ref=ref)
    xt.tableStyleInfo = TableStyleInfo(name=table.style, showRowStripes=True)
    ws.add_table(xt)
    ws.row_dimensions[table.header_row].height = 30
    ws.freeze_panes = ws.cell(row=table.first_data_row, column=table.first_col)
    for i, col in enumerate(table.columns):
        if not col.is_input:
            continue
        dv = _validation(col.kind, choices=col.choices, ref=col.ref, minimum=col.minimum,
                         maximum=col.maximum, max_len=col.max_len, label=col.header,
                         help_text=col.help)
        if dv is not None:
            letter = col_letter(table.first_col + i)
            ws.add_data_validation(dv)
            dv.add(f"{letter}{table.first_data_row}:{letter}{MAX_ROW}")


def _add_fields(wb, ws, sheet: schema.Sheet, values: dict) -> None:
    table = sheet.table
    for i, col in enumerate(table.columns):
        c = table.first_col + i
        ws.cell(row=table.header_row, column=c, value=col.header).style = "pk_header"
        ws.column_dimensions[get_column_letter(c)].width = col.width
    cache = st.StyleCache(ws)
    for r, f in enumerate(sheet.fields, start=table.first_data_row):
        value = values.get(f.key, f.default)
        cells = [ws.cell(row=r, column=table.first_col + k) for k in range(4)]
        put(cells[0], f.key)
        cache.apply(cells[0], "pk_output")
        cells[0].font = Font(size=8, color="808080")
        put(cells[1], f.label)
        cells[1].style = "pk_label"
        put(cells[2], value)
        cache.apply(cells[2], st.cell_style(f.input, f.kind == schema.LONG_TEXT), f.number_format)
        put(cells[3], f.help)
        cache.apply(cells[3], "pk_output_wrap")
        from partnerkeuze.io.xlsx.tables import row_height

        height = row_height([(value if isinstance(value, str) else None, table.columns[2].width),
                             (f.help, table.columns[3].width)])
        if height:
            ws.row_dimensions[r].height = height
        _define(wb, layout.field_name(sheet.key, f.key), absolute(ws.title, table.first_col + 2, r))
        if f.input:
            dv = _validation(f.kind, choices=f.choices, minimum=f.minimum, maximum=f.maximum,
                             max_len=f.max_len, label=f.label, help_text=f.help)
            if dv is not None:
                ws.add_data_validation(dv)
                dv.add(cells[2].coordinate)
    last = table.header_row + len(sheet.fields)
    xt = XlTable(displayName=table.name,
                 ref=f"A{table.header_row}:{get_column_letter(table.first_col + 3)}{last}")
    xt.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=False)
    ws.add_table(xt)
    ws.freeze_panes = ws.cell(row=table.first_data_row, column=1)


def _add_lists(wb, ws) -> None:
    for i, (key, (header, values)) in enumerate(layout.LISTS.items()):
        c = i + 1
        ws.cell(row=4, column=c, value=header).style = "pk_header"
        ws.column_dimensions[get_column_letter(c)].width = max(14, max(map(len, values)) + 2)
        for r, v in enumerate(values, start=5):
            put(ws.cell(row=r, column=c), v)
        _define(wb, layout.list_name(key), f"{quote_sheet(ws.title)}!${col_letter(c)}$5:"
                                           f"${col_letter(c)}${4 + len(values)}")


def _add_start(ws, mode: str) -> None:
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 100
    ws.column_dimensions["C"].width = 18
    for c, text in enumerate(("Stap", "Wat u doet", "Naar het blad"), start=1):
        ws.cell(row=4, column=c, value=text).style = "pk_header"
    present = {s.key for s in layout.sheets_for(mode)}
    from partnerkeuze.layout.evaluation import MODE as EVALUATION, STEPS as EVALUATION_STEPS

    steps = {"sdg": SDG_STEPS, EVALUATION: EVALUATION_STEPS}.get(mode, STEPS)
    steps = [(text, key) for text, key in steps if key in present]
    for r, (text, key) in enumerate(steps, start=5):
        ws.cell(row=r, column=1, value=r - 4)
        put(ws.cell(row=r, column=2), text)
        _link(ws.cell(row=r, column=3), layout.sheet(key).name)
    r = 5 + len(steps) + 1
    ws.cell(row=r, column=2, value="De bladen van deze werkmap").font = Font(bold=True)
    for s in layout.sheets_for(mode):
        r += 1
        put(ws.cell(row=r, column=2), f"{s.name}: {s.title}")
        _link(ws.cell(row=r, column=3), s.name)
    r += 2
    put(ws.cell(row=r, column=2), "Gele cellen vult u in; grijze cellen berekent Partnerkeuze. "
                                  "De bladen zijn beveiligd zonder wachtwoord, zodat niemand per "
                                  "ongeluk een formule overschrijft.")


def _link(cell, sheet_name: str) -> None:
    put(cell, f"→ {sheet_name}")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"{quote_sheet(sheet_name)}!A1",
                               display=f"→ {sheet_name}")
    cell.style = "pk_link"


def _criteria_check(wb, ws) -> None:
    t = layout.table("criteria")
    w = col_letter(t.first_col + t.index("weight"))
    ws["B3"] = "Som van de gewichten (%)"
    ws["B3"].font = Font(bold=True)
    ws[f"{w}3"] = native.weights_total_formula()
    ws[f"{w}3"].number_format = "0.0"
    msg = col_letter(t.first_col + t.index("weight") + 1)
    ws[f"{msg}3"] = native.weights_message_formula()
    ws[f"{msg}3"].font = Font(bold=True)
    red = PatternFill("solid", fgColor="F8CBAD")
    green = PatternFill("solid", fgColor="C6EFCE")
    ws.conditional_formatting.add(f"{w}3:{msg}3", FormulaRule(formula=[f"ABS(${w}$3-100)>=0.01"], fill=red))
    ws.conditional_formatting.add(f"{w}3:{msg}3", FormulaRule(formula=[f"ABS(${w}$3-100)<0.01"], fill=green))
    _define(wb, "pk_weights_total", absolute(ws.title, t.first_col + t.index("weight"), 3))


def _results_formats(ws) -> None:
    t = layout.table("results")
    last = col_letter(t.first_col + len(t.columns) - 1)
    short = col_letter(t.first_col + t.index("shortlisted"))
    excl = col_letter(t.first_col + t.index("excluded"))
    rng = f"A{t.first_data_row}:{last}{MAX_ROW}"
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f'${short}{t.first_data_row}="ja"'],
                                                   fill=PatternFill("solid", fgColor="C6EFCE"),
                                                   font=Font(bold=True)))
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f'${excl}{t.first_data_row}="ja"'],
                                                   font=Font(color="808080", strike=True)))


def build_workbook(tables: dict[str, list[list]] | None = None,
                   fields: dict[str, dict] | None = None, mode: str = "stedenband",
                   steps=()) -> Workbook:
    """A new governed workbook in a mode, with the given table rows and field values; ``steps``
    (each called with the workbook and the mode) add what the layout cannot declare."""
    tables = tables or {}
    fields = fields or {}
    wb = Workbook()
    wb.remove(wb.active)
    st.register(wb)
    wb.properties.creator = "Partnerkeuze"
    wb.properties.title = "Partnerkeuze"
    for sheet in layout.sheets_for(mode):
        ws = wb.create_sheet(sheet.name)
        _title(ws, sheet)
        if sheet.key == "start":
            _add_start(ws, mode)
        elif sheet.key == "lists":
            _add_lists(wb, ws)
        elif sheet.is_key_value:
            _add_fields(wb, ws, sheet, fields.get(sheet.key, {}))
        elif sheet.table is not None:
            # Scores and declarations by candidate: the Scoretabel's fast windows
            _add_table(ws, sheet.table, native.sorted_rows(sheet.table.key,
                                                           tables.get(sheet.table.key, [])))
            if sheet.table.id_column:
                c = sheet.table.first_col + sheet.table.index(sheet.table.id_column)
                letter = col_letter(c)
                _define(wb, f"ids_{sheet.table.key}",
                        f"{quote_sheet(ws.title)}!${letter}${sheet.table.first_data_row}:"
                        f"${letter}${REF_ROWS}")
        if sheet.key == "criteria":
            _criteria_check(wb, ws)
        if sheet.key == "results":
            _results_formats(ws)
        _page_setup(ws, sheet)
        if sheet.protected:
            _protect(ws)
    for step in steps:
        step(wb, mode)
    return wb
