"""Reminders: what is due now (steps, items to submit, missing scores, the deadline for
candidates), sent once per item, with the sent items kept in a state file next to the workbook."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from partnerkeuze import audit
from partnerkeuze.errors import FileError
from partnerkeuze.layout import planning as lay
from partnerkeuze.planning.texts import candidate_mail

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


@dataclass
class Mail:
    """A mail to one recipient covering one or more items."""

    to: str
    language: str
    subject: str
    body: str
    keys: list[str] = field(default_factory=list)
    name: str = ""


def state_path(book) -> Path:
    """The state file next to the workbook (file path, xlwings fullname or the current folder)."""
    path = getattr(book, "path", None) or getattr(book, "fullname", None)
    path = Path(path) if path else Path.cwd() / str(getattr(book, "name", "werkmap"))
    return path.with_name(path.stem + STATE_SUFFIX)


def load_state(path: Path) -> dict:
    """The sent reminders ({key: {at, to}}); FileError when the file is damaged."""
    if not path.exists():
        return {"version": 1, "sent": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data.get("sent"), dict):
            raise ValueError("sent")
        return data
    except (ValueError, OSError, AttributeError) as exc:
        raise FileError(f"{path.name}: het bestand met verstuurde herinneringen is beschadigd "
                        f"({str(exc)[:80]}); herstel of verwijder het (dan worden alle "
                        f"herinneringen opnieuw verstuurd)") from None


def save_state(path: Path, state: dict) -> None:
    """Write the state atomically."""
    from partnerkeuze.xlsx.file_workbook import write_file

    write_file(path, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True).encode())


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
    assessors = {a.id: a for a in model.assessors}
    names = {c.id: c.name for c in model.criteria}
    out = []
    for cand in result.candidates:
        for crit, aid in cand.missing:
            a = assessors.get(aid)
            if a is None or not a.email:
                continue
            out.append(Item(f"scores:{aid}:{cand.id}:{crit}", a.email, "assessor", "nl",
                            f"{cand.id} {cand.name}: {crit} {names.get(crit, '')}".rstrip()))
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
        # The call title and job title as the candidate reads them (translated fields, #16).
        from partnerkeuze.documents.translations import profile_text, setting_text

        own = dict(model.profile,
                   coordinator_role=profile_text(model, "coordinator_role", c.language))
        subject, body = candidate_mail(c.language, which, deadline, c.contact, own,
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
            subject = f"Ontbrekende scores: '{title}' ({len(group)})"
            body = (f"Beste,\n\nVoor de oproep '{title}' ontbreken nog deze scores van u "
                    f"(kandidaat: criterium):\n\n{lines}\n\nVul ze aan op het blad Scores, met een "
                    f"korte motivering. Een ontbrekende score telt niet als nul: de kandidaat "
                    f"blijft onvolledig tot de score er is.\n\nMet dank,\n{coordinator}\n")
        out.append(Mail(to, "nl", subject, body, [it.key for it in group],
                        f"{who}-{to}-{group[0].key}"))
    return out


def due_items(model, plan, result, today: dt.date) -> list[Item]:
    """Everything that is due on this day, sent or not."""
    days = int(model.settings.values.get("reminder_days") or 7)
    deadline = plan.deadline or model.settings.deadline
    return (coordinator_items(model, plan, today, days) + assessor_items(model, result)
            + candidate_items(model, deadline, today))


def run_pass(book, progress, now: dt.datetime | None = None):
    """Send the reminders that are due and not yet sent; the result as an Outcome."""
    from partnerkeuze.actions import Outcome
    from partnerkeuze.assessment import evaluate
    from partnerkeuze.planning.compute import compute_plan, read_model
    from partnerkeuze.planning.mail import (
        MailUnavailable, Postman, RecipientRefused, mail_settings, message,
    )

    now = now or dt.datetime.now()
    today = now.date()
    progress("Herinneringen nagaan…")
    snap = book.snapshot()
    model, ignored = read_model(snap)
    plan = compute_plan(model, today)
    result = evaluate(model)
    spath = state_path(book)
    state = load_state(spath)
    sent = state["sent"]
    todo = [it for it in due_items(model, plan, result, today) if it.key not in sent]
    out = Outcome()
    if ignored:
        out.warnings.append(f"{ignored} probleem/problemen in de werkmap (zie 'partnerkeuze "
                            f"check'); herinneringen over scores kunnen onvolledig zijn.")
    batch = mails(todo, model)
    out.data = {"due": len(todo), "sent": 0, "failed": 0, "state": str(spath),
                "recipients": []}
    if not batch:
        out.messages.append("Geen nieuwe herinneringen.")
        return out
    settings = mail_settings(model.settings.values, model.profile, spath.parent)
    if not settings.sender:
        raise FileError("geen afzender voor de herinneringen: vul 'Afzender van de mails' "
                        "(Instellingen) of het e-mailadres van de coördinator (Profiel) in")
    delivered: list[Mail] = []
    problem = None
    try:
        with Postman(settings) as post:
            for m in batch:
                try:
                    post.send(message(settings.sender, m.to, m.subject, m.body, m.language),
                              f"{today.isoformat()}-{m.name}")
                except RecipientRefused as exc:
                    out.warnings.append(f"Niet verstuurd: {exc}.")
                    continue
                delivered.append(m)
                for key in m.keys:
                    sent[key] = {"at": now.replace(microsecond=0).isoformat(), "to": m.to}
                save_state(spath, state)
        files = list(post.written)
    except MailUnavailable as exc:
        problem = str(exc)
        files = []
    out.data.update(sent=len(delivered), failed=len(batch) - len(delivered),
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
    if problem:
        out.warnings.append(f"Herinneringen niet verstuurd: {problem}. "
                            f"{len(batch) - len(delivered)} mail(s) blijven klaarstaan en worden "
                            f"bij de volgende ronde opnieuw geprobeerd.")
        out.data["error"] = problem
    return out
