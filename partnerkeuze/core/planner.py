"""The planner: each step after its predecessors (with an optional lag in office days), steps
that need advice or approval on the first meeting of their body they can make, the open call
until its deadline, and the shift of every step against the previous planning."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from partnerkeuze.kernel.plain import Plain, Value
from partnerkeuze.layout import planning as lay
from partnerkeuze.core.workdays import (add_office_days, first_of_office_days, last_office_day,
                                        next_office_day)

_DEP_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:\+\s*(\d{1,3}))?\s*$")


class Meeting(Value):
    """A meeting of a body, and how many days before it an item must be submitted."""

    def __init__(self, body: str, date: dt.date, lead_days: int, row: int = 0, note: str = ""):
        self.body = body
        self.date = date
        self.lead_days = lead_days
        self.row = row
        self.note = note  # place and time as the sheet says ("Raadzaal, 20 uur")

    @property
    def submit_by(self) -> dt.date:
        """The last day an item for this meeting can be submitted: lead days before it, or the
        Belgian office day before that when it falls in a weekend or on a public holiday."""
        return last_office_day(self.date - dt.timedelta(days=self.lead_days))


class StepIn(Value):
    """A step as the user entered it."""

    def __init__(self, id: str, name: str, kind: str = lay.STEP, duration: int = 1,
                 after: tuple[tuple[str, int], ...] = (), body: str | None = None,
                 owner: str = "", status: str = lay.TODO, earliest: dt.date | None = None,
                 row: int = 0, previous_start: dt.date | None = None,
                 previous_end: dt.date | None = None):
        self.id = id
        self.name = name
        self.kind = kind
        self.duration = duration
        self.after = after  # (predecessor id, lag in office days)
        self.body = body
        self.owner = owner
        self.status = status
        self.earliest = earliest
        self.row = row
        self.previous_start = previous_start
        self.previous_end = previous_end


class Placed(Plain):
    """A step placed in time."""

    def __init__(self, step: StepIn, start: dt.date, end: dt.date,
                 meeting: Meeting | None = None, notes: list[str] | None = None):
        self.step = step
        self.start = start
        self.end = end
        self.meeting = meeting
        self.notes = [] if notes is None else notes

    @property
    def id(self) -> str:
        """The step's id."""
        return self.step.id

    @property
    def shift_days(self) -> int | None:
        """Calendar days the end moved against the previous planning (None: no previous)."""
        if self.step.previous_end is None:
            return None
        return (self.end - self.step.previous_end).days


