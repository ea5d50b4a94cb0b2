"""What governance adds to scoring: the sheets written with every score (consensus agenda, heat
map, sensitivity, second-round questions)."""

from __future__ import annotations

import math

from partnerkeuze import layout
from partnerkeuze.layout import governance as gl
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.patch import Block, Patch, Styled
from partnerkeuze.kernel.snapshot import Snapshot


def _has(model: Model, key: str) -> bool:
    return key in layout.tables_for(model.settings.mode)


def _width(snap: Snapshot, sheet: str, row: int, col: int) -> int:
    r = snap.rows(sheet)[row - 1] if len(snap.rows(sheet)) >= row else ()
    filled = [i for i, v in enumerate(r[col - 1:], start=1) if v not in (None, "")]
    return max(filled, default=0)


def consensus_patch(model: Model, snap: Snapshot, result) -> Patch:
    """The agenda table and the heat map grid of the Consensusoverleg sheet."""
    from partnerkeuze.core import disagreement as dg

    patch = Patch()
    if not _has(model, "consensus"):
        return patch
    d = dg.analyse(model, result)
    patch.replace_table("consensus", [
        [it["candidate"], it["name"], "ja" if it["shortlisted"] else "", it["criterion"],
         it["criterion_name"], it["spread"], dg.scores_text(it), dg.outliers_text(it)]
        for it in d.agenda])
    sheet = layout.sheet("consensus").name
    header = [Styled("ID", "pk_header"), Styled("Gemeente", "pk_header")] + \
        [Styled(c.id, "pk_header") for c in d.criteria]
    rows = [header]
    by_id = result.by_id()
    for i, cid in enumerate(d.candidates):
        row = [Styled(cid, "pk_output"), Styled(by_id[cid].name, "pk_output")]
        for k in range(len(d.criteria)):
            v = d.share[i, k]
            row.append(Styled(None if math.isnan(v) else round(float(v), 10), "pk_output", "0%"))
        rows.append(row)
    old = len(snap.rows(sheet))
    width = max(len(header), _width(snap, sheet, gl.GRID_HEADER_ROW, gl.GRID_COL))
    patch.write_block(Block(sheet, gl.GRID_HEADER_ROW, gl.GRID_COL, rows,
                            clear_to=max(old, gl.GRID_HEADER_ROW + len(rows)), width=width))
    patch.set_cell(sheet, 3, gl.GRID_COL,
                   f"Warmtekaart: spreiding tussen de beoordelaars als deel van de schaal; vanaf "
                   f"{d.threshold * 100:.0f} % komt het punt op de agenda.")
    return patch


# The rank-acceptability table on Gevoeligheid shows ranks 1 to RANK_COLUMNS and then one column
# for every lower rank together: a table of candidates x candidates shares is unreadable at a few
# hundred candidates (and a million cells at 1,000); the full shares stay in `score --json`.
RANK_COLUMNS = 20


