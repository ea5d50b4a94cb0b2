"""Checks of an SDG workbook (registered in actions.scoring.CHECKS): the sheets' contents and the
programme rules of 003_1457e92fe5a06ce4.txt for every partnership on the Programma sheet."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.features.sdg.workbook import cell, read_call
from partnerkeuze.kernel.snapshot import Snapshot


def _eur(value: float) -> str:
    """An amount in Dutch notation, cents shown when there are any: '17.500 EUR', '17,50 EUR'."""
    if abs(value - round(value)) < 0.005:
        return f"{round(value):,}".replace(",", ".") + " EUR"
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") + " EUR"


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def months_between(start: dt.date, end: dt.date) -> float:
    """The length of start..end (both included) in months, roughly (30.44 days a month)."""
    return ((end - start).days + 1) / 30.4375


def _day(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def duration_text(start: dt.date, end: dt.date) -> str:
    """The length of start..end (both included), day-precise: '2 jaar en 1 dag'."""
    years = 0
    while add_years(start, years + 1) <= end + dt.timedelta(days=1):
        years += 1
    days = (end + dt.timedelta(days=1) - add_years(start, years)).days
    parts = [f"{years} jaar"] if years else []
    if days or not parts:
        parts.append(f"{days} dag" + ("en" if days != 1 else ""))
    return " en ".join(parts)


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
            last = add_years(start, 2) - dt.timedelta(days=1)
            add("end", f"het partnerschap loopt van {_day(start)} tot en met {_day(end)}, dat is "
                       f"{duration_text(start, end)}; hoogstens twee jaar ({rules.MAX_MONTHS} "
                       f"maanden): het einde mag ten laatste {_day(last)} zijn")
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


def matching_problems(model: Model, call) -> list[Problem]:
    """The matching rules re-applied to every partnership on the Programma sheet: an eligible
    applicant (complete, not excluded, at least the minimum score), an eligible partner (in Benin
    without a city link), a shared theme within the country's focus, each partner once."""
    from partnerkeuze.features.sdg.eligibility import parties
    from partnerkeuze.core.matching import pair_fit

    if not call.programme:
        return []
    flemish, partners, _ = parties(model, call)
    fby = {p.id: p for p in flemish}
    pby = {p.id: p for p in partners}
    themes = {t.id: t for t in call.themes}
    out: list[Problem] = []
    seen: dict[str, int] = {}
    for rec in call.programme:
        f, p, row = fby.get(rec.get("flemish")), pby.get(rec.get("partner")), rec["_row"]
        if p is not None:
            if p.id in seen:
                out.append(Problem(cell("programme", "partner", row),
                                   f"{p.id} heeft al een partnerschap in rij {seen[p.id]}"))
            seen.setdefault(p.id, row)
        if f is None or p is None:
            continue
        if not f.eligible:
            out.append(Problem(cell("programme", "flemish", row),
                               f"{f.id} komt niet in aanmerking voor een koppeling: {f.reason}"))
        if not p.eligible:
            out.append(Problem(cell("programme", "partner", row),
                               f"{p.id} ({p.name}) komt niet in aanmerking: {p.reason}"))
        if f.eligible and p.eligible and pair_fit(f, p, themes)[0] is None:
            out.append(Problem(cell("programme", "partner", row),
                               f"{f.id} en {p.id} delen geen thema binnen de focus van "
                               f"{p.country or 'het land van de partner'}; zo'n koppeling laat "
                               f"het programma niet toe"))
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
    if not call.problems:
        problems.extend(matching_problems(model, call))
    return problems
