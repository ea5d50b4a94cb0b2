"""The workbook's native formulas and guards: it checks itself in Excel without Python.

- the Scoretabel's formulas with the conflict rules (only scores of assessors who declared
  'geen conflict', and no 'conflict', for the candidate count, as in Python), over the tables'
  own columns as structured references, so rows added to a table are always counted;
- the score validation per criterion scale on Scores (a custom validation formula that looks the
  criterion's scale up on Criteria), with a red mark for pasted values outside it;
- rank, shortlist and completeness on Resultaten as native formulas (COUNTIFS), Python adding
  knock-outs, ties and remarks;
- a live warning above the results when a score is outside its scale, a weighted score leaves
  0-100 or a candidate is incomplete.
"""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.cellref import col_letter, quote_sheet
from partnerkeuze.reference import CONFLICT, NO_CONFLICT

RANK_DECIMALS = 9  # as core.scoring: scores equal to this many decimals share a rank
WARNING_ROW = 3  # the row above a table's header that holds the live warning


def column_ref(table_key: str, col_key: str) -> str:
    """A table column as a structured reference, e.g. tblScores[Score] (grows with the table)."""
    t = layout.table(table_key)
    return f"{t.name}[{t.column(col_key).header}]"


def ranges(model=None) -> dict[str, str]:
    """The table columns the Scoretabel formulas use (model kept for callers; not needed)."""
    return {
        "S": column_ref("scores", "score"), "C": column_ref("scores", "candidate"),
        "K": column_ref("scores", "criterion"), "A": column_ref("scores", "assessor"),
        "AID": column_ref("assessors", "id"),
        "FA": column_ref("conflicts", "assessor"), "FC": column_ref("conflicts", "candidate"),
        "FD": column_ref("conflicts", "declaration"),
    }


def cleared(rg: dict[str, str], who: str, cand: str) -> str:
    """1 where assessor(s) ``who`` declared no conflict (and no conflict) for ``cand``, else 0
    (over the columns named in ``rg``: whole table columns or one candidate's window)."""
    return (f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"{NO_CONFLICT}")>0)*'
            f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"{CONFLICT}")=0)')


# Per-candidate windows, so that the Scoretabel's recalculation grows linearly with the score
# rows. Partnerkeuze writes Scores and Belangenconflicten sorted by candidate (sorted_rows), so a
# candidate's rows form one block. Once per table the Scoretabel checks, in one pass, that the
# candidate column really is sorted (Excel's own text comparison, text only, no blank before the
# last filled row): the cells `filled` (COUNTA), `sorted` and `bound` (the most rows a candidate
# can have: criteria x assessors for Scores, twice the assessors for the declarations). Per
# candidate: `pos`, a binary search (MATCH type 1) for the candidate's last row; `fast`, TRUE
# when three comparisons prove that every row of the candidate lies in the window of `bound`
# rows ending at `pos` (the row after it is greater, the row `bound` before it differs); `first`
# and `last`, that window, or the whole column when anything is off (typed out of order, a
# blank in between, more rows than the bound): still right, only slower. Every formula over a
# window still tests the candidate, so a window that holds other candidates' rows is harmless.

def window(col_ref: str, first: str, last: str) -> str:
    """Rows first..last (1-based in the table) of a table column: INDEX(col,f):INDEX(col,l)."""
    return f"INDEX({col_ref},{first}):INDEX({col_ref},{last})"


def filled_formula(col: str) -> str:
    """How many cells of the candidate column are filled (once per table)."""
    return f"=COUNTA({col})"


def sorted_formula(col: str, filled: str) -> str:
    """TRUE when the first `filled` cells are all text in ascending order (one pass)."""
    head = window(col, 1, filled)
    return (f"=IF({filled}<1,FALSE,IF(SUMPRODUCT(--ISTEXT({head}))<{filled},FALSE,"
            f"IF({filled}=1,TRUE,SUMPRODUCT(--({window(col, 2, filled)}"
            f"<{window(col, 1, f'{filled}-1')}))=0)))")


def scores_bound_formula() -> str:
    """The most score rows one candidate has: criteria x assessors."""
    return (f'=MAX(1,COUNTA({column_ref("criteria", "id")})'
            f'*COUNTA({column_ref("assessors", "id")}))')


def conflicts_bound_formula() -> str:
    """The most declarations one candidate has in the fast window: twice the assessors."""
    return f'=MAX(1,2*COUNTA({column_ref("assessors", "id")}))'


def pos_formula(col: str, cand: str, filled: str, is_sorted: str) -> str:
    """The candidate's last row by binary search (0: before the first row; -1: not sorted)."""
    return f"=IF({is_sorted},IFERROR(MATCH({cand},{window(col, 1, filled)},1),0),-1)"


