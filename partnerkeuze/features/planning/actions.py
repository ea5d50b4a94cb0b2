"""Actions of the planning (ribbon buttons and commands): recompute and write the planning,
write the calendar (.ics), and one pass of reminders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze.kernel.port import Outcome, Progress, WorkbookIO, no_progress


def _computed(book: WorkbookIO, today: dt.date | None = None):
    from partnerkeuze.features.planning.compute import compute_plan, read_model

    snap = book.snapshot()
    model, ignored = read_model(snap)
    plan = compute_plan(model, today, snap)
    if ignored:
        plan.warnings.append(f"{ignored} probleem/problemen op andere bladen tellen voor de "
                             f"planning niet mee; 'Controleren' (partnerkeuze check) toont ze.")
    return snap, model, plan


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


def plan(book: WorkbookIO, progress: Progress = no_progress, today: dt.date | None = None) -> Outcome:
    """Recompute the planning and write it back (steps, meetings, call date and deadline)."""
    from partnerkeuze.features.planning.sheet import plan_patch, settings_patch

    progress("Planning berekenen…")
    snap, model, p = _computed(book, today)
    patch = plan_patch(p, snap).merge(settings_patch(p, model))
    moved = [s for s in p.steps if s.shift_days]
    details = (f"{len(p.steps)} stappen gepland van {p.plan_start:%d/%m/%Y}"
               + (f"; deadline {p.deadline:%d/%m/%Y}" if p.deadline else "")
               + (f"; {len(moved)} stappen verschoven" if moved else ""))
    patch.merge(audit.entry_patch(snap, "plan", details))
    progress("Planning schrijven…")
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
    return out


def calendar(book: WorkbookIO, ics_path, progress: Progress = no_progress,
             today: dt.date | None = None) -> Outcome:
    """Write the planning as an iCalendar file (steps, milestones, meetings, deadline)."""
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.features.planning.ics import calendar_bytes
    from partnerkeuze.io.xlsx.file_workbook import write_file

    ics_path = Path(ics_path)
    if ics_path.suffix.lower() != ".ics":
        raise FileError(f"{ics_path}: een kalenderbestand eindigt op .ics")
    if not ics_path.parent.exists():
        raise FileError(f"{ics_path.parent}: map niet gevonden")
    progress("Kalender schrijven…")
    snap, model, p = _computed(book, today)
    title = model.settings.call_title or "Planning partnerkeuze"
    namespace = str(model.profile.get("municipality") or "") + "|" + title
    previous = ics_path.read_bytes() if ics_path.is_file() else None
    write_file(ics_path, calendar_bytes(p, title, namespace, previous=previous))
    book.apply(audit.entry_patch(snap, "calendar", f"kalender met {len(p.steps)} stappen en "
                                                   f"{len(p.meetings)} vergaderingen", [ics_path]))
    out = Outcome(files=[ics_path], changed=True, data=summary(p), warnings=list(p.warnings))
    out.messages.append(f"Kalender geschreven: {ics_path} ({len(p.steps)} stappen, "
                        f"{len(p.meetings)} vergaderingen"
                        + (", deadline" if p.deadline else "") + ").")
    return out


def remind_once(book: WorkbookIO, progress: Progress = no_progress,
                now: dt.datetime | None = None) -> Outcome:
    """One pass of reminders: mails due now and not sent before (state next to the workbook)."""
    from partnerkeuze.features.planning.reminders import run_pass

    return run_pass(book, progress, now)


def demo_step(workbook_path, out_dir, progress: Progress = no_progress) -> list[Path]:
    """Demo: plan the demo workbook, write its calendar and the Gantt picture."""
    from partnerkeuze.features.planning.picture import gantt_png
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook, write_file

    out_dir = Path(out_dir)
    book = FileWorkbook(workbook_path)
    plan(book, progress)
    ics = out_dir / "planning.ics"
    calendar(book, ics, progress)
    book.save(backup=False)
    _, model, p = _computed(book)
    png = out_dir / "planning-gantt.png"
    write_file(png, gantt_png(p, title=model.settings.call_title or "Planning"))
    return [ics, png]
