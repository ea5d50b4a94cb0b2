"""The workbook's native formulas (core/native.py) as families (kernel/formulas.py), each
formula with the value it gives in a snapshot: the sum of the weights above Criteria, the count
of scores outside their scale above Scores, the live warning above Resultaten; and the
Scoretabel and Resultaten formulas `score` writes (their values come from the scoring itself,
core/results_cache.py: only `score` gives them, cells=None).
"""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.core import excel_values as xv
from partnerkeuze.core import native
from partnerkeuze.kernel.formulas import (
    Area,
    FormulaCell,
    FormulaFamily,
    Unknown,
    column,
    shown,
    single,
    with_value)
from partnerkeuze.kernel.snapshot import Snapshot


def _col(table_key: str, key: str) -> int:
    t = layout.table(table_key)
    return t.first_col + t.index(key)


def _sheet(key: str) -> str:
    return layout.sheet(key).name


def _values(snap: Snapshot, sheet: str, col: int, first_row: int, last_row: int | None = None):
    """The values of one column of a sheet from first_row (to last_row, else the last row)."""
    rows = snap.rows(sheet)
    last = len(rows) if last_row is None else min(last_row, len(rows))
    return [rows[r - 1][col - 1] if col - 1 < len(rows[r - 1]) else None
            for r in range(first_row, last + 1)]


def field_area(snap: Snapshot, sheet_key: str, field_key: str) -> tuple[Area, ...]:
    """The value cell of a field of a key/value sheet (Instellingen), found by its key."""
    sheet = layout.sheet(sheet_key)
    t = sheet.table
    for r in range(t.first_data_row, snap.row_count(sheet.name) + 1):
        key = snap.value(sheet.name, r, t.first_col)
        if isinstance(key, str) and key.strip() == field_key:
            return (single(sheet.name, r, t.first_col + 2),)
    return ()


def _field(snap: Snapshot, sheet_key: str, field_key: str):
    area = field_area(snap, sheet_key, field_key)
    if not area:
        raise Unknown(field_key)
    return shown(snap.value(area[0].sheet, area[0].first_row, area[0].first_col))


# --- the sum of the weights (Criteria) ----------------------------------------------------

def _weights_area() -> tuple[Area, ...]:
    w, msg, row = native.weight_cells()
    return (Area(_sheet("criteria"), row, row, w, msg),)


def _weights_reads(snap: Snapshot) -> tuple[Area, ...]:
    w, _, _ = native.weight_cells()
    return (column(_sheet("criteria"), w, layout.table("criteria").first_data_row),)


def weights_total(snap: Snapshot) -> float:
    """SUM of the weight column below the Criteria header."""
    w, _, _ = native.weight_cells()
    return sum(xv.numbers(_values(snap, _sheet("criteria"), w,
                                  layout.table("criteria").first_data_row, native.SHEET_END)))


def _weights_cells(snap: Snapshot) -> list[FormulaCell]:
    sheet = _sheet("criteria")
    if not snap.has_sheet(sheet):
        return []
    w, msg, row = native.weight_cells()
    total = with_value(native.weights_total_formula(), lambda: weights_total(snap))

    def message():
        value = shown(total)
        if abs(value - 100) < 0.01:
            return "In orde: samen 100 %"
        return f"Let op: samen {xv.fixed(value, 1).replace('.', ',')} %, dat moet 100 % zijn"

    return [(sheet, row, w, total),
            (sheet, row, msg, with_value(native.weights_message_formula(), message))]


WEIGHTS = FormulaFamily("som van de gewichten", _weights_area, _weights_reads, _weights_cells)


# --- the scores outside their scale (Scores) ----------------------------------------------

def _scale_area() -> tuple[Area, ...]:
    count, msg, row = native.out_of_scale_cells()
    return (Area(_sheet("scores"), row, row, count, msg),)


def _scale_reads(snap: Snapshot) -> tuple[Area, ...]:
    scores, crit = _sheet("scores"), _sheet("criteria")
    first_s, first_c = layout.table("scores").first_data_row, layout.table("criteria").first_data_row
    return (column(scores, _col("scores", "criterion"), first_s),
            column(scores, _col("scores", "score"), first_s),
            column(crit, _col("criteria", "id"), first_c),
            column(crit, _col("criteria", "scale_min"), first_c),
            column(crit, _col("criteria", "scale_max"), first_c),
            *field_area(snap, "settings", "scale_min"),
            *field_area(snap, "settings", "scale_max"))


def out_of_scale(snap: Snapshot) -> int:
    """native.out_of_scale_count: per criterion row with an ID, the scores of that criterion
    below its scale's minimum plus those above its maximum (the criterion's own scale, else the
    one on Instellingen). The scores are grouped by criterion once (COUNTIFS per criterion row
    over the whole table would be rows x criteria)."""
    crit_sheet, score_sheet = _sheet("criteria"), _sheet("scores")
    ct, st = layout.table("criteria"), layout.table("scores")
    ids = _values(snap, crit_sheet, _col("criteria", "id"), ct.first_data_row)
    mins = _values(snap, crit_sheet, _col("criteria", "scale_min"), ct.first_data_row)
    maxs = _values(snap, crit_sheet, _col("criteria", "scale_max"), ct.first_data_row)
    keys = _values(snap, score_sheet, _col("scores", "criterion"), st.first_data_row)
    scores = _values(snap, score_sheet, _col("scores", "score"), st.first_data_row)
    default_min = _field(snap, "settings", "scale_min")
    default_max = _field(snap, "settings", "scale_max")
    by_key: dict[str, list[float]] = {}
    for key, score in zip(keys, scores):
        score = xv.number(score)
        if score is None:
            continue  # "<"&x and ">"&x count numbers only (dates too)
        key = shown(key)
        if key is None:
            continue
        if not isinstance(key, str) or xv.numeric_text(key):
            raise Unknown(key)  # COUNTIFS would compare it as a number
        by_key.setdefault(key.casefold(), []).append(score)
    total = 0
    for i, cid in enumerate(ids):
        cid = shown(cid)
        if cid is None or cid == "":
            continue
        if not isinstance(cid, str):
            raise Unknown(cid)
        xv.matches(None, cid)  # a criterion COUNTIFS reads otherwise (wildcards, operators)
        lo = _bound(mins[i] if i < len(mins) else None, default_min)
        hi = _bound(maxs[i] if i < len(maxs) else None, default_max)
        total += sum(1 for n in by_key.get(cid.casefold(), ()) if n < lo or n > hi)
    return total


