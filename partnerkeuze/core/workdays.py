"""Working days and holidays in Belgium (public and Flemish school holidays) and the candidates'
countries, and the call's deadline that never lands on a day off in any of them."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from partnerkeuze.kernel.reference import COUNTRY_BY_NAME

BELGIUM = "BE"
SCHOOL_SUBDIV = "Flemish"  # school holidays of the Flemish Community
MAX_SHIFT_DAYS = 400  # a deadline is never moved further than this (guards against bad input)


class UnknownCountry(ValueError):
    """A country name that is not on the workbook's list of countries."""


def iso_codes(countries) -> tuple[str, ...]:
    """ISO codes of Dutch country names (reference.COUNTRIES), without duplicates, in order."""
    out: list[str] = []
    for name in countries:
        country = COUNTRY_BY_NAME.get(str(name).strip())
        if country is None:
            raise UnknownCountry(f"'{name}' staat niet in de lijst van landen")
        if country.iso not in out:
            out.append(country.iso)
    return tuple(out)


@lru_cache(maxsize=512)
def _table_public(iso: str, year: int) -> dict | None:
    """{day: name} of a country's public holidays from the committed table (holiday_table.py,
    generated from the pinned `holidays` package), or None outside its years and countries."""
    from partnerkeuze.core import holiday_table as table

    if not table.FIRST_YEAR <= year <= table.LAST_YEAR or iso not in table.PUBLIC:
        return None
    out = {}
    for item in table.PUBLIC[iso][year].split():
        day, _, name = item.partition(":")
        out[dt.date(year, int(day[:2]), int(day[2:]))] = table.NAMES[int(name)]
    return out


@lru_cache(maxsize=512)
def public_days(iso: str, year: int) -> tuple[frozenset, frozenset]:
    """(public holidays, weekend weekdays) of a country in a year."""
    days = _table_public(iso, year)
    if days is not None:
        from partnerkeuze.core.holiday_table import WEEKEND

        return frozenset(days), frozenset(WEEKEND[iso])
    import holidays

    try:
        cal = holidays.country_holidays(iso, years=year)
    except NotImplementedError:  # a country the package does not know: weekends only
        return frozenset(), frozenset({5, 6})
    return frozenset(cal.keys()), frozenset(getattr(cal, "weekend", {5, 6}) or {5, 6})


@lru_cache(maxsize=64)
def _school(year: int) -> frozenset:
    """Flemish school holidays (and school days off) in a year."""
    from partnerkeuze.core import holiday_table as table

    if table.FIRST_YEAR <= year <= table.LAST_YEAR:
        out = set()
        for item in table.SCHOOL[year].split():
            day, _, more = item.partition("+")
            first = dt.date(year, int(day[:2]), int(day[2:]))
            out.update(first + dt.timedelta(days=k) for k in range(int(more or 0) + 1))
        return frozenset(out)
    import holidays

    return frozenset(holidays.country_holidays(BELGIUM, subdiv=SCHOOL_SUBDIV, years=year,
                                               categories=("school",)).keys())


# The Belgian public holidays by their Dutch names (the table and the holidays package name
# them in English); a holiday of another country keeps the name the package gives it.
BELGIAN_NAMES_NL = {
    "New Year's Day": "Nieuwjaar", "Easter Sunday": "Pasen", "Easter Monday": "Paasmaandag",
    "Labor Day": "Dag van de Arbeid", "Ascension Day": "Onze-Lieve-Heer-Hemelvaart",
    "Pentecost": "Pinksteren", "Pentecost Monday": "Pinkstermaandag",
    "National Day": "Nationale feestdag", "Assumption Day": "Onze-Lieve-Vrouw-Hemelvaart",
    "All Saints' Day": "Allerheiligen", "Armistice Day": "Wapenstilstand",
    "Christmas Day": "Kerstmis",
}


