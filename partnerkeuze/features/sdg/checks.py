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


def visit_problems(rec: dict, max_days: int = rules.MAX_VISIT_DAYS,
                   partnership: dict | None = None) -> list[Problem]:
    """What does not fit in one Werkbezoeken row: dates, joint meeting, a visit of about a
    week (003 3.9), inside its partnership (the Programma row of the pair), reason numbers."""
    out: list[Problem] = []
    row = rec["_row"]
    start, end, joint = rec.get("start"), rec.get("end"), rec.get("joint_from")
    if start and end and end < start:
        out.append(Problem(cell("visits", "end", row), "het einde ligt vóór de start"))
    if start and end and joint and not start <= joint <= end:
        out.append(Problem(cell("visits", "joint_from", row),
                           "het gezamenlijk overleg valt buiten het werkbezoek"))
    if start and end and end >= start and (end - start).days + 1 > max_days:
        out.append(Problem(cell("visits", "end", row),
                           f"het werkbezoek {rec.get('id')} duurt {(end - start).days + 1} dagen "
                           f"({_day(start)} tot {_day(end)}); de conceptnota rekent op één "
                           f"werkbezoek van ongeveer één week: hoogstens {max_days} dagen (blad "
                           f"SDG-oproep)"))
    p_start = partnership.get("start") if partnership else None
    p_end = partnership.get("end") if partnership else None
    if start and p_start and start < p_start:
        out.append(Problem(cell("visits", "start", row),
                           f"het werkbezoek {rec.get('id')} begint op {_day(start)}, vóór de start "
                           f"van het partnerschap ({_day(p_start)}, Programma rij "
                           f"{partnership['_row']})"))
    if end and p_end and end > p_end:
        out.append(Problem(cell("visits", "start" if start and start > p_end else "end", row),
                           f"het werkbezoek {rec.get('id')} loopt tot {_day(end)}, na het einde "
                           f"van het partnerschap ({_day(p_end)}, Programma rij "
                           f"{partnership['_row']})"))
    try:
        rules.parse_reasons(rec.get("extra_reasons"))
    except ValueError as exc:
        out.append(Problem(cell("visits", "extra_reasons", row),
                           f"'{exc}' is geen nummer van een bijkomende reden van de fiche "
                           f"werkbezoeken (1 tot {len(rules.EXTRA_REASONS)}; zie de toelichting "
                           f"van de kolom)"))
    return out


def common_period_problems(visits: list[dict]) -> list[Problem]:
    """The visits of one country's partnerships fall in one common period, in each direction
    (003 3.6: "alle Beninese/Rwandese partnergemeenten komen in dezelfde periode op bezoek"):
    per country, direction and the n-th visit of each pair, the day most of them share marks the
    period; a visit that does not cover it is named at its start."""
    groups: dict[tuple, list[dict]] = {}
    seen: dict[tuple, int] = {}
    dated = [v for v in visits if v.get("start") and v.get("end") and v["end"] >= v["start"]
             and v.get("country") and v.get("direction")]
    for v in sorted(dated, key=lambda v: (v["start"], v["_row"])):
        pair = (v.get("flemish"), v.get("partner"), v["country"], v["direction"])
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        groups.setdefault((v["country"], v["direction"], n), []).append(v)
    out: list[Problem] = []
    for (country, direction, _), group in sorted(groups.items()):
        if len(group) < 2:
            continue
        day = max(sorted({v["start"] for v in group}),
                  key=lambda d: (sum(v["start"] <= d <= v["end"] for v in group), -d.toordinal()))
        inside = [v for v in group if v["start"] <= day <= v["end"]]
        if len(inside) == len(group):
            continue
        first = max(v["start"] for v in inside)
        last = min(v["end"] for v in inside)
        ids = ", ".join(str(v.get("id")) for v in inside)
        for v in group:
            if v in inside:
                continue
            out.append(Problem(cell("visits", "start", v["_row"]),
                               f"het werkbezoek {v.get('id')} ({country}, {direction}, "
                               f"{_day(v['start'])} tot {_day(v['end'])}) valt buiten de "
                               f"gemeenschappelijke periode van de andere werkbezoeken ({ids}: "
                               f"{_day(first)} tot {_day(last)}); de partnerschappen van één land "
                               f"bezoeken elkaar in dezelfde periode (conceptnota 3.6)"))
    return out


def period_problems(call) -> list[Problem]:
    """The programme period (SDG-oproep, 2022-2026 by default): the start of the partnerships
    and every Programma row lie inside it."""
    from partnerkeuze import layout
    from partnerkeuze.kernel.cellref import place

    s = call.settings
    first = rules.PROGRAMME_FIRST_YEAR if s.get("period_from") is None else int(s["period_from"])
    last = rules.PROGRAMME_LAST_YEAR if s.get("period_to") is None else int(s["period_to"])
    rows = s.get("_rows", {})
    sheet = layout.sheet("sdg_settings").name
    out: list[Problem] = []
    if first > last:
        out.append(Problem(place(sheet, 3, rows.get("period_to", 5)),
                           f"het laatste jaar van de programmaperiode ({last}) ligt vóór het "
                           f"eerste ({first})"))
        return out
    period = f"de programmaperiode {first}-{last} (blad SDG-oproep)"
    start = s.get("start")
    if isinstance(start, dt.date) and not first <= start.year <= last:
        out.append(Problem(place(sheet, 3, rows.get("start", 5)),
                           f"de partnerschappen starten op {_day(start)}, buiten {period}"))
    for rec in call.programme:
        if rec.get("start") and rec["start"].year < first:
            out.append(Problem(cell("programme", "start", rec["_row"]),
                               f"het partnerschap start op {_day(rec['start'])}, vóór "
                               f"{period}"))
        if rec.get("end") and rec["end"].year > last:
            out.append(Problem(cell("programme", "end", rec["_row"]),
                               f"het partnerschap loopt tot {_day(rec['end'])}, na {period}"))
    return out


def pilot_problems(call) -> list[Problem]:
    """The size of the pilot (SDG-oproep: 8 partnerships, 4 per country by default, 003
    section 1): a Programma row beyond it is named."""
    total, per_country = call.pilot_size()
    country = {p["id"]: p.get("country") for p in call.partners}
    out: list[Problem] = []
    counts: dict[str, int] = {}
    for n, rec in enumerate(call.programme, start=1):
        if rec.get("flemish") is None and rec.get("partner") is None:
            continue
        where = cell("programme", "flemish", rec["_row"])
        if n > total:
            out.append(Problem(where, f"partnerschap {n}: de pilot telt hoogstens {total} "
                                      f"partnerschappen (blad SDG-oproep)"))
        c = country.get(rec.get("partner"))
        if c:
            counts[c] = counts.get(c, 0) + 1
            if counts[c] > per_country:
                out.append(Problem(where, f"partnerschap {counts[c]} in {c}: de pilot telt "
                                          f"hoogstens {per_country} partnerschappen per land "
                                          f"(blad SDG-oproep)"))
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
    max_days = call.settings.get("max_visit_days") or rules.MAX_VISIT_DAYS
    partnership = {(r.get("flemish"), r.get("partner")): r for r in call.programme}
    for rec in call.visits:
        problems.extend(visit_problems(rec, int(max_days),
                                       partnership.get((rec.get("flemish"), rec.get("partner")))))
    problems.extend(common_period_problems(call.visits))
    problems.extend(period_problems(call))
    problems.extend(pilot_problems(call))
    if not call.problems:
        problems.extend(matching_problems(model, call))
    return problems
