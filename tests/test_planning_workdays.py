"""Working days and the call's deadline: never a weekend, Belgian public or school holiday, or a
public holiday of a candidate's country."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings, strategies as st

from partnerkeuze.core.workdays import (
    UnknownCountry,
    add_months,
    call_deadline,
    is_working_day,
    working_days)
from partnerkeuze.kernel.reference import ACTIVE_COUNTRIES, COUNTRY_BY_NAME

BE_SCHOOL = dict(subdiv="Flemish", categories=("school",))


def _days_off(day: dt.date, countries: list[str]) -> list[str]:
    """Why a day is not a working day, checked directly against the holidays package."""
    why = []
    if day.weekday() >= 5:
        why.append("weekend")
    if day in holidays.country_holidays("BE", years=day.year):
        why.append("BE")
    if day in holidays.country_holidays("BE", years=day.year, **BE_SCHOOL):
        why.append("BE school")
    for name in countries:
        iso = COUNTRY_BY_NAME[name].iso
        if day in holidays.country_holidays(iso, years=day.year):
            why.append(iso)
    return why


@settings(max_examples=150, deadline=None)
@given(start=st.dates(dt.date(2024, 1, 1), dt.date(2031, 12, 31)),
       countries=st.lists(st.sampled_from(ACTIVE_COUNTRIES), min_size=1, max_size=5, unique=True),
       extension=st.integers(0, 60))
def test_deadline_is_never_a_day_off_here_or_there(start, countries, extension):
    deadline = call_deadline(start, countries, 3, extension)
    assert _days_off(deadline, countries) == []
    target = add_months(start, 3) + dt.timedelta(days=extension)
    assert deadline >= target
    # the first such day: every day between the target and the deadline is a day off somewhere
    day = target
    while day < deadline:
        assert _days_off(day, countries), day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("start,countries,expected", [
    # 3 months after 2 March 2026 is Tuesday 2 June: a working day everywhere in the demo call.
    (dt.date(2026, 3, 2), ["Bolivia", "Benin", "Rwanda"], dt.date(2026, 6, 2)),
    # 1 July is the Flemish summer holiday: the deadline moves to 1 September 2026.
    (dt.date(2026, 4, 1), ["Benin"], dt.date(2026, 9, 1)),
    # 1 August 2025 is Benin's independence day, and it is in the summer holiday anyway.
    (dt.date(2025, 5, 1), ["Benin"], dt.date(2025, 9, 1)),
    # 26 December 2025 is Boxing Day in Ghana (no Belgian holiday), but in the Christmas break.
    (dt.date(2025, 9, 26), ["Ghana"], dt.date(2026, 1, 5)),
])
def test_known_deadlines(start, countries, expected):
    assert call_deadline(start, countries) == expected


def test_a_holiday_only_in_the_south_moves_the_deadline():
    # 1 October 2026 is China's national day (Thursday), an ordinary school day in Flanders.
    assert is_working_day(dt.date(2026, 10, 1), [])
    assert not is_working_day(dt.date(2026, 10, 1), ["China"])
    deadline = call_deadline(dt.date(2026, 7, 1), ["China"])
    assert deadline > dt.date(2026, 10, 1)
    assert _days_off(deadline, ["China"]) == []


def test_extension_moves_the_deadline_later():
    base = call_deadline(dt.date(2026, 3, 2), ["Peru"])
    longer = call_deadline(dt.date(2026, 3, 2), ["Peru"], extension_days=14)
    assert longer >= base + dt.timedelta(days=14)


def test_working_days_counts_start_not_end():
    # Monday 1 to Monday 8 June 2026: five working days in Belgium and Benin.
    assert working_days(dt.date(2026, 6, 1), dt.date(2026, 6, 8), ["Benin"]) == 5
    # 1 May (Labour day) is off in Belgium: the week of 27 April has four.
    assert working_days(dt.date(2026, 4, 27), dt.date(2026, 5, 4), []) == 4
    assert working_days(dt.date(2026, 6, 8), dt.date(2026, 6, 1), []) == 0


def test_unknown_country_is_refused_in_dutch():
    with pytest.raises(UnknownCountry, match="staat niet in de lijst van landen"):
        call_deadline(dt.date(2026, 3, 2), ["Atlantis"])


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)


def test_the_committed_holiday_table_is_what_the_pinned_package_generates():
    """The table (holiday_table.py) can never drift: regenerated here and compared as text."""
    from partnerkeuze.core import holiday_table
    from scripts.holiday_table import TARGET, render

    assert holiday_table.HOLIDAYS_VERSION == holidays.__version__, (
        "the installed holidays package is not the pinned one (requirements.txt); install it or "
        "regenerate the table with scripts/holiday_table.py")
    assert TARGET.read_text(encoding="utf-8") == render(), \
        "run python scripts/holiday_table.py and commit the table"


def test_the_table_gives_what_the_package_gives_for_every_country_and_year():
    from partnerkeuze.core import holiday_table
    from partnerkeuze.core.workdays import public_days, _school, holiday_name
    from partnerkeuze.kernel.reference import COUNTRIES

    for year in range(holiday_table.FIRST_YEAR, holiday_table.LAST_YEAR + 1):
        school = holidays.country_holidays("BE", years=year, **BE_SCHOOL)
        assert _school(year) == frozenset(school), year
        for iso in {c.iso for c in COUNTRIES}:
            cal = holidays.country_holidays(iso, years=year)
            assert public_days(iso, year) == (frozenset(cal), frozenset(cal.weekend)), (iso, year)
            for day in cal:
                assert holiday_name(day, iso) == cal.get(day), (iso, day)
            assert holiday_name(dt.date(year, 3, 3), iso) == cal.get(dt.date(year, 3, 3))


def test_years_outside_the_table_are_asked_of_the_package():
    from partnerkeuze.core import holiday_table
    from partnerkeuze.core.workdays import public_days, _school, holiday_name

    for year in (holiday_table.FIRST_YEAR - 1, holiday_table.LAST_YEAR + 1):
        cal = holidays.country_holidays("BE", years=year)
        assert public_days("BE", year) == (frozenset(cal), frozenset({5, 6}))
        assert _school(year) == frozenset(holidays.country_holidays("BE", years=year,
                                                                    **BE_SCHOOL))
        assert holiday_name(dt.date(year, 12, 25), "BE") == cal.get(dt.date(year, 12, 25))


def test_planning_in_the_table_years_does_not_import_the_holidays_package():
    from conftest import run_python

    code = ("import sys, datetime as dt\n"
            "from partnerkeuze.core.workdays import call_deadline, holiday_name\n"
            "call_deadline(dt.date(2026, 3, 2), ['Benin', 'Rwanda', 'Bolivia'])\n"
            "holiday_name(dt.date(2026, 8, 1), 'BJ')\n"
            "print('holidays' in sys.modules)\n")
    out = run_python(code)
    assert out.stdout.strip() == "False", out.stderr