class PlanError(ValueError):
    """A planning that cannot be computed; ``problems`` are (step id, Dutch message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(m for _, m in problems))


def parse_after(text: str | None) -> tuple[tuple[str, int], ...]:
    """'S01, S02+10' -> (('S01', 0), ('S02', 10)); ValueError with a Dutch message if malformed."""
    out = []
    for part in re.split(r"[,;]", text or ""):
        if not part.strip():
            continue
        m = _DEP_RE.match(part)
        if not m:
            raise ValueError(f"'{part.strip()[:30]}' is geen stap-ID (gebruik bv. S01 of S01+10)")
        out.append((m.group(1), int(m.group(2) or 0)))
    return tuple(out)


def order(steps: list[StepIn]) -> list[StepIn]:
    """The steps in dependency order (sheet order among equals); PlanError for unknown ids or
    a cycle."""
    by_id = {s.id.casefold(): s for s in steps}
    problems = []
    for s in steps:
        for dep, _ in s.after:
            if dep.casefold() not in by_id:
                problems.append((s.id, f"stap {s.id} wacht op '{dep}', maar die stap bestaat niet"))
            elif dep.casefold() == s.id.casefold():
                problems.append((s.id, f"stap {s.id} kan niet op zichzelf wachten"))
    if problems:
        raise PlanError(problems)
    done: list[StepIn] = []
    placed: set[str] = set()
    left = list(steps)
    while left:
        ready = [s for s in left if all(d.casefold() in placed for d, _ in s.after)]
        if not ready:
            names = ", ".join(s.id for s in left)
            raise PlanError([(left[0].id, f"de stappen {names} wachten in een kring op elkaar")])
        for s in ready:
            done.append(s)
            placed.add(s.id.casefold())
        left = [s for s in left if s.id.casefold() not in placed]
    return done


def _after_gap(day: dt.date, lag: int) -> dt.date:
    """The first office day after `day` followed by `lag` more office days."""
    d = next_office_day(day + dt.timedelta(days=1))
    for _ in range(lag):
        d = next_office_day(d + dt.timedelta(days=1))
    return d


def first_meeting(meetings: list[Meeting], body: str, ready: dt.date) -> Meeting | None:
    """The first meeting of a body whose submission day is on or after the day an item is ready."""
    fits = [m for m in meetings if m.body == body and m.submit_by >= ready]
    return min(fits, key=lambda m: m.date) if fits else None


def recorded_step(s: StepIn, day: dt.date, what: str, meetings: list[Meeting],
                  planned_start: dt.date) -> Placed:
    """A step the procedure record completed: done, ending on the recorded day (its meeting
    when one of its body was held that day), starting where it started before, else where the
    planning would start it, else as many office days before that day as it lasts."""
    s = s.replace(status=lay.DONE)
    meeting = next((m for m in meetings if m.body == s.body and m.date == day), None) \
        if s.body else None
    for start in (s.previous_start, planned_start, first_of_office_days(day, s.duration)):
        if start is not None and start <= day:
            break
    else:
        start = day
    return Placed(s, start, day, meeting, [f"Klaar: {what} op {day:%d/%m/%Y} (blad "
                                           f"Procedure); deze datum blijft staan."])


def schedule(steps: list[StepIn], meetings: list[Meeting], plan_start: dt.date,
             deadline_of: Callable[[dt.date], dt.date],
             call_date: dt.date | None = None, today: dt.date | None = None,
             fixed_call: tuple[dt.date, dt.date] | None = None,
             recorded: dict[str, tuple[dt.date, str]] | None = None) -> list[Placed]:
    """Place every step; returned in the order of the sheet.

    With ``today``: a finished step keeps the dates it had, an unfinished step does not start
    before today (one in progress keeps its start but does not end before today). With
    ``fixed_call`` (published on, deadline): the call runs exactly then, whatever else moves.
    ``recorded`` (step id -> (date, what the record says)): steps the procedure record
    completed lie on that date and are done, whatever their status and planned dates were.
    """
    recorded = {k.casefold(): v for k, v in (recorded or {}).items()}
    placed: dict[str, Placed] = {}
    for s in order(steps):
        done = recorded.get(s.id.casefold())
        if done and s.kind == lay.CALL and fixed_call:
            s = s.replace(status=lay.DONE)  # the call closed: its recorded dates follow
        elif done:
            natural = [plan_start] + [_after_gap(placed[d.casefold()].end, lag)
                                      for d, lag in s.after]
            placed[s.id.casefold()] = recorded_step(
                s, done[0], done[1], meetings, next_office_day(max(natural)))
            continue
        if today and s.status == lay.DONE and s.previous_start and s.previous_end \
                and not (s.kind == lay.CALL and fixed_call):
            meeting = next((m for m in meetings if m.body == s.body
                            and m.date == s.previous_end), None)
            placed[s.id.casefold()] = Placed(s, s.previous_start, s.previous_end, meeting,
                                             ["Klaar: de datums blijven zoals ze waren."])
            continue
        if s.kind == lay.CALL and fixed_call:
            start, end = fixed_call
            placed[s.id.casefold()] = Placed(s, start, end, None, [
                f"Gepubliceerd op {start:%d/%m/%Y} met deadline {end:%d/%m/%Y} (blad "
                f"Procedure): deze data liggen vast; alleen een vastgelegde verlenging wijzigt "
                f"de deadline."])
            continue
        options = [(plan_start, "start van de planning")]
        if today and s.status in (lay.TODO, lay.POSTPONED):
            options.append((today, f"nog niet begonnen: opnieuw gepland vanaf vandaag "
                                   f"({today:%d/%m/%Y})"))
        for dep, lag in s.after:
            p = placed[dep.casefold()]
            options.append((_after_gap(p.end, lag),
                            f"na {p.id}" + (f" + {lag} werkdagen" if lag else "")))
        if s.earliest:
            options.append((s.earliest, f"niet vóór {s.earliest:%d/%m/%Y}"))
        if s.kind == lay.CALL and call_date:
            options.append((call_date, f"oproep op {call_date:%d/%m/%Y} (Instellingen)"))
        earliest, why = max(options, key=lambda o: o[0])
        start = next_office_day(earliest)
        notes = [f"Start: {why}."]
        meeting = None
        if s.kind == lay.CALL:
            end = deadline_of(start)
            notes.append(f"Deadline kandidaturen {end:%d/%m/%Y} (geen feestdag of vakantie hier "
                         f"of in de landen van de oproep).")
        elif s.kind == lay.MILESTONE:
            end = start
        else:
            end = add_office_days(start, s.duration)
        if today and s.status != lay.DONE and s.kind != lay.CALL and end < today:
            end = next_office_day(today)
            notes.append(f"Nog niet klaar: einde ten vroegste vandaag ({end:%d/%m/%Y}).")
        if s.body:
            meeting = first_meeting(meetings, s.body, end)
            if meeting is None:
                notes.append(f"Geen vergadering van {s.body} meer met indiening op of na "
                             f"{end:%d/%m/%Y}: voeg ze toe op het blad Vergaderingen.")
            else:
                end = max(end, meeting.date)
                notes.append(f"{s.body} {meeting.date:%d/%m/%Y}, indienen uiterlijk "
                             f"{meeting.submit_by:%d/%m/%Y}.")
        item = Placed(s, start, end, meeting, notes)
        if item.shift_days:
            sign = "+" if item.shift_days > 0 else ""
            notes.append(f"Verschoven: einde {sign}{item.shift_days} dagen t.o.v. de vorige "
                         f"planning ({s.previous_end:%d/%m/%Y}).")
        placed[s.id.casefold()] = item
    return [placed[s.id.casefold()] for s in steps]