def sensitivity_patch(model: Model, snap: Snapshot, result) -> Patch:
    """The stability table and the acceptability block of the Gevoeligheid sheet."""
    from partnerkeuze.core import sensitivity as sv

    patch = Patch()
    if not _has(model, "sensitivity"):
        return patch
    sens = sv.analyse(model, result)
    rows = sv.stability_rows(model, sens)
    patch.replace_table("sensitivity", [[r["criterion"], r["name"], r["current"], r["low"],
                                         r["high"], r["sentence"]] for r in rows])
    sheet = layout.sheet("sensitivity").name
    names = {c.id: c.name for c in result.candidates}
    block = [[Styled(h, "pk_header") for h in ("ID", "Gemeente", "Eerste plaats", "± (standaardfout)",
                                               "Op de shortlist", "± (standaardfout)", "Uitleg")]]
    ranked = sorted(sens.eligible, key=lambda c: (-sens.acceptability[c]["shortlist"],
                                                  -sens.acceptability[c]["first"], c))
    for cid in ranked:
        acc, err = sens.acceptability[cid], sens.errors.get(cid, {"first": 0.0, "shortlist": 0.0})
        block.append([Styled(cid, "pk_output"), Styled(names[cid], "pk_output"),
                      Styled(acc["first"], "pk_output", "0.0%"),
                      Styled(err["first"], "pk_output", "0.00%"),
                      Styled(acc["shortlist"], "pk_output", "0.0%"),
                      Styled(err["shortlist"], "pk_output", "0.00%"),
                      Styled(sv.acceptability_sentence(names[cid], acc) + ".", "pk_output")])
    n = len(sens.eligible)
    shown = min(n, RANK_COLUMNS)
    block.append([])
    lower = (f" Na rang {shown} volgt één kolom met het deel dat een lagere rang geeft; alle rangen "
             f"staan in de uitvoer van 'partnerkeuze score --json'." if n > shown else "")
    block.append([Styled("Rangaanvaardbaarheid: het deel van de aannemelijke wegingen dat elke "
                         "rang geeft (gelijke scores delen de betere rang)." + lower, "pk_output")])
    block.append([Styled("ID", "pk_header"), Styled("Gemeente", "pk_header")]
                 + [Styled(f"Rang {r}", "pk_header") for r in range(1, shown + 1)]
                 + ([Styled(f"Rang {shown + 1} of lager", "pk_header")] if n > shown else []))
    shares: dict[float, Styled] = {}  # equal shares written as one value
    for row in sv.rank_rows(result, sens, with_text=False):
        cells = [Styled(row["id"], "pk_output"), Styled(row["name"], "pk_output")]
        ranks = list(row["ranks"][:shown])
        if n > shown:
            ranks.append(sum(row["ranks"][shown:]))
        for p in ranks:
            cell = shares.get(p)
            if cell is None:
                cell = shares[p] = Styled(p, "pk_output", "0.0%")
            cells.append(cell)
        block.append(cells)
    old = len(snap.rows(sheet))
    widths = [_width(snap, sheet, r, gl.ACCEPTABILITY_COL) for r in range(4, old + 1)]
    width = max([7, shown + 2 + (n > shown)] + widths)
    # Each row is written as wide as its values and what it held before (so the 7 cells of an
    # acceptability row are not padded to the rank table's n + 2 columns: that would be
    # candidates x candidates empty cells); consecutive rows of one width form one block.
    start = 0
    for i in range(1, len(block) + 1):
        here = max(len(block[start]), widths[start] if start < len(widths) else 0)
        if i < len(block) and max(len(block[i]), widths[i] if i < len(widths) else 0) == here:
            continue
        patch.write_block(Block(sheet, 4 + start, gl.ACCEPTABILITY_COL, block[start:i],
                                width=here))
        start = i
    patch.write_block(Block(sheet, 4 + len(block), gl.ACCEPTABILITY_COL, [],
                            clear_to=max(old, 4 + len(block)), width=width))
    vary = (" De scores van de beoordelaars variëren mee binnen hun spreiding."
            if sens.vary_scores else "")
    patch.set_cell(sheet, 3, 1,
                   f"{sens.samples:,}".replace(",", ".") + f" aannemelijke wegingen rond de gekozen gewichten "
                   f"(gemiddelde afwijking {sv.number(sens.spread)} procentpunten, startgetal "
                   f"{sens.seed}); zelfde startgetal, zelfde uitkomst. Elke standaardfout is "
                   f"hoogstens {sv.number(sens.precision * 100)} procentpunt." + vary)
    return patch


def second_round_patch(model: Model, result) -> Patch:
    """The second-round questions for shortlisted candidates that do not have them yet."""
    from partnerkeuze.record.governance.second_round import missing_rows

    patch = Patch()
    rows = missing_rows(model, result.shortlist)
    if rows:
        patch.append_rows("second_round", rows)
    return patch


def score_patch(model: Model, snap: Snapshot, result) -> Patch:
    """Everything governance writes with a score (the record was verified by the gate before
    score ran: app/gate.py)."""
    from partnerkeuze.record.governance.refreeze import warnings

    result.warnings.extend(warnings(snap))
    patch = consensus_patch(model, snap, result)
    patch.merge(sensitivity_patch(model, snap, result))
    patch.merge(second_round_patch(model, result))
    return patch
