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
from partnerkeuze.kernel.cellref import col_letter, quote_sheet
from partnerkeuze.kernel.reference import CONFLICT, NO_CONFLICT

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


# Per-candidate blocks, so that the Scoretabel's recalculation grows linearly with the score
# rows. Partnerkeuze writes Scores and Belangenconflicten sorted by candidate (sorted_rows), so a
# candidate's rows form one block, and at `score` Python knows its sheet rows a..b. The
# Scoretabel reads that block as static ranges one row wider on each side, a-1..b+1 (the
# neighbours: the header or another candidate's row above, another candidate or the row under
# the table below), so that Excel and LibreOffice move and stretch them with every row the user
# inserts or deletes, also at the block's edges. Once per table a cell checks, in one pass, that
# the candidate column really is sorted (Excel's own text comparison, text only, no blank before
# the last filled row). Per candidate and table one cell, 'Snel', proves the block: the table is
# sorted, the first and last cell of the widened range are another candidate and every cell in
# between is this one, so no row of the candidate lies outside it. Only then do the formulas read
# the block; otherwise (rows typed out of order or at the block's edge, a blank in between, the
# table re-sorted after `score`, a candidate without rows at `score`) they read the whole table
# columns: still right, only slower. The formulas over a block still test the candidate, so its
# neighbours never count.

def window(col_ref: str, first: str, last: str) -> str:
    """Rows first..last (1-based in the table) of a table column: INDEX(col,f):INDEX(col,l)."""
    return f"INDEX({col_ref},{first}):INDEX({col_ref},{last})"


def sorted_formula(col: str) -> str:
    """TRUE when the filled cells of a table column are all text in ascending order, without a
    blank in between (one pass; once per table)."""
    filled = f"COUNTA({col})"
    head = window(col, 1, filled)
    return (f"=IF({filled}<1,FALSE,IF(SUMPRODUCT(--ISTEXT({head}))<{filled},FALSE,"
            f"IF({filled}=1,TRUE,SUMPRODUCT(--({window(col, 2, filled)}"
            f"<{window(col, 1, f'{filled}-1')}))=0)))")


BLOCK_COLUMNS = {"scores": {"S": "score", "C": "candidate", "K": "criterion", "A": "assessor"},
                 "conflicts": {"FA": "assessor", "FC": "candidate", "FD": "declaration"}}


def candidate_blocks(rows) -> dict[str, tuple[int, int]]:
    """Per candidate the sheet rows (first, last) of its rows in a parsed table (Scores or
    Belangenconflicten), for the candidates whose rows are contiguous (no other row, no blank
    row in between); a candidate without rows, or with scattered rows, is left out."""
    if hasattr(rows, "column"):
        cands, numbers = rows.column("candidate"), rows.row_numbers()
    else:
        cands, numbers = [r.get("candidate") for r in rows], [r["_row"] for r in rows]
    spans: dict[str, list[int]] = {}
    for cand, row in zip(cands, numbers):
        if cand is None:
            continue
        span = spans.get(str(cand))
        if span is None:
            spans[str(cand)] = [row, row, 1]
        else:
            span[0], span[1], span[2] = min(span[0], row), max(span[1], row), span[2] + 1
    return {c: (a, b) for c, (a, b, k) in spans.items() if b - a + 1 == k}


def block_ranges(table_key: str, first: int, last: int) -> dict[str, str]:
    """The columns of a table that the Scoretabel reads (keys as in ranges()) as static ranges
    of sheet rows first..last, e.g. Scores!$D$4:$D$35."""
    t = layout.table(table_key)
    sheet = quote_sheet(layout.sheet(table_key).name)
    out = {}
    for key, col in BLOCK_COLUMNS[table_key].items():
        c = col_letter(t.first_col + t.index(col))
        out[key] = f"{sheet}!${c}${first}:${c}${last}"
    return out


def snel_formula(col: str, cand: str, is_sorted: str) -> str:
    """TRUE when the static candidate range ``col`` (the block widened by a neighbour on each
    side) holds every row of the candidate: the table sorted, both ends another candidate, all
    between this one. Any error (the range deleted) reads as FALSE."""
    return (f"=IFERROR(AND({is_sorted},INDEX({col},1)<>{cand},INDEX({col},ROWS({col}))<>{cand},"
            f"SUMPRODUCT(--({col}={cand}))=ROWS({col})-2),FALSE)")


