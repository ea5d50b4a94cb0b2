"""Sending mail: SMTP settings from the workbook or the environment (STARTTLS and login), or
.eml files in an outbox folder when no server is set."""

from __future__ import annotations

import email.policy
import os
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from partnerkeuze.kernel.errors import PartnerkeuzeError

ENV = "PARTNERKEUZE_SMTP_"
TIMEOUT = 20  # seconds per connection attempt
OUTBOX_NAME = "uitgaande-mail"
_HEADER_BAD = re.compile(r"[\r\n\x00-\x1f]+")


class MailUnavailable(PartnerkeuzeError):
    """The mail server could not be reached or refused us; the message is Dutch."""


class RecipientRefused(MailUnavailable):
    """The server refused one recipient; other messages can still go."""


SENT, REFUSED, RETRY = "sent", "refused", "retry"


@dataclass(frozen=True)
class Delivery:
    """What happened to one message: sent, refused for good (5xx, with the server's answer)
    or to retry later (4xx, a dropped connection)."""

    status: str
    answer: str = ""


def _answer(code, text) -> str:
    """The server's answer as one line: '550 5.1.1 mailbox unavailable'."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return header(f"{code} {text}", 300)


@dataclass(frozen=True)
class MailSettings:
    """Where mail goes: an SMTP server (host set) or an outbox folder of .eml files."""

    host: str = ""
    port: int = 587
    user: str = ""
    password: str = ""
    starttls: bool = True
    sender: str = ""
    outbox: Path | None = None
    cafile: str = ""

    @property
    def uses_server(self) -> bool:
        """True when mail goes to an SMTP server."""
        return bool(self.host)


def _truthy(text: str) -> bool:
    return text.strip().casefold() in ("1", "ja", "yes", "true", "waar", "on")


def mail_settings(values: dict, profile: dict, workbook_dir: Path,
                  env: dict | None = None) -> MailSettings:
    """Mail settings: the environment (PARTNERKEUZE_SMTP_*) wins over the workbook's settings."""
    env = os.environ if env is None else env

    def pick(key: str, field: str, default=""):
        value = env.get(ENV + key)
        if value not in (None, ""):
            return value
        value = values.get(field)
        return default if value in (None, "") else value

    port = pick("PORT", "smtp_port", 587)
    try:
        port = int(port)
    except (TypeError, ValueError):
        raise MailUnavailable(f"{ENV}PORT: '{port}' is geen poortnummer") from None
    tls = env.get(ENV + "STARTTLS")
    starttls = _truthy(tls) if tls not in (None, "") else (values.get("smtp_starttls") or "ja") == "ja"
    outbox = str(values.get("outbox") or "").strip()
    outbox_dir = Path(outbox) if outbox else Path(OUTBOX_NAME)
    if not outbox_dir.is_absolute():  # relative to the workbook's folder, never to cwd
        outbox_dir = Path(workbook_dir).absolute() / outbox_dir
    return MailSettings(
        host=str(pick("HOST", "smtp_host")).strip(), port=port,
        user=str(pick("USER", "smtp_user")).strip(), password=env.get(ENV + "PASSWORD", ""),
        starttls=starttls,
        sender=str(pick("FROM", "smtp_from") or profile.get("coordinator_email") or "").strip(),
        outbox=outbox_dir, cafile=env.get(ENV + "CAFILE", ""))


def header(text: str, limit: int = 200) -> str:
    """A safe one-line header value (no line breaks or control characters), capped."""
    return _HEADER_BAD.sub(" ", str(text)).strip()[:limit]


# Headers are not folded: Python's folding of encoded words loses or doubles spaces when read
# back; an unfolded line stays well under the 998 characters SMTP allows (subject capped).
_UNFOLDED = email.policy.default.clone(max_line_length=0)
_LINE_MAX = 990


def subject_line(text: str) -> str:
    """A subject that, encoded on one line, stays within what SMTP allows."""
    subject = header(text, 200)
    while subject and len(_encoded_subject(subject)) > _LINE_MAX:
        subject = subject[:-10].rstrip()
    return subject


def _encoded_subject(subject: str) -> bytes:
    probe = EmailMessage(policy=_UNFOLDED)
    probe["Subject"] = subject
    return probe.as_bytes().split(b"\n", 1)[0]


