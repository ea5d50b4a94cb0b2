"""The integrity of the governance record, checked the same way by ``check`` and ``score``: the
chained log and its head, the chained criteria history, the fixed fingerprint in the settings,
every freeze in the log matched by its history row and the reverse, and no change of the
criteria since they were fixed."""

from __future__ import annotations

import re

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.snapshot import Snapshot

_FP = re.compile(r"vingerafdruk ([0-9a-f]{16})")


def freeze_entries(snap: Snapshot) -> list[tuple[int, str]]:
    """(sheet row, fingerprint prefix or '') of every freeze entry of the log, in order."""
    from partnerkeuze.io.logcheck import numbered_rows

    out = []
    for row, cells in numbered_rows(snap, "log"):
        if str(cells[3] or "").strip() == "freeze":
            m = _FP.search(str(cells[4] or ""))
            out.append((row, m.group(1) if m else ""))
    return out


def cross_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """Every freeze in the log has its history row (same order, same fingerprint) and the
    reverse; the settings' frozen_at and frozen_by match the last history row."""
    from partnerkeuze.record.governance.freeze import history

    log_sheet = layout.sheet("log").name
    hist_sheet = layout.sheet("criteria_history").name
    t = layout.table("criteria_history")
    fp_col = t.first_col + t.index("fingerprint")
    logged = freeze_entries(snap)
    fixed = history(snap)
    out: list[Problem] = []
    for i, (row, fp) in enumerate(logged):
        if i >= len(fixed):
            out.append(Problem(f"{log_sheet}!A{row}",
                               f"deze logregel legt de criteria vast (vingerafdruk {fp or '?'}), "
                               f"maar het blad {hist_sheet} heeft daarvoor geen regel Nr {i + 1}: "
                               f"de vastlegging werd verwijderd"))
        elif not fp or not fixed[i].fingerprint.startswith(fp):
            out.append(Problem(place(hist_sheet, fp_col, fixed[i].row),
                               f"de vingerafdruk van vastlegging Nr {i + 1} verschilt van wat het "
                               f"logboek in rij {row} vastlegde ({fp or 'onleesbaar'})"))
    for f in fixed[len(logged):]:
        out.append(Problem(place(hist_sheet, t.first_col, f.row),
                           f"vastlegging Nr {f.seq} ({f.when}) heeft geen logregel 'freeze' in het "
                           f"blad {log_sheet}"))
    if fixed:
        rows = model.fields.get("settings", {}).get("_rows", {})
        sheet = layout.sheet("settings").name
        col = layout.table("settings").first_col + 2
        s = model.settings
        for key, want, have in (("frozen_at", fixed[-1].when, s.frozen_at),
                                ("frozen_by", fixed[-1].user, s.frozen_by)):
            if str(have or "").strip() != str(want or "").strip() and key in rows:
                out.append(Problem(place(sheet, col, rows[key]),
                                   f"'{have or ''}' past niet bij de laatste vastlegging op het "
                                   f"blad {hist_sheet} ('{want}'): gewist of gewijzigd"))
    return out


def worked_on(model: Model, snap: Snapshot) -> bool:
    """True when the workbook shows work that a Partnerkeuze log would have recorded."""
    return bool(any(s.score is not None for s in model.scores) or model.settings.frozen_hash)


def empty_log_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """A log without any entry in a workbook with scores or fixed criteria was wiped: every
    workbook Partnerkeuze makes starts with a log entry."""
    from partnerkeuze.io.logcheck import head, numbered_rows

    if numbered_rows(snap, "log") or head(snap) is not None or not worked_on(model, snap):
        return []
    t = layout.table("log")
    return [Problem(f"{layout.sheet('log').name}!A{t.first_data_row}",
                    "het logboek is leeg, maar de werkmap bevat al scores of vastgelegde "
                    "criteria: elke werkmap van Partnerkeuze begint met een logregel, dus het "
                    "logboek werd gewist")]


def record_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """Every break of the record itself (log, history, settings), without criteria changes:
    what also stops a new fixing of the criteria."""
    from partnerkeuze.record.governance import freeze
    from partnerkeuze.io import logcheck

    out = logcheck.log_problems(snap)
    out += empty_log_problems(model, snap)
    out += freeze.integrity_problems(model, snap)
    out += cross_problems(model, snap)
    return sorted(set(out))


def integrity_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """Every break of the governance record (log, history, settings, changed criteria); the one
    function behind both ``check`` and the refusal of ``score``."""
    from partnerkeuze.record.governance import freeze

    return sorted(set(record_problems(model, snap) + freeze.change_problems(model, snap)))
