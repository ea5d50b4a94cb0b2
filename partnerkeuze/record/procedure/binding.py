"""A decision binds its inputs: every change since the newest decision (the college's, or the
council's approval of it) named by sheet and row, with the old and the new value where the
decision kept it; and the sheet *Beslissing* itself checked against its chain and the log.

A change is a problem that ``record`` resolves (the college decides again: ``partnerkeuze
record PAD college --partner ID --reason "…"``); until then ``score`` refuses and ``letters``
and ``dossier`` write no final document (app/gate.py).
"""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

import difflib
import re

from partnerkeuze.kernel.plain import Value
from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.snapshot import Snapshot
from partnerkeuze.record.procedure import decided as dd
from partnerkeuze.record.procedure import inputs as ins

MAX_PER_SHEET = 100  # changes named per sheet; the rest is counted
LOG_ACTION = "record"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LOGGED = re.compile(r"beslissing Nr (\d+)-(\d+): invoer ([0-9a-f]{16}), resultaat ([0-9a-f]{16})")


class Change(Value):
    """One change since a decision: sheet, row, the cell, and what changed (Dutch)."""

    sheet: str
    row: int
    what: str
    cell: str

    def as_json(self) -> dict:
        """The form of ``score --json``: {"sheet", "row", "what"}."""
        return {"sheet": self.sheet, "row": self.row, "what": self.what}


def _shown(value) -> str:
    if value is None:
        return "(leeg)"
    if isinstance(value, str) and value.startswith("#") and len(value) == 17:
        return "(een lange tekst)"
    if isinstance(value, float):
        return nl_general(value)
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        return f"'{value}'"
    return str(value)


def _describe(table: str, key: str) -> str:
    if table == ins.SETTINGS:
        field = next((f for f in layout.sheet(ins.SETTINGS).fields if f.key == key), None)
        return f"'{field.label}'" if field else key
    return key.replace("|", ", ") if key else "(zonder sleutel)"


def _values(table: str, columns: list[str], values: tuple) -> str:
    return ", ".join(f"{ins.header(table, c)} {_shown(v)}" for c, v in zip(columns, values)
                     if v is not None)


def _changed(table: str, column: str, key: str, old, new) -> str:
    name = _describe(table, key) if table == ins.SETTINGS else \
        f"{_describe(table, key)}: '{ins.header(table, column)}'"
    if isinstance(old, str) and isinstance(new, str) and old.startswith("#") \
            and new.startswith("#") and len(old) == len(new) == 17:
        return f"{name} gewijzigd (een lange tekst)"
    return f"{name} gewijzigd van {_shown(old)} naar {_shown(new)}"


def _table_changes(table: str, columns: list[str], old: list[ins.Item],
                   new: list[ins.Item]) -> list[Change]:
    sheet = ins.sheet_name(table)
    first = layout_first_col(table)
    old_by = {it.key: it for it in old}
    new_by = {it.key: it for it in new}
    out: list[Change] = []
    for it in new:
        before = old_by.get(it.key)
        if before is None:
            out.append(Change(sheet, it.row, f"rij {_describe(table, it.key)} toegevoegd ("
                                             f"{_values(table, columns, it.values)})",
                              place(sheet, first, it.row)))
            continue
        for c, a, b in zip(columns, before.values, it.values):
            if a != b:
                out.append(Change(sheet, it.row, _changed(table, c, it.key, a, b),
                                  place(sheet, ins.column_number(table, c), it.row)))
    for it in old:
        if it.key not in new_by:
            out.append(Change(sheet, it.row, f"rij {_describe(table, it.key)} verwijderd (stond "
                                             f"op rij {it.row}: "
                                             f"{_values(table, columns, it.values)})",
                              place(sheet, first, it.row)))
    common_old = [it.key for it in old if it.key in new_by]
    common_new = [it.key for it in new if it.key in old_by]
    if common_old != common_new:
        matcher = difflib.SequenceMatcher(None, common_old, common_new, autojunk=False)
        kept = set()
        for block in matcher.get_matching_blocks():
            kept.update(common_new[block.b:block.b + block.size])
        for key in common_new:
            if key not in kept:
                it, before = new_by[key], old_by[key]
                out.append(Change(sheet, it.row,
                                  f"rij {_describe(table, key)} staat niet meer op haar plaats "
                                  f"(was rij {before.row}): de volgorde van de rijen werd "
                                  f"gewijzigd", place(sheet, first, it.row)))
    out.sort(key=lambda ch: ch.row)
    if len(out) > MAX_PER_SHEET:
        rest = len(out) - MAX_PER_SHEET
        out = out[:MAX_PER_SHEET] + [Change(sheet, out[MAX_PER_SHEET].row,
                                            f"en nog {rest} wijziging(en) op dit blad",
                                            out[MAX_PER_SHEET].cell)]
    return out


