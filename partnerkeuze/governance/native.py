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
    """1 where assessor(s) ``who`` declared no conflict (and no conflict) for ``cand``, else 0."""
    return (f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"{NO_CONFLICT}")>0)*'
            f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"{CONFLICT}")=0)')


# Per-candidate helper cells of the Scoretabel (one set per candidate row), so that a score cell
# reads only its candidate's own score rows: recalculation grows with the number of score rows,
# not with score rows x cells. Keys of the dict `h` the formulas below take:
#   first, count: where the candidate's rows start on Scores and how many there are;
#   together: TRUE when those rows are contiguous (as import, merge and the demo write them);
#   ids: the row of assessor IDs, ok: the candidate's 'cleared' flag per assessor (same width).
# When the rows are not contiguous (typed in any order) the formulas fall back to the whole
# columns: still right, only slower.

def first_formula(rg: dict[str, str], cand: str) -> str:
    """The position (1-based in the table) of the candidate's first score row, 0 without one."""
    return f'=IFERROR(MATCH({cand},{rg["C"]},0),0)'


def count_formula(rg: dict[str, str], cand: str) -> str:
    """How many score rows the candidate has."""
    return f'=COUNTIF({rg["C"]},{cand})'


def window(col_ref: str, first: str, count: str) -> str:
    """The candidate's rows of a Scores column: INDEX(col,first):INDEX(col,first+count-1)."""
    return f"INDEX({col_ref},{first}):INDEX({col_ref},{first}+{count}-1)"


def together_formula(rg: dict[str, str], cand: str, first: str, count: str) -> str:
    """TRUE when all the candidate's score rows follow each other on Scores."""
    return (f'=IF(OR({first}=0,{count}=0),FALSE,'
            f'COUNTIF({window(rg["C"], first, count)},{cand})={count})')


def cleared_formula(rg: dict[str, str], who: str, cand: str) -> str:
    """The helper cell: 1 when assessor ``who`` is cleared for the candidate, else 0."""
    return f"={cleared(rg, who, cand)}"


def mean_formula(rg: dict[str, str], cand: str, crit: str, h: dict[str, str]) -> str:
    """Mean of the counted scores: per assessor SUMIFS and COUNTIFS, weighted by 'cleared',
    over the candidate's own rows (or the whole columns when they are scattered)."""
    def mean(s: str, k: str, a: str, extra: str) -> str:
        num = f'SUMPRODUCT(SUMIFS({s},{extra}{k},{crit},{a},{h["ids"]})*{h["ok"]})'
        den = f'SUMPRODUCT(COUNTIFS({extra}{k},{crit},{a},{h["ids"]},{s},">=0")*{h["ok"]})'
        return f"{num}/{den}"

    w = {k: window(rg[k], h["first"], h["count"]) for k in ("S", "K", "A")}
    fast = mean(w["S"], w["K"], w["A"], "")
    slow = mean(rg["S"], rg["K"], rg["A"], f'{rg["C"]},{cand},')
    return f'=IFERROR(IF({h["together"]},{fast},{slow}),"")'


def median_formula(rg: dict[str, str], cand: str, crit: str, h: dict[str, str]) -> str:
    """Median of the counted scores (an array formula: per score row, is its assessor cleared)."""
    w = {k: window(rg[k], h["first"], h["count"]) for k in ("S", "K", "A")}
    fast = (f'MEDIAN(IF(({w["K"]}={crit})*({w["S"]}<>"")*SUMIF({h["ids"]},{w["A"]},{h["ok"]}),'
            f'{w["S"]}))')
    slow = (f'MEDIAN(IF(({rg["C"]}={cand})*({rg["K"]}={crit})*({rg["S"]}<>"")*'
            f'SUMIF({h["ids"]},{rg["A"]},{h["ok"]}),{rg["S"]}))')
    return f'=IFERROR(IF({h["together"]},{fast},{slow}),"")'


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