def _bound(value, default):
    """IF(cell="", default, cell) as a number for a "<"& or ">"& criterion."""
    value = shown(value)
    if value is None or value == "":
        value = default
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unknown(value)
    return value


def _scale_cells(snap: Snapshot) -> list[FormulaCell]:
    sheet = _sheet("scores")
    if not snap.has_sheet(sheet):
        return []
    count_col, msg_col, row = native.out_of_scale_cells()
    count = with_value(f"={native.out_of_scale_count()}", lambda: out_of_scale(snap))

    def message():
        n = shown(count)
        if n > 0:
            return (f"Let op: {xv.text_of_number(n)} score(s) buiten de schaal van hun "
                    f"criterium (rood gemarkeerd); ze vertekenen de gewogen scores.")
        return "In orde: elke score ligt binnen de schaal van zijn criterium."

    return [(sheet, row, count_col, count),
            (sheet, row, msg_col, with_value(native.out_of_scale_message_formula(), message))]


SCALE = FormulaFamily("scores buiten de schaal", _scale_area, _scale_reads, _scale_cells)


# --- the Scoretabel and the Resultaten formulas `score` writes -----------------------------

def _score_table_area() -> tuple[Area, ...]:
    return (Area(_sheet("score_table"), 3),)


def _score_table_reads(snap: Snapshot) -> tuple[Area, ...]:
    crit = _sheet("criteria")
    return (Area(_sheet("scores"), layout.table("scores").first_data_row),
            Area(_sheet("conflicts"), layout.table("conflicts").first_data_row),
            *(column(crit, _col("criteria", k), layout.table("criteria").first_data_row)
              for k in ("id", "weight", "scale_min", "scale_max")),
            *field_area(snap, "settings", "scale_min"),
            *field_area(snap, "settings", "scale_max"),
            *_score_table_area())


SCORE_TABLE = FormulaFamily("Scoretabel", _score_table_area, _score_table_reads, None)


def _results_area() -> tuple[Area, ...]:
    sheet, first = _sheet("results"), layout.table("results").first_data_row
    return tuple(column(sheet, _col("results", k), first)
                 for k in ("score", "complete", "rank", "shortlisted"))


def _results_reads(snap: Snapshot) -> tuple[Area, ...]:
    t = layout.table("results")
    return (*_score_table_area(),
            Area(_sheet("results"), t.first_data_row, None, t.first_col,
                 t.first_col + len(t.columns) - 1),
            *field_area(snap, "settings", "shortlist_size"))


RESULTS = FormulaFamily("Resultaten", _results_area, _results_reads, None)


# --- the live warning above Resultaten ------------------------------------------------------

def _warning_area() -> tuple[Area, ...]:
    return (single(_sheet("results"), native.WARNING_ROW, layout.table("results").first_col),)


def _warning_reads(snap: Snapshot) -> tuple[Area, ...]:
    sheet, first = _sheet("results"), layout.table("results").first_data_row
    count_col, _, row = native.out_of_scale_cells()
    return (column(sheet, _col("results", "id"), first),
            column(sheet, _col("results", "score"), first),
            single(_sheet("scores"), row, count_col))


def results_warning(snap: Snapshot) -> str:
    """native.results_warning_formula: scores outside their scale, weighted scores outside
    0-100, incomplete candidates; '' when all is well."""
    sheet, first = _sheet("results"), layout.table("results").first_data_row
    count_col, _, row = native.out_of_scale_cells()
    oos = xv.number(snap.value(_sheet("scores"), row, count_col))
    if oos is None:
        raise Unknown("pk_scores_out_of_scale")
    scores = xv.numbers(_values(snap, sheet, _col("results", "score"), first, native.SHEET_END))
    outside = sum(1 for s in scores if s > 100) + sum(1 for s in scores if s < 0)
    incomplete = xv.counta(_values(snap, sheet, _col("results", "id"), first,
                                   native.SHEET_END)) - len(scores)
    text = ""
    if oos > 0:
        text += (f"Let op: {xv.text_of_number(oos)} score(s) buiten de schaal van hun criterium "
                 f"(zie Scores). ")
    if outside > 0:
        text += f"Let op: {outside} gewogen score(s) buiten 0-100. "
    if incomplete > 0:
        text += f"{incomplete} kandidaat/kandidaten onvolledig (scores ontbreken)."
    return xv.trim(text)


def _warning_cells(snap: Snapshot) -> list[FormulaCell]:
    sheet = _sheet("results")
    if not snap.has_sheet(sheet):
        return []
    area = _warning_area()[0]
    return [(sheet, area.first_row, area.first_col,
             with_value(native.results_warning_formula(), lambda: results_warning(snap)))]


WARNING = FormulaFamily("waarschuwing boven Resultaten", _warning_area, _warning_reads,
                        _warning_cells)

# In the order their values depend on each other.
FAMILIES = (WEIGHTS, SCALE, SCORE_TABLE, RESULTS, WARNING)