def layout_first_col(table: str) -> int:
    """The first worksheet column of an input table (A for the settings' keys)."""
    if table == ins.SETTINGS:
        return layout.sheet(ins.SETTINGS).table.first_col
    return layout.table(table).first_col


def changes_since(snap: Snapshot, mode: str = "stedenband",
                  stored: dd.StoredDecision | None = None) -> list[Change]:
    """Every change of the inputs since the newest decision ([] before any, or when nothing
    changed)."""
    stored = stored if stored is not None else dd.latest_stored(snap)
    if stored is None:
        return []
    columns = stored.head.get("kolommen") or {}
    current = ins.read_inputs(snap, mode, columns=columns)
    if ins.fingerprint(current) == stored.head.get("invoer"):
        return []
    old = dd.stored_inputs(stored)
    out: list[Change] = []
    for table in current.keys() | old.keys():
        cols = columns.get(table) or ins.columns_of(mode).get(table, [])
        now = current[table].items() if table in current else []
        out.extend(_table_changes(table, cols, old.get(table, []), now))
    if not out:  # the fingerprint differs but no item: the stored inputs were altered
        out.append(Change(layout.sheet(dd.TABLE).name, stored.head_row,
                          "de vastgelegde invoer van de beslissing klopt niet met haar "
                          "vingerafdruk", place(layout.sheet(dd.TABLE).name, 1, stored.head_row)))
    order = {s.table: i for i, s in enumerate(ins.input_sheets(mode))}
    sheets = {ins.sheet_name(t): order.get(t, 99) for t in order}
    out.sort(key=lambda ch: (sheets.get(ch.sheet, 99), ch.row))
    return out


def _logged(snap: Snapshot) -> list[tuple[int, int, str, str, int]]:
    """(first Nr, last Nr, inputs, result, log row) of every decision the log names."""
    from partnerkeuze.io.logcheck import numbered_rows

    out = []
    for row, cells in numbered_rows(snap, "log"):
        if str(cells[3] or "") == LOG_ACTION:
            m = LOGGED.search(str(cells[4] or ""))
            if m:
                out.append((int(m.group(1)), int(m.group(2)), m.group(3), m.group(4), row))
    return out


def integrity_problems(snap: Snapshot) -> list[Problem]:
    """Altered, removed or unlogged rows of the Beslissing sheet, and decisions of the college
    or the council without their rows."""
    from partnerkeuze.io.logcheck import chain_problems, int_or_none
    from partnerkeuze.record.procedure.record import read_record

    sheet = layout.sheet(dd.TABLE).name
    logged = _logged(snap)
    if not dd.has_sheet(snap):
        if logged:
            return [Problem(sheet, f"het blad {sheet} ontbreekt, maar het logboek noemt "
                                   f"{len(logged)} vastgelegde beslissing(en): verwijderd")]
        return []
    rows = dd.decision_rows(snap)
    out = chain_problems(sheet, rows, "beslissingsregel")
    by_seq = {int_or_none(cells[0]): (row, cells) for row, cells in rows}
    covered: set[int] = set()
    t = layout.table(dd.TABLE)
    fp_col = t.first_col + t.index("fingerprint")
    for first, last, inputs, result, log_row in logged:
        covered.update(range(first, last + 1))
        head = by_seq.get(first)
        if any(n not in by_seq for n in range(first, last + 1)):
            gone = [n for n in range(first, last + 1) if n not in by_seq]
            out.append(Problem(place(sheet, 1, rows[-1][0] + 1 if rows else t.first_data_row),
                               f"beslissingsregel Nr {gone[0]}"
                               + (f" tot {gone[-1]}" if len(gone) > 1 else "")
                               + f" staat in het logboek (rij {log_row}) maar ontbreekt op het "
                                 f"blad {sheet}: verwijderd"))
        elif head is not None and (head[1][3] != dd.HEAD
                                   or not str(head[1][6] or "").startswith(inputs)):
            out.append(Problem(place(sheet, fp_col, head[0]),
                               f"beslissingsregel Nr {first} heeft niet de vingerafdruk die het "
                               f"logboek (rij {log_row}) noemt ({inputs}…): herschreven"))
    for seq, (row, cells) in by_seq.items():
        if seq is not None and seq not in covered:
            out.append(Problem(place(sheet, 1, row),
                               f"beslissingsregel Nr {seq} staat niet in het logboek: buiten "
                               f"Partnerkeuze toegevoegd"))
    stored = {d.procedure_seq for d in dd.stored_decisions(snap)}
    psheet = layout.sheet("procedure").name
    for e in read_record(snap).entries:
        if e.stage in ("college", "council") and e.seq is not None and e.seq not in stored:
            out.append(Problem(place(psheet, 1, e.row),
                               f"bij '{e.label.lower()}' (Nr {e.seq}) staat op het blad {sheet} "
                               f"niet vastgelegd waarop ze steunt; leg de beslissing opnieuw "
                               f"vast (partnerkeuze record PAD {e.stage} … --reason \"…\")",
                               allows=("record",)))
    return out