def holiday_name_nl(day: dt.date, iso: str) -> str | None:
    """The name of a public holiday of a country on a day for a Dutch message (a Belgian one in
    Dutch), or None."""
    name = holiday_name(day, iso)
    if name and iso == BELGIUM:
        return BELGIAN_NAMES_NL.get(name, name)
    return name


def holiday_name(day: dt.date, iso: str) -> str | None:
    """The name of a public holiday of a country on a day (as the holidays package gives it), or
    None."""
    days = _table_public(iso, day.year)
    if days is not None:
        return days.get(day)
    import holidays

    try:
        return holidays.country_holidays(iso, years=day.year).get(day)
    except NotImplementedError:
        return None


def is_office_day(day: dt.date) -> bool:
    """A day the Belgian municipal administration works: no weekend, no Belgian public holiday."""
    public, weekend = public_days(BELGIUM, day.year)
    return day.weekday() not in weekend and day not in public


def is_school_holiday(day: dt.date) -> bool:
    """True during the Flemish school holidays."""
    return day in _school(day.year)


def is_working_day(day: dt.date, countries=()) -> bool:
    """A working day in Belgium (no weekend, public or school holiday) and in every country."""
    if not is_office_day(day) or is_school_holiday(day):
        return False
    for iso in iso_codes(countries):
        public, weekend = public_days(iso, day.year)
        if day.weekday() in weekend or day in public:
            return False
    return True


def working_days(start: dt.date, end: dt.date, countries: list[str]) -> int:
    """How many days from start (inclusive) to end (exclusive) are working days in Belgium and in
    every given country: no weekend, no Belgian public or Flemish school holiday, no public
    holiday of any country. 0 when end is not after start."""
    iso_codes(countries)  # unknown names are refused before counting
    count = 0
    day = start
    while day < end:
        if is_working_day(day, countries):
            count += 1
        day += dt.timedelta(days=1)
    return count


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later (the last day of the month when it does not exist)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(d, day.day))
        except ValueError:
            continue
    raise ValueError(day)


def next_working_day(day: dt.date, countries=()) -> dt.date:
    """The first day on or after day that is a working day in Belgium and every country."""
    iso_codes(countries)
    for i in range(MAX_SHIFT_DAYS):
        candidate = day + dt.timedelta(days=i)
        if is_working_day(candidate, countries):
            return candidate
    raise ValueError(f"geen werkdag gevonden binnen {MAX_SHIFT_DAYS} dagen na {day:%d/%m/%Y}")


def call_deadline(start: dt.date, countries: list[str], months: int = 3,
                  extension_days: int = 0) -> dt.date:
    """The call's deadline: months after start plus the extension, moved forward to the first
    day that is a working day in Belgium (public and school holidays included) and in every
    given country (Dutch names of reference.COUNTRIES)."""
    target = add_months(start, months) + dt.timedelta(days=int(extension_days))
    return next_working_day(target, countries)


def add_office_days(start: dt.date, days: int) -> dt.date:
    """The last day of a task of `days` Belgian office days that starts on start (an office day);
    start itself for 0 or 1 day."""
    day = start
    left = max(days, 1) - 1
    while left > 0:
        day += dt.timedelta(days=1)
        if is_office_day(day):
            left -= 1
    return day


def next_office_day(day: dt.date) -> dt.date:
    """The first Belgian office day on or after day."""
    while not is_office_day(day):
        day += dt.timedelta(days=1)
    return day


def last_office_day(day: dt.date) -> dt.date:
    """The last Belgian office day on or before day (a submission due on a holiday or in a
    weekend is due the office day before)."""
    while not is_office_day(day):
        day -= dt.timedelta(days=1)
    return day


def first_of_office_days(end: dt.date, days: int) -> dt.date:
    """The first day of a task of `days` Belgian office days that ends on end (its last office
    day on or before end); the inverse of add_office_days."""
    day = last_office_day(end)
    left = max(days, 1) - 1
    while left > 0:
        day -= dt.timedelta(days=1)
        if is_office_day(day):
            left -= 1
    return day
