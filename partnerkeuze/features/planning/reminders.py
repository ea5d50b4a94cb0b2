"""Reminders: what is due now (steps, items to submit, missing scores, the deadline for
candidates), sent once per item, with the sent items kept in a state file next to the workbook."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze.io import audit
from partnerkeuze.kernel.errors import FileError
from partnerkeuze.layout import planning as lay
from partnerkeuze.features.planning.texts import assessor_mail, candidate_mail

STATE_SUFFIX = ".herinneringen.json"
MONTH_BEFORE, WEEK_BEFORE = 30, 7


@dataclass(frozen=True)
class Item:
    """One thing to remind someone of; ``key`` identifies it so it is sent only once."""

    key: str
    to: str
    who: str  # coordinator, assessor or candidate
    language: str
    line: str  # one line in a digest mail (coordinator, assessor)
    subject: str = ""  # own mail (candidate)
    body: str = ""
    recipient: str = ""  # the person's name (assessor)
    form: str = ""  # the file the person fills in (assessor form)


@dataclass
class Mail:
    """A mail to one recipient covering one or more items."""

    to: str
    language: str
    subject: str
    body: str
    keys: list[str] = field(default_factory=list)
    name: str = ""


def state_path(workbook: Path | None, name: str = "werkmap") -> Path:
    """The register of sent reminders beside the workbook, whatever form its path took (a bare
    name, a relative path, a symbolic link: the real file's folder).

    A workbook that was never saved has no folder: its register goes to PARTNERKEUZE_STATE_DIR,
    else to the user's Partnerkeuze folder, never into the current folder.
    """
    import os

    if workbook is None:
        home = Path(os.environ.get("PARTNERKEUZE_STATE_DIR")
                    or Path.home() / ".partnerkeuze" / "herinneringen")
        home.mkdir(parents=True, exist_ok=True)
        path = home / name
    else:
        path = Path(os.path.realpath(workbook))
    return path.with_name(path.stem + STATE_SUFFIX)


def load_state(path: Path) -> dict:
    """The sent reminders ({key: {at, to}}); FileError when the file is damaged."""
    if not path.exists():
        return {"version": 2, "sent": {}, "refused": {}, "retry": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("sent"), dict):
            raise ValueError("sent")
        for part in ("refused", "retry"):
            if not isinstance(data.setdefault(part, {}), dict):
                raise ValueError(part)
        return data
    except (ValueError, OSError, AttributeError) as exc:
        from partnerkeuze.kernel.errors import os_reason

        if isinstance(exc, json.JSONDecodeError):
            why = f"geen geldige JSON vanaf regel {exc.lineno}, kolom {exc.colno}"
        elif isinstance(exc, OSError):
            why = os_reason(exc)
        else:
            why = "de lijst 'sent' ontbreekt"
        raise FileError(f"{path.name}: het bestand met verstuurde herinneringen is beschadigd "
                        f"({why}); herstel of verwijder het (dan worden alle "
                        f"herinneringen opnieuw verstuurd)") from None


def save_state(path: Path, state: dict) -> None:
    """Write the register atomically and at once, not staged with the command's other files:
    a mail that went out cannot be taken back, so its record must not wait."""
    from partnerkeuze.io.outputs import write
    from partnerkeuze.io.saving import unstaged

    with unstaged():
        write(path, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True).encode())


def coordinator_items(model, plan, today: dt.date, days: int) -> list[Item]:
    """Steps due within `days` or overdue, and items to submit before a meeting (Dutch)."""
    to = model.profile.get("coordinator_email") or ""
    if not to:
        return []
    out = []
    soon = today + dt.timedelta(days=days)
    for p in plan.steps:
        s = p.step
        if s.status == lay.DONE:
            continue
        if p.meeting is not None and today <= p.meeting.submit_by <= soon:
            out.append(Item(f"submit:{s.id}:{p.meeting.date.isoformat()}", to, "coordinator", "nl",
                            f"Indienen voor {s.body} van {p.meeting.date:%d/%m/%Y}: {s.id} "
                            f"{s.name}, uiterlijk {p.meeting.submit_by:%d/%m/%Y}."))
        if p.end < today:
            out.append(Item(f"overdue:{s.id}:{p.end.isoformat()}", to, "coordinator", "nl",
                            f"Te laat: {s.id} {s.name} moest klaar zijn op {p.end:%d/%m/%Y} "
                            f"(status {s.status}, {s.owner or 'geen verantwoordelijke'})."))
        elif p.end <= soon:
            out.append(Item(f"due:{s.id}:{p.end.isoformat()}", to, "coordinator", "nl",
                            f"Binnenkort klaar: {s.id} {s.name} tegen {p.end:%d/%m/%Y} "
                            f"(status {s.status}, {s.owner or 'geen verantwoordelijke'})."))
    return out


def assessor_items(model, result) -> list[Item]:
    """Missing scores per assessor (one item per candidate and criterion)."""
    from partnerkeuze.io.forms.texts import assessor_form_name

    assessors = {a.id: a for a in model.assessors}
    names = {c.id: c.name for c in model.criteria}
    out = []
    for cand in result.candidates:
        for crit, aid in cand.missing:
            a = assessors.get(aid)
            if a is None or not a.email:
                continue
            out.append(Item(f"scores:{aid}:{cand.id}:{crit}", a.email, "assessor", "nl",
                            f"{cand.id} {cand.name}: {crit} {names.get(crit, '')}".rstrip(),
                            recipient=a.name, form=assessor_form_name(a)))
    return out


def candidate_items(model, deadline: dt.date | None, today: dt.date) -> list[Item]:
    """Deadline reminders a month and a week before, in the candidate's language, to candidates
    registered without a received candidacy."""
    if deadline is None or today > deadline:
        return []
    left = (deadline - today).days
    if left > MONTH_BEFORE:
        return []
    which = "week" if left <= WEEK_BEFORE else "month"
    title = model.settings.call_title or "Oproep tot kandidaatstelling"
    out = []
    for c in model.candidates:
        if not c.email or c.received or c.status == "Ingetrokken":
            continue
        # The call title and job title as the candidate reads them (translated fields).
        from partnerkeuze.core.phrasing import candidate_person
        from partnerkeuze.core.translations import profile_text, setting_text

        own = dict(model.profile,
                   coordinator_role=profile_text(model, "coordinator_role", c.language))
        subject, body = candidate_mail(c.language, deadline, today,
                                       candidate_person(model, c.id), own,
                                       setting_text(model, "call_title", c.language) or title)
        out.append(Item(f"deadline-{which}:{c.id}:{deadline.isoformat()}", c.email, "candidate",
                        c.language, "", subject, body))
    return out


def mails(items: list[Item], model) -> list[Mail]:
    """Items grouped into mails: one digest per coordinator or assessor, one per candidate item."""
    title = model.settings.call_title or "Oproep tot kandidaatstelling"
    coordinator = model.profile.get("coordinator") or ""
    out: list[Mail] = []
    digests: dict[tuple[str, str], list[Item]] = {}
    for it in items:
        if it.who == "candidate":
            out.append(Mail(it.to, it.language, it.subject, it.body, [it.key],
                            f"kandidaat-{it.key}"))
        else:
            digests.setdefault((it.who, it.to), []).append(it)
    for (who, to), group in digests.items():
        lines = "\n".join(f"- {it.line}" for it in group)
        if who == "coordinator":
            subject = f"Planning '{title}': {len(group)} herinnering(en)"
            body = (f"Beste {coordinator},\n\nDit vraagt uw aandacht in de planning van "
                    f"'{title}':\n\n{lines}\n\nDe volledige planning staat op het blad Planning "
                    f"van de werkmap.\n\nPartnerkeuze\n")
        else:
            subject, body = assessor_mail(group[0].recipient, group[0].form, lines, title,
                                          coordinator, model.profile.get("coordinator_email")
                                          or "", len(group))
        out.append(Mail(to, "nl", subject, body, [it.key for it in group],
                        f"{who}-{to}-{group[0].key}"))
    return out


def due_items(model, plan, result, today: dt.date) -> list[Item]:
    """Everything that is due on this day, sent or not."""
    days = int(model.settings.values.get("reminder_days") or 7)
    deadline = plan.deadline or model.settings.deadline
    return (coordinator_items(model, plan, today, days) + assessor_items(model, result)
            + candidate_items(model, deadline, today))


def _record(state: dict, m: Mail, delivery, at: str) -> None:
    """Keep one recipient's result: sent (done), refused or to retry (tried again next pass)."""
    for part in ("sent", "refused", "retry"):
        for key in m.keys:
            state[part].pop(key, None)
    for key in m.keys:
        entry = {"at": at, "to": m.to}
        if delivery.status != "sent":
            entry["answer"] = delivery.answer
        state[delivery.status][key] = entry


def run_pass(run, now: dt.datetime | None = None):
    """Send the reminders that are due and not yet sent, each recipient on its own: a refused
    address or a dropped connection never stops the others; the result as an Outcome."""
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.features.planning.compute import compute_plan
    from partnerkeuze.io.mail import MailUnavailable, Postman, mail_settings, message
    from partnerkeuze.kernel.port import Outcome

    book, snap, model, progress = run.book, run.snap, run.model, run.progress
    now = now or dt.datetime.now()
    today = now.date()
    progress("Herinneringen nagaan…")
    plan = compute_plan(model, today, snap)
    result = evaluate(model)
    spath = state_path(run.workbook_path, getattr(book, "name", "werkmap"))
    state = load_state(spath)
    todo = [it for it in due_items(model, plan, result, today) if it.key not in state["sent"]]
    out = Outcome()
    batch = mails(todo, model)
    out.data = {"due": len(todo), "sent": 0, "refused": 0, "failed": 0, "state": str(spath),
                "recipients": [], "results": []}
    if not batch:
        out.messages.append("Geen nieuwe herinneringen.")
        return out
    settings = mail_settings(model.settings.values, model.profile, spath.parent)
    if not settings.sender:
        raise FileError("geen afzender voor de herinneringen: vul 'Afzender van de mails' "
                        "(Instellingen) of het e-mailadres van de coördinator (Profiel) in")
    at = now.replace(microsecond=0).isoformat()
    delivered: list[Mail] = []
    refused: list[tuple[Mail, str]] = []
    retry: list[tuple[Mail, str]] = []
    problem = None
    files: list = []
    try:
        with Postman(settings) as post:
            for m in batch:
                d = post.send(message(settings.sender, m.to, m.subject, m.body, m.language),
                              f"{today.isoformat()}-{m.name}")
                _record(state, m, d, at)
                save_state(spath, state)
                (delivered.append(m) if d.status == "sent" else
                 (refused if d.status == "refused" else retry).append((m, d.answer)))
                out.data["results"].append({"to": m.to, "status": d.status, "answer": d.answer,
                                            "keys": list(m.keys)})
            files = list(post.written)
    except MailUnavailable as exc:
        problem = str(exc)
    untried = len(batch) - len(delivered) - len(refused) - len(retry)
    out.data.update(sent=len(delivered), refused=len(refused), failed=len(retry) + untried,
                    recipients=[m.to for m in delivered])
    out.files = files
    if delivered:
        where = (f"via {settings.host}:{settings.port}" if settings.uses_server
                 else f"als .eml in {settings.outbox}")
        out.messages.append(f"{len(delivered)} herinnering(en) verstuurd {where}: "
                            + ", ".join(sorted({m.to for m in delivered})) + ".")
        book.apply(audit.entry_patch(snap, "remind", f"{len(delivered)} herinneringen aan "
                                     + ", ".join(sorted({m.to for m in delivered})), files))
        out.changed = True
    if refused:
        out.warnings.append(f"{len(refused)} mail(s) geweigerd door de mailserver; controleer "
                            f"het adres (op Kandidaten, Beoordelaars of Profiel). De volgende "
                            f"ronde probeert ze opnieuw:")
        out.warnings.extend(f"  {m.to}: {answer}" for m, answer in refused)
    if retry:
        out.warnings.append(f"{len(retry)} mail(s) niet afgeleverd, later opnieuw:")
        out.warnings.extend(f"  {m.to}: {answer}" for m, answer in retry)
    if problem:
        out.warnings.append(f"Herinneringen niet verstuurd: {problem}. "
                            f"{untried} mail(s) blijven klaarstaan en worden "
                            f"bij de volgende ronde opnieuw geprobeerd.")
        out.data["error"] = problem
    return out
