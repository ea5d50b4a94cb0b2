"""The planning as an iCalendar file (RFC 5545) that Outlook imports: steps, milestones,
meetings and the call's deadline as all-day events."""

from __future__ import annotations

import datetime as dt
import hashlib

from partnerkeuze.layout import planning as lay

PRODID = "-//Partnerkeuze//Planning//NL"


def _uid(*parts: str) -> str:
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{digest}@partnerkeuze"


def _event(cal_cls_event, uid: str, summary: str, start: dt.date, end: dt.date, description: str,
           categories: str, stamp: dt.datetime):
    ev = cal_cls_event()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("summary", summary[:250])
    ev.add("dtstart", start)
    ev.add("dtend", end + dt.timedelta(days=1))  # all-day events end the day after
    if description:
        ev.add("description", description[:2000])
    ev.add("categories", [categories])
    ev.add("transp", "TRANSPARENT")
    return ev


def calendar_bytes(plan, title: str, namespace: str = "", now: dt.datetime | None = None) -> bytes:
    """The planning as .ics bytes; UIDs are stable so a new import updates the old events."""
    from icalendar import Calendar, Event

    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(
        microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title[:120] or "Planning partnerkeuze")
    for p in plan.steps:
        s = p.step
        kind = "Mijlpaal" if s.kind == lay.MILESTONE else "Stap"
        summary = f"{s.id} {s.name}"
        desc = [f"Status: {s.status}."]
        if s.owner:
            desc.append(f"Verantwoordelijke: {s.owner}.")
        desc += p.notes
        cal.add_component(_event(Event, _uid(namespace, "step", s.id), summary, p.start, p.end,
                                 "\n".join(desc), kind, stamp))
        if p.meeting is not None:
            cal.add_component(_event(
                Event, _uid(namespace, "submit", s.id),
                f"Indienen voor {p.meeting.body}: {s.id} {s.name}", p.meeting.submit_by,
                p.meeting.submit_by,
                f"Uiterste dag om het agendapunt in te dienen voor {p.meeting.body} van "
                f"{p.meeting.date:%d/%m/%Y}.", "Indienen", stamp))
    for m in plan.meetings:
        cal.add_component(_event(Event, _uid(namespace, "meeting", m.body, m.date.isoformat()),
                                 f"Vergadering {m.body}", m.date, m.date,
                                 f"Agendapunten indienen uiterlijk {m.submit_by:%d/%m/%Y}.",
                                 "Vergadering", stamp))
    if plan.deadline:
        cal.add_component(_event(Event, _uid(namespace, "deadline"),
                                 "Deadline kandidaturen", plan.deadline, plan.deadline,
                                 "Uiterste datum voor de kandidaturen van de oproep.",
                                 "Deadline", stamp))
    return cal.to_ical()
