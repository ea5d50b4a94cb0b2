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
                                   "tegen; de samenvatting en de exitcode (1) zeggen hoeveel "
                                   "er geweigerd werden en waarom.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--once", action="store_true", help="één ronde, daarna stoppen")
    p.set_defaults(run=run)


class _LockedBook:
    """A workbook open in Excel: read it, but leave the file alone (no log entry)."""

    def __init__(self, book):
        self._book = book
        self.name = book.name
        self.path = book.path
        self.skipped = False

    def snapshot(self):
        """The values of every sheet."""
        return self._book.snapshot()

    def apply(self, patch) -> None:
        """Do not write: the owner has the workbook open."""
        self.skipped = True


def require_planning_sheets(snap) -> None:
    """Refuse (exit 1) a workbook that is not a Partnerkeuze workbook with a planning."""
    from partnerkeuze import layout
    from partnerkeuze.kernel.errors import InputProblems, Problem

    needed = [layout.sheet(k).name for k in ("settings", "profile", "planning")]
    missing = [n for n in needed if not snap.has_sheet(n)]
    if missing:
        raise InputProblems([Problem("Werkmap", f"het blad '{n}' ontbreekt; dit is geen "
                                                f"(volledige) Partnerkeuze-werkmap en er gaan "
                                                f"geen herinneringen uit") for n in missing])


def one_pass(path, progress) -> str:
    """One reminder pass on the workbook file: "ok" when every due mail went out, "refused"
    when the server refused some addresses (the user must fix them), "retry" when some could
    not be delivered now (server away, connection dropped)."""
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.app.cli.writing import write_session
    from partnerkeuze.features.planning.actions import remind_once
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook, existing, lock_files

    locked = bool(lock_files(existing(path)))
    with write_session(path, "remind", staged=False):  # one pass at a time per workbook
        book = FileWorkbook(path, for_writing=not locked)
        try:
            target = _LockedBook(book) if locked else book
            require_planning_sheets(book.snapshot())
            outcome = remind_once(target, progress)
            if outcome.changed and not locked:
                book.save(backup=False)
            if locked and target.skipped:
                outcome.warnings.append("De werkmap is open in Excel: de verstuurde "
                                        "herinneringen staan in het herinneringenbestand, niet "
                                        "in het Logboek.")
        finally:
            if locked:
                book.close()
    data = outcome.data
    if data.get("refused") or data.get("failed"):
        outcome.messages.append(f"Samenvatting: {data.get('sent', 0)} verstuurd, "
                                f"{data.get('refused', 0)} geweigerd, {data.get('failed', 0)} "
                                f"later opnieuw.")
    show(outcome)
    if "error" in data or data.get("failed"):
        return "retry"
    return "refused" if data.get("refused") else "ok"


def run(args) -> int:
    """Run once, or keep running with the schedule package."""
    from partnerkeuze.app.cli import progress_printer

    progress = progress_printer()
    if args.once:
        return 0 if one_pass(args.path, progress) == "ok" else 1
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
        require_planning_sheets(snap)  # a wrong workbook is refused before the daily loop
        sheet = layout.sheet("settings")
        raw = next((row[2] for row in snap.rows(sheet.name)
                    if row and row[0] == "reminder_time" and len(row) > 2), None)
    finally:
        book.close()
    at = parse_time(raw if raw not in (None, "") else "08:00")
    if at is None:
        raise FileError(f"Instellingen: tijdstip van de herinneringen '{str(raw)[:10]}' is geen "
                        f"UU:MM")
    return at


def forever(path, progress) -> int:
    """A pass now, then every day at the reminder time; a failed pass is retried sooner."""
    import time

    import schedule

    from partnerkeuze.kernel.errors import PartnerkeuzeError

    at = _reminder_time(path)
    retry = {"job": None}

    def job():
        try:
            ok = one_pass(path, progress) != "retry"  # refused addresses wait for tomorrow
        except PartnerkeuzeError as exc:
            print(f"Fout: {exc}", file=sys.stderr, flush=True)
            ok = False
        if not ok and retry["job"] is None:
            print(f"Nieuwe poging over {RETRY_MINUTES} minuten.", flush=True)
            retry["job"] = schedule.every(RETRY_MINUTES).minutes.do(job)
        elif ok and retry["job"] is not None:
            schedule.cancel_job(retry["job"])
            retry["job"] = None
        sys.stdout.flush()

    schedule.every().day.at(at).do(job)
    print(f"Herinneringen: elke dag om {at}. Stoppen met Ctrl+C.", flush=True)
    job()
    while True:
        schedule.run_pending()
        time.sleep(20)
