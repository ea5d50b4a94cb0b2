"""Turning a scoring outcome into a patch: the Scoretabel formulas and the Resultaten table."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.cellref import col_letter, quote_sheet
from partnerkeuze.core.scoring import ScoreResult
from partnerkeuze.model import Model
from partnerkeuze.patch import ArrayFormula, Block, Formula, Patch, Styled

SCORE_TABLE_HEADER_ROW = 6  # rows 3-5 hold weight, scale minimum and scale maximum


def _letters(table_key: str, *keys: str) -> list[str]:
    t = layout.table(table_key)
    return [col_letter(t.first_col + t.index(k)) for k in keys]


def ordered_criteria(model: Model):
    """Scored criteria first (they form the weighted score's range), then knock-outs."""
    return [c for c in model.criteria if not c.knockout] + [c for c in model.criteria if c.knockout]


def score_table_block(model: Model, result: ScoreResult, clear_to: int) -> Block:
    """The Scoretabel: per candidate and criterion the aggregated score as a native formula."""
    crit_sheet = quote_sheet(layout.sheet("criteria").name)
    cid, cw, cmin, cmax = _letters("criteria", "id", "weight", "scale_min", "scale_max")
    smin = layout.field_name("settings", "scale_min")
    smax = layout.field_name("settings", "scale_max")
    crits = ordered_criteria(model)
    h = SCORE_TABLE_HEADER_ROW

    def look(col: str, c: str) -> str:
        return f"INDEX({crit_sheet}!${col}:${col},MATCH({c}${h},{crit_sheet}!${cid}:${cid},0))"

    rows: list[list] = [[], [], []]
    rows[0] = [Styled("Gewicht (%)", "pk_label"), Styled(None, "pk_label")]
    rows[1] = [Styled("Schaal van", "pk_label"), Styled(None, "pk_label")]
    rows[2] = [Styled("Schaal tot", "pk_label"), Styled(None, "pk_label")]
    header = [Styled("ID", "pk_header"), Styled("Gemeente", "pk_header")]
    for j, crit in enumerate(crits):
        c = col_letter(3 + j)
        rows[0].append(Styled(Formula(f"=IFERROR({look(cw, c)}*1,0)"), "pk_output", "0.0"))
        rows[1].append(Styled(Formula(f'=IFERROR(IF({look(cmin, c)}="",{smin},{look(cmin, c)}),{smin})'),
                              "pk_output", "0"))
        rows[2].append(Styled(Formula(f'=IFERROR(IF({look(cmax, c)}="",{smax},{look(cmax, c)}),{smax})'),
                              "pk_output", "0"))
        header.append(Styled(crit.id, "pk_header"))
    median = model.settings.aggregation == "median"
    from partnerkeuze.governance import native  # conflict rules in the native formulas

    rg = native.ranges(model)
    # helper columns right of the criteria (one empty column between): per candidate the window
    # of its rows on Scores and on Belangenconflicten (position, fast, first, last; above them,
    # once per table, filled rows, sorted, bound), then per assessor the 'cleared' flag
    # (governance/native.py)
    hc = 3 + len(crits) + 1
    assessors = [a.id for a in model.assessors] or [""]
    names = ("pos", "fast", "first", "last")
    hl = {f"{t}{k}": col_letter(hc + 4 * j + i)
          for j, t in enumerate("sc") for i, k in enumerate(names)}
    a0, a1 = col_letter(hc + 8), col_letter(hc + 7 + len(assessors))
    for i in range(3):
        rows[i] += [Styled(None, "pk_label")] * (hc - 1 - len(rows[i]))
    g = {}  # the once-per-table cells in row 4, labelled in row 3
    for j, (t, col, bound, label) in enumerate((
            ("s", rg["C"], native.scores_bound_formula(), "Scores"),
            ("c", rg["FC"], native.conflicts_bound_formula(), "Belangenconflicten"))):
        filled, srt, bnd = (f"${hl[t + k]}$4" for k in names[:3])
        g[t] = (col, filled, srt, bnd)
        rows[0] += [Styled(f"{label}: gevuld", "pk_label"), Styled("gesorteerd", "pk_label"),
                    Styled("blok", "pk_label"), Styled(None, "pk_label")]
        rows[1] += [Styled(Formula(native.filled_formula(col)), "pk_output", "0"),
                    Styled(Formula(native.sorted_formula(col, filled)), "pk_output"),
                    Styled(Formula(bound), "pk_output", "0"), Styled(None, "pk_output")]
    rows[2] += [Styled("Hulpkolommen (niet wijzigen): per kandidaat zijn rijen op Scores (S) en "
                       "Belangenconflicten (BC), snel gevonden als die tabellen op kandidaat "
                       "gesorteerd zijn; per beoordelaar telt mee (1) of niet (0)", "pk_label")]
    header = header + [Styled(None, "pk_header")] + [
        Styled(f"{k} {t}", "pk_header") for t in ("S", "BC")
        for k in ("Positie", "Snel", "Van", "Tot")] + [Styled(a, "pk_header") for a in assessors]
    body: list[list] = [header]
    for i, cand in enumerate(result.candidates):
        r = h + 1 + i
        helpers = {k: f"${v}{r}" for k, v in hl.items()}
        helpers.update({"sf": helpers["sfirst"], "sl": helpers["slast"],
                        "cf": helpers["cfirst"], "cl": helpers["clast"],
                        "ids": f"${a0}${h}:${a1}${h}", "ok": f"${a0}{r}:${a1}{r}"})
        row = [Styled(cand.id, "pk_output"), Styled(cand.name, "pk_output")]
        for j, _crit in enumerate(crits):
            c = col_letter(3 + j)
            if median:
                value = ArrayFormula(native.median_formula(rg, f"$A{r}", f"{c}${h}", helpers))
            else:
                value = Formula(native.mean_formula(rg, f"$A{r}", f"{c}${h}", helpers))
            row.append(Styled(value, "pk_output", "0.00"))
        row += [Styled(None, "pk_output")] * (hc - 1 - len(row))
        for t in "sc":
            col, filled, srt, bnd = g[t]
            pos, fast = helpers[t + "pos"], helpers[t + "fast"]
            row += [Styled(Formula(native.pos_formula(col, f"$A{r}", filled, srt)), "pk_output",
                           "0"),
                    Styled(Formula(native.fast_formula(col, f"$A{r}", pos, filled, bnd)),
                           "pk_output"),
                    Styled(Formula(native.first_formula(pos, fast, bnd)), "pk_output", "0"),
                    Styled(Formula(native.last_formula(col, pos, fast)), "pk_output", "0")]
        row += [Styled(Formula(native.cleared_formula(rg, f"{col_letter(hc + 8 + k)}${h}",
                                                      f"$A{r}", helpers)), "pk_output", "0")
                for k in range(len(assessors))]
        body.append(row)
    width = hc - 1 + 8 + len(assessors)
    return Block(layout.sheet("score_table").name, 3, 1, rows + body, clear_to=clear_to,
                 width=max(width, 2))


def native_score_formula(model: Model, score_table_row: int) -> Formula:
    """The weighted score 0-100 of one Scoretabel row as a native formula."""
    n = sum(1 for c in model.criteria if not c.knockout)
    st = quote_sheet(layout.sheet("score_table").name)
    a, b = "C", col_letter(2 + n)
    r = score_table_row
    cells = f"{st}!{a}{r}:{b}{r}"
    w, lo, hi = (f"{st}!${a}${k}:${b}${k}" for k in (3, 4, 5))
    return Formula(f'=IF(COUNT({cells})<{n},"",SUMPRODUCT(({cells}-{lo})/({hi}-{lo})*{w})'
                   f"/SUM({w})*100)")


def remarks(cand) -> str:
    """Plain-Dutch remarks for a candidate's result row."""
    parts = []
    parts.extend(cand.reasons)
    parts.extend(getattr(cand, "notes", ()))
    if not cand.complete:
        n = len(cand.missing)
        parts.append(f"onvolledig: {n} score{'s' if n != 1 else ''} ontbreken" if n
                     else "onvolledig: geen beoordelaar")
    if cand.tied:
        parts.append("gedeelde rang (gelijke score)")
    return "; ".join(parts)


def results_rows(model: Model, result: ScoreResult) -> list[list]:
    """The Resultaten table rows, in ranked order: weighted score, completeness, rank and
    shortlist as native formulas (governance/native.py); knock-outs and remarks from Python."""
    from partnerkeuze.governance import native

    t = layout.table("results")
    offset = SCORE_TABLE_HEADER_ROW - t.header_row
    rows = []
    for i, c in enumerate(result.candidates):
        r = t.first_data_row + i
        rows.append([
            c.id, c.name, c.country, c.language, c.channel,
            native_score_formula(model, r + offset),
            Formula(native.complete_formula(r)),
            "ja" if c.excluded else "nee",  # knock-outs: Python
            Formula(native.rank_formula(r)),
            Formula(native.shortlist_formula(r)),
            remarks(c),  # ties, knock-out reasons, incompleteness: Python
        ])
    return rows


def results_patch(model: Model, result: ScoreResult, score_table_rows: int) -> Patch:
    """The patch that writes Scoretabel and Resultaten for this outcome."""
    patch = Patch()
    patch.write_block(score_table_block(model, result, clear_to=max(score_table_rows, 3)))
    patch.replace_table("results", results_rows(model, result))
    return patch
