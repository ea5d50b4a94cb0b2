"""Problems of the procedure record: a broken chain, rows missing from the log, and every
contradiction between the record, the Status column and the scores."""

from __future__ import annotations

import re

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.record.procedure.record import numbered_rows, read_record
from partnerkeuze.record.procedure.recording import LOG_ACTION
from partnerkeuze.record.procedure.stages import STAGE_CODES

CHOSEN = "Gekozen"
SHORTLIST = "Shortlist"
WITHDRAWN = "Ingetrokken"
REJECTED = ("Niet weerhouden", "Ingetrokken")
_LOGGED = re.compile(r"^procedure Nr (\d+): [^;]*; ketting ([0-9a-f]{16})")


def chain_problems(snap) -> list[Problem]:
    """Altered, removed or unlogged rows of the Procedure sheet."""
    from partnerkeuze.io.logcheck import chain_problems as chained
    from partnerkeuze.io.logcheck import numbered_rows as table_rows

    sheet = layout.sheet("procedure").name
    rows = numbered_rows(snap)
    out = chained(sheet, rows, "procedureregel")
    logged: dict[int, str] = {}
    for _, cells in table_rows(snap, "log"):
        if str(cells[3] or "") == LOG_ACTION:
            m = _LOGGED.search(str(cells[4] or ""))
            if m:
                logged[int(m.group(1))] = m.group(2)
    seqs = set()
    for row, cells in rows:
        link = str(cells[-1] or "")
        try:
            seq = int(float(cells[0]))
        except (TypeError, ValueError):
            continue
        seqs.add(seq)
        if str(cells[1] or "") not in STAGE_CODES:
            out.append(Problem(place(sheet, 2, row), f"onbekende procedurestap '{cells[1]}'"))
        if logged.get(seq) != link[:16]:
            out.append(Problem(place(sheet, 1, row),
                               f"procedureregel Nr {seq} staat niet (zo) in het logboek: "
                               f"gewijzigd of buiten Partnerkeuze toegevoegd"))
    first = layout.table("procedure").first_data_row
    next_row = rows[-1][0] + 1 if rows else first
    gone = sorted(s for s in logged if s not in seqs)
    if gone:
        out.append(Problem(place(sheet, 1, next_row),
                           f"procedureregel Nr {', '.join(map(str, gone))} staat in het logboek "
                           f"maar ontbreekt op het blad {sheet}: verwijderd"))
    return out


