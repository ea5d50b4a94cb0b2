"""Reminders received by a real SMTP server on the loopback address (aiosmtpd): recipients,
language and subject; sent once; an unreachable server is reported and retried."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from openpyxl import load_workbook

from partnerkeuze import layout
from pipeline_support import remind_once
from partnerkeuze.features.planning.reminders import state_path
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook, save_atomic

from conftest import ROOT, run_cli

# Candidates that showed interest but have not sent their candidacy yet (no received date).
PROSPECTS = [
    ["P01", "Parakou", "Benin", "Borgou", "fr", "VVSG", "Rachidatou Sanni",
     "mairie@parakou.example.bj", None, "Ontvangen", None],
    ["P02", "Huye", "Rwanda", "Southern Province", "en", "VVSG", "Eric Nsengiyumva",
     "info@huye.example.rw", None, "Ontvangen", None],
    ["P03", "Jinotega", "Nicaragua", "Jinotega", "es", "FLACMA", "Ana López",
     "alcaldia@jinotega.example.ni", None, "Ontvangen", None],
    ["P04", "Marowijne", "Suriname", "Marowijne", "nl", "Bestaande contacten", "Sandra Pinas",
     "dc@marowijne.example.sr", None, "Ontvangen", None],
]
DEADLINE = dt.date(2026, 6, 2)
MONTH_BEFORE = dt.datetime(2026, 5, 8, 8, 0)  # 25 days before the deadline
WEEK_BEFORE = dt.datetime(2026, 5, 28, 8, 0)  # 5 days before


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content,
                                       policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server():
    inbox = Inbox()
    ctl = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    ctl.start()
    try:
        yield ctl, inbox
    finally:
        ctl.stop()


def _set_settings(wb, **values) -> None:
    ws = wb[layout.sheet("settings").name]
    for row in ws.iter_rows(min_row=5):
        if row[0].value in values:
            row[2].value = values[row[0].value]


def _prepare(path: Path, **settings) -> None:
    """Add prospects, set settings, and put the planning back to spring 2026 (call running)."""
    from partnerkeuze.io.xlsx.tables import append_rows

    wb = load_workbook(path)
    append_rows(wb[layout.sheet("candidates").name], layout.table("candidates"), PROSPECTS)
    ws = wb[layout.sheet("planning").name]
    t = layout.table("planning")
    for row in ws.iter_rows(min_row=t.first_data_row):
        if row[0].value in ("S08", "S09", "S10"):
            row[t.index("status")].value = "Bezig" if row[0].value == "S08" else "Te doen"
    _set_settings(wb, **settings)
    save_atomic(wb, path, backup=False)


def _busy(path: Path, step: str) -> None:
    """Put a step of the planning back under way (Bezig)."""
    wb = load_workbook(path)
    ws = wb[layout.sheet("planning").name]
    t = layout.table("planning")
    for row in ws.iter_rows(min_row=t.first_data_row):
        if row[0].value == step:
            row[t.index("status")].value = "Bezig"
    save_atomic(wb, path, backup=False)


@pytest.fixture
def book_path(demo_path, server, monkeypatch):
    ctl, _ = server
    for key in ("HOST", "PORT", "USER", "PASSWORD", "STARTTLS", "FROM", "CAFILE"):
        monkeypatch.delenv(f"PARTNERKEUZE_SMTP_{key}", raising=False)
    _prepare(demo_path, smtp_host="127.0.0.1", smtp_port=ctl.port, smtp_starttls="nee")
    return demo_path


def _pass(path: Path, now):
    book = FileWorkbook(path)
    out = remind_once(book, now=now)
    if out.changed:
        book.save(backup=False)
    return out


def test_reminders_reach_the_right_people_in_their_language(book_path, server):
    _, inbox = server
    out = _pass(book_path, MONTH_BEFORE)
    assert "error" not in out.data, out.warnings
    by_to = {}
    for rcpts, msg in inbox.messages:
        assert len(rcpts) == 1
        by_to[rcpts[0]] = msg
    # candidates without a candidacy, each in their own language, a month before the deadline
    expected = {
        "mairie@parakou.example.bj": ("fr", "Rappel\u202f: candidatures au plus tard le 2 juin "
                                            "2026 (ce jour compris)", "Il vous reste 25 jours."),
        "info@huye.example.rw": ("en", "Reminder: candidacies no later than 2 June 2026 (this "
                                       "day included)", "25 days remain."),
        "alcaldia@jinotega.example.ni": ("es", "Recordatorio: candidaturas a más tardar el 2 de "
                                               "junio de 2026 (este día incluido)",
                                         "Quedan 25 días."),
        "dc@marowijne.example.sr": ("nl", "Herinnering: kandidaturen uiterlijk op 2 juni 2026 "
                                    "(deze dag inbegrepen)", "U hebt nog 25 dagen."),
    }
    how = {"fr": "Comment répondre", "en": "How to answer", "es": "Cómo responder",
           "nl": "Zo antwoordt u"}
    for to, (lang, subject, line) in expected.items():
        msg = by_to[to]
        assert msg["Content-Language"] == lang
        assert msg["Subject"].startswith(subject) and "Heidebeek" in msg["Subject"]
        assert line in msg.get_content()
        assert how[lang] in msg.get_content() and ".ods" in msg.get_content()
        assert msg["From"] == "an.peeters@heidebeek.be"
    # candidates that already sent their candidacy get nothing
    assert "relaciones@tarija.example.bo" not in by_to
    # assessors with missing scores (K12 Commewijne in the demo), in Dutch
    for to in ("gros@heidebeek.be", "an.peeters@heidebeek.be", "koen.janssens@heidebeek.be"):
        assert to in by_to
    gros = by_to["gros@heidebeek.be"].get_content()
    assert "K12 Commewijne: C01" in gros and "K12 Commewijne: C06" in gros
    assert "K01" not in gros
    # the assessor by name, pointed to the assessor form (not the workbook's Scores sheet)
    assert gros.startswith("Beste ") and not gros.startswith("Beste,")
    assert "beoordelingsformulier (Beoordelingsformulier-B3-" in gros
    assert "blad Scores" not in gros
    # nothing due for the coordinator yet (the call runs until 2 June)
    assert len(inbox.messages) == 4 + 3
    assert out.data["sent"] == 7
    # the log in the workbook records the pass
    log = load_workbook(book_path)[layout.sheet("log").name]
    assert [r[3] for r in log.iter_rows(min_row=5, values_only=True)][-1] == "remind"

    # a second pass (and a restart: a new process reads the same state file) sends nothing new
    again = _pass(book_path, MONTH_BEFORE + dt.timedelta(hours=1))
    assert again.data["sent"] == 0 and "Geen nieuwe herinneringen." in again.messages
    assert len(inbox.messages) == 7
    assert state_path(book_path).exists()

    # a week before the deadline: the second candidate reminder, and nothing else repeated
    week = _pass(book_path, WEEK_BEFORE)
    new = inbox.messages[7:]
    cand = {r[0]: m for r, m in new if r[0] in expected}
    assert set(cand) == set(expected)
    assert "Quedan 5 días." in cand["alcaldia@jinotega.example.ni"].get_content()
    assert "Il vous reste 5 jours." in cand["mairie@parakou.example.bj"].get_content()
    assert not any(r[0] == "gros@heidebeek.be" for r, _ in new)
    assert week.data["sent"] == len(new) == 5
    # the coordinator: the call (S08) ends within the reminder days
    coord = [m for r, m in new if m["Subject"].startswith("Planning")]
    assert [m["To"] for m in coord] == ["an.peeters@heidebeek.be"]
    body = coord[0].get_content()
    assert "Binnenkort klaar: S08 Openstellen kandidaturen" in body and "02/06/2026" in body

    # an item to submit before a meeting: the GROS advice on the ranking (S12)
    # (the planning is made from the day of the pass: find a day three days before S12's
    # submission day as planned on that same day)
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.features.planning.compute import compute_plan

    wb = load_workbook(book_path)  # the call and the steps before the advice are done now
    ws = wb[layout.sheet("planning").name]
    t = layout.table("planning")
    for row in ws.iter_rows(min_row=t.first_data_row):
        if row[0].value in ("S08", "S09", "S10", "S11"):
            row[t.index("status")].value = "Klaar"
    save_atomic(wb, book_path, backup=False)
    snap = FileWorkbook(book_path, for_writing=False).snapshot()
    model = parse_lenient(snap, [])
    day = WEEK_BEFORE.date()
    for _ in range(200):
        s12 = next(p for p in compute_plan(model, day, snap).steps if p.id == "S12")
        if s12.meeting and 0 < (s12.meeting.submit_by - day).days <= 3:
            break
        day += dt.timedelta(days=1)
    assert 0 < (s12.meeting.submit_by - day).days <= 3
    _pass(book_path, dt.datetime.combine(day, dt.time(8)))
    last = inbox.messages[-1][1]
    assert last["To"] == "an.peeters@heidebeek.be"
    assert (f"Indienen voor GROS van {s12.meeting.date:%d/%m/%Y}: S12 Advies GROS"
            in last.get_content())


def test_unreachable_server_is_reported_and_retried(book_path, server, monkeypatch):
    ctl, inbox = server
    dead = _free_port()
    monkeypatch.setenv("PARTNERKEUZE_SMTP_PORT", str(dead))
    before = book_path.read_bytes()
    out = _pass(book_path, MONTH_BEFORE)
    assert out.data["sent"] == 0 and out.data["failed"] == 7
    text = " ".join(out.warnings)
    assert f"de mailserver 127.0.0.1:{dead} is niet bereikbaar" in text
    assert "opnieuw geprobeerd" in text
    assert book_path.read_bytes() == before
    assert inbox.messages == []
    # the next pass, with the server back, sends everything that was due
    monkeypatch.setenv("PARTNERKEUZE_SMTP_PORT", str(ctl.port))
    out = _pass(book_path, MONTH_BEFORE + dt.timedelta(hours=1))
    assert out.data["sent"] == 7 and len(inbox.messages) == 7


def test_cli_once_unreachable_exits_1_in_dutch(book_path, monkeypatch):
    dead = _free_port()
    proc = run_cli("remind", book_path, "--once", env={"PARTNERKEUZE_SMTP_PORT": str(dead)})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "niet bereikbaar" in proc.stdout and "Traceback" not in proc.stderr


def test_cli_once_twice_sends_once(book_path, server):
    _, inbox = server
    first = run_cli("remind", book_path, "--once")
    assert first.returncode == 0, first.stderr
    n = len(inbox.messages)
    assert n >= 3  # today: overdue steps for the coordinator, missing scores for assessors
    second = run_cli("remind", book_path, "--once")
    assert second.returncode == 0 and "Geen nieuwe herinneringen." in second.stdout
    assert len(inbox.messages) == n


class RefusingInbox(Inbox):
    """An inbox whose server refuses some addresses for good (550) and drops the connection
    the first time it sees another address (like a server that restarts mid-pass)."""

    def __init__(self, refuse: set[str], drop_once: set[str]):
        super().__init__()
        self.refuse, self.drop_once, self.dropped = refuse, set(drop_once), []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable"
        if address in self.drop_once:
            self.drop_once.discard(address)
            self.dropped.append(address)
            server.transport.close()
            return "421 4.3.0 closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"


REFUSED = "info@huye.example.rw"
DROPPED = "alcaldia@jinotega.example.ni"


@pytest.fixture
def refusing(demo_path, monkeypatch, request):
    refuse, drop = getattr(request, "param", (REFUSED, DROPPED))
    inbox = RefusingInbox({refuse}, {drop})
    ctl = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    ctl.start()
    for key in ("HOST", "PORT", "USER", "PASSWORD", "STARTTLS", "FROM", "CAFILE"):
        monkeypatch.delenv(f"PARTNERKEUZE_SMTP_{key}", raising=False)
    _prepare(demo_path, smtp_host="127.0.0.1", smtp_port=ctl.port, smtp_starttls="nee")
    try:
        yield demo_path, inbox
    finally:
        ctl.stop()


def test_one_refused_address_and_a_dropped_connection_stop_nothing(refusing):
    path, inbox = refusing
    first = _pass(path, MONTH_BEFORE)
    assert inbox.dropped == [DROPPED]
    got = [r[0] for r, _ in inbox.messages]
    assert REFUSED not in got and DROPPED not in got
    assert first.data["sent"] == 5 and first.data["refused"] == 1 and first.data["failed"] == 1
    text = "\n".join(first.warnings)
    assert f"{REFUSED}: 550 5.1.1" in text and "mailbox unavailable" in text
    assert DROPPED in text
    state = json.loads(state_path(path).read_text())
    refused = [v for v in state["refused"].values()]
    assert [v["to"] for v in refused] == [REFUSED] and refused[0]["answer"].startswith("550")
    assert [v["to"] for v in state["retry"].values()] == [DROPPED]

    second = _pass(path, MONTH_BEFORE + dt.timedelta(hours=1))
    got = [r[0] for r, _ in inbox.messages]
    # every other mail delivered exactly once across the two passes, the dropped one included
    assert len(got) == len(set(got)) == 6 and DROPPED in got
    assert second.data["sent"] == 1 and second.data["refused"] == 1
    assert [r["to"] for r in second.data["results"]] == [DROPPED, REFUSED] or \
        sorted(r["to"] for r in second.data["results"]) == sorted([DROPPED, REFUSED])
    assert f"{REFUSED}: 550" in "\n".join(second.warnings)
    state = json.loads(state_path(path).read_text())
    assert state["retry"] == {} and [v["to"] for v in state["refused"].values()] == [REFUSED]


@pytest.mark.parametrize("refusing", [("gros@heidebeek.be", "koen.janssens@heidebeek.be")],
                         indirect=True)
def test_cli_once_reports_the_refused_address_and_sends_the_others(refusing):
    # run today: the coordinator and the three assessors (missing scores) are due; the mails
    # that went out are recorded, so the pass is done (exit 0) and says what was refused
    path, inbox = refusing
    _busy(path, "S07")  # a step under way ends within the reminder days, whatever today is
    proc = run_cli("remind", path, "--once")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "TypeError" not in proc.stdout
    assert "Samenvatting: 2 verstuurd, 1 geweigerd, 1 later opnieuw." in proc.stdout
    assert "gros@heidebeek.be: 550 5.1.1" in proc.stdout
    assert len(inbox.messages) == 2
    again = run_cli("remind", path, "--once")
    assert again.returncode == 0 and "Samenvatting: 1 verstuurd, 1 geweigerd, 0 later" \
        in again.stdout
    got = [(r[0], m["Subject"]) for r, m in inbox.messages]  # the coordinator is an assessor too
    assert len(got) == len(set(got)) == 3
    assert "koen.janssens@heidebeek.be" in {to for to, _ in got}


def test_folded_subjects_decode_exactly():
    from email.header import decode_header, make_header

    from partnerkeuze.io.mail import message

    words = ["Rappel", ":", "candidatures", "jusqu'au", "–", "«Oproep»", "très", "año",
             "Heidebeek", "(12)", "'Oproep", "kandidaatstelling'", "partnergemeente"]
    import random

    rnd = random.Random(7)
    for _ in range(300):
        subject = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 40)))
        msg = message("a@b.be", "c@d.be", subject, "tekst", "fr")
        raw = bytes(msg)
        expected = msg["Subject"]
        assert expected == subject[:len(expected)]
        assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == expected
        legacy = email.message_from_bytes(raw)["Subject"]
        assert str(make_header(decode_header(legacy))) == expected
        assert max(len(line) for line in raw.split(b"\n")) <= 998


def test_outbox_beside_the_workbook_not_the_current_folder(tmp_path, demo_template, monkeypatch):
    for key in ("HOST", "PORT"):
        monkeypatch.delenv(f"PARTNERKEUZE_SMTP_{key}", raising=False)
    (tmp_path / "rem2").mkdir()
    shutil.copy(demo_template, tmp_path / "rem2" / "f.xlsx")
    proc = run_cli("remind", "rem2/f.xlsx", "--once", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not (tmp_path / "rem2" / "rem2").exists()
    assert list((tmp_path / "rem2" / "uitgaande-mail").glob("*.eml"))


def test_outbox_when_no_server(demo_path, monkeypatch):
    for key in ("HOST", "PORT"):
        monkeypatch.delenv(f"PARTNERKEUZE_SMTP_{key}", raising=False)
    _prepare(demo_path)
    out = _pass(demo_path, MONTH_BEFORE)
    outbox = demo_path.parent / "uitgaande-mail"
    files = sorted(outbox.glob("*.eml"))
    assert len(files) == out.data["sent"] == 7
    msgs = [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]
    assert {m["To"] for m in msgs} >= {"info@huye.example.rw", "gros@heidebeek.be"}
    assert _pass(demo_path, MONTH_BEFORE).data["sent"] == 0
    assert len(list(outbox.glob("*.eml"))) == 7


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_starttls_and_login(demo_path, tmp_path, monkeypatch):
    import ssl

    from aiosmtpd.smtp import AuthResult

    cert, key = _self_signed(tmp_path)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    logins = []

    def auth(server, session, envelope, mechanism, data):
        logins.append((mechanism, data.login, data.password, session.ssl is not None))
        ok = data.login == b"coordinator" and data.password == b"geheim"
        return AuthResult(success=ok, handled=False)

    inbox = Inbox()
    ctl = Controller(inbox, hostname="127.0.0.1", port=_free_port(), tls_context=ctx,
                     require_starttls=True, authenticator=auth, auth_require_tls=True)
    ctl.start()
    try:
        _prepare(demo_path, smtp_host="127.0.0.1", smtp_port=ctl.port, smtp_starttls="ja",
                 smtp_user="coordinator")
        monkeypatch.setenv("PARTNERKEUZE_SMTP_CAFILE", str(cert))
        monkeypatch.setenv("PARTNERKEUZE_SMTP_PASSWORD", "fout")
        bad = _pass(demo_path, MONTH_BEFORE)
        assert "weigert de aanmelding van 'coordinator'" in " ".join(bad.warnings)
        monkeypatch.setenv("PARTNERKEUZE_SMTP_PASSWORD", "geheim")
        out = _pass(demo_path, MONTH_BEFORE)
        assert out.data["sent"] == 7 and len(inbox.messages) == 7
        assert logins[-1][1:] == (b"coordinator", b"geheim", True)
    finally:
        ctl.stop()


def test_long_running_process_sends_at_start(book_path, server):
    _, inbox = server
    env = dict(os.environ, PYTHONPATH=str(ROOT), PARTNERKEUZE_USER="test")
    proc = subprocess.Popen([sys.executable, "-m", "partnerkeuze", "remind", str(book_path)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(inbox.messages) < 3:
            time.sleep(0.2)
        assert len(inbox.messages) >= 3
        time.sleep(0.5)
        assert proc.poll() is None  # still running, waiting for tomorrow 08:00
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert "Herinneringen: elke dag om 08:00" in out


def test_workbook_open_in_excel_still_reminds_without_touching_it(book_path, server):
    _, inbox = server
    lock = book_path.with_name("~$" + book_path.name)
    lock.write_text("owner")
    before = book_path.read_bytes()
    proc = run_cli("remind", book_path, "--once")
    assert proc.returncode == 0, proc.stderr
    assert len(inbox.messages) >= 3
    assert "open in Excel" in proc.stdout
    assert book_path.read_bytes() == before
    again = run_cli("remind", book_path, "--once")
    assert "Geen nieuwe herinneringen." in again.stdout


def test_candidate_text_is_data_not_template():
    from partnerkeuze.features.planning.texts import candidate_mail

    profile = {"municipality": "Heidebeek", "coordinator": "An Peeters",
               "coordinator_email": "an@heidebeek.be", "coordinator_role": "Coördinator"}
    today = DEADLINE - dt.timedelta(days=1)
    subject, body = candidate_mail("en", DEADLINE, today, "{municipality} {0}", profile, "{left}")
    assert body.startswith("Dear {municipality} {0},")  # greeted by name, the braces literal
    _, body = candidate_mail("fr", DEADLINE, today, "{municipality} {0}", profile, "{left}")
    assert body.startswith("Madame, Monsieur,")  # no form of address: the neutral greeting
    assert "«\u202f{left}\u202f»" in body and "Il vous reste 1 jour." in body
    subject, _ = candidate_mail("fr", DEADLINE, today, "", profile, "Appel")
    assert subject.startswith("Rappel\u202f: candidatures au plus tard le 2 juin")
    _, body = candidate_mail("es", DEADLINE, DEADLINE, "  ", profile, "Convocatoria")
    assert body.startswith("Señora, señor:") and "Hoy es el último día." in body
    # with a form of address and a family name, as the letters greet
    from partnerkeuze.core.phrasing import person

    who = person("de heer", "José Luis", "Rivera", role="Director de planificación")
    _, body = candidate_mail("es", DEADLINE, today, who, profile, "Convocatoria")
    assert body.startswith("Estimado señor Rivera:") and "planificación" not in body
    # an unknown language falls back to English
    subject, _ = candidate_mail("de", DEADLINE, today, "X", profile, "Call")
    assert subject.startswith("Reminder: candidacies no later than 2 June 2026")


def test_header_injection_is_neutralised():
    from partnerkeuze.io.mail import message

    msg = message("a@b.be", "x@y.be\r\nBcc: evil@z.be", "Onderwerp\nBcc: evil@z.be", "tekst", "nl")
    assert "\n" not in msg["To"] and "\n" not in msg["Subject"]
    assert msg["Bcc"] is None


@pytest.mark.parametrize("value,expected", [
    ("08:00", "08:00"), ("7:30", "07:30"), ("18:05:00", "18:05"), (dt.time(9, 15), "09:15"),
    (0.375, "09:00"), ("8.45", "08:45"), ("25:00", None), ("morgen", None)])
def test_reminder_time_from_the_cell(value, expected):
    from partnerkeuze.app.cli.cmd_remind import parse_time

    assert parse_time(value) == expected


def _registers(root: Path) -> set[Path]:
    """Every register of sent reminders and every outbox under a folder."""
    return {p for p in root.rglob("*") if p.name.endswith(".herinneringen.json")
            or p.name == "uitgaande-mail"}


def _stray_tmp() -> set[str]:
    import tempfile

    return {p.name for p in Path(tempfile.gettempdir()).glob("partnerkeuze-herinneringen-*")}


def _bare_name_call(demo_template, tmp_path, monkeypatch):
    """The demo as oproep/demo.xlsx, with an empty folder elsewhere and an empty home, and no
    mail server or state folder from the environment: (folder, elsewhere, home)."""
    for key in ("HOST", "PORT", "USER", "PASSWORD", "STARTTLS", "FROM", "CAFILE"):
        monkeypatch.delenv(f"PARTNERKEUZE_SMTP_{key}", raising=False)
    monkeypatch.delenv("PARTNERKEUZE_STATE_DIR", raising=False)
    folder, elsewhere, home = tmp_path / "oproep", tmp_path / "elders", tmp_path / "home"
    for d in (folder, elsewhere, home):
        d.mkdir()
    shutil.copy(demo_template, folder / "demo.xlsx")
    return folder, elsewhere, home


def test_bare_name_from_the_workbooks_folder_and_a_link_send_once(demo_template, tmp_path,
                                                                  server, monkeypatch):
    """`remind NAME.xlsx --once` twice from the workbook's folder, then through a symbolic link
    from another folder: one register beside the real workbook, every mail once."""
    ctl, inbox = server
    folder, elsewhere, home = _bare_name_call(demo_template, tmp_path, monkeypatch)
    _prepare(folder / "demo.xlsx", smtp_host="127.0.0.1", smtp_port=ctl.port,
             smtp_starttls="nee")
    env = {"HOME": str(home), "USERPROFILE": str(home)}
    before = _stray_tmp()
    first = run_cli("remind", "demo.xlsx", "--once", cwd=folder, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    sent = len(inbox.messages)
    assert sent >= 3 and "verstuurd via 127.0.0.1" in first.stdout
    second = run_cli("remind", "demo.xlsx", "--once", cwd=folder, env=env)
    assert second.returncode == 0 and "Geen nieuwe herinneringen." in second.stdout
    assert len(inbox.messages) == sent
    (elsewhere / "link.xlsx").symlink_to(folder / "demo.xlsx")
    third = run_cli("remind", "link.xlsx", "--once", cwd=elsewhere, env=env)
    assert third.returncode == 0 and "Geen nieuwe herinneringen." in third.stdout, third.stdout
    assert len(inbox.messages) == sent
    # one register, beside the real workbook; none in the other folder, the home or /tmp
    assert _registers(tmp_path) == {folder / "demo.herinneringen.json"}
    assert not (home / ".partnerkeuze").exists()
    assert _stray_tmp() == before
    recipients = [r[0] for r, _ in inbox.messages]
    assert len(recipients) == len(set(recipients))  # nobody got the same reminder twice


def test_bare_name_without_a_server_keeps_one_outbox(demo_template, tmp_path, monkeypatch):
    folder, elsewhere, home = _bare_name_call(demo_template, tmp_path, monkeypatch)
    env = {"HOME": str(home), "USERPROFILE": str(home)}
    before = _stray_tmp()
    first = run_cli("remind", "demo.xlsx", "--once", cwd=folder, env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    outbox = folder / "uitgaande-mail"
    mails = sorted(outbox.glob("*.eml"))
    assert mails and f"als .eml in {outbox}" in first.stdout
    assert run_cli("remind", "demo.xlsx", "--once", cwd=folder, env=env).returncode == 0
    (elsewhere / "link.xlsx").symlink_to(folder / "demo.xlsx")
    third = run_cli("remind", "link.xlsx", "--once", cwd=elsewhere, env=env)
    assert third.returncode == 0 and "Geen nieuwe herinneringen." in third.stdout
    assert sorted(outbox.glob("*.eml")) == mails  # nothing written twice
    assert _registers(tmp_path) == {folder / "demo.herinneringen.json", outbox}
    assert not (home / ".partnerkeuze").exists() and _stray_tmp() == before