def message(sender: str, to: str, subject: str, body: str, language: str) -> EmailMessage:
    """A plain-text mail (headers on one line each, so they decode exactly)."""
    msg = EmailMessage()
    msg["From"] = header(sender)
    msg["To"] = header(to)
    msg["Subject"] = subject_line(subject)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="partnerkeuze.local")
    msg["X-Mailer"] = "Partnerkeuze"
    msg.set_content(body[:20_000])
    msg["Content-Language"] = header(language, 8)  # after set_content, which drops Content-*
    msg.policy = _UNFOLDED
    return msg


class Postman:
    """Delivers messages: one SMTP connection per pass, or .eml files in the outbox."""

    def __init__(self, settings: MailSettings):
        self.settings = settings
        self._smtp = None
        self.written: list[Path] = []

    def __enter__(self):
        if self.settings.uses_server:
            self._connect()
        return self

    def __exit__(self, *exc) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except Exception:  # the connection is gone anyway
                pass
            self._smtp = None

    def _where(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    def _unreachable(self, exc: Exception) -> "MailUnavailable":
        """The Dutch error for a server that cannot be reached or fails mid-way."""
        from partnerkeuze.kernel.errors import os_reason

        if isinstance(exc, OSError) and exc.errno:
            reason = os_reason(exc)
        elif isinstance(exc, TimeoutError) or "timed out" in str(exc):
            reason = "de verbinding duurde te lang"
        else:
            reason = f"fout {type(exc).__name__}"
        return MailUnavailable(f"de mailserver {self._where()} is niet bereikbaar ({reason})")

    def _connect(self) -> None:
        import smtplib
        import ssl

        s = self.settings
        try:
            context = ssl.create_default_context(cafile=s.cafile or None)
            if s.port == 465:
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT)
                smtp.ehlo()
                if s.starttls:
                    smtp.starttls(context=context)
                    smtp.ehlo()
            if s.user:
                smtp.login(s.user, s.password)
        except smtplib.SMTPAuthenticationError:
            raise MailUnavailable(f"de mailserver {self._where()} weigert de aanmelding van "
                                  f"'{s.user}': controleer gebruikersnaam en "
                                  f"PARTNERKEUZE_SMTP_PASSWORD") from None
        except smtplib.SMTPNotSupportedError:
            raise MailUnavailable(f"de mailserver {self._where()} kent geen STARTTLS: zet "
                                  f"'Versleutelen met STARTTLS' op nee of gebruik poort 465") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise self._unreachable(exc) from None
        self._smtp = smtp

    def send(self, msg: EmailMessage, name: str) -> Delivery:
        """Deliver one message. A refused recipient or message is that message's result; a
        dropped connection is retried on a new connection for the next message; MailUnavailable
        only when the server cannot be reached (again)."""
        if not self.settings.uses_server:
            from partnerkeuze.io.outputs import write as write_file

            safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name)[:80]
            path = self.settings.outbox / f"{safe}.eml"
            write_file(path, bytes(msg))
            self.written.append(path)
            return Delivery(SENT)
        import smtplib

        if self._smtp is None:
            self._connect()
        try:
            self._smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()), (550, b""))
            if code == 421:  # the server closes the connection: reconnect for the next one
                self._drop()
            return Delivery(REFUSED if 500 <= int(code) < 600 else RETRY, _answer(code, text))
        except smtplib.SMTPDataError as exc:
            return Delivery(REFUSED if 500 <= exc.smtp_code < 600 else RETRY,
                            _answer(exc.smtp_code, exc.smtp_error))
        except smtplib.SMTPSenderRefused as exc:
            raise MailUnavailable(f"de mailserver {self._where()} weigert de afzender "
                                  f"{msg['From']} ({_answer(exc.smtp_code, exc.smtp_error)})"
                                  ) from None
        except (OSError, smtplib.SMTPException) as exc:
            self._drop()
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            return Delivery(RETRY, header(f"verbinding verbroken ({reason})", 300))
        return Delivery(SENT)

    def _drop(self) -> None:
        """Forget a connection the server closed (the next message opens a new one)."""
        try:
            if self._smtp is not None:
                self._smtp.close()
        except Exception:  # already gone
            pass
        self._smtp = None
