"""Fixing the criteria: the fingerprint, its history and what changed since it was fixed."""

from __future__ import annotations

import hashlib
import json

from partnerkeuze.io import audit
from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.core.fingerprint import criteria_canonical, criteria_hash
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.io.logcheck import chain_problems, numbered_rows
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.kernel.plain import Value
from partnerkeuze.kernel.snapshot import Snapshot

REASON_MAX = 1000
HINT = ("leg de wijziging vast met een reden: knop 'Criteria vastleggen' of "
        "partnerkeuze freeze PAD --reason \"…\"")


class Fixed(Value):
    """One row of the criteria history: a fixed set of criteria."""

    def __init__(self, seq: int, when: str, user: str, fingerprint: str, reason: str,
                 changes: str, criteria: list, row: int):
        self.seq = seq
        self.when = when
        self.user = user
        self.fingerprint = fingerprint
        self.reason = reason
        self.changes = changes
        self.criteria = criteria  # canonical criteria (list of dicts) or [] when unreadable
        self.row = row


def canonical_text(criteria) -> str:
    """The exact text whose SHA-256 is the criteria fingerprint."""
    return json.dumps(criteria_canonical(criteria), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))


def history(snap: Snapshot) -> list[Fixed]:
    """The rows of the criteria history, in order."""
    out = []
    for row, cells in numbered_rows(snap, "criteria_history"):
        try:
            crits = json.loads(str(cells[6] or "[]"))
            if not isinstance(crits, list):
                crits = []
        except ValueError:
            crits = []
        try:
            seq = int(float(cells[0]))
        except (TypeError, ValueError):
            seq = 0
        out.append(Fixed(seq, str(cells[1] or ""), str(cells[2] or ""), str(cells[3] or ""),
                         str(cells[4] or ""), str(cells[5] or ""), crits, row))
    return out


_FIELDS = (("name", "name", "de naam"), ("weight", "weight", "het gewicht"),
           ("kind", "kind", "de soort"), ("threshold", "threshold", "de drempel"))


def _shown(value) -> str:
    """A value as the change messages show it: numbers with every digit that differs (up to
    ten significant digits), never rounded so far that a change reads 'from 15 to 15'."""
    if value is None:
        return "(leeg)"
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, list):
        return "-".join(f"{v:g}" for v in value)
    return f"'{value}'"


def differences(old: list[dict], model: Model) -> list[tuple[str, str]]:
    """(place, Dutch description) of every difference between a fixed set and the criteria now."""
    sheet = layout.sheet("criteria").name
    t = layout.table("criteria")
    col = {k: t.first_col + t.index(k) for k in ("id", "name", "weight", "scale_min", "scale_max",
                                                 "kind", "threshold")}
    before = {d.get("id"): d for d in old if isinstance(d, dict)}
    now = {d["id"]: d for d in criteria_canonical(model.criteria)}
    rows = {c.id: c.row for c in model.criteria}
    raw = {c.id: c for c in model.criteria}
    records = {r.get("id"): r for r in model.tables.get("criteria", [])}
    by_default: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for cid, d in now.items():
        row = rows[cid]
        if cid not in before:
            out.append((place(sheet, col["id"], row), f"criterium {cid} ({d['name']}) is toegevoegd"))
            continue
        b = before[cid]
        for key, column, label in _FIELDS:
            if b.get(key) != d[key]:  # the fingerprint's threshold: half a millionth
                value = getattr(raw[cid], key) if key in ("weight", "threshold") else d[key]
                value = float(value) if isinstance(value, (int, float)) else value
                out.append((place(sheet, col[column], row),
                            f"{label} van {cid} is gewijzigd van {_shown(b.get(key))} naar "
                            f"{_shown(value)}"))
        old_scale, new_scale = b.get("scale") or [None, None], d["scale"]
        for i, key in enumerate(("scale_min", "scale_max")):
            if old_scale[i] != new_scale[i]:
                if records.get(cid, {}).get(key) is None:  # blank cell: the default scale
                    by_default.setdefault(key, []).append(cid)
                    continue
                out.append((place(sheet, col[key], row),
                            f"de schaal van {cid} is gewijzigd van {_shown(b.get('scale'))} naar "
                            f"{_shown(new_scale)}"))
                break
    for cid, b in before.items():
        if cid not in now:
            out.append((sheet, f"criterium {cid} ({b.get('name', '')}) werd verwijderd"))
    settings_rows = model.fields.get("settings", {}).get("_rows", {})
    labels = {"scale_min": "de laagste score", "scale_max": "de hoogste score"}
    for key, cids in by_default.items():  # named at the setting, not at blank criterion cells
        value = getattr(model.settings, key)
        where = place(layout.sheet("settings").name, layout.table("settings").first_col + 2,
                      settings_rows.get(key, 0)) if key in settings_rows \
            else layout.sheet("settings").name
        old = (before[cids[0]].get("scale") or [None, None])[0 if key == "scale_min" else 1]
        out.append((where, f"{labels[key]} van de standaardschaal is gewijzigd van "
                           f"{_shown(old)} naar {_shown(float(value))}; dat wijzigt de schaal van {', '.join(cids)} "
                           f"(hun schaalcellen op het blad {sheet} zijn leeg)"))
    return out