def fast_formula(col: str, cand: str, pos: str, filled: str, bound: str) -> str:
    """TRUE when every row of the candidate lies within the `bound` rows ending at `pos`."""
    at = lambda k: f"INDEX({col},{k})"  # noqa: E731
    return (f"=IF({pos}<0,FALSE,IF({pos}=0,{cand}<{at(1)},AND({at(pos)}<={cand},"
            f"IF({pos}<{filled},{at(f'{pos}+1')}>{cand},TRUE),"
            f"IF({pos}>{bound},{at(f'{pos}-{bound}')}<>{cand},TRUE))))")


def first_formula(pos: str, fast: str, bound: str) -> str:
    """The window's first row: `bound` rows up to `pos`, or 1 (the whole column)."""
    return f"=IF({fast},MAX(1,{pos}-{bound}+1),1)"


def last_formula(col: str, pos: str, fast: str) -> str:
    """The window's last row: `pos`, or the column's last row (the whole column)."""
    return f"=IF({fast},MAX(1,{pos}),ROWS({col}))"


def windowed(rg: dict[str, str], h: dict[str, str]) -> dict[str, str]:
    """The columns of ``rg`` narrowed to one candidate's windows (helper cells ``h``: sf, sl on
    Scores, cf, cl on the declarations); ``ids`` and ``ok`` passed on."""
    out = {k: window(rg[k], h["sf"], h["sl"]) for k in ("S", "C", "K", "A")}
    out.update({k: window(rg[k], h["cf"], h["cl"]) for k in ("FA", "FC", "FD")})
    return out


def cleared_formula(rg: dict[str, str], who: str, cand: str, h: dict[str, str]) -> str:
    """The helper cell: 1 when assessor ``who`` is cleared for the candidate, else 0."""
    return f"={cleared(windowed(rg, h), who, cand)}"


def mean_formula(rg: dict[str, str], cand: str, crit: str, h: dict[str, str]) -> str:
    """Mean of the counted scores: per assessor SUMIFS and COUNTIFS over the candidate's
    window, weighted by 'cleared' (helper cells ``h``: windows, ids, ok)."""
    w = windowed(rg, h)
    crit_a = f'{w["C"]},{cand},{w["K"]},{crit},{w["A"]},{h["ids"]}'
    num = f'SUMPRODUCT(SUMIFS({w["S"]},{crit_a})*{h["ok"]})'
    den = f'SUMPRODUCT(COUNTIFS({crit_a},{w["S"]},">=0")*{h["ok"]})'
    return f'=IFERROR({num}/{den},"")'


def median_formula(rg: dict[str, str], cand: str, crit: str, h: dict[str, str]) -> str:
    """Median of the counted scores (an array formula: per score row, is its assessor cleared)."""
    w = windowed(rg, h)
    return (f'=IFERROR(MEDIAN(IF(({w["C"]}={cand})*({w["K"]}={crit})*({w["S"]}<>"")*'
            f'SUMIF({h["ids"]},{w["A"]},{h["ok"]}),{w["S"]})),"")')


def sort_key(value) -> tuple:
    """Close to Excel's ascending text order for IDs: case-insensitive, punctuation before
    digits before letters; blanks last. Where Excel orders differently the Scoretabel notices
    and reads the whole columns (right, only slower)."""
    text = "" if value is None else str(value)
    chars = tuple((2 if ch.isalpha() else 1 if ch.isdigit() else 0, ch)
                  for ch in text.casefold())
    return (text.strip() == "", chars)


def sorted_rows(table_key: str, rows: list[list]) -> list[list]:
    """Rows of Scores or Belangenconflicten in the order the Scoretabel's fast windows need
    (by candidate, stable); other tables unchanged."""
    if table_key not in ("scores", "conflicts"):
        return rows
    t = layout.table(table_key)
    i = t.index("candidate")
    return sorted(rows, key=lambda r: sort_key(r[i] if i < len(r) else None))


# --- score validation per criterion scale -------------------------------------------------

def _criteria_col(key: str) -> str:
    t = layout.table("criteria")
    c = col_letter(t.first_col + t.index(key))
    return f"{quote_sheet(layout.sheet('criteria').name)}!${c}:${c}"


def scale_bound(crit_cell: str, which: str) -> str:
    """The scale minimum ('min') or maximum ('max') of the criterion named in crit_cell: the
    criterion's own 'Schaal van/tot', else the default of Instellingen."""
    col = _criteria_col("scale_min" if which == "min" else "scale_max")
    default = layout.field_name("settings", f"scale_{which}")
    found = f"INDEX({col},MATCH({crit_cell},{_criteria_col('id')},0))"
    return f'IFERROR(IF({found}="",{default},{found}),{default})'


def score_cells() -> tuple[str, str, int]:
    """(score column letter, criterion column letter, first data row) of the Scores table."""
    t = layout.table("scores")
    return (col_letter(t.first_col + t.index("score")), col_letter(t.first_col + t.index("criterion")),
            t.first_data_row)


