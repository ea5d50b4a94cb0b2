"""The Scoretabel's native formulas with the conflict rules: only scores of assessors who
declared 'geen conflict' (and no 'conflict') for the candidate count, as in Python."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.cellref import col_letter, quote_sheet
from partnerkeuze.reference import CONFLICT, NO_CONFLICT

# Rows below the last filled row that the formulas cover (room for typing). The assessor range
# is kept short: every assessor row costs one SUMIFS over the scores per Scoretabel cell.
EXTRA_ROWS = {"scores": 1000, "assessors": 40, "conflicts": 400}


def _range(table_key: str, col_key: str, last: int) -> str:
    t = layout.table(table_key)
    sheet = quote_sheet(layout.TABLE_SHEET[table_key].name)
    c = col_letter(t.first_col + t.index(col_key))
    return f"{sheet}!${c}${t.first_data_row}:${c}${last}"


def ranges(model) -> dict[str, str]:
    """The bounded ranges the formulas use, covering the data plus room for typing."""
    def last(key: str, rows) -> int:
        t = layout.table(key)
        return max((r for r in rows), default=t.first_data_row) + EXTRA_ROWS[key]

    s_last = last("scores", (s.row for s in model.scores))
    a_last = last("assessors", (a.row for a in model.assessors))
    f_last = last("conflicts", (r["_row"] for r in model.tables.get("conflicts", [])))
    return {
        "S": _range("scores", "score", s_last), "C": _range("scores", "candidate", s_last),
        "K": _range("scores", "criterion", s_last), "A": _range("scores", "assessor", s_last),
        "AID": _range("assessors", "id", a_last),
        "FA": _range("conflicts", "assessor", f_last), "FC": _range("conflicts", "candidate", f_last),
        "FD": _range("conflicts", "declaration", f_last),
    }


def cleared(rg: dict[str, str], who: str, cand: str) -> str:
    """1 where assessor(s) ``who`` declared no conflict (and no conflict) for ``cand``, else 0."""
    return (f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"{NO_CONFLICT}")>0)*'
            f'(COUNTIFS({rg["FA"]},{who},{rg["FC"]},{cand},{rg["FD"]},"{CONFLICT}")=0)')


def mean_formula(rg: dict[str, str], cand: str, crit: str) -> str:
    """Mean of the counted scores: per assessor SUMIFS and COUNTIFS, weighted by 'cleared'."""
    ok = cleared(rg, rg["AID"], cand)
    num = f'SUMPRODUCT(SUMIFS({rg["S"]},{rg["C"]},{cand},{rg["K"]},{crit},{rg["A"]},{rg["AID"]})*{ok})'
    den = (f'SUMPRODUCT(COUNTIFS({rg["C"]},{cand},{rg["K"]},{crit},{rg["A"]},{rg["AID"]},'
           f'{rg["S"]},">=0")*{ok})')
    return f'=IFERROR({num}/{den},"")'


def median_formula(rg: dict[str, str], cand: str, crit: str) -> str:
    """Median of the counted scores (an array formula: per score row, is its assessor cleared)."""
    ok = cleared(rg, rg["A"], cand)
    return (f'=IFERROR(MEDIAN(IF(({rg["C"]}={cand})*({rg["K"]}={crit})*({rg["S"]}<>"")*{ok},'
            f'{rg["S"]})),"")')