def current_fixed(snap: Snapshot) -> Fixed | None:
    """The last fixed set of criteria, or None when the criteria were never fixed."""
    h = history(snap)
    return h[-1] if h else None


def change_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """A problem per criterion cell changed since the criteria were fixed (none when not fixed)."""
    last = current_fixed(snap)
    fixed_hash = last.fingerprint if last else model.settings.frozen_hash
    if not fixed_hash or criteria_hash(model.criteria) == fixed_hash:
        return []
    when = f" op {last.when} door {last.user}" if last else ""
    if last and last.criteria:
        diffs = differences(last.criteria, model)
    else:
        diffs = [(layout.sheet("criteria").name, "de criteria wijken af van de vastgelegde "
                                                  "vingerafdruk")]
    if not diffs:  # e.g. a rounding-level change the diff does not name
        diffs = [(layout.sheet("criteria").name, "de criteria wijken af van de vastgelegde "
                                                  "vingerafdruk")]
    return [Problem(p, f"{m} na het vastleggen van de criteria{when}; {HINT}", allows=("freeze",))
            for p, m in diffs]


def integrity_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """Problems of the history itself: altered rows, fingerprints, settings and log entries."""
    sheet = layout.sheet("criteria_history").name
    out = chain_problems(sheet, numbered_rows(snap, "criteria_history"), "vastlegging")
    h = history(snap)
    t = layout.table("criteria_history")
    crit_col = t.first_col + t.index("criteria")
    for f in h:
        text = json.dumps(f.criteria, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != f.fingerprint or not f.criteria:
            out.append(Problem(place(sheet, crit_col, f.row),
                               f"de vastgelegde criteria van vastlegging Nr {f.seq} passen niet "
                               f"bij hun vingerafdruk"))
    settings_sheet = layout.sheet("settings").name
    row = model.fields.get("settings", {}).get("_rows", {}).get("frozen_hash", 0)
    cell = place(settings_sheet, layout.table("settings").first_col + 2, row)
    frozen = model.settings.frozen_hash
    if h and frozen != h[-1].fingerprint:
        out.append(Problem(cell, "de vingerafdruk van de vastgelegde criteria werd gewist of "
                                 "gewijzigd; ze moet gelijk zijn aan de laatste regel van het blad "
                                 f"{sheet}"))
    elif frozen and not h:
        out.append(Problem(cell, f"de criteria staan als vastgelegd, maar het blad {sheet} heeft "
                                 f"geen vastlegging"))
    return out


def history_entry(prev: str, seq: int, criteria, reason: str, changes: str, *, user: str,
                  when: str) -> list:
    """A row of the criteria history for these criteria, chained to the previous link."""
    entry = [seq, when, user, criteria_hash(criteria), reason, changes, canonical_text(criteria)]
    entry.append(audit.chain_hash(prev, entry))
    return entry


def history_row(snap: Snapshot, model: Model, reason: str, changes: str, *, user: str,
                when: str) -> list:
    """The next row of the criteria history, chained to the previous one."""
    rows = numbered_rows(snap, "criteria_history")
    prev = str(rows[-1][1][-1] or "") if rows else ""
    return history_entry(prev, len(rows) + 1, model.criteria, reason, changes, user=user,
                         when=when)


def settings_cells(model: Model, values: dict) -> Patch:
    """A patch writing settings fields (frozen_hash, frozen_at, frozen_by) by key."""
    patch = Patch()
    sheet = layout.sheet("settings").name
    col = layout.table("settings").first_col + 2
    rows = model.fields.get("settings", {}).get("_rows", {})
    for key, value in values.items():
        if key in rows:
            patch.set_cell(sheet, rows[key], col, value)
    return patch


def status_text(model: Model, snap: Snapshot | None = None) -> str:
    """One Dutch line on the state of the criteria (for the ribbon, UDF and dossier)."""
    s = model.settings
    now = criteria_hash(model.criteria)
    if not s.frozen_hash:
        return f"Criteria niet vastgelegd (vingerafdruk {now[:12]})."
    if s.frozen_hash == now:
        return f"Criteria vastgelegd op {s.frozen_at} door {s.frozen_by} (vingerafdruk {now[:12]})."
    return (f"LET OP: de criteria zijn gewijzigd na het vastleggen op {s.frozen_at} door "
            f"{s.frozen_by} (vastgelegd {s.frozen_hash[:12]}, nu {now[:12]}).")
