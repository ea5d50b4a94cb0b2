"""The order of the procedure in time: a stage is not dated before the stages it follows, nor in
the future, nor before the call's workbook existed (its first log entry); and the published
deadline is a working day.

The chain (seed 000): published <= extension <= deadline closed <= longlist <= shortlist <=
second round <= consensus <= GROS advice <= college <= council <= partner informed, others
informed (the last two in either order). The profile and the fixing of the criteria stand
outside it. A deadline is a working day when it is no weekend, no Belgian public holiday, no
Flemish school holiday and no public holiday in a country of the call (Instellingen, 'Landen
van de oproep'); another day needs a reason (``--reason``).

``record`` refuses a new entry that breaks these rules (``entry_problems``,
``deadline_problems``); ``check`` reports an existing record that breaks them
(``record_problems``, problems that ``record`` resolves).
"""

from __future__ import annotations

import datetime as dt

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.snapshot import Snapshot
from partnerkeuze.record.procedure.stages import STAGE_NAMES

LEVEL: dict[str, int] = {
    "published": 0, "extension": 1, "deadline_closed": 2, "longlist": 3, "shortlist": 4,
    "second_round": 5, "consensus": 6, "gros": 7, "college": 8, "council": 9,
    "partner_informed": 10, "others_informed": 10,
}
DATE_COL = 4  # Procedure!D: the date of the event
DEADLINE_COL = 5  # Procedure!E: the deadline


def first_day(snap: Snapshot) -> dt.date | None:
    """The day the call's workbook was made: the date of its first log entry (None without)."""
    from partnerkeuze.io.logcheck import numbered_rows
    from partnerkeuze.record.procedure.record import as_date

    rows = numbered_rows(snap, "log")
    return as_date(rows[0][1][1]) if rows else None


def _name(stage: str) -> str:
    name = STAGE_NAMES.get(stage, stage)
    return name[:1].lower() + name[1:]


def entry_problems(record, stage: str, date: dt.date, today: dt.date,
                   created: dt.date | None) -> list[str]:
    """Why a new entry of ``stage`` on ``date`` breaks the order in time ([] when it does not)."""
    out: list[str] = []
    if date > today:
        out.append(f"de datum {date.isoformat()} ligt in de toekomst; leg een stap vast wanneer "
                   f"ze gebeurd is")
    if created is not None and date < created:
        out.append(f"de datum {date.isoformat()} ligt vóór {created.isoformat()}, de dag waarop "
                   f"de werkmap van deze oproep gemaakt werd (eerste regel van het Logboek)")
    level = LEVEL.get(stage)
    if level is None:
        return out
    before = _latest_before(record, level, date)
    if before is not None:
        out.append(f"de stap '{_name(stage)}' kan niet op {date.isoformat()} vallen: ze volgt op "
                   f"'{_name(before.stage)}' van {before.date.isoformat()} (Nr {before.seq}); "
                   f"een stap ligt nooit vóór de stappen die eraan voorafgaan")
    return out


def superseded(record, entry) -> bool:
    """True when a stage that ``entry`` follows was recorded after it (a higher Nr): the
    procedure was taken up again from there (a new advice, a new consensus), so the entry no
    longer stands in the order in time; what still stands after a decision is reported by
    binding.reopened_problems until the college decides again."""
    level = LEVEL.get(entry.stage)
    return level is not None and entry.seq is not None and any(
        e.seq is not None and e.seq > entry.seq and LEVEL.get(e.stage, level) < level
        for e in record.entries)


def _latest_before(record, level: int, date: dt.date):
    """The recorded stage of a lower level with the latest date after ``date``, or None."""
    worst = None
    for code, lvl in LEVEL.items():
        if lvl >= level:
            continue
        e = record.latest(code)
        if e is not None and e.date is not None and e.date > date and \
                not superseded(record, e):
            if worst is None or e.date > worst.date:
                worst = e
    return worst


def call_countries(model) -> list[str]:
    """The countries the call names (Instellingen, 'Landen van de oproep'), as on the list of
    countries; names not on it are left out (the planning reports them)."""
    from partnerkeuze.kernel.reference import COUNTRY_BY_NAME

    text = str(model.settings.values.get("call_countries") or "") if model is not None else ""
    out: list[str] = []
    by_fold = {name.casefold(): name for name in COUNTRY_BY_NAME}
    for part in text.replace(";", ",").split(","):
        name = by_fold.get(part.strip().casefold())
        if name and name not in out:
            out.append(name)
    return out


