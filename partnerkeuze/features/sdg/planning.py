"""Planning of the work visits per country (pure): the partnerships of one country visit in the
same period, with a joint meeting of the associations (003 section 3.6), one visit each way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.core import visits

NS_MONTH = 3  # the visit to the South in the fourth month of the partnership (year 1)
SN_MONTH = 14  # the reception in Flanders in the fifteenth month (year 2)
COUNTRY_GAP_DAYS = 14  # two weeks between the countries, so that VVSG staff can join both


@dataclass(frozen=True)
class PlannedVisit:
    """A typed work visit with its period, joint meeting and steps before, during and after."""

    id: str
    flemish: str
    partner: str
    country: str
    direction: str
    type: str
    start: dt.date
    end: dt.date
    joint_from: dt.date
    joint_days: int
    vvsg: bool
    extra_reasons: tuple[int, ...]  # numbers of the additional reasons of 004 that hold
    reasons: tuple[str, ...]
    preparation: tuple[str, ...]
    programme: tuple[str, ...]
    follow_up: tuple[str, ...]


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after day's month."""
    m = day.month - 1 + months
    return dt.date(day.year + m // 12, m % 12 + 1, 1)


def monday_from(day: dt.date) -> dt.date:
    """The first Monday on or after day."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def country_periods(start: dt.date, country: str) -> dict[str, tuple[dt.date, dt.date]]:
    """The common visit week of a country's partnerships in each direction."""
    k = list(rules.COUNTRY_RULES).index(country) if country in rules.COUNTRY_RULES else 0
    out = {}
    for direction, months in ((rules.NORTH_SOUTH, NS_MONTH), (rules.SOUTH_NORTH, SN_MONTH)):
        first = monday_from(add_months(start, months)) + dt.timedelta(days=COUNTRY_GAP_DAYS * k)
        out[direction] = (first, first + dt.timedelta(days=rules.VISIT_DAYS - 1))
    return out


def plan(pairs: list[tuple[str, str, str]], start: dt.date, taken_ids: set[str] = frozenset()
         ) -> list[PlannedVisit]:
    """Two visits per pair (flemish, partner, country): to the South, then to Flanders."""
    by_country: dict[str, list[tuple[str, str]]] = {}
    for f, p, country in pairs:
        by_country.setdefault(country, []).append((f, p))
    out: list[PlannedVisit] = []
    n = 0
    for country in sorted(by_country, key=lambda c: (c not in rules.COUNTRY_RULES, c)):
        rule = rules.COUNTRY_RULES.get(country)
        assoc = rule.association if rule else "de zustervereniging"
        group = sorted(by_country[country])
        periods = country_periods(start, country)
        for f, p in group:
            for direction, vtype in ((rules.NORTH_SOUTH, "identificatiemissie"),
                                     (rules.SOUTH_NORTH, "technische missie")):
                n += 1
                vid = f"W{n:02d}"
                while vid in taken_ids:
                    n += 1
                    vid = f"W{n:02d}"
                first, last = periods[direction]
                ns = direction == rules.NORTH_SOUTH
                if ns:
                    joint = (f"Gezamenlijk overleg van VVSG en {assoc} met de {len(group)} "
                             f"partnerschappen in {country} (2 dagen vanaf {first:%d/%m/%Y}).")
                    reasons = (visits.type_reason(vtype),
                               f"Eerste gezamenlijke werkbezoek aan {country}: begeleiding door "
                               f"VVSG en {assoc} (conceptnota 3.7).",
                               f"De werkbezoeken van de {len(group)} partnerschappen in {country} "
                               f"vallen in dezelfde week: dat verhoogt de opportuniteit voor de "
                               f"VVSG om deel te nemen.")
                else:
                    joint = (f"Thematische tweedaagse in Vlaanderen voor de delegaties uit "
                             f"{country}, georganiseerd door VVSG en {assoc} (vanaf "
                             f"{first:%d/%m/%Y}).")
                    reasons = ()
                # the visits of a country's partnerships fall in one week: reason 6 of 004
                synchronised = (6,) if ns and len(group) > 1 else ()
                out.append(PlannedVisit(
                    id=vid, flemish=f, partner=p, country=country, direction=direction,
                    type=vtype, start=first, end=last, joint_from=first, joint_days=2,
                    vvsg=ns, extra_reasons=synchronised, reasons=reasons,
                    preparation=visits.BEFORE if ns else visits.BEFORE[1:4],
                    programme=(visits.TYPE_FOCUS[vtype], joint) + visits.DURING,
                    follow_up=visits.AFTER + visits.SDG_AFTER))
    return out
