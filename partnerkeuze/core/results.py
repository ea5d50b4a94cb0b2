"""Turning a scoring outcome into a patch: the Scoretabel formulas and the Resultaten table."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter, quote_sheet
from partnerkeuze.core.scoring import ScoreResult
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.patch import ArrayFormula, Block, Formula, Patch, Styled, with_cached

SCORE_TABLE_HEADER_ROW = 6  # rows 3-5 hold weight, scale minimum and scale maximum


def _letters(table_key: str, *keys: str) -> list[str]:
    t = layout.table(table_key)
    return [col_letter(t.first_col + t.index(k)) for k in keys]


def ordered_criteria(model: Model):
    """Scored criteria first (they form the weighted score's range), then knock-outs."""
    return [c for c in model.criteria if not c.knockout] + [c for c in model.criteria if c.knockout]


def score_table_block(model: Model, result: ScoreResult, clear_to: int, values=None) -> Block:
    """The Scoretabel: per candidate and criterion the aggregated score as a native formula,
    each with the value the core computed as its cached value (results_cache.py)."""
    crit_sheet = quote_sheet(layout.sheet("criteria").name)
    cid, cw, cmin, cmax = _letters("criteria", "id", "weight", "scale_min", "scale_max")
    smin = layout.field_name("settings", "scale_min")
    smax = layout.field_name("settings", "scale_max")
    crits = ordered_criteria(model)
    h = SCORE_TABLE_HEADER_ROW
    if values is None:
        from partnerkeuze.core.results_cache import NativeValues

        values = NativeValues(model, result, crits)

    def look(col: str, c: str) -> str:
        return f"INDEX({crit_sheet}!${col}:${col},MATCH({c}${h},{crit_sheet}!${cid}:${cid},0))"

    rows: list[list] = [[], [], []]
    rows[0] = [Styled("Gewicht (%)", "pk_label"), Styled(None, "pk_label")]
    rows[1] = [Styled("Schaal van", "pk_label"), Styled(None, "pk_label")]
    rows[2] = [Styled("Schaal tot", "pk_label"), Styled(None, "pk_label")]
    header = [Styled("ID", "pk_header"), Styled("Gemeente", "pk_header")]
    for j, crit in enumerate(crits):
        c = col_letter(3 + j)
        rows[0].append(Styled(with_cached(Formula(f"=IFERROR({look(cw, c)}*1,0)"),
                                          values.weight(crit)), "pk_output", "0.0"))
        rows[1].append(Styled(with_cached(Formula(
            f'=IFERROR(IF({look(cmin, c)}="",{smin},{look(cmin, c)}),{smin})'),
            values.scale(crit, "min")), "pk_output", "0"))
        rows[2].append(Styled(with_cached(Formula(
            f'=IFERROR(IF({look(cmax, c)}="",{smax},{look(cmax, c)}),{smax})'),
            values.scale(crit, "max")), "pk_output", "0"))
        header.append(Styled(crit.id, "pk_header"))
    median = model.settings.aggregation == "median"
    from partnerkeuze.core import native  # conflict rules in the native formulas

    rg = native.ranges(model)
    # helper columns right of the criteria (one empty column between): per candidate 'Snel' on
    # Scores and on Belangenconflicten (its block of rows proven, above it once per table
    # 'gesorteerd'), then per assessor the 'cleared' flag (governance/native.py)
    hc = 3 + len(crits) + 1
    assessors = [a.id for a in model.assessors] or [""]
    snel_s, snel_c = col_letter(hc), col_letter(hc + 1)
    a0, a1 = col_letter(hc + 2), col_letter(hc + 1 + len(assessors))
    for i in range(3):
        rows[i] += [Styled(None, "pk_label")] * (hc - 1 - len(rows[i]))
    rows[0] += [Styled("Scores gesorteerd", "pk_label"),
                Styled("Belangenconflicten gesorteerd", "pk_label")]
    rows[1] += [Styled(with_cached(Formula(native.sorted_formula(rg["C"])), values.sorted["scores"]),
                       "pk_output"),
                Styled(with_cached(Formula(native.sorted_formula(rg["FC"])),
                                   values.sorted["conflicts"]), "pk_output")]
    rows[2] += [Styled("Hulpkolommen (niet wijzigen): 'Snel' is WAAR als de rijen van de "
                       "kandidaat op Scores (S) of Belangenconflicten (BC) nog samen staan waar "
                       "ze stonden bij het scoren (dan snel gelezen, anders de hele tabel); per "
                       "beoordelaar telt mee (1) of niet (0)", "pk_label")]
    sorted_s, sorted_c = f"${snel_s}$4", f"${snel_c}$4"
    header = header + [Styled(None, "pk_header"), Styled("Snel S", "pk_header"),
                       Styled("Snel BC", "pk_header")] + [Styled(a, "pk_header") for a in assessors]
    blocks = {key: native.candidate_blocks(model.tables.get(key) or [])
              for key in ("scores", "conflicts")}
    body: list[list] = [header]
    for i, cand in enumerate(result.candidates):
        r = h + 1 + i
        helpers = {"ids": f"${a0}${h}:${a1}${h}", "ok": f"${a0}{r}:${a1}{r}"}
        snel = []
        for key, flag, srt, short in (("scores", snel_s, sorted_s, "s"),
                                      ("conflicts", snel_c, sorted_c, "bc")):
            block = blocks[key].get(str(cand.id))
            if block is None:  # no rows, or scattered, at `score`: the whole columns
                snel.append(Styled(with_cached(Formula("=FALSE()"), False), "pk_output"))
                continue
            widened = native.block_ranges(key, block[0] - 1, block[1] + 1)
            helpers[short], helpers[f"snel_{short}"] = widened, f"${flag}{r}"
            col = widened["C" if key == "scores" else "FC"]
            snel.append(Styled(with_cached(Formula(native.snel_formula(col, f"$A{r}", srt)),
                                           values.snel(key, True)), "pk_output"))
        row = [Styled(cand.id, "pk_output"), Styled(cand.name, "pk_output")]
        for j, crit in enumerate(crits):
            c = col_letter(3 + j)
            if median:
                value = ArrayFormula(native.median_formula(rg, f"$A{r}", f"{c}${h}", helpers))
            else:
                value = Formula(native.mean_formula(rg, f"$A{r}", f"{c}${h}", helpers))
            row.append(Styled(with_cached(value, values.aggregate(cand, crit)), "pk_output", "0.00"))
        row += [Styled(None, "pk_output")] * (hc - 1 - len(row))
        row += snel
        row += [Styled(with_cached(Formula(native.cleared_formula(
                    rg, f"{col_letter(hc + 2 + k)}${h}", f"$A{r}", helpers)),
                    values.is_cleared(assessors[k], cand.id)), "pk_output", "0")
                for k in range(len(assessors))]
        body.append(row)
    width = hc - 1 + 2 + len(assessors)
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


def results_rows(model: Model, result: ScoreResult, values=None) -> list[list]:
    """The Resultaten table rows, in ranked order: weighted score, completeness, rank and
    shortlist as native formulas (governance/native.py) with the values they give as cached
    values; knock-outs and remarks from Python."""
    from partnerkeuze.core import native

    if values is None:
        from partnerkeuze.core.results_cache import NativeValues

        values = NativeValues(model, result, ordered_criteria(model))

    t = layout.table("results")
    offset = SCORE_TABLE_HEADER_ROW - t.header_row
    rows = []
    for i, c in enumerate(result.candidates):
        r = t.first_data_row + i
        rows.append([
            c.id, c.name, c.country, c.language, c.channel,
            with_cached(native_score_formula(model, r + offset), values.scores[i]),
            with_cached(Formula(native.complete_formula(r)), values.complete(i)),
            "ja" if c.excluded else "nee",  # knock-outs: Python
            with_cached(Formula(native.rank_formula(r)), values.ranks[i]),
            with_cached(Formula(native.shortlist_formula(r)), values.shortlisted(i)),
            remarks(c),  # ties, knock-out reasons, incompleteness: Python
        ])
    return rows


def results_patch(model: Model, result: ScoreResult, score_table_rows: int) -> Patch:
    """The patch that writes Scoretabel and Resultaten for this outcome."""
    from partnerkeuze.core.results_cache import NativeValues

    values = NativeValues(model, result, ordered_criteria(model))
    patch = Patch()
    patch.write_block(score_table_block(model, result, clear_to=max(score_table_rows, 3),
                                        values=values))
    patch.replace_table("results", results_rows(model, result, values))
    return patch
