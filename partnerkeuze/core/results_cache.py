"""The values the Scoretabel's and Resultaten's native formulas compute, from what the core
computed (the aggregated score per criterion, who is cleared, the knock-outs): written as the
formulas' cached values, so that a reader that does not calculate (openpyxl, pandas, Power
Query, a preview) sees the results, and Excel need not recalculate on opening.

Each value follows its formula's own rule (governance/native.py), also where the formula and
the core's ranking differ in spirit: e.g. the native weighted score exists once every scored
criterion has an aggregate, the rank counts only the candidates marked 'nee' in Uitgesloten.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from partnerkeuze import layout
from partnerkeuze.core.scoring import RANK_DECIMALS, ScoreResult
from partnerkeuze.kernel.model import Model


def excel_round(x: float, digits: int) -> float:
    """Excel's ROUND: half away from zero on the decimal the number shows."""
    q = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(x)).quantize(q, rounding=ROUND_HALF_UP))


def _text(value) -> str:
    return "" if value is None else str(value).strip().casefold()


def sorted_flag(rows, first_data_row: int) -> bool:
    """sorted_formula's value: the table's candidate column filled from its first row on, text
    only, no blank before the last filled cell, in ascending order (case-insensitive). Runs of
    one candidate are compared once (a table of 280,000 score rows has a few thousand runs)."""
    if hasattr(rows, "column"):
        cands, numbers = rows.column("candidate"), rows.row_numbers()
    else:
        cands, numbers = [r.get("candidate") for r in rows], [r["_row"] for r in rows]
    last = len(cands)
    while last and cands[last - 1] in (None, ""):
        last -= 1
    if not last:
        return False
    cands = cands[:last]
    if numbers[0] != first_data_row or numbers[last - 1] - first_data_row + 1 != last:
        return False  # a blank row before the last filled cell
    if set(map(type, cands)) != {str} or "" in cands:
        return False
    runs = [c for i, c in enumerate(cands) if i == 0 or c != cands[i - 1]]
    keys = [c.casefold() for c in runs]
    return all(b >= a for a, b in zip(keys, keys[1:]))


class NativeValues:
    """Per Scoretabel cell and Resultaten row, the value its formula gives."""

    def __init__(self, model: Model, result: ScoreResult, crits):
        from partnerkeuze.core import conflicts

        self.crits = list(crits)
        self.model = model
        self.result = result
        self.cleared = {(a.casefold(), c.casefold()) for a, c in conflicts.cleared_pairs(model)}
        self.sorted = {key: sorted_flag(model.tables.get(key) or [], layout.table(key).first_data_row)
                       for key in ("scores", "conflicts")}
        scored = [c for c in self.crits if not c.knockout]
        self.scores: list[float | str] = []
        for cand in result.candidates:
            values = [cand.criterion_scores.get(c.id) for c in scored]
            if not scored or any(v is None for v in values):
                self.scores.append("")
                continue
            total_w = sum(float(c.weight) for c in scored)
            s = sum((v - float(c.scale_min)) / (float(c.scale_max) - float(c.scale_min))
                    * float(c.weight) for v, c in zip(values, scored))
            self.scores.append(s / total_w * 100)
        from bisect import bisect_left

        self.ranks: list[int | str] = []
        eligible = sorted(s for s, c in zip(self.scores, result.candidates)
                          if s != "" and not c.excluded)
        for s, cand in zip(self.scores, result.candidates):
            if s == "" or cand.excluded:
                self.ranks.append("")
                continue
            bar = excel_round(s, RANK_DECIMALS) + 5 * 10 ** -(RANK_DECIMALS + 1)
            self.ranks.append(len(eligible) - bisect_left(eligible, bar) + 1)  # COUNTIFS(>=bar)+1

    def weight(self, crit) -> float:
        return float(crit.weight)

    def scale(self, crit, which: str) -> float:
        return float(crit.scale_min if which == "min" else crit.scale_max)

    def aggregate(self, cand, crit):
        """The Scoretabel cell: the aggregated score of the cleared assessors, '' without one."""
        value = cand.criterion_scores.get(crit.id)
        return "" if value is None else value

    def snel(self, key: str, has_block: bool) -> bool:
        """'Snel S' / 'Snel BC': the block is proven when the table is sorted."""
        return has_block and self.sorted[key]

    def is_cleared(self, assessor_id: str, cand_id: str) -> int:
        return int((_text(assessor_id), _text(cand_id)) in self.cleared)

    def complete(self, i: int) -> str:
        return "ja" if self.scores[i] != "" else "nee"

    def shortlisted(self, i: int) -> str:
        rank = self.ranks[i]
        return "ja" if rank != "" and rank <= self.model.settings.shortlist_size else ""