def score_in_scale_formula() -> str:
    """The custom validation of the first score cell (relative: Excel shifts it down the column)."""
    s, k, r = score_cells()
    return (f"AND(ISNUMBER({s}{r}),{s}{r}>={scale_bound(f'${k}{r}', 'min')},"
            f"{s}{r}<={scale_bound(f'${k}{r}', 'max')})")


def out_of_scale_count() -> str:
    """How many scores lie outside their criterion's scale (per criterion two COUNTIFS)."""
    crit_ids = column_ref("criteria", "id")
    lo = f'IF({column_ref("criteria", "scale_min")}="",{layout.field_name("settings", "scale_min")},' \
         f'{column_ref("criteria", "scale_min")})'
    hi = f'IF({column_ref("criteria", "scale_max")}="",{layout.field_name("settings", "scale_max")},' \
         f'{column_ref("criteria", "scale_max")})'
    k, s = column_ref("scores", "criterion"), column_ref("scores", "score")
    return (f'SUMPRODUCT(({crit_ids}<>"")*(COUNTIFS({k},{crit_ids},{s},"<"&{lo})'
            f'+COUNTIFS({k},{crit_ids},{s},">"&{hi})))')


OUT_OF_SCALE_NAME = "pk_scores_out_of_scale"


def _guard_scores(wb) -> None:
    """Scores: the validation per criterion scale, a red mark and a live count above the table."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    from partnerkeuze.cellref import absolute

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
    label, count, msg = f"B{WARNING_ROW}", f"{s}{WARNING_ROW}", f"E{WARNING_ROW}"
    ws[label] = "Scores buiten de schaal"
    ws[label].font = Font(bold=True)
    ws[count] = f"={out_of_scale_count()}"
    ws[msg] = (f'=IF({count}>0,"Let op: "&{count}&" score(s) buiten de schaal van hun criterium '
               f'(rood gemarkeerd); ze vertekenen de gewogen scores.","In orde: elke score ligt '
               f'binnen de schaal van zijn criterium.")')
    ws[msg].font = Font(bold=True)
    for cell in (count, msg):
        ws.conditional_formatting.add(cell, FormulaRule(formula=[f"${s}${WARNING_ROW}>0"], fill=red))
    wb.defined_names[OUT_OF_SCALE_NAME] = DefinedName(
        OUT_OF_SCALE_NAME, attr_text=absolute(ws.title, layout.table("scores").first_col
                                              + layout.table("scores").index("score"), WARNING_ROW))


# --- Resultaten: rank, shortlist, completeness and the live warning ------------------------

def _results_col(key: str) -> str:
    t = layout.table("results")
    return col_letter(t.first_col + t.index(key))


def complete_formula(row: int) -> str:
    """'ja' when the native weighted score exists (every score counted), else 'nee'."""
    return f'=IF(ISNUMBER(${_results_col("score")}{row}),"ja","nee")'


def rank_formula(row: int) -> str:
    """Competition rank (1, 2, 2, 4) among complete, not excluded candidates; '' otherwise.
    Scores equal to RANK_DECIMALS decimals tie, as in Python."""
    f, h = _results_col("score"), _results_col("excluded")
    half = f"5E-{RANK_DECIMALS + 1}"
    return (f'=IF(AND(ISNUMBER(${f}{row}),${h}{row}="nee"),COUNTIFS(${h}:${h},"nee",${f}:${f},'
            f'">="&(ROUND(${f}{row},{RANK_DECIMALS})+{half}))+1,"")')


def shortlist_formula(row: int) -> str:
    """'ja' for a rank within the shortlist size of Instellingen (ties at the boundary too)."""
    i = _results_col("rank")
    size = layout.field_name("settings", "shortlist_size")
    return f'=IF(AND(ISNUMBER(${i}{row}),${i}{row}<={size}),"ja","")'


def results_warning_formula() -> str:
    """The live warning above Resultaten: out-of-scale scores, weighted scores outside 0-100,
    incomplete candidates; '' when all is well."""
    t = layout.table("results")
    first = t.first_data_row
    a, f = _results_col("id"), _results_col("score")
    ids, scores = f"${a}${first}:${a}$1048576", f"${f}${first}:${f}$1048576"
    outside = f'(COUNTIFS({scores},">100")+COUNTIFS({scores},"<0"))'
    incomplete = f"(COUNTA({ids})-COUNT({scores}))"
    return (f'=TRIM(IF({OUT_OF_SCALE_NAME}>0,"Let op: "&{OUT_OF_SCALE_NAME}&" score(s) buiten de '
            f'schaal van hun criterium (zie Scores). ","")'
            f'&IF({outside}>0,"Let op: "&{outside}&" gewogen score(s) buiten 0-100. ","")'
            f'&IF({incomplete}>0,{incomplete}&" kandidaat/kandidaten onvolledig (scores '
            f'ontbreken).",""))')


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
