"""The candidacy form of a call in one language: a protected .xlsx without macros."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from partnerkeuze.io.forms import texts
from partnerkeuze.io.forms.sheet import (fit_to_width, input_cell, label_cell,
                                         section_row)
from partnerkeuze.io.forms.identity import KIND_CANDIDACY, Call, now_stamp, write_meta
from partnerkeuze.layout.intake import ANSWER_MAX
from partnerkeuze.io.xlsx.cells import put

LISTS_SHEET = "Lijsten"
TEXT_LIMITS = {"name": 120, "region": 120, "contact": 120, "contact_given": 80,
               "contact_family": 80, "contact_role": 120, "email": 200}


def criteria_with_questions(model, lang: str) -> list[tuple[str, str]]:
    """(criterion id, question in lang, else in Dutch, else the criterion name) of every criterion."""
    out = []
    for c in model.criteria:
        question = (c.questions.get(lang) or c.questions.get("nl") or c.name or "").strip()
        out.append((c.id, question))
    return out


def _list_column(ws_lists, col: int, header: str, values: list[str]) -> str:
    """Write a list on the hidden lists sheet; returns its absolute range for a validation."""
    from openpyxl.utils import get_column_letter

    ws_lists.cell(row=1, column=col).value = header
    for r, v in enumerate(values, start=2):
        put(ws_lists.cell(row=r, column=col), v)
    letter = get_column_letter(col)
    return f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"


def _list_validation(ws, ref: str, cell: str, error: str) -> None:
    dv = DataValidation(type="list", formula1=f"={ref}", allow_blank=True)
    dv.error = error
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(cell)


def build_candidacy_form(model, call: Call, lang: str, deadline=None) -> Workbook:
    """The candidacy form for a call in a language (nl, fr, en, es); ``deadline`` is the call's
    deadline (default: the one on Instellingen)."""
    from partnerkeuze.kernel.wording import elide, typeset
    from partnerkeuze.record.procedure.deadline import deadline_phrase

    t = typeset(texts.FORM_TEXT[lang], lang)  # French typography for the French form
    wb = Workbook()
    ws = wb.active
    ws.title = t["sheet"]
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 80
    ws.sheet_properties.tabColor = "1F4E79"

    # the title as the reader reads it (the Dutch one stays in the form's identification)
    heading = typeset(f"{t['heading']}: ", lang) + texts.call_title(model, lang)
    put(ws["A1"], heading)
    ws["A1"].font = Font(size=16, bold=True, color="1F4E79")
    put(ws["A2"], t["from"].format(municipality=call.municipality,
                                   de_municipality=elide("de", call.municipality, "fr")))
    ws["A2"].font = Font(size=12, bold=True)
    deadline = deadline or model.settings.deadline
    put(ws["A3"], t["deadline"].format(deadline=deadline_phrase(deadline, lang)) if deadline
        else t["no_deadline"])
    ws["A3"].font = Font(bold=True, color="C00000")
    contact = model.profile.get("coordinator_email") or model.profile.get("coordinator") or \
        call.municipality
    ws.merge_cells("A4:B4")
    put(ws["A4"], t["instructions"].format(contact=contact))
    ws["A4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[4].height = 64

    lists = wb.create_sheet(LISTS_SHEET)
    countries = texts.country_names(lang)
    languages = texts.language_names(lang)
    channels = texts.channel_names(lang)
    refs = {
        "country": _list_column(lists, 1, t["country"], [shown for shown, _ in countries]),
        "language": _list_column(lists, 2, t["language"], [shown for shown, _ in languages]),
        "channel": _list_column(lists, 3, t["channel"], [shown for shown, _ in channels]),
        "salutation": _list_column(lists, 4, t["salutation"],
                                   [shown for shown, _ in texts.salutation_names(lang)]),
    }
    lists.sheet_state = "hidden"
    lists.protection.sheet = True

    cells: list[tuple[str, str]] = []
    row = 6
    section_row(ws, row, t["section_identity"])
    for key in texts.IDENTITY_FIELDS:
        row += 1
        label_cell(ws.cell(row=row, column=1), t[key])
        answer = ws.cell(row=row, column=2)
        input_cell(answer)
        ref = answer.coordinate
        cells.append((key, ref))
        if key in refs:
            _list_validation(ws, refs[key], ref, t[key])
        else:
            dv = DataValidation(type="textLength", operator="lessThanOrEqual",
                                formula1=str(TEXT_LIMITS[key]), allow_blank=True)
            ws.add_data_validation(dv)
            dv.add(ref)
        if key == "language":
            put(answer, dict((code, shown) for shown, code in languages)[lang])
    row += 2
    section_row(ws, row, t["section_questions"])
    for number, (cid, question) in enumerate(criteria_with_questions(model, lang), start=1):
        row += 1
        label_cell(ws.cell(row=row, column=1), f"{number}. {question}")
        ws.cell(row=row, column=1).font = Font(bold=False)
        answer = ws.cell(row=row, column=2)
        input_cell(answer, wrap=True)
        dv = DataValidation(type="textLength", operator="lessThanOrEqual",
                            formula1=str(ANSWER_MAX), allow_blank=True)
        ws.add_data_validation(dv)
        dv.add(answer.coordinate)
        ws.row_dimensions[row].height = max(90, 15 * (len(question) // 60 + 1))
        cells.append((f"answer:{cid}", answer.coordinate))
    ws.freeze_panes = "A6"
    fit_to_width(ws)

    p = ws.protection
    p.sheet = True
    p.selectLockedCells = False
    p.selectUnlockedCells = False
    p.formatRows = False  # a candidate may make a row taller for a long answer
    from openpyxl.workbook.protection import WorkbookProtection

    wb.security = WorkbookProtection(lockStructure=True)
    write_meta(wb, KIND_CANDIDACY, call, {"language": lang, "generated": now_stamp()}, cells)
    wb.active = 0
    wb.properties.creator = call.municipality or "Partnerkeuze"
    wb.properties.title = heading
    return wb