def change_problems(snap: Snapshot, mode: str = "stedenband") -> list[Problem]:
    """A problem per change since the newest decision (``record`` resolves them)."""
    stored = dd.latest_stored(snap)
    if stored is None:
        return []
    changes = changes_since(snap, mode, stored)
    if not changes:
        return []
    label = ("de goedkeuring door de gemeenteraad" if stored.stage == "council"
             else "de beslissing van het college")
    when = str(stored.head.get("datum") or "?")
    return [Problem(ch.cell, f"{ch.what} na {label} van {when} (Procedure Nr "
                             f"{stored.procedure_seq}), die erop steunde; zet de wijziging terug "
                             f"of laat het college opnieuw beslissen (partnerkeuze record PAD "
                             f"college --partner ID --reason \"…\")", allows=("record",))
            for ch in changes]


def reopened_entries(snap: Snapshot, stored: dd.StoredDecision | None = None) -> list:
    """The stages recorded after the newest decision that the college's decision follows (a
    new GROS advice, consensus, second round, shortlist, deadline…): what the decision rested
    on has changed, so the college decides again ([] before any decision)."""
    from partnerkeuze.record.procedure.record import read_record
    from partnerkeuze.record.procedure.stages import position

    stored = stored if stored is not None else dd.latest_stored(snap)
    if stored is None:
        return []
    college = position("college")
    return [e for e in read_record(snap).entries
            if e.seq is not None and e.seq > stored.procedure_seq
            and 0 <= position(e.stage) < college]


def reopened_problems(snap: Snapshot) -> list[Problem]:
    """A problem per stage recorded after the newest decision that the decision follows
    (``record college`` resolves it)."""
    stored = dd.latest_stored(snap)
    entries = reopened_entries(snap, stored)
    if not entries:
        return []
    label = ("de goedkeuring door de gemeenteraad" if stored.stage == "council"
             else "de beslissing van het college")
    when = str(stored.head.get("datum") or "?")
    sheet = layout.sheet("procedure").name
    return [Problem(place(sheet, layout.table("procedure").first_col, e.row),
                    f"'{e.stage_name}' (Nr {e.seq}) werd vastgelegd na {label} van {when} "
                    f"(Procedure Nr {stored.procedure_seq}), die steunde op wat toen "
                    f"vastlag; laat het college opnieuw beslissen (partnerkeuze record PAD "
                    f"college --partner ID --reason \"…\")", allows=("record",))
            for e in entries]


def binding_problems(model, snap: Snapshot) -> list[Problem]:
    """The check registered for the procedure: the Beslissing sheet's integrity and every
    change since the newest decision."""
    mode = model.settings.mode if model is not None else "stedenband"
    if mode != "stedenband":
        return []
    return integrity_problems(snap) + change_problems(snap, mode) + reopened_problems(snap)
