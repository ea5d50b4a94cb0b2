"""The planning of a parsed workbook: steps and meetings read from the model, countries of the
call, the deadline, and every step placed (problems named by sheet and cell)."""

from __future__ import annotations

import datetime as dt

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.layout import planning as lay
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.plain import Plain
from partnerkeuze.core import planner
from partnerkeuze.core.workdays import UnknownCountry, call_deadline, iso_codes


class Plan(Plain):
    """A computed planning: placed steps, meetings, the call's countries and deadline."""

    def __init__(self, steps: list[planner.Placed], meetings: list[planner.Meeting],
                 countries: list[str], plan_start: dt.date, deadline: dt.date | None = None,
                 call_start: dt.date | None = None, warnings: list[str] | None = None,
                 published_on: dt.date | None = None, fixed: bool = False):
        self.steps = steps
        self.meetings = meetings
        self.countries = countries
        self.plan_start = plan_start
        self.deadline = deadline
        self.call_start = call_start
        self.warnings = [] if warnings is None else warnings
        self.published_on = published_on  # the call's publication (procedure record)
        self.fixed = fixed  # the deadline is the recorded one (published or extended)


def _col(table_key: str, col_key: str) -> int:
    t = layout.table(table_key)
    return t.first_col + t.index(col_key)


def call_countries(model: Model, problems: list[Problem]) -> list[str]:
    """Countries of the call: those on the settings row, then those of the candidates."""
    out: list[str] = []
    text = model.settings.values.get("call_countries") or ""
    for name in [p.strip() for p in str(text).replace(";", ",").split(",") if p.strip()]:
        match = next((c for c in layout.LISTS["countries"][1] if c.casefold() == name.casefold()),
                     None)
        if match is None:
            row = model.fields.get("settings", {}).get("_rows", {}).get("call_countries", 0)
            problems.append(Problem(place(layout.sheet("settings").name, 3, row),
                                    f"'{name[:40]}' staat niet in de lijst van landen"))
        elif match not in out:
            out.append(match)
    for c in model.candidates:
        if c.country and c.country not in out and c.status != "Ingetrokken":
            out.append(c.country)
    try:
        iso_codes(out)
    except UnknownCountry as exc:  # a list changed under a workbook: name it plainly
        problems.append(Problem(layout.sheet("settings").name, str(exc)))
        out = []
    return out


def read_steps(model: Model, problems: list[Problem]) -> list[planner.StepIn]:
    """The steps of the Planning sheet."""
    sheet = layout.sheet("planning").name
    seen: dict[str, int] = {}
    steps = []
    for rec in model.tables.get("planning", []):
        if rec.get("id") is None:
            continue
        row = rec["_row"]
        if rec["id"].casefold() in seen:
            problems.append(Problem(place(sheet, _col("planning", "id"), row),
                                    f"ID '{rec['id']}' komt twee keer voor (ook in rij "
                                    f"{seen[rec['id'].casefold()]})"))
            continue
        seen[rec["id"].casefold()] = row
        try:
            after = planner.parse_after(rec.get("after"))
        except ValueError as exc:
            problems.append(Problem(place(sheet, _col("planning", "after"), row), str(exc)))
            after = ()
        kind = rec.get("kind") or lay.STEP
        duration = rec.get("duration")
        if duration is None and kind == lay.STEP:
            problems.append(Problem(place(sheet, _col("planning", "duration"), row),
                                    "de duur ontbreekt (in werkdagen)"))
        prev_start = rec.get("start") if isinstance(rec.get("start"), dt.date) else None
        prev_end = rec.get("end") if isinstance(rec.get("end"), dt.date) else None
        steps.append(planner.StepIn(
            id=rec["id"], name=rec.get("name") or "", kind=kind, duration=int(duration or 0),
            after=after, body=rec.get("body"), owner=rec.get("owner") or "",
            status=rec.get("status") or lay.TODO, earliest=rec.get("earliest"), row=row,
            previous_start=_as_date(prev_start), previous_end=_as_date(prev_end)))
    return steps


def _as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def read_meetings(model: Model) -> list[planner.Meeting]:
    """The meetings of the Vergaderingen sheet."""
    out = []
    for rec in model.tables.get("meetings", []):
        if rec.get("body") and rec.get("date"):
            out.append(planner.Meeting(rec["body"], rec["date"], int(rec.get("lead_days") or 0),
                                       rec["_row"], str(rec.get("note") or "")[:200]))
    return sorted(out, key=lambda m: (m.date, m.body))