def contradiction_problems(snap, model, result=None) -> list[Problem]:
    """Contradictions between the record, the Status column, the Eindvolgorde and the scores."""
    from partnerkeuze.record.procedure.decision import sheet_consensus

    rec = read_record(snap)
    out: list[Problem] = []
    psheet = layout.sheet("procedure").name
    csheet = layout.sheet("candidates").name
    t = layout.table("candidates")
    status_col = t.first_col + t.index("status")
    cands = {c.id: c for c in model.candidates}
    chosen = rec.chosen
    college = rec.college
    where = place(psheet, 6, college.row) if college else psheet
    for c in model.candidates:
        cell = place(csheet, status_col, c.row)
        if c.status == CHOSEN and chosen is None:
            out.append(Problem(cell, f"{c.id} ({c.name}) staat op 'Gekozen', maar er is geen "
                                     f"beslissing van het college vastgelegd; leg ze vast met "
                                     f"partnerkeuze record PAD college --partner {c.id} of zet "
                                     f"de status terug"))
        elif c.status == CHOSEN and c.id != chosen:
            out.append(Problem(cell, f"{c.id} ({c.name}) staat op 'Gekozen', maar het college "
                                     f"koos {chosen} (blad {psheet}, Nr {college.seq})"))
        elif c.id == chosen and c.status != CHOSEN:
            out.append(Problem(cell, f"het college koos {c.id} ({c.name}) (blad {psheet}, Nr "
                                     f"{college.seq}), maar de status is '{c.status}'; zet ze op "
                                     f"'Gekozen'"))
    if chosen is not None and chosen not in cands:
        out.append(Problem(where, f"het college koos '{chosen}', dat niet op het blad Kandidaten "
                                  f"staat"))
    council = rec.council
    if council is not None:
        if chosen is None:
            out.append(Problem(place(psheet, 2, council.row),
                               "de gemeenteraad keurde een keuze goed, maar er is geen beslissing "
                               "van het college vastgelegd"))
        elif council.partner and council.partner != chosen:
            out.append(Problem(place(psheet, 6, council.row),
                               f"de gemeenteraad keurde {council.partner} goed, maar het college "
                               f"koos {chosen}"))
    consensus = rec.consensus_order
    on_sheet = sheet_consensus(model)
    if consensus and on_sheet and consensus != on_sheet:
        entry = rec.latest("consensus")
        out.append(Problem(layout.sheet("final_order").name,
                           f"de eindvolgorde op het blad ({', '.join(on_sheet)}) verschilt van de "
                           f"vastgelegde consensus ({', '.join(consensus)}, Nr {entry.seq} op "
                           f"{entry.date}); leg de consensus opnieuw vast met een reden"))
    for cid in consensus:
        if cid not in cands:
            out.append(Problem(place(psheet, 8, rec.latest("consensus").row),
                               f"de vastgelegde eindvolgorde noemt '{cid}', dat niet op het blad "
                               f"Kandidaten staat"))
    if chosen and consensus and chosen != consensus[0] and not (college.text or "").strip():
        out.append(Problem(where, f"het college koos {chosen}, terwijl de vastgelegde "
                                  f"eindvolgorde {consensus[0]} eerst zet; leg de argumentatie "
                                  f"van het college vast (--text) of de consensus opnieuw"))
    deadline = model.settings.deadline
    if rec.deadline and deadline and rec.deadline != deadline:
        rows = model.fields.get("settings", {}).get("_rows", {})
        cell = place(layout.sheet("settings").name, layout.table("settings").first_col + 2,
                     rows.get("deadline", 0))
        out.append(Problem(cell, f"de deadline op Instellingen ({deadline.isoformat()}) verschilt "
                                 f"van de gepubliceerde deadline in de procedure "
                                 f"({rec.deadline.isoformat()})"))
    if result is not None and chosen in cands:
        res = result.by_id().get(chosen)
        if res is not None:
            if res.excluded:
                out.append(Problem(where, f"het college koos {chosen}, dat uitgesloten is: "
                                          f"{'; '.join(res.reasons)}"))
            elif not res.complete or res.score is None:
                out.append(Problem(where, f"het college koos {chosen}, dat nog niet volledig "
                                          f"gescoord is"))
            elif chosen not in result.shortlist and not (college.text or "").strip():
                out.append(Problem(where, f"het college koos {chosen}, dat niet op de shortlist "
                                          f"staat ({', '.join(result.shortlist)}), zonder "
                                          f"argumentatie; leg de argumentatie van het college "
                                          f"vast (--text)"))
        for c in model.candidates:
            r = result.by_id().get(c.id)
            if c.status == SHORTLIST and r is not None and not r.shortlisted \
                    and c.id not in consensus:
                out.append(Problem(place(csheet, status_col, c.row),
                                   f"{c.id} ({c.name}) staat op 'Shortlist', maar de scores zetten "
                                   f"de kandidaat niet op de shortlist "
                                   f"({', '.join(result.shortlist) or 'leeg'})"))
            elif c.status == WITHDRAWN and c.id in consensus:
                out.append(Problem(place(csheet, status_col, c.row),
                                   f"{c.id} ({c.name}) staat op 'Ingetrokken', maar de "
                                   f"vastgelegde eindvolgorde noemt de kandidaat nog"))
        for cid in consensus:
            r = result.by_id().get(cid)
            if r is not None and r.excluded:
                out.append(Problem(place(psheet, 8, rec.latest("consensus").row),
                                   f"de vastgelegde eindvolgorde noemt {cid}, dat uitgesloten is"))
    # a contradiction is resolved by recording the stage again (or by editing the cell named)
    return [p.replace(allows=("record",)) for p in out]


def record_problems(snap, model, result=None) -> list[Problem]:
    """Every problem of the procedure record (chain and contradictions)."""
    if not snap.has_sheet(layout.sheet("procedure").name):
        return []
    if result is None and model is not None:
        try:
            from partnerkeuze.core.assessment import evaluate

            result = evaluate(model)
        except Exception:  # a model too broken to score: its own problems are reported
            result = None
    out = chain_problems(snap)
    if model is not None:
        out += contradiction_problems(snap, model, result)
    return out


def check_record(model, snap) -> list[Problem]:
    """The check of ``partnerkeuze check`` (registered in the procedure's feature.py): the
    record's chain and contradictions, its order in time, and what the newest decision rested
    on (the sheet Beslissing and every change since)."""
    from partnerkeuze.record.procedure import binding, chronology

    if not snap.has_sheet(layout.sheet("procedure").name):
        return []
    return (record_problems(snap, model) + chronology.record_problems(snap, model)
            + binding.binding_problems(model, snap))


def older_workbook_warnings(model, snap) -> list[Problem]:
    """The warning of a workbook without the sheet Beslissing (made by an earlier version) in
    which the college already decided: its letters and dossier follow the current figures."""
    from partnerkeuze.record.procedure.decided import has_sheet

    mode = getattr(getattr(model, "settings", None), "mode", "stedenband")
    if mode != "stedenband" or has_sheet(snap) or \
            not snap.has_sheet(layout.sheet("procedure").name):
        return []
    college = read_record(snap).college
    if college is None or not college.partner:
        return []
    return [Problem(layout.sheet("procedure").name,
                    f"deze werkmap is gemaakt vóór het blad {layout.sheet('decision').name} "
                    f"bestond: waarop de beslissing van het college van {college.date} steunde, "
                    f"is niet bewaard, dus toont check geen latere wijziging; de brieven en het "
                    f"dossier volgen de huidige cijfers. Een nieuwe werkmap (partnerkeuze new) "
                    f"bewaart het bij elke volgende beslissing")]