def _choose(snel: str | None, fast: str | None, slow: str) -> str:
    return slow if snel is None or fast is None else f"IF({snel},{fast},{slow})"


def cleared_formula(rg: dict[str, str], who: str, cand: str, h: dict[str, str]) -> str:
    """The helper cell: 1 when assessor ``who`` is cleared for the candidate, else 0 (over the
    candidate's block h['bc'] when h['snel_bc'] holds, else over the whole columns ``rg``)."""
    fast = cleared(h["bc"], who, cand) if h.get("bc") else None
    return f"={_choose(h.get('snel_bc'), fast, cleared(rg, who, cand))}"


def mean_formula(rg: dict[str, str], cand: str, crit: str, h: dict[str, str]) -> str:
    """Mean of the counted scores: per assessor SUMIFS and COUNTIFS, weighted by 'cleared'
    (helper cells ``h``: ids, ok), over the candidate's block h['s'] when h['snel_s'] holds,
    else over the whole columns ``rg``."""
    def mean(w: dict[str, str]) -> str:
        crit_a = f'{w["C"]},{cand},{w["K"]},{crit},{w["A"]},{h["ids"]}'
        num = f'SUMPRODUCT(SUMIFS({w["S"]},{crit_a})*{h["ok"]})'
        den = f'SUMPRODUCT(COUNTIFS({crit_a},{w["S"]},">=0")*{h["ok"]})'
        return f"{num}/{den}"

    fast = mean(h["s"]) if h.get("s") else None
    return f'=IFERROR({_choose(h.get("snel_s"), fast, mean(rg))},"")'


def median_formula(rg: dict[str, str], cand: str, crit: str, h: dict[str, str]) -> str:
    """Median of the counted scores (an array formula: per score row, is its assessor
    cleared), over the block when h['snel_s'] holds, else over the whole columns."""
    def median(w: dict[str, str]) -> str:
        return (f'MEDIAN(IF(({w["C"]}={cand})*({w["K"]}={crit})*({w["S"]}<>"")*'
                f'SUMIF({h["ids"]},{w["A"]},{h["ok"]}),{w["S"]}))')

    fast = median(h["s"]) if h.get("s") else None
    return f'=IFERROR({_choose(h.get("snel_s"), fast, median(rg))},"")'


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


# --- Criteria: the live sum of the weights ------------------------------------------------

SHEET_END = 1_048_576  # the last row of a sheet


def weight_cells() -> tuple[int, int, int]:
    """(column of the weight, column of the message, row) of the weights check above Criteria."""
    t = layout.table("criteria")
    w = t.first_col + t.index("weight")
    return w, w + 1, WARNING_ROW


def weights_total_formula() -> str:
    """The sum of the weights column below the Criteria header."""
    w, _, _ = weight_cells()
    first = layout.table("criteria").first_data_row
    return f"=SUM({col_letter(w)}{first}:{col_letter(w)}{SHEET_END})"


def weights_message_formula() -> str:
    """'In orde' when the weights make 100 %, else what they make (one decimal, a comma)."""
    w, _, row = weight_cells()
    total = f"{col_letter(w)}{row}"
    return (f'=IF(ABS({total}-100)<0.01,"In orde: samen 100 %",'
            f'"Let op: samen "&SUBSTITUTE(FIXED({total},1,TRUE),".",",")'
            f'&" %, dat moet 100 % zijn")')


def out_of_scale_cells() -> tuple[int, int, int]:
    """(column of the count, column of the message, row) of the live count above Scores."""
    t = layout.table("scores")
    return t.first_col + t.index("score"), 5, WARNING_ROW


def out_of_scale_message_formula() -> str:
    """The message beside the count of scores outside their scale (above Scores)."""
    s, _k, _r = score_cells()
    count = f"{s}{WARNING_ROW}"
    return (f'=IF({count}>0,"Let op: "&{count}&" score(s) buiten de schaal van hun criterium '
            f'(rood gemarkeerd); ze vertekenen de gewogen scores.","In orde: elke score ligt '
            f'binnen de schaal van zijn criterium.")')


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
