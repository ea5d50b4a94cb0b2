"""The planning as an iCalendar file (RFC 5545) that Outlook imports: steps, milestones, the
days to submit agenda items, meetings (with their agenda items, place and time) and the call's
deadline.

UIDs are stable per step, per submission of a step, per meeting (body and date) and for the
deadline, so a new import updates the old events instead of adding copies. Each event carries a
fingerprint of what it says (X-PARTNERKEUZE-FP); when the previous file is given, an event whose
fingerprint changed gets the next SEQUENCE number, an unchanged one keeps its number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from partnerkeuze.layout import planning as lay

PRODID = "-//Partnerkeuze//Planning//NL"
FP = "X-PARTNERKEUZE-FP"
LOCAL_TZ = "Europe/Brussels"
MEETING_HOURS = 2
_TIME_RE = re.compile(r"(?<!\d)([01]?\d|2[0-3])(?:\s*[:.hu]\s*([0-5]\d)(?:\s*(?:uur|u|h)(?![a-z]))?"
                      r"|\s*(?:uur|u|h)(?![a-z]))", re.IGNORECASE)


def _uid(*parts: str) -> str:
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:20]
    return f"{digest}@partnerkeuze"


def meeting_time_and_place(note: str) -> tuple[dt.time | None, str]:
    """(time, place) from a meeting's note: 'Raadzaal, 20 uur' -> (20:00, 'Raadzaal')."""
    m = _TIME_RE.search(note or "")
    if not m:
        return None, (note or "").strip()
    at = dt.time(int(m.group(1)), int(m.group(2) or 0))
    place = (note[:m.start()] + note[m.end():]).strip(" ,;-–")
    return at, re.sub(r"\s*,\s*,\s*", ", ", place)


def _event(event_cls, uid: str, summary: str, start, end, description: str,
           categories: str, stamp: dt.datetime, location: str = ""):
    """An event; all-day when start is a date (end inclusive), timed when a datetime."""
    ev = event_cls()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("summary", summary[:250])
    ev.add("dtstart", start)
    ev.add("dtend", end if isinstance(end, dt.datetime) else end + dt.timedelta(days=1))
    if description:
        ev.add("description", description[:2000])
    if location:
        ev.add("location", location[:200])
    ev.add("categories", [categories])
    ev.add("transp", "TRANSPARENT" if not isinstance(start, dt.datetime) else "OPAQUE")
    return ev


def _fingerprint(ev) -> str:
    parts = [ev[k].to_ical() if k in ev else b"" for k in
             ("SUMMARY", "DTSTART", "DTEND", "DESCRIPTION", "LOCATION", "CATEGORIES")]
    return hashlib.sha256(b"\x1f".join(parts)).hexdigest()[:16]


def previous_versions(data: bytes | None) -> dict[str, tuple[int, str, object]]:
    """{uid: (sequence, fingerprint, event)} of a calendar this module wrote before ({} if none
    or unreadable)."""
    if not data:
        return {}
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(data)
    except Exception:  # not a calendar: start the sequence anew
        return {}
    out = {}
    for ev in cal.walk("VEVENT"):
        try:
            seq = int(ev.get("SEQUENCE", 0))
        except (TypeError, ValueError):
            seq = 0
        out[str(ev.get("UID"))] = (seq, str(ev.get(FP, "")), ev)
    return out


def _at(day: dt.date, at: dt.time) -> dt.datetime:
    """A local time in Belgium as UTC (no VTIMEZONE needed)."""
    from zoneinfo import ZoneInfo

    return dt.datetime.combine(day, at, ZoneInfo(LOCAL_TZ)).astimezone(dt.timezone.utc)


def calendar_bytes(plan, title: str, namespace: str = "", now: dt.datetime | None = None,
                   previous: bytes | None = None) -> bytes:
    """The planning as .ics bytes; ``previous`` (the file written before) keeps SEQUENCE
    numbers counting up for the events that changed."""
    from icalendar import Calendar, Event

    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(
        microsecond=0)
    before = previous_versions(previous)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", title[:120] or "Planning partnerkeuze")
    events = []
    agenda: dict[tuple[str, dt.date], list[str]] = {}
    for p in plan.steps:
        s = p.step
        kind = "Mijlpaal" if s.kind == lay.MILESTONE else "Stap"
        desc = [f"Status: {s.status}."]
        if s.owner:
            desc.append(f"Verantwoordelijke: {s.owner}.")
        desc += p.notes
        events.append(_event(Event, _uid(namespace, "step", s.id), f"{s.id} {s.name}", p.start,
                             p.end, "\n".join(desc), kind, stamp))
        if p.meeting is not None:
            m = p.meeting
            agenda.setdefault((m.body, m.date), []).append(
                f"- {s.id} {s.name} (indienen uiterlijk {m.submit_by:%d/%m/%Y})")
            events.append(_event(
                Event, _uid(namespace, "submit", s.id), f"Indienen voor {m.body}: {s.id} {s.name}",
                m.submit_by, m.submit_by,
                f"Uiterste dag om het agendapunt in te dienen voor {m.body} van "
                f"{m.date:%d/%m/%Y}.", "Indienen", stamp))
    for m in plan.meetings:
        at, place = meeting_time_and_place(m.note)
        items = agenda.get((m.body, m.date), [])
        desc = (["Agendapunten uit de planning:"] + items if items
                else ["Geen agendapunten uit de planning."])
        desc.append(f"Agendapunten indienen uiterlijk {m.submit_by:%d/%m/%Y}.")
        if m.note:
            desc.append(f"Opmerking: {m.note}")
        start = _at(m.date, at) if at else m.date
        end = start + dt.timedelta(hours=MEETING_HOURS) if at else m.date
        events.append(_event(Event, _uid(namespace, "meeting", m.body, m.date.isoformat()),
                             f"Vergadering {m.body}",
                             start, end, "\n".join(desc), "Vergadering", stamp, place))
    if plan.deadline:
        events.append(_event(Event, _uid(namespace, "deadline"), "Deadline kandidaturen",
                             plan.deadline, plan.deadline,
                             "Uiterste dag voor de kandidaturen (deze dag inbegrepen)"
                             + (", vastgelegd op het blad Procedure."
                                if getattr(plan, "fixed", False) else "."), "Deadline", stamp))
    for ev in events:
        fp = _fingerprint(ev)
        seq, old_fp, _ = before.get(str(ev["UID"]), (None, "", None))
        ev.add("sequence", 0 if seq is None else seq + (fp != old_fp))
        ev.add(FP, fp)
        cal.add_component(ev)
    made = {str(ev["UID"]) for ev in events}
    for uid, (seq, _, old) in before.items():  # gone from the planning: cancelled in Outlook
        if uid in made or not uid.endswith("@partnerkeuze"):
            continue
        if str(old.get("STATUS", "")).upper() != "CANCELLED":
            old.pop("SEQUENCE", None)
            old.pop("DTSTAMP", None)
            old.add("dtstamp", stamp)
            old.add("sequence", seq + 1)
            old.add("status", "CANCELLED")
        cal.add_component(old)
    return cal.to_ical()