def compute_plan(model: Model, today: dt.date | None = None, snapshot=None) -> Plan:
    """The planning of a workbook from today: steps the snapshot's procedure record completed lie
    on their recorded dates and are done, other finished steps keep their dates, unfinished ones
    are planned from today, and a published call keeps its recorded dates. InputProblems when
    steps or settings cannot be planned."""
    from partnerkeuze.record.procedure import read_record
    from partnerkeuze.record.procedure.stages import recorded_steps

    problems: list[Problem] = []
    today = today or dt.date.today()
    record = read_record(snapshot) if snapshot is not None else None
    published_on, fixed = (record.published_on, record.deadline) if record else (None, None)
    steps = read_steps(model, problems)
    meetings = read_meetings(model)
    countries = call_countries(model, problems)
    values = model.settings.values
    months = int(values.get("call_months") or 3)
    extension = int(values.get("deadline_extension") or 0)
    plan_start = values.get("plan_start") or today
    if problems:
        raise InputProblems(problems)
    sheet = layout.sheet("planning").name
    try:
        placed = planner.schedule(
            steps, meetings, plan_start,
            lambda start: call_deadline(start, countries, months, extension),
            call_date=model.settings.call_date, today=today,
            fixed_call=(published_on or fixed, fixed) if fixed else None,
            recorded=recorded_steps(record, today) if record else None)
    except planner.PlanError as exc:
        rows = {s.id: s.row for s in steps}
        raise InputProblems([Problem(place(sheet, _col("planning", "after"), rows.get(i, 0)), m)
                             for i, m in exc.problems]) from None
    plan = Plan(placed, meetings, countries, plan_start, published_on=published_on,
                fixed=bool(fixed))
    calls = [p for p in placed if p.step.kind == lay.CALL]
    if calls:
        plan.call_start, plan.deadline = calls[0].start, calls[0].end
        wanted = model.settings.call_date
        if fixed:
            plan.warnings.extend(deadline_warnings(model, countries, fixed, published_on))
        elif wanted and calls[0].start > wanted:
            plan.warnings.append(f"De oproep kan pas op {calls[0].start:%d/%m/%Y} vertrekken, niet "
                                 f"op {wanted:%d/%m/%Y} (Instellingen): de voorgaande stappen "
                                 f"zijn dan nog niet klaar.")
        if len(calls) > 1:
            plan.warnings.append("Er zijn meerdere stappen van de soort Oproep; de eerste bepaalt "
                                 "de deadline.")
    for p in placed:  # a step that is done needs no meeting any more
        if p.step.body and p.meeting is None and p.step.status != lay.DONE:
            plan.warnings.append(f"Stap {p.id} ({p.step.name}): geen vergadering van "
                                 f"{p.step.body} die nog haalbaar is.")
    plan.warnings = list(dict.fromkeys(plan.warnings))  # once per cause
    return plan


def deadline_warnings(model: Model, countries: list[str], deadline: dt.date,
                      published_on: dt.date | None) -> list[str]:
    """One warning per country of the call whose holiday or weekend falls on the published
    deadline (the deadline is never moved for it; an extension is the user's decision)."""
    from partnerkeuze.core.workdays import public_days, holiday_name_nl, iso_codes

    out = []
    for name in countries:
        iso = iso_codes([name])[0]
        public, weekend = public_days(iso, deadline.year)
        if deadline not in public and deadline.weekday() not in weekend:
            continue
        why = holiday_name_nl(deadline, iso) or "weekend"
        who = [f"{c.id} {c.name}" for c in model.candidates
               if c.country == name and c.status != "Ingetrokken"]
        out.append(f"De gepubliceerde deadline {deadline:%d/%m/%Y} valt in {name} op een vrije "
                   f"dag ({why})" + (f"; kandidaten uit {name}: {', '.join(who[:5])}" if who
                                     else "")
                   + ". De deadline blijft staan"
                   + (f" (gepubliceerd op {published_on:%d/%m/%Y})" if published_on else "")
                   + "; verleng ze zo nodig met 'partnerkeuze record PAD extension --deadline "
                     "JJJJ-MM-DD --reason …'.")
    return out


PLANNING_SHEETS = ("planning", "meetings", "settings")


def check_planning(model: Model, snapshot) -> list[Problem]:
    """Check hook for 'check': the problems that keep the planning from being computed."""
    try:
        compute_plan(model, snapshot=snapshot)
    except InputProblems as exc:
        return list(exc.problems)
    return []
