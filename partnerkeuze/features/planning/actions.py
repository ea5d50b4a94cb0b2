"""Actions of the planning (ribbon buttons and commands): recompute and write the planning,
write the calendar (.ics), and one pass of reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze.kernel.errors import FileError
from partnerkeuze.kernel.port import Outcome, Run


def _computed(run: Run, today: dt.date | None = None):
    """The plan of the workbook (today: the day the not-done steps are planned from)."""
    from partnerkeuze.features.planning.compute import compute_plan

    return compute_plan(run.model, today or run.option("today"), run.snap)


def summary(plan) -> dict:
    """The planning as plain data (for --json and the ribbon)."""
    return {
        "plan_start": plan.plan_start, "call_start": plan.call_start, "deadline": plan.deadline,
        "countries": list(plan.countries),
        "steps": [{"id": p.id, "name": p.step.name, "start": p.start, "end": p.end,
                   "status": p.step.status, "body": p.step.body,
                   "meeting": p.meeting.date if p.meeting else None,
                   "submit_by": p.meeting.submit_by if p.meeting else None,
                   "shift_days": p.shift_days} for p in plan.steps],
        "warnings": list(plan.warnings),
    }


def plan(run: Run) -> Outcome:
    """Recompute the planning and write it back (steps, meetings, call date and deadline);
    options ``ics`` (a calendar file) and ``gantt`` (a PNG of the Gantt) write them too."""
    from partnerkeuze.features.planning.sheet import plan_patch, settings_patch

    ics, gantt = run.option("ics"), run.option("gantt")
    if ics:
        check_calendar_path(ics)
    snap, model, book = run.snap, run.model, run.book
    run.progress("Planning berekenen…")
    p = _computed(run)
    patch = plan_patch(p, snap).merge(settings_patch(p, model))
    moved = [s for s in p.steps if s.shift_days]
    details = (f"{len(p.steps)} stappen gepland van {p.plan_start:%d/%m/%Y}"
               + (f"; deadline {p.deadline:%d/%m/%Y}" if p.deadline else "")
               + (f"; {len(moved)} stappen verschoven" if moved else ""))
    patch.merge(audit.entry_patch(snap, "plan", details))
    run.progress("Planning schrijven…")
    book.apply(patch)
    out = Outcome(data=summary(p), warnings=list(p.warnings), changed=True)
    last = max((s.end for s in p.steps), default=None)
    out.messages.append(f"Planning berekend: {len(p.steps)} stappen"
                        + (f", klaar op {last:%d/%m/%Y}" if last else "") + ".")
    if p.deadline and p.fixed:
        out.messages.append(f"Deadline kandidaturen: {p.deadline:%d/%m/%Y}, vastgelegd op het "
                            f"blad Procedure" + (f" (oproep gepubliceerd op "
                                                 f"{p.published_on:%d/%m/%Y})" if p.published_on
                                                 else "")
                            + "; de planning verschuift ze niet.")
    elif p.deadline:
        old = model.settings.deadline
        changed = f" (was {old:%d/%m/%Y})" if old and old != p.deadline else ""
        out.messages.append(f"Deadline kandidaturen: {p.deadline:%d/%m/%Y}{changed}; "
                            f"geen feestdag of vakantie in België of in "
                            f"{', '.join(p.countries) or 'de landen van de oproep'}.")
    for s in moved:
        out.messages.append(f"Verschoven: {s.id} {s.step.name}: einde {s.end:%d/%m/%Y} "
                            f"({'+' if s.shift_days > 0 else ''}{s.shift_days} dagen).")
    if ics or gantt:  # from the workbook as the plan left it (its call date and deadline)
        from partnerkeuze.core.parse import parse_lenient
        from partnerkeuze.features.planning.compute import compute_plan

        now = book.snapshot()
        p = compute_plan(parse_lenient(now, []), run.option("today"), now)
    if ics:
        out.files.append(_write_calendar(run, p, Path(ics), out))
    if gantt:
        from partnerkeuze.features.planning.picture import gantt_png
        from partnerkeuze.io.outputs import write

        write(Path(gantt), gantt_png(p, title=model.settings.call_title or "Planning"))
        out.files.append(Path(gantt))
    return out


def check_calendar_path(ics) -> Path:
    """A usable path for a calendar file, or a Dutch FileError (before anything is written)."""
    from partnerkeuze.io.saving import check_writable

    ics = Path(ics)
    if ics.is_dir():
        raise FileError(f"{ics}: dit is een map; geef de naam van een kalenderbestand "
                        f"(bv. {ics / 'planning.ics'})")
    if ics.suffix.lower() != ".ics":
        raise FileError(f"{ics}: een kalenderbestand eindigt op .ics")
    if not ics.parent.exists():
        raise FileError(f"{ics.parent}: map niet gevonden")
    check_writable(ics)
    return ics


def _write_calendar(run: Run, p, ics_path: Path, out: Outcome) -> Path:
    """Write the plan as an iCalendar file and its log entry; say so in out."""
    from partnerkeuze.features.planning.ics import calendar_bytes
    from partnerkeuze.io.outputs import write

    model = run.model
    title = model.settings.call_title or "Planning partnerkeuze"
    namespace = str(model.profile.get("municipality") or "") + "|" + title
    previous = ics_path.read_bytes() if ics_path.is_file() else None
    write(ics_path, calendar_bytes(p, title, namespace, previous=previous))
    run.book.apply(audit.entry_patch(run.book.snapshot(), "calendar",
                                     f"kalender met {len(p.steps)} stappen en "
                                     f"{len(p.meetings)} vergaderingen", [ics_path]))
    out.changed = True
    out.messages.append(f"Kalender geschreven: {ics_path} ({len(p.steps)} stappen, "
                        f"{len(p.meetings)} vergaderingen"
                        + (", deadline" if p.deadline else "") + ").")
    return ics_path


def calendar(run: Run) -> Outcome:
    """Write the planning as an iCalendar file (option ``ics``: steps, milestones, meetings,
    deadline)."""
    ics_path = check_calendar_path(run.options["ics"])
    run.progress("Kalender schrijven…")
    p = _computed(run)
    out = Outcome(data=summary(p), warnings=list(p.warnings))
    out.files.append(_write_calendar(run, p, ics_path, out))
    return out


def remind(run: Run) -> Outcome:
    """One pass of reminders: mails due now and not sent before (the register of sent mails
    beside the workbook; option ``now``)."""
    from partnerkeuze.features.planning.reminders import run_pass

    return run_pass(run, run.option("now"))
