"""Reminders received by a real SMTP server on the loopback address (aiosmtpd): recipients,
language and subject; sent once; an unreachable server is reported and retried."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
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
from partnerkeuze.planning.actions import remind_once
from partnerkeuze.planning.reminders import state_path
from partnerkeuze.xlsx.file_workbook import FileWorkbook, save_atomic

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
    from partnerkeuze.xlsx.tables import append_rows

    wb = load_workbook(path)
    append_rows(wb[layout.sheet("candidates").name], layout.table("candidates"), PROSPECTS)
    ws = wb[layout.sheet("planning").name]
    t = layout.table("planning")
    for row in ws.iter_rows(min_row=t.first_data_row):
        if row[0].value in ("S08", "S09", "S10"):
            row[t.index("status")].value = "Bezig" if row[0].value == "S08" else "Te doen"
    _set_settings(wb, **settings)
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
        "mairie@parakou.example.bj": ("fr", "Rappel : candidatures jusqu'au 2 juin 2026",
                                      "Il vous reste environ un mois."),
        "info@huye.example.rw": ("en", "Reminder: candidacies until 2 June 2026",
                                 "About one month remains."),
        "alcaldia@jinotega.example.ni": ("es", "Recordatorio: candidaturas hasta el 2 de junio "
                                               "de 2026", "Queda aproximadamente un mes."),
        "dc@marowijne.example.sr": ("nl", "Herinnering: kandidaturen tot 2 juni 2026",
                                    "U hebt nog ongeveer een maand."),
    }
    for to, (lang, subject, line) in expected.items():
        msg = by_to[to]
        assert msg["Content-Language"] == lang
        assert msg["Subject"].startswith(subject) and "Heidebeek" in msg["Subject"]
        assert line in msg.get_content()
        assert msg["From"] == "an.peeters@heidebeek.be"
    # candidates that already sent their candidacy get nothing
    assert "relaciones@tarija.example.bo" not in by_to
    # assessors with missing scores (K12 Commewijne in the demo), in Dutch
    for to in ("gros@heidebeek.be", "an.peeters@heidebeek.be", "koen.janssens@heidebeek.be"):
        assert to in by_to
    gros = by_to["gros@heidebeek.be"].get_content()
    assert "K12 Commewijne: C01" in gros and "K12 Commewijne: C06" in gros
    assert "K01" not in gros
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
    assert state_path(FileWorkbook(book_path, for_writing=False)).exists()

    # a week before the deadline: the second candidate reminder, and nothing else repeated
    week = _pass(book_path, WEEK_BEFORE)
    new = inbox.messages[7:]
    cand = {r[0]: m for r, m in new if r[0] in expected}
    assert set(cand) == set(expected)
    assert "Queda una semana." in cand["alcaldia@jinotega.example.ni"].get_content()
    assert "Il vous reste une semaine." in cand["mairie@parakou.example.bj"].get_content()
    assert not any(r[0] == "gros@heidebeek.be" for r, _ in new)
    assert week.data["sent"] == len(new) == 5
    # the coordinator: the call (S08) ends within the reminder days
    coord = [m for r, m in new if m["Subject"].startswith("Planning")]
    assert [m["To"] for m in coord] == ["an.peeters@heidebeek.be"]
    body = coord[0].get_content()
    assert "Binnenkort klaar: S08 Openstellen kandidaturen" in body and "02/06/2026" in body

    # an item to submit before a meeting: the GROS advice on the ranking (S12)
    from partnerkeuze.planning.actions import plan

    steps = {s["id"]: s for s in plan(FileWorkbook(book_path)).data["steps"]}
    submit = steps["S12"]["submit_by"]
    _pass(book_path, dt.datetime.combine(submit - dt.timedelta(days=3), dt.time(8)))
    last = inbox.messages[-1][1]
    assert last["To"] == "an.peeters@heidebeek.be"
    assert (f"Indienen voor GROS van {steps['S12']['meeting']:%d/%m/%Y}: S12 Advies GROS"
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
    from partnerkeuze.planning.texts import candidate_mail

    profile = {"municipality": "Heidebeek", "coordinator": "An Peeters",
               "coordinator_email": "an@heidebeek.be", "coordinator_role": "Coördinator"}
    subject, body = candidate_mail("fr", "week", DEADLINE, "{municipality} {0}", profile, "{left}")
    assert body.startswith("Bonjour {municipality} {0},")
    assert "« {left} »" in body and subject.startswith("Rappel : candidatures jusqu'au 2 juin")
    _, body = candidate_mail("es", "month", DEADLINE, "  ", profile, "Convocatoria")
    assert body.startswith("Estimados señores:")
    # an unknown language falls back to English
    subject, _ = candidate_mail("de", "week", DEADLINE, "X", profile, "Call")
    assert subject.startswith("Reminder: candidacies until 2 June 2026")


def test_header_injection_is_neutralised():
    from partnerkeuze.planning.mail import message

    msg = message("a@b.be", "x@y.be\r\nBcc: evil@z.be", "Onderwerp\nBcc: evil@z.be", "tekst", "nl")
    assert "\n" not in msg["To"] and "\n" not in msg["Subject"]
    assert msg["Bcc"] is None


@pytest.mark.parametrize("value,expected", [
    ("08:00", "08:00"), ("7:30", "07:30"), ("18:05:00", "18:05"), (dt.time(9, 15), "09:15"),
    (0.375, "09:00"), ("8.45", "08:45"), ("25:00", None), ("morgen", None)])
def test_reminder_time_from_the_cell(value, expected):
    from partnerkeuze.cli.cmd_remind import parse_time

    assert parse_time(value) == expected