def day_off(day: dt.date, countries=()) -> str | None:
    """Why ``day`` is no working day, in Dutch (weekend, Belgian public holiday, Flemish school
    holiday, public holiday in a country of the call), or None on a working day."""
    from partnerkeuze.core import workdays as wd
    from partnerkeuze.kernel.reference import COUNTRY_BY_NAME

    if day.weekday() >= 5:
        return "een " + ("zaterdag" if day.weekday() == 5 else "zondag")
    if not wd.is_office_day(day):
        name = wd.holiday_name_nl(day, wd.BELGIUM)
        return "een Belgische wettelijke feestdag" + (f" ({name})" if name else "")
    if wd.is_school_holiday(day):
        return "een dag van de Vlaamse schoolvakanties"
    for country in countries:
        iso = COUNTRY_BY_NAME[country].iso
        public, weekend = wd.public_days(iso, day.year)
        if day in public:
            name = wd.holiday_name_nl(day, iso)
            return f"een feestdag in {country}" + (f" ({name})" if name else "")
        if day.weekday() in weekend:
            return f"een weekenddag in {country}"
    return None


def deadline_problems(deadline: dt.date, countries, reason: str) -> list[str]:
    """Why a deadline cannot be recorded without a reason ([] on a working day or with one)."""
    why = day_off(deadline, countries)
    if why is None or reason:
        return []
    return [f"de deadline {deadline.isoformat()} is {why}: een deadline valt op een werkdag "
            f"(geen weekend, geen Belgische feestdag of Vlaamse schoolvakantie, geen feestdag "
            f"in een land van de oproep); kies een werkdag of geef de reden: --reason \"…\""]


def record_problems(snap: Snapshot, model, today: dt.date | None = None) -> list[Problem]:
    """Every break of the order in time in an existing record (problems ``record`` resolves)."""
    from partnerkeuze.record.procedure.record import read_record

    rec = read_record(snap)
    if not rec.entries:
        return []
    today = today or dt.date.today()
    created = first_day(snap)
    sheet = layout.sheet("procedure").name
    out: list[Problem] = []
    latest = {code: e for code, e in ((c, rec.latest(c)) for c in LEVEL)
              if e is None or not superseded(rec, e)}
    for e in rec.entries:
        if e.date is None:
            continue
        cell = place(sheet, DATE_COL, e.row)
        if e.date > today:
            out.append(Problem(cell, f"'{_name(e.stage)}' (Nr {e.seq}) is gedateerd op "
                                     f"{e.date.isoformat()}, in de toekomst"))
        if created is not None and e.date < created:
            out.append(Problem(cell, f"'{_name(e.stage)}' (Nr {e.seq}) is gedateerd op "
                                     f"{e.date.isoformat()}, vóór {created.isoformat()}, de dag "
                                     f"waarop de werkmap gemaakt werd"))
    for code, e in latest.items():
        if e is None or e.date is None:
            continue
        before = _latest_before(rec, LEVEL[code], e.date)
        if before is not None:
            out.append(Problem(place(sheet, DATE_COL, e.row),
                               f"'{_name(code)}' (Nr {e.seq}, {e.date.isoformat()}) ligt vóór "
                               f"'{_name(before.stage)}' (Nr {before.seq}, "
                               f"{before.date.isoformat()}): een stap ligt nooit vóór de "
                               f"stappen die eraan voorafgaan; leg de stap opnieuw vast met de "
                               f"juiste datum en een reden"))
    countries = call_countries(model)
    for code in ("published", "extension"):
        e = latest[code]
        if e is None or e.deadline is None or e.reason.strip():
            continue
        why = day_off(e.deadline, countries)
        if why:
            out.append(Problem(place(sheet, DEADLINE_COL, e.row),
                               f"de deadline {e.deadline.isoformat()} (Nr {e.seq}) is {why}, "
                               f"zonder reden; een deadline valt op een werkdag: leg de stap "
                               f"opnieuw vast met een werkdag of met de reden (--reason)"))
    return [Problem(p.place, p.message, allows=("record",)) for p in out]
