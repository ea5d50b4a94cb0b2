"""Checks of an SDG workbook (registered in actions.scoring.CHECKS): the sheets' contents and the
programme rules of 003_1457e92fe5a06ce4.txt for every partnership on the Programma sheet."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.errors import Problem
from partnerkeuze.model import Model
from partnerkeuze.sdg import rules
from partnerkeuze.sdg.workbook import cell, read_call
from partnerkeuze.snapshot import Snapshot


def _eur(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") + " EUR"


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def months_between(start: dt.date, end: dt.date) -> float:
    """The length of start..end (both included) in months, roughly (30.44 days a month)."""
    return ((end - start).days + 1) / 30.4375


def programme_problems(rec: dict) -> list[Problem]:
    """Every programme rule one Programma row breaks, each with its cell."""
    out: list[Problem] = []
    row = rec["_row"]

    def add(column: str, message: str) -> None:
        out.append(Problem(cell("programme", column, row), message))

    share = rules.BUDGET_SHARE
    for column, who in (("budget_flemish", "de Vlaamse gemeente"), ("budget_partner", "de partner")):
        value = rec.get(column)
        if value is not None and abs(value - share) > 0.005:
            add(column, f"het budget van {who} is {_eur(value)}; de 35.000 EUR per partnerschap "
                        f"wordt gelijk verdeeld: {_eur(share)} voor elke partner")
    exchange, other = rec.get("exchange"), rec.get("other") or 0.0
    bf, bp = rec.get("budget_flemish"), rec.get("budget_partner")
    if exchange is not None and bf is not None and bp is not None:
        if abs(exchange + other - (bf + bp)) > 0.005:
            add("exchange", f"uitwisseling ({_eur(exchange)}) en communicatie of experiment "
                            f"({_eur(other)}) samen moeten het budget van {_eur(bf + bp)} zijn, "
                            f"niet {_eur(exchange + other)}")
        if exchange <= other:
            add("exchange", f"het grootste deel van het budget gaat eerst naar uitwisseling "
                            f"(werkbezoeken, conferenties); nu {_eur(exchange)} tegen "
                            f"{_eur(other)} voor communicatie of experiment")
    start, end = rec.get("start"), rec.get("end")
    long = False
    if start and end:
        if end < start:
            add("end", "het einde ligt vóór de start")
        elif end >= add_years(start, 2):
            add("end", f"het partnerschap duurt {months_between(start, end):.0f} maanden; "
                       f"hoogstens {rules.MAX_MONTHS} (twee jaar)")
        long = end >= add_years(start, 1)
    minimum = rules.MIN_DIGITAL_SESSIONS_PER_YEAR
    if rec.get("sessions_y1") is not None and rec["sessions_y1"] < minimum:
        add("sessions_y1", f"{rec['sessions_y1']} digitale sessies in het eerste jaar; "
                           f"minstens {minimum} per jaar")
    if long and (rec.get("sessions_y2") or 0) < minimum:
        add("sessions_y2", f"{rec.get('sessions_y2') or 0} digitale sessies in het tweede jaar; "
                           f"minstens {minimum} per jaar")
    if rec.get("visits_ns") is not None and rec["visits_ns"] < rules.MIN_VISITS_EACH_WAY:
        add("visits_ns", "geen werkbezoek aan de partnergemeente; minstens één werkbezoek "
                         "in elke richting")
    if rec.get("visits_sn") is not None and rec["visits_sn"] < rules.MIN_VISITS_EACH_WAY:
        add("visits_sn", "geen ontvangst van een delegatie van de partner; minstens één "
                         "werkbezoek in elke richting")
    if rec.get("meetings") is not None and rec["meetings"] < rules.MIN_FIXED_MEETINGS:
        add("meetings", f"{rec['meetings']} vaste vergadermomenten; minstens "
                        f"{rules.MIN_FIXED_MEETINGS} in de twee jaar")
    return out


def visit_problems(rec: dict) -> list[Problem]:
    """What does not fit in one Werkbezoeken row (dates, joint meeting)."""
    out: list[Problem] = []
    start, end, joint = rec.get("start"), rec.get("end"), rec.get("joint_from")
    if start and end and end < start:
        out.append(Problem(cell("visits", "end", rec["_row"]), "het einde ligt vóór de start"))
    if start and end and joint and not start <= joint <= end:
        out.append(Problem(cell("visits", "joint_from", rec["_row"]),
                           "het gezamenlijk overleg valt buiten het werkbezoek"))
    return out


def sdg_checks(model: Model, snap: Snapshot) -> list[Problem]:
    """The problems of an SDG workbook (none for a stedenband workbook)."""
    if model.settings.mode != "sdg":
        return []
    call = read_call(model, snap)
    problems = list(call.problems)
    seen: dict[str, int] = {}
    for rec in call.programme:
        problems.extend(programme_problems(rec))
        fid = rec.get("flemish")
        if fid is not None:
            if fid in seen:
                problems.append(Problem(cell("programme", "flemish", rec["_row"]),
                                        f"{fid} heeft al een partnerschap in rij {seen[fid]}"))
            seen[fid] = rec["_row"]
    for rec in call.visits:
        problems.extend(visit_problems(rec))
    return problems
