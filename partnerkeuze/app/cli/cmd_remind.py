"""partnerkeuze remind PATH [--once]: mail the reminders that are due, once or every day."""

from __future__ import annotations

import sys

RETRY_MINUTES = 15


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("remind", help="verstuur herinneringen (blijft draaien, of --once)",
                       description="Verstuur de herinneringen die nu nodig zijn: aan de "
                                   "coördinator (stappen, indienen voor een vergadering), aan de "
                                   "beoordelaars (ontbrekende scores) en aan de kandidaten (een "
                                   "maand en een week voor de deadline, in hun taal). Elke "
                                   "herinnering gaat één keer. Zonder --once blijft het "
                                   "programma draaien en kijkt het elke dag op het tijdstip uit "
                                   "Instellingen. Een geweigerd adres houdt de andere mails niet "
                                   "tegen; de samenvatting zegt hoeveel er geweigerd werden en "
                                   "waarom (exitcode 0: de andere zijn verstuurd).")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--once", action="store_true", help="één ronde, daarna stoppen")
    p.set_defaults(run=run)


def one_pass(path, progress) -> str:
    """One reminder pass on the workbook file through the pipeline: "ok" when every due mail
    went out, "refused" when the server refused some addresses (the user must fix them),
    "retry" when some could not be delivered now (server away, connection dropped), "unsent"
    when none could and nothing changed."""
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.app.pipeline import run_file

    outcome = run_file("remind", path, {}, progress, backup=False, read_if_open=True)
    data = outcome.data
    if data.get("refused") or data.get("failed"):
        outcome.messages.append(f"Samenvatting: {data.get('sent', 0)} verstuurd, "
                                f"{data.get('refused', 0)} geweigerd, {data.get('failed', 0)} "
                                f"later opnieuw.")
    show(outcome)
    if "error" in data and not data.get("sent") and not outcome.changed:
        return "unsent"  # nothing went out and nothing changed
    if "error" in data or data.get("failed"):
        return "retry"
    return "refused" if data.get("refused") else "ok"


def run(args) -> int:
    """Run once, or keep running with the schedule package."""
    from partnerkeuze.app.cli import progress_printer

    progress = progress_printer()
    if args.once:
        # refused addresses and mails for later are said in the outcome (the others went
        # out: exit 0); when nothing could be sent and nothing changed: exit 1
        return 1 if one_pass(args.path, progress) == "unsent" else 0
    return forever(args.path, progress)


def parse_time(value) -> str | None:
    """'HH:MM' from what a cell holds: '8:00', '08:00:00', a time, or a fraction of a day."""
    import datetime as dt

    if isinstance(value, (dt.time, dt.datetime)):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(value * 1440) % 1440
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    text = str(value if value is not None else "08:00").strip().replace(".", ":")
    parts = text.split(":")
    if len(parts) in (2, 3) and all(p.isdigit() for p in parts):
        hh, mm = int(parts[0]), int(parts[1])
        if hh < 24 and mm < 60:
            return f"{hh:02d}:{mm:02d}"
    return None


def _reminder_time(path) -> str:
    from partnerkeuze import layout
    from partnerkeuze.kernel.errors import FileError
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(path, for_writing=False)
    try:
        snap = book.snapshot()
        sheet = layout.sheet("settings")
        raw = next((row[2] for row in (snap.rows(sheet.name) if snap.has_sheet(sheet.name)
                                        else ())
                    if row and row[0] == "reminder_time" and len(row) > 2), None)
    finally:
        book.close()
    at = parse_time(raw if raw not in (None, "") else "08:00")
    if at is None:
        raise FileError(f"Instellingen: tijdstip van de herinneringen '{str(raw)[:10]}' is geen "
                        f"UU:MM")
    return at


def forever(path, progress) -> int:
    """A pass now, then every day at the reminder time; a failed pass is retried sooner. A
    workbook the gate refuses stops the service at its first pass."""
    import time

    import schedule

    from partnerkeuze.kernel.errors import PartnerkeuzeError

    retry = {"job": None}

    def job(first: bool = False):
        try:
            ok = one_pass(path, progress) not in ("retry", "unsent")  # refused: tomorrow
        except PartnerkeuzeError as exc:
            if first:
                raise
            print(f"Fout: {exc}", file=sys.stderr, flush=True)
            ok = False
        if not ok and retry["job"] is None:
            print(f"Nieuwe poging over {RETRY_MINUTES} minuten.", flush=True)
            retry["job"] = schedule.every(RETRY_MINUTES).minutes.do(job)
        elif ok and retry["job"] is not None:
            schedule.cancel_job(retry["job"])
            retry["job"] = None
        sys.stdout.flush()

    job(first=True)
    at = _reminder_time(path)
    schedule.every().day.at(at).do(job)
    print(f"Herinneringen: elke dag om {at}. Stoppen met Ctrl+C.", flush=True)
    while True:
        schedule.run_pending()
        time.sleep(20)
